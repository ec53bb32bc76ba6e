// Library: the sync state, installed packs with versions and content age, trusted keys (add
// one from a typed path), import from a file (typed path, or dropped onto the window).
#include <imgui.h>
#include <imgui_stdlib.h>

#include "bundle/manifest.hpp"
#include "bundle/minisign.hpp"
#include "kit/ui/bidi.hpp"
#include "kit/ui/screens.hpp"
#include "platform/utf8_path.hpp"

namespace fk::ui {

void DrawLibrary(const Model& model, ViewState& view, ActionQueue& out) {
    ImGui::BeginChild("library", ImVec2(0, 0), false);
    DrawHeading(view.fonts.h2, L("Updates"));
    DrawSyncState(model, view, out);
    ImGui::Spacing();
    DrawHeading(view.fonts.h2, L("Installed packs"));
    if (ImGui::BeginTable("packs", 5,
                          ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        // TRANSLATORS: column headings of the table of installed packs.
        for (const char* h : {N_("Pack"), N_("Version"), N_("Articles"), N_("Published"), N_("Source")})
            ImGui::TableSetupColumn(L(h));
        ImGui::TableHeadersRow();
        for (const auto& [name, p] : model.Library().State().packs) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(p.title.c_str());
            DrawMuted(view, name + " \xC2\xB7 " + p.publisher);
            ImGui::TableNextColumn();
            ImGui::Text("%llu", static_cast<unsigned long long>(p.version));
            ImGui::TableNextColumn();
            ImGui::Text("%llu", static_cast<unsigned long long>(p.article_count));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(bundle::IsoTime(p.created).substr(0, 10).c_str());
            DrawMuted(view, AgeText(p.created));
            ImGui::TableNextColumn();
            // TRANSLATORS: where an installed pack came from: built into the program, or imported.
            ImGui::TextUnformatted(p.embedded ? L("built in") : L("imported"));
            // TRANSLATORS: {id} is a publisher's key id (hexadecimal).
            DrawMuted(view, Format(tr("key {id}"), {{"id", p.key_id}}));
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    DrawShare(model, view, out);
    ImGui::Spacing();
    DrawHeading(view.fonts.h2, L("Trusted publishers"));
    for (const auto& k : model.TrustedKeys())
        ImGui::BulletText("%s", Displayable(Format(tr("key {id}"), {{"id", bundle::KeyIdHex(k.id)}})).c_str());
    DrawMuted(view,
              tr("Trust a publisher or trainer: type the path of their public key (.pub). Only trust a key you got "
                 "from them in person or over a channel you trust."));
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 6);
    const bool trust_enter = ImGui::InputTextWithHint("##trust", "/media/usb/publisher.pub", &view.trust_path,
                                                      ImGuiInputTextFlags_EnterReturnsTrue);
    view.Record("trust-path");
    ImGui::SameLine();
    if ((ImGui::Button(L("Trust key")) || trust_enter) && !view.trust_path.empty())
        out.push_back({ActionType::kTrustKeyFile, view.trust_path});
    view.Record("trust-key");
    ImGui::Spacing();
    DrawHeading(view.fonts.h2, L("Import a pack"));
    DrawMuted(view,
              tr("From a USB stick or a colleague: type the path of a .fkb file, or drop the file onto this window. "
                 "Its signature is checked before anything is installed."));
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 6);
    bool enter = ImGui::InputTextWithHint("##import", "/media/usb/fieldkit-core.fkb", &view.import_path,
                                          ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    // TRANSLATORS: a button: import the pack file whose path was typed.
    if ((ImGui::Button(L("Import")) || enter) && !view.import_path.empty())
        out.push_back({ActionType::kImportFile, view.import_path});
    ImGui::Spacing();
    DrawPasteUpdate(model, view, out);
    ImGui::Spacing();
    DrawMuted(view, Format(tr("Data folder: {path}"), {{"path", platform::Utf8FromPath(model.DataDir())}}));
    ImGui::EndChild();
}

}  // namespace fk::ui
