// Theme and font updates (see look.hpp).
#include "kit/ui/look.hpp"

#include "kit/ui/theme.hpp"

namespace fk::ui {

bool UpdateLook(const Model& model, const std::string& theme_override, float scale, ViewState& view, Look& applied) {
    const std::string theme = theme_override.empty() ? model.Settings().theme : theme_override;
    const int size = model.Settings().font_size;
    const PresenterState* p = model.Presenter();
    const int presenter = p ? model.Settings().presenter_font_size : 0;
    const bool cyrillic = p && p->needs_cyrillic, arabic = p && p->needs_arabic;
    bool fonts = size != applied.font_size || scale != applied.scale || presenter != applied.presenter_size ||
                 cyrillic != applied.presenter_cyrillic || arabic != applied.presenter_arabic;
    if (theme != applied.theme || scale != applied.scale) ApplyTheme(theme, scale, view.palette);
    if (fonts) {
        view.fonts = LoadFonts(*ImGui::GetIO().Fonts, static_cast<float>(size) * scale);
        view.presenter_fonts = presenter ? AddPresenterFonts(*ImGui::GetIO().Fonts,
                                                             static_cast<float>(presenter) * scale, cyrillic, arabic)
                                         : Fonts{};
    }
    view.scale = scale;
    applied = {size, theme, scale, presenter, cyrillic, arabic};
    return fonts;
}

}  // namespace fk::ui
