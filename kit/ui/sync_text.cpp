// DescribeSync: the engine's snapshot (or the stored sync state) as short sentences.
#include "kit/ui/sync_text.hpp"

#include "bundle/manifest.hpp"

namespace fk::ui {
namespace {

// First line only, without a trailing period, cut at a word near 160 characters.
std::string OneLine(std::string s) {
    if (auto nl = s.find('\n'); nl != std::string::npos) s.resize(nl);
    while (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.pop_back();
    if (s.size() > 160) {
        size_t cut = s.rfind(' ', 160);
        s.resize(cut == std::string::npos || cut < 100 ? 160 : cut);
        s += "...";
    }
    return s;
}

}  // namespace

std::string ClockText(std::int64_t t, std::int64_t now) {
    const std::string iso = bundle::IsoTime(t);  // 2024-05-01T14:02:03Z
    if (iso.size() < 16) return iso;
    if (t / 86400 == now / 86400) return iso.substr(11, 5) + " UTC";
    return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
}

std::string InText(std::int64_t t, std::int64_t now) {
    const std::int64_t s = t - now;
    if (s <= 60) return "in a moment";
    if (s < 3600) return "in " + std::to_string((s + 59) / 60) + " min";
    return "in about " + std::to_string((s + 1800) / 3600) + " h";
}

SyncLines DescribeSync(const SyncView& v, bool running, bool has_mirror, const core::SyncState& stored,
                       std::int64_t now) {
    SyncLines l;
    if (!has_mirror) {
        l.status =
            "Updates: no mirror set up yet. Everything here works offline; to fetch updates, run "
            "fieldkit sync --mirror URL once, or import a pack from a USB stick (Library).";
        return l;
    }
    const core::SyncSnapshot& s = v.snapshot;
    const std::int64_t last_check = running ? s.last_check : stored.last_check;
    const std::int64_t last_success = running ? s.last_success : stored.last_success;
    const std::string& error = running ? s.last_error : stored.last_error;
    const bool online = running ? s.online : (last_check > 0 && last_success >= last_check);

    if (last_check == 0) {
        l.status = "Updates: not checked yet.";
    } else {
        l.status = std::string(online ? "Online" : "Offline") + ": last checked " + ClockText(last_check, now);
        if (!online && last_success > 0) l.status += "; last reached a mirror " + ClockText(last_success, now);
        l.status += ".";
    }
    if (running && s.phase == core::SyncPhase::kIdle && s.next_check > 0)
        l.status += " Next check " + InText(s.next_check, now) + ".";
    if (!running && last_check > 0 && !online) l.status += " Everything here works offline.";

    if (running) {
        switch (s.phase) {
            case core::SyncPhase::kIdle:
                if (s.check_requested) l.activity = "Checking soon...";
                break;
            case core::SyncPhase::kChecking:
                l.activity = "Checking the mirrors...";
                break;
            case core::SyncPhase::kDownloading:
                l.activity = "Downloading an update of " + s.progress.pack + "...";
                break;
            case core::SyncPhase::kApplying:
                l.activity = "Installing the update of " + s.progress.pack + "...";
                break;
        }
    }
    if (!error.empty())
        l.error = "Last attempt did not finish: " + OneLine(error) + ". Everything installed keeps working.";

    if (running && s.phase == core::SyncPhase::kDownloading && s.progress.total > 0) {
        l.downloading = true;
        const bool same = v.figures.artifact == s.progress.artifact;
        const std::uint64_t have = same ? std::max(v.figures.have, s.progress.have) : s.progress.have;
        l.fraction = static_cast<float>(static_cast<double>(have) / static_cast<double>(s.progress.total));
        l.progress = core::FormatBytes(have) + " / " + core::FormatBytes(s.progress.total) + "  " +
                     core::FormatBytes(static_cast<std::uint64_t>(same ? v.figures.rate : 0)) + "/s  " +
                     core::FormatTimeLeft(same ? v.figures.seconds_left : -1) + " left";
    }
    if (!v.held_pack.empty()) {
        bool applied = false;
        for (const auto& u : s.last_updates) applied |= u.pack == v.held_pack;
        if (!applied)
            l.held = v.held_pack + ": an update of " + core::FormatBytes(v.held_bytes) +
                     " waits (metered link, above your limit).";
    }
    return l;
}

}  // namespace fk::ui
