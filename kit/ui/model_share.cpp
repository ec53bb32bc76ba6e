// Model: "Share with this room" (a RoomServer on the address the trainer picks) and the
// workshop feedback form the presenter opens on it. See kit/core/room_server.hpp.
#include "bundle/signer.hpp"
#include "kit/ui/model.hpp"
#include "platform/i18n.hpp"

namespace fk::ui {
namespace {

// The port `fieldkit serve` uses, so the address stays the same from one workshop to the next;
// another free one when it is taken.
constexpr int kRoomPort = 8765;

std::string BindOf(const platform::NetAddress& a, int port) {
    return (a.ipv6 ? "[" + a.address + "]" : a.address) + ":" + std::to_string(port);
}

core::QrMatrix QrOf(const std::string& text) {
    auto qr = core::EncodeQr(text);
    return qr ? *qr : core::QrMatrix{};
}

}  // namespace

void Model::RefreshShareAddresses() {
    // An IPv6 link-local address needs its interface named, which a bind address cannot carry.
    // Loopback comes last: only this computer reaches it (to try the pages before the room does).
    m_share.addresses.clear();
    for (auto& a : platform::ListNetAddresses(platform::Loopback::kInclude))
        if (!(a.ipv6 && a.link_local)) m_share.addresses.push_back(std::move(a));
    m_share.publishers.clear();
    for (const auto& [pack, p] : m_library->State().packs) {
        if (p.embedded) continue;
        if (auto key = bundle::ParsePublicKey(p.public_key))
            m_share.publishers.push_back({p.title, bundle::KeyFingerprint(*key).substr(0, 16)});
    }
}

Status Model::StartSharing(const platform::NetAddress& where) {
    core::RoomOptions options;
    for (int port : {kRoomPort, 0}) {
        options.bind = BindOf(where, port);
        auto room = core::RoomServer::Start(*m_library, options);
        if (room) {
            m_room = std::move(*room);
            break;
        }
        if (port == 0) return room.error();
    }
    m_share.where = where;
    m_share.url =
        "http://" + platform::UrlHost(where) + ":" + m_room->Address().substr(m_room->Address().rfind(':') + 1) + "/";
    m_share.qr = QrOf(m_share.url);
    m_share.error.clear();
    return Ok{};
}

void Model::StopSharing() {
    m_room.reset();  // stops accepting and waits for open connections
    m_share.url.clear();
    m_share.qr = {};
    m_share.feedback_module.clear();
    m_share.feedback_qr = {};
}

void Model::ApplyShare(const Action& a) {
    switch (a.type) {
        case ActionType::kShareRefresh:
            RefreshShareAddresses();
            break;
        case ActionType::kShareStart: {
            if (a.value < 0 || a.value >= static_cast<int>(m_share.addresses.size())) break;
            StopSharing();
            if (auto st = StartSharing(m_share.addresses[static_cast<size_t>(a.value)]); !st)
                m_share.error = Format(tr("Sharing did not start: {error}"), {{"error", st.error().detail}});
            break;
        }
        case ActionType::kShareStop:
            StopSharing();
            break;
        case ActionType::kCollectFeedback: {
            if (!m_room) {  // the room needs an address: the first the machine has for others
                RefreshShareAddresses();
                if (m_share.addresses.empty()) {
                    m_share.error = tr("This computer has no network address the room can reach.");
                    break;
                }
                if (auto st = StartSharing(m_share.addresses.front()); !st) {
                    m_share.error = Format(tr("Sharing did not start: {error}"), {{"error", st.error().detail}});
                    break;
                }
            }
            if (auto st = m_room->OpenFeedback(a.text); !st) {
                m_share.error = Format(tr("The feedback form did not open: {error}"), {{"error", st.error().detail}});
                break;
            }
            m_share.feedback_module = m_room->FeedbackModule();
            m_share.feedback_qr = QrOf(m_share.url + "feedback");
            m_share.error.clear();
            break;
        }
        case ActionType::kStopFeedback:
            if (m_room) m_room->CloseFeedback();
            m_share.feedback_module.clear();
            m_share.feedback_qr = {};
            break;
        default:
            break;
    }
}

void Model::RestartSharingAfterUpdate() {
    // The server offers the files and index of the moment it started: start it again, on the
    // same address, so the room gets the update too.
    if (!m_room) return;
    const auto where = *m_share.where;
    const std::string module = m_share.feedback_module;
    StopSharing();
    if (auto st = StartSharing(where); !st) {
        m_share.error = Format(tr("Sharing stopped after the update: {error}"), {{"error", st.error().detail}});
        return;
    }
    if (!module.empty()) Apply(Action(ActionType::kCollectFeedback, module));
}

}  // namespace fk::ui
