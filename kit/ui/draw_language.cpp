// Settings > Interface language: the window's own words, apart from the reading language.
#include "kit/ui/bidi.hpp"
#include "kit/ui/screens.hpp"

namespace fk::ui {

void DrawInterfaceLanguage(const Model& model, ViewState& view, ActionQueue& out) {
    const std::string& chosen = model.Settings().interface_language;
    DrawHeading(view.fonts.h2, L("Interface language"));
    DrawMuted(view, tr("Menus, buttons and messages. Articles keep the reading language."));
    // Joined in logical order, then made drawable once: "System (العربية)" reads right either way.
    std::string system = tr("System");
    for (const auto& l : i18n::Languages())
        if (i18n::SystemLanguage() == l.code) system += std::string(" (") + l.native_name + ")";
    system = Displayable(system);
    if (DrawChip((system + "###ui-lang-system").c_str(), chosen.empty(), view))
        out.push_back({ActionType::kSetInterfaceLanguage, ""});
    view.Record("ui-lang:");
    for (const auto& l : i18n::Languages()) {
        ImGui::SameLine();
        std::string label = Displayable(l.native_name) + "###ui-lang-" + l.code;
        if (DrawChip(label.c_str(), chosen == l.code, view)) out.push_back({ActionType::kSetInterfaceLanguage, l.code});
        view.Record(std::string("ui-lang:") + l.code);
    }
}

}  // namespace fk::ui
