// Theme and font updates (see look.hpp).
#include "kit/ui/look.hpp"

#include "kit/ui/theme.hpp"

namespace fk::ui {

bool UpdateLook(const Model& model, const std::string& theme_override, float scale, ViewState& view, Look& applied) {
    const std::string theme = theme_override.empty() ? model.Settings().theme : theme_override;
    const int size = model.Settings().font_size;
    bool fonts = size != applied.font_size || scale != applied.scale;
    if (theme != applied.theme || scale != applied.scale) ApplyTheme(theme, scale, view.palette);
    if (fonts) view.fonts = LoadFonts(*ImGui::GetIO().Fonts, static_cast<float>(size) * scale);
    view.scale = scale;
    applied = {size, theme, scale};
    return fonts;
}

}  // namespace fk::ui
