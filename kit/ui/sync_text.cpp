// DescribeSync: the engine's snapshot (or the stored sync state) as short sentences.
#include "kit/ui/sync_text.hpp"

#include "bundle/manifest.hpp"
#include "platform/i18n.hpp"

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
    // TRANSLATORS: when the next update check comes, shown as {when} in "Next check {when}."
    if (s <= 60) return tr("in a moment");
    const std::int64_t min = (s + 59) / 60, h = (s + 1800) / 3600;
    if (s < 3600)
        // TRANSLATORS: when the next update check comes, shown as {when} in "Next check {when}."
        return Format(trn("in {n} min", "in {n} min", static_cast<unsigned long>(min)), {{"n", std::to_string(min)}});
    // TRANSLATORS: when the next update check comes, shown as {when} in "Next check {when}."
    return Format(trn("in about {n} h", "in about {n} h", static_cast<unsigned long>(h)), {{"n", std::to_string(h)}});
}

SyncLines DescribeSync(const SyncView& v, bool running, bool has_mirror, const core::SyncState& stored,
                       std::int64_t now) {
    SyncLines l;
    if (!has_mirror) {
        l.status =
            tr("Updates: no mirror set up yet. Everything here works offline; to fetch updates, run "
               "fieldkit sync --mirror URL once, or import a pack from a USB stick (Library).");
        return l;
    }
    const core::SyncSnapshot& s = v.snapshot;
    const std::int64_t last_check = running ? s.last_check : stored.last_check;
    const std::int64_t last_success = running ? s.last_success : stored.last_success;
    const std::string& error = running ? s.last_error : stored.last_error;
    const bool online = running ? s.online : (last_check > 0 && last_success >= last_check);

    if (last_check == 0) {
        l.status = tr("Updates: not checked yet.");
    } else {
        // TRANSLATORS: {time} is "14:02 UTC" today, else like "2024-05-01 14:02 UTC".
        const char* pattern = online             ? tr("Online: last checked {time}.")
                              : last_success > 0 ? tr("Offline: last checked {time}; last reached a mirror {reached}.")
                                                 : tr("Offline: last checked {time}.");
        l.status = Format(pattern, {{"time", ClockText(last_check, now)}, {"reached", ClockText(last_success, now)}});
    }
    if (running && s.phase == core::SyncPhase::kIdle && s.next_check > 0)
        // TRANSLATORS: {when} is "in a moment", "in 5 min" or "in about 3 h".
        l.status += " " + Format(tr("Next check {when}."), {{"when", InText(s.next_check, now)}});
    if (!running && last_check > 0 && !online) l.status += std::string(" ") + tr("Everything here works offline.");

    if (running) {
        switch (s.phase) {
            case core::SyncPhase::kIdle:
                if (s.check_requested) l.activity = tr("Checking soon...");
                break;
            case core::SyncPhase::kChecking:
                // Why it runs, as --watch prints it: a link that just appeared says so here too.
                l.activity = s.check_reason.empty()
                                 // TRANSLATORS: {reason} is "start", "asked", "scheduled" or "link: <what appeared>".
                                 ? tr("Checking the mirrors...")
                                 : Format(tr("Checking the mirrors ({reason})..."), {{"reason", s.check_reason}});
                break;
            case core::SyncPhase::kDownloading:
                l.activity = Format(tr("Downloading an update of {pack}..."), {{"pack", s.progress.pack}});
                break;
            case core::SyncPhase::kApplying:
                l.activity = Format(tr("Installing the update of {pack}..."), {{"pack", s.progress.pack}});
                break;
        }
    }
    if (!error.empty())
        l.error = Format(tr("Last attempt did not finish: {error}. Everything installed keeps working."),
                         {{"error", OneLine(error)}});

    if (running && s.phase == core::SyncPhase::kDownloading && s.progress.total > 0) {
        l.downloading = true;
        const bool same = v.figures.artifact == s.progress.artifact;
        const std::uint64_t have = same ? std::max(v.figures.have, s.progress.have) : s.progress.have;
        l.fraction = static_cast<float>(static_cast<double>(have) / static_cast<double>(s.progress.total));
        // TRANSLATORS: download figures: "1.5 MB / 3.0 MB  50.0 KB/s  0:30 left" ({rate} is like 50.0 KB).
        l.progress = Format(tr("{have} / {total}  {rate}/s  {time} left"),
                            {{"have", core::FormatBytes(have)},
                             {"total", core::FormatBytes(s.progress.total)},
                             {"rate", core::FormatBytes(static_cast<std::uint64_t>(same ? v.figures.rate : 0))},
                             {"time", core::FormatTimeLeft(same ? v.figures.seconds_left : -1)}});
    }
    if (!v.held_pack.empty()) {
        bool applied = false;
        for (const auto& u : s.last_updates) applied |= u.pack == v.held_pack;
        if (!applied)
            l.held = Format(tr("{pack}: an update of {size} waits (metered link, above your limit)."),
                            {{"pack", v.held_pack}, {"size", core::FormatBytes(v.held_bytes)}});
    }
    for (const auto& r : core::NewPacksToAsk(s.last_new_packs, v.declined_new)) {
        const core::NewPackOffer& o = r.offer;
        NewPackPrompt p{o.pack, o.version, {}, false};
        const std::string title = o.title.empty() ? o.pack : o.title, size = core::FormatBytes(o.bytes);
        auto installing = v.installing_new.find(o.pack);
        if (installing != v.installing_new.end() && installing->second == o.version) {
            p.text = Format(tr("Installing the new pack {title}..."), {{"title", title}});
        } else if (r.outcome == core::NewPackOutcome::kMeteredRefused) {
            p.text = Format(tr("New pack offered: {title} ({size}). Not downloaded: the metered setting takes small "
                               "updates only, and a new pack comes whole."),
                            {{"title", title}, {"size", size}});
        } else {
            p.can_install = true;
            // TRANSLATORS: followed by the buttons Install and Not now.
            p.text = Format(tr("New pack from a trusted publisher: {title} ({pack}, {size}), key {key}, fingerprint "
                               "{fingerprint}. Install it?"),
                            {{"title", title},
                             {"pack", o.pack},
                             {"size", size},
                             {"key", o.key_id},
                             {"fingerprint", o.fingerprint}});
        }
        l.new_packs.push_back(std::move(p));
    }
    return l;
}

}  // namespace fk::ui
