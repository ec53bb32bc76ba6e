// "Share with this room" on the Library screen: pick the network the room is on, then the
// address as text and as a QR code, and the publisher keys' fingerprints to compare.
#include <imgui.h>

#include <algorithm>

#include "kit/ui/bidi.hpp"
#include "kit/ui/qr_view.hpp"
#include "kit/ui/screens.hpp"

namespace fk::ui {
namespace {

// A button in a row that mirrors in right-to-left languages.
RowItem Button(const char* label, const char* id, Action action, ViewState& view, ActionQueue& out) {
    return {ButtonWidth(label), [=, &view, &out] {
                if (ImGui::Button(label)) out.push_back(action);
                view.Record(id);
            }};
}

std::string AddressLabel(const platform::NetAddress& a) {
    const char* note = a.loopback ? tr("(this computer only)") : a.link_local ? tr("(this network segment only)") : "";
    return a.interface_name + " \xC2\xB7 " + a.address + (*note ? std::string(" ") + note : "");
}

}  // namespace

void DrawShareAddress(const std::string& url, const core::QrMatrix& qr, ViewState& view) {
    ImGui::PushFont(view.fonts.h1);
    DrawText(url);
    ImGui::PopFont();
    if (qr.size > 0) {
        const float side = std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 14);
        if (i18n::RightToLeft()) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - side);
        DrawQrCode(qr, side);
    }
}

void DrawShare(const Model& model, ViewState& view, ActionQueue& out) {
    const ShareState& share = model.Share();
    DrawHeading(view.fonts.h2, L("Share with this room"));
    if (share.url.empty()) {
        DrawMuted(view, tr("Everyone in the room can read this library in a browser (phones too) and sync their kit "
                           "from it. Pick the network the room is on:"));
        if (share.addresses.empty()) {
            DrawMuted(view, tr("This computer has no network address the room can reach. Join the room's Wi-Fi or "
                               "plug in its network cable, then press Refresh."));
        } else {
            view.share_choice = std::clamp(view.share_choice, 0, static_cast<int>(share.addresses.size()) - 1);
            ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 24));
            const std::string shown =
                Displayable(AddressLabel(share.addresses[static_cast<size_t>(view.share_choice)]));
            if (ImGui::BeginCombo("##share-address", shown.c_str())) {
                for (size_t i = 0; i < share.addresses.size(); ++i)
                    if (ImGui::Selectable(Displayable(AddressLabel(share.addresses[i])).c_str(),
                                          static_cast<int>(i) == view.share_choice))
                        view.share_choice = static_cast<int>(i);
                ImGui::EndCombo();
            }
            view.Record("share-address");
        }
        std::vector<RowItem> row;
        if (!share.addresses.empty())
            row.push_back(
                Button(L("Start sharing"), "share-start", {ActionType::kShareStart, {}, view.share_choice}, view, out));
        row.push_back(Button(L("Refresh"), "share-refresh", {ActionType::kShareRefresh}, view, out));
        DrawRow(row);
    } else {
        DrawShareAddress(share.url, share.qr, view);
        DrawMuted(view, Format(tr("Phones and laptops open this address in a browser. Kits sync from it: fieldkit sync "
                                  "--mirror {url}"),
                               {{"url", share.url}}));
        for (const auto& [title, fingerprint] : share.publishers)
            DrawText(
                Format(tr("{title}: key fingerprint {fingerprint}"), {{"title", title}, {"fingerprint", fingerprint}}));
        if (!share.publishers.empty())
            DrawMuted(view, tr("Before trusting your key, participants check that `fieldkit trust add` prints the "
                               "same fingerprint."));
        if (!share.feedback_module.empty())
            DrawText(Format(tr("Feedback form open for {module}: {url}"),
                            {{"module", share.feedback_module}, {"url", share.url + "feedback"}}));
        std::vector<RowItem> row{Button(L("Stop sharing"), "share-stop", {ActionType::kShareStop}, view, out)};
        if (!share.feedback_module.empty())
            row.push_back(
                Button(L("Close the feedback form"), "feedback-stop", {ActionType::kStopFeedback}, view, out));
        DrawRow(row);
    }
    if (!share.error.empty()) ImGui::TextColored(view.palette.error, "%s", Displayable(share.error).c_str());
}

}  // namespace fk::ui
