// Library: the sync state, installed packs with versions and content age, trusted keys (add
// one from a typed path), import from a file (typed path, or dropped onto the window).
#include <imgui.h>
#include <imgui_stdlib.h>

#include "bundle/manifest.hpp"
#include "bundle/minisign.hpp"
#include "kit/ui/screens.hpp"

namespace fk::ui {

void DrawLibrary(const Model& model, ViewState& view, ActionQueue& out) {
    ImGui::BeginChild("library", ImVec2(0, 0), false);
    ImGui::PushFont(view.fonts.h2);
    ImGui::TextUnformatted("Updates");
    ImGui::PopFont();
    DrawSyncState(model, view, out);
    ImGui::Spacing();
    ImGui::PushFont(view.fonts.h2);
    ImGui::TextUnformatted("Installed packs");
    ImGui::PopFont();
    if (ImGui::BeginTable("packs", 5,
                          ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        for (const char* h : {"Pack", "Version", "Articles", "Published", "Source"}) ImGui::TableSetupColumn(h);
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
            ImGui::TextUnformatted(p.embedded ? "built in" : "imported");
            DrawMuted(view, "key " + p.key_id);
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    ImGui::PushFont(view.fonts.h2);
    ImGui::TextUnformatted("Trusted publishers");
    ImGui::PopFont();
    for (const auto& k : model.TrustedKeys()) ImGui::BulletText("key %s", bundle::KeyIdHex(k.id).c_str());
    DrawMuted(view,
              "Trust a publisher or trainer: type the path of their public key (.pub). Only trust a key you got "
              "from them in person or over a channel you trust.");
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 6);
    const bool trust_enter = ImGui::InputTextWithHint("##trust", "/media/usb/publisher.pub", &view.trust_path,
                                                      ImGuiInputTextFlags_EnterReturnsTrue);
    view.Record("trust-path");
    ImGui::SameLine();
    if ((ImGui::Button("Trust key") || trust_enter) && !view.trust_path.empty())
        out.push_back({ActionType::kTrustKeyFile, view.trust_path});
    view.Record("trust-key");
    ImGui::Spacing();
    ImGui::PushFont(view.fonts.h2);
    ImGui::TextUnformatted("Import a pack");
    ImGui::PopFont();
    DrawMuted(view,
              "From a USB stick or a colleague: type the path of a .fkb file, or drop the file onto this window. "
              "Its signature is checked before anything is installed.");
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 6);
    bool enter = ImGui::InputTextWithHint("##import", "/media/usb/fieldkit-core.fkb", &view.import_path,
                                          ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((ImGui::Button("Import") || enter) && !view.import_path.empty())
        out.push_back({ActionType::kImportFile, view.import_path});
    ImGui::Spacing();
    DrawPasteUpdate(model, view, out);
    ImGui::Spacing();
    DrawMuted(view, "Data folder: " + model.DataDir().string());
    ImGui::EndChild();
}

}  // namespace fk::ui
