// Settings: text size (Ctrl+= / Ctrl+-), theme, reading language, updates over a metered
// link, where data lives, the notes' passphrase, history and wiping the reader's data.
#include "kit/ui/bidi.hpp"
#include "kit/ui/screens.hpp"
#include "platform/utf8_path.hpp"

namespace fk::ui {

void DrawSettings(const Model& model, ViewState& view, ActionQueue& out) {
    const core::ReaderSettings& s = model.Settings();
    ImGui::BeginChild("settings", ImVec2(0, 0), false);
    DrawHeading(view.fonts.h2, L("Text size"));
    ImGui::BeginDisabled(s.font_size <= core::kMinFontSize);
    if (ImGui::Button(" A- ")) out.push_back({ActionType::kChangeFontSize, {}, -1});
    ImGui::EndDisabled();
    ImGui::SameLine();
    // TRANSLATORS: the text size in pixels.
    ImGui::TextUnformatted(Displayable(Format(tr("{size} px"), {{"size", std::to_string(s.font_size)}})).c_str());
    ImGui::SameLine();
    ImGui::BeginDisabled(s.font_size >= core::kMaxFontSize);
    if (ImGui::Button(" A+ ")) out.push_back({ActionType::kChangeFontSize, {}, 1});
    ImGui::EndDisabled();
    ImGui::SameLine();
    DrawMuted(view, tr("Ctrl+= and Ctrl+- work everywhere."));

    ImGui::Spacing();
    DrawHeading(view.fonts.h2, L("Theme"));
    const std::pair<const char*, const char*> themes[] = {
        {"dark", N_("Dark")}, {"light", N_("Light")}, {"high-contrast", N_("High contrast (sunlight, tired eyes)")}};
    for (const auto& [key, label] : themes) {
        if (ImGui::RadioButton(L(label), s.theme == key)) out.push_back({ActionType::kSetTheme, key});
        view.Record(std::string("theme:") + key);
    }

    ImGui::Spacing();
    DrawInterfaceLanguage(model, view, out);

    ImGui::Spacing();
    DrawHeading(view.fonts.h2, L("Reading language"));
    DrawMuted(view, tr("Articles open in this language when a translation exists, else in English."));
    const std::pair<const char*, const char*> langs[] = {
        {"en", "English"},
        {"fr",
         "Fran\xC3\xA7"
         "ais"},
        {"es", "Espa\xC3\xB1ol"},
        {"uk", "\xD0\xA3\xD0\xBA\xD1\x80\xD0\xB0\xD1\x97\xD0\xBD\xD1\x81\xD1\x8C\xD0\xBA\xD0\xB0"},
        {"ar", "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9 (Arabic)"}};
    for (const auto& [key, label] : langs) {
        ImGui::SameLine(0, -1);
        if (key == langs[0].first) ImGui::NewLine();
        if (DrawChip(key, s.language == key, view)) out.push_back({ActionType::kSetLanguage, key});
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", label);
    }

    ImGui::Spacing();
    DrawMeteredSettings(model, view, out);

    ImGui::Spacing();
    DrawHeading(view.fonts.h2, L("Your data"));
    DrawMuted(view, Format(tr("Data folder: {path}"), {{"path", platform::Utf8FromPath(model.DataDir())}}));
    DrawMuted(view, tr("Bookmarks, notes, history, checklist progress and settings are kept in reader.sqlite there; "
                       "content updates never change them."));
    ImGui::Spacing();
    DrawPrivacySettings(model, view, out);
    ImGui::Spacing();
    DrawReportSettings(model, view, out);
    ImGui::EndChild();
}

}  // namespace fk::ui
