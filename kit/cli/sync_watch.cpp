// The watch loop: an instance lock in the data directory, the engine, and a printer that
// turns snapshot changes into lines. The main thread only waits for a stop signal.
#include "kit/cli/sync_watch.hpp"

#include <ctime>
#include <iostream>
#include <mutex>

#include "bundle/manifest.hpp"
#include "kit/cli/output.hpp"
#include "kit/core/reader_data.hpp"
#include "kit/core/sync_engine.hpp"
#include "kit/core/sync_state.hpp"
#include "platform/files.hpp"
#include "platform/i18n.hpp"
#include "platform/instance_lock.hpp"
#include "platform/stop_requests.hpp"
#include "platform/utf8_path.hpp"

namespace fk::cli {
namespace {

std::string In(std::int64_t seconds) {
    auto unit = [](std::int64_t n, const char* text) { return Format(text, {{"n", std::to_string(n)}}); };
    if (seconds < 120) {
        const auto n = std::max<std::int64_t>(0, seconds);
        // TRANSLATORS: abbreviated units of a wait ("next check in 40 s", "in 3 min", "in 6 h").
        return unit(n, trn("{n} s", "{n} s", static_cast<unsigned long>(n)));
    }
    if (seconds < 7200) {
        const auto n = (seconds + 30) / 60;
        return unit(n, trn("{n} min", "{n} min", static_cast<unsigned long>(n)));
    }
    const auto n = (seconds + 1800) / 3600;
    return unit(n, trn("{n} h", "{n} h", static_cast<unsigned long>(n)));
}

void ApplyMeteredSetting(core::SyncOptions& o, const core::ReaderSettings& s) {
    o.metered = s.metered == "deltas" ? core::Metered::kDeltasOnly
                : s.metered == "ask"  ? core::Metered::kAskAbove
                                      : core::Metered::kOff;
    o.ask_above_bytes = static_cast<std::uint64_t>(std::max(1, s.ask_above_mb)) * 1024 * 1024;
}

std::string MeteredText(const core::SyncOptions& o) {
    switch (o.metered) {
        case core::Metered::kOff:
            // TRANSLATORS: the metered-link setting: no limit.
            return tr("off");
        case core::Metered::kDeltasOnly:
            return tr("deltas only");
        case core::Metered::kAskAbove:
            return Format(tr("hold back downloads above {size}"), {{"size", HumanBytes(o.ask_above_bytes)}});
    }
    return "";
}

// Prints what changed since the last call; called on whichever thread changed the engine.
class WatchPrinter {
public:
    void Print(const core::SyncSnapshot& s) {
        std::lock_guard lock(m_mutex);
        const std::int64_t now = std::time(nullptr);
        if (s.links_seen > m_links_seen) {
            m_links_seen = s.links_seen;
            if (s.link_ignored)
                Line(Format(tr("link: {link} appeared; the last check failed at a mirror that answered, so its "
                               "back-off stands (next check in {time})"),
                            {{"link", s.last_link}, {"time", In(s.next_check - now)}}));
            else
                Line(Format(tr("link: {link} appeared; checking in about 2 s"), {{"link", s.last_link}}));
        }
        const bool busy = s.phase != core::SyncPhase::kIdle;
        if ((busy || s.passes > m_passes) && !m_started_printed) {
            Line(Format(tr("checking mirrors ({reason})"), {{"reason", s.check_reason}}));
            m_started_printed = true;
        }
        if (s.passes > m_passes) {
            m_passes = s.passes;
            m_started_printed = busy;  // a new check may already be running
            const std::string next = In(s.next_check - now);
            if (!s.last_error.empty()) {
                const auto failures = static_cast<unsigned long>(s.consecutive_failures);
                Line(Format(trn("check failed: {error} ({n} in a row); next check in {time}",
                                "check failed: {error} ({n} in a row); next check in {time}", failures),
                            {{"error", s.last_error}, {"n", std::to_string(failures)}, {"time", next}}));
                return;
            }
            for (const auto& u : s.last_updates)
                if (!u.new_pack)
                    Line(UpdatedLine(u.pack, u.from_version, u.to_version, u.via_delta,
                                     static_cast<std::uint64_t>(u.steps), u.bytes));
            for (const auto& n : s.last_new_packs) Line(NewPackLine(n));
            for (const auto& k : s.last_skipped)
                Line(Format(tr("skipped {pack} (a one-off `fieldkit sync` fetches it)"), {{"pack", k}}));
            const bool nothing = s.last_updates.empty() && s.last_skipped.empty() && s.last_new_packs.empty();
            Line(nothing ? Format(tr("up to date; next check in {time}"), {{"time", next}})
                         : Format(tr("check done; next check in {time}"), {{"time", next}}));
        }
    }
    void Line(const std::string& text) { std::cout << bundle::IsoTime(std::time(nullptr)) << " " << text << std::endl; }

private:
    std::mutex m_mutex;
    std::uint64_t m_links_seen = 0, m_passes = 0;
    bool m_started_printed = false;
};

}  // namespace

int RunSyncWatch(Context& ctx, core::SyncOptions options, bool metered_given, bool yes) {
    if (auto made = platform::MakeDirs(core::SyncDir(ctx.data_dir), "sync directory"); !made)
        return Fail(made.error().detail);
    long holder = 0;
    auto lock = platform::InstanceLock::Take(core::SyncDir(ctx.data_dir) / "watch.lock", holder);
    if (!lock && lock.error().code == ErrorCode::kLocked)
        return Fail(holder > 0
                        ? Format(tr("another fieldkit sync --watch is running for {dir} (pid {pid})"),
                                 {{"dir", platform::Utf8FromPath(ctx.data_dir)}, {"pid", std::to_string(holder)}})
                        : Format(tr("another fieldkit sync --watch is running for {dir}"),
                                 {{"dir", platform::Utf8FromPath(ctx.data_dir)}}));
    if (!lock) return Fail(lock.error().detail);
    if (options.mirrors.empty()) {
        auto state = core::LoadSyncState(ctx.data_dir);
        if (state && state->mirrors.empty())
            return Fail(
                tr("sync --watch: no mirror configured (fieldkit sync --watch --mirror URL; it is remembered)"));
    }

    // Block the stop signals before any thread exists, so only sigwait below sees them.
    platform::HoldStopRequests(/*hangup=*/true);

    // Nobody to ask: in "ask" mode a large update waits (reported as skipped) unless --yes.
    options.ask = [yes](const std::string&, std::uint64_t) { return yes; };
    // Unattended: a new pack is only listed, never installed, unless --yes.
    options.new_packs.yes = yes;
    options.new_packs.can_ask = false;
    options.on_note = [](const std::string& line) { std::cerr << line << std::endl; };
    if (!metered_given)
        if (auto reader = core::ReaderData::Open(ctx.data_dir)) ApplyMeteredSetting(options, reader->LoadSettings());
    const std::string metered = MeteredText(options);

    WatchPrinter printer;
    core::SyncEngine* engine_ptr = nullptr;
    std::mutex engine_mutex;
    auto on_change = [&] {
        std::lock_guard g(engine_mutex);
        if (!engine_ptr) return;
        printer.Print(engine_ptr->Snapshot());
    };
    core::SyncEngine engine(ctx.data_dir, ctx.built_in, options, on_change);
    if (!metered_given)  // the window's setting may change while this runs
        engine.SetBeforeCheck([&ctx](core::SyncOptions& o) {
            if (auto reader = core::ReaderData::Open(ctx.data_dir)) ApplyMeteredSetting(o, reader->LoadSettings());
        });
    // TRANSLATORS: {metered} is the metered-link setting: "off", "deltas only" or "hold back downloads above ...".
    printer.Line(Format(tr("watching {dir} (metered: {metered}); Ctrl-C stops"),
                        {{"dir", platform::Utf8FromPath(ctx.data_dir)}, {"metered", metered}}));
    {
        std::lock_guard g(engine_mutex);
        engine_ptr = &engine;
    }
    engine.Start();
    if (auto s = engine.Snapshot(); !s.link_watch_error.empty())
        printer.Line(Format(tr("not watching for new links ({error}): checks follow the schedule only"),
                            {{"error", s.link_watch_error}}));
    const std::string request = platform::WaitForStopRequest();
    {
        std::lock_guard g(engine_mutex);
        engine_ptr = nullptr;  // no more lines once stopping
    }
    engine.Stop();  // a running download stops and is kept as a partial file
    printer.Line(Format(tr("stopped ({signal})"), {{"signal", request}}));
    return 0;
}

}  // namespace fk::cli
