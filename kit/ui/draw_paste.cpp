// Library: "Paste update", for updates that came as text (SMS, e-mail, a chat): the reader
// pastes parts, sees which are there and which are missing, and installs once all arrived.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "kit/ui/bidi.hpp"
#include "kit/ui/paste_text.hpp"
#include "kit/ui/screens.hpp"

namespace fk::ui {

void DrawPasteUpdate(const Model& model, ViewState& view, ActionQueue& out) {
    DrawHeading(view.fonts.h2, L("Paste update"));
    DrawMuted(view,
              tr("An update sent as text (SMS, e-mail, a chat): paste the parts here, in any order, with the rest of "
                 "the message if you like. Parts that arrived are kept until the others come; the update installs "
                 "only when all are here and its signature checks."));
    const float height = ImGui::GetTextLineHeightWithSpacing() * 6;
    if (ImGui::InputTextMultiline("##paste", &view.paste_text, ImVec2(-1, height)))
        out.push_back({ActionType::kPasteText, view.paste_text});
    view.Record("paste-text");
    const PasteLines lines = DescribePaste(model.Paste());
    for (const auto& line : lines.lines) {
        if (line.kind == PasteLine::kError) ImGui::PushStyleColor(ImGuiCol_Text, view.palette.error);
        DrawText(line.text);
        if (line.kind == PasteLine::kError) ImGui::PopStyleColor();
    }
    if (!lines.button.empty()) {
        if (ImGui::Button((Displayable(lines.button) + "###paste-install").c_str()))
            out.push_back({ActionType::kPasteInstall, view.paste_text});
        view.Record("paste-install");
        ImGui::SameLine();
    }
    // TRANSLATORS: a button: empty the box of pasted text.
    if (!view.paste_text.empty() && ImGui::Button(L("Clear"))) {
        view.paste_text.clear();
        out.push_back({ActionType::kPasteText, ""});
    }
}

}  // namespace fk::ui
