// The sync state on Home and Library (status, calm error, download progress, "Check now"),
// and the metered-link choice in Settings. Reads Model::Sync(); no I/O.
#include <imgui.h>

#include <algorithm>

#include "kit/ui/bidi.hpp"
#include "kit/ui/screens.hpp"

namespace fk::ui {

void DrawSyncState(const Model& model, ViewState& view, ActionQueue& out) {
    const SyncStatus& st = model.Sync();
    const SyncLines& l = st.lines;
    DrawMuted(view, l.status);
    if (!l.activity.empty()) DrawMuted(view, l.activity);
    if (l.downloading) {
        ImGui::PushStyleColor(ImGuiCol_PlotHistogram, view.palette.accent);
        ImGui::ProgressBar(l.fraction, ImVec2(ImGui::GetFontSize() * 20, 0), Displayable(l.progress).c_str());
        ImGui::PopStyleColor();
        view.Record("sync-progress");
    }
    if (!l.error.empty()) {
        DrawMuted(view, l.error);
        view.Record("sync-error");
    }
    if (!l.held.empty()) {
        DrawMuted(view, l.held);
        // TRANSLATORS: a button: download the update held back on a metered link.
        if (ImGui::SmallButton(L("Download it"))) out.push_back({ActionType::kDownloadHeld});
        view.Record("sync-download-held");
    }
    for (const auto& p : l.new_packs) {
        ImGui::PushID(p.pack.c_str());
        DrawMuted(view, p.text);
        if (p.can_install) {
            // TRANSLATORS: a button: install a new pack a trusted publisher offers.
            if (ImGui::SmallButton(L("Install"))) out.push_back({ActionType::kInstallNewPack, p.pack});
            view.Record("new-pack-install:" + p.pack);
            ImGui::SameLine();
            // TRANSLATORS: a button: do not install the offered pack (asked again for a newer version).
            if (ImGui::SmallButton(L("Not now"))) out.push_back({ActionType::kDeclineNewPack, p.pack});
            view.Record("new-pack-not-now:" + p.pack);
        }
        ImGui::PopID();
    }
    if (st.running) {
        const auto& s = st.view.snapshot;
        ImGui::BeginDisabled(s.phase != core::SyncPhase::kIdle || s.check_requested);
        // TRANSLATORS: a button: check for updates now.
        if (ImGui::SmallButton(L("Check now"))) out.push_back({ActionType::kCheckNow});
        ImGui::EndDisabled();
        view.Record("check-now");
    }
}

void DrawMeteredSettings(const Model& model, ViewState& view, ActionQueue& out) {
    const core::ReaderSettings& s = model.Settings();
    DrawHeading(view.fonts.h2, L("Updates over a metered link"));
    DrawMuted(view, tr("For links paid by the megabyte. Small updates (deltas) are usually a few kilobytes."));
    const std::pair<const char*, const char*> modes[] = {
        {"off", N_("Download any update")},
        {"deltas", N_("Small updates (deltas) only, never a whole pack")},
        // TRANSLATORS: followed by a number box and "MB".
        {"ask", N_("Ask before downloading more than")}};
    for (const auto& [key, label] : modes) {
        if (ImGui::RadioButton(L(label), s.metered == key)) out.push_back({ActionType::kSetMetered, key});
        view.Record(std::string("metered:") + key);
    }
    if (!view.ask_editing) view.ask_above_mb = s.ask_above_mb;  // mirror the model unless typing
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    const bool commit =
        ImGui::InputInt("MB##ask-above", &view.ask_above_mb, 1, 10, ImGuiInputTextFlags_EnterReturnsTrue);
    view.ask_editing = ImGui::IsItemActive();
    view.Record("metered:limit");
    if (commit) out.push_back({ActionType::kSetMetered, s.metered, std::clamp(view.ask_above_mb, 1, 100000)});
}

}  // namespace fk::ui
