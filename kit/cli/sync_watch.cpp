// The watch loop: an instance lock in the data directory, the engine, and a printer that
// turns snapshot changes into lines. The main thread only waits for a stop signal.
#include "kit/cli/sync_watch.hpp"

#include <signal.h>

#include <ctime>
#include <iostream>
#include <mutex>

#include "bundle/manifest.hpp"
#include "kit/cli/output.hpp"
#include "kit/core/reader_data.hpp"
#include "kit/core/sync_engine.hpp"
#include "kit/core/sync_state.hpp"
#include "platform/files.hpp"
#include "platform/instance_lock.hpp"

namespace fk::cli {
namespace {

std::string In(std::int64_t seconds) {
    if (seconds < 120) return std::to_string(std::max<std::int64_t>(0, seconds)) + " s";
    if (seconds < 7200) return std::to_string((seconds + 30) / 60) + " min";
    return std::to_string((seconds + 1800) / 3600) + " h";
}

void ApplyMeteredSetting(core::SyncOptions& o, const core::ReaderSettings& s) {
    o.metered = s.metered == "deltas" ? core::Metered::kDeltasOnly
                : s.metered == "ask"  ? core::Metered::kAskAbove
                                      : core::Metered::kOff;
    o.ask_above_bytes = static_cast<std::uint64_t>(std::max(1, s.ask_above_mb)) * 1024 * 1024;
}

std::string MeteredText(const core::SyncOptions& o) {
    switch (o.metered) {
        case core::Metered::kOff: return "off";
        case core::Metered::kDeltasOnly: return "deltas only";
        case core::Metered::kAskAbove: return "hold back downloads above " + HumanBytes(o.ask_above_bytes);
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
                Line("link: " + s.last_link + " appeared; the last check failed at a mirror that answered, so its "
                     "back-off stands (next check in " + In(s.next_check - now) + ")");
            else
                Line("link: " + s.last_link + " appeared; checking in about 2 s");
        }
        const bool busy = s.phase != core::SyncPhase::kIdle;
        if ((busy || s.passes > m_passes) && !m_started_printed) {
            Line("checking mirrors (" + s.check_reason + ")");
            m_started_printed = true;
        }
        if (s.passes > m_passes) {
            m_passes = s.passes;
            m_started_printed = busy;  // a new check may already be running
            const std::string next = "next check in " + In(s.next_check - now);
            if (!s.last_error.empty()) {
                Line("check failed: " + s.last_error + " (" + std::to_string(s.consecutive_failures) +
                     " in a row); " + next);
                return;
            }
            for (const auto& u : s.last_updates)
                Line("updated " + u.pack + " " + std::to_string(u.from_version) + " -> " +
                     std::to_string(u.to_version) + " via " +
                     (u.via_delta ? std::to_string(u.steps) + " delta(s)" : std::string("full bundle")) + ", " +
                     HumanBytes(u.bytes));
            for (const auto& k : s.last_skipped) Line("skipped " + k + " (a one-off `fieldkit sync` fetches it)");
            const bool nothing = s.last_updates.empty() && s.last_skipped.empty();
            Line(std::string(nothing ? "up to date" : "check done") + "; " + next);
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
        return Fail("another fieldkit sync --watch is running for " + ctx.data_dir.string() +
                    (holder > 0 ? " (pid " + std::to_string(holder) + ")" : std::string()));
    if (!lock) return Fail(lock.error().detail);
    if (options.mirrors.empty()) {
        auto state = core::LoadSyncState(ctx.data_dir);
        if (state && state->mirrors.empty())
            return Fail("sync --watch: no mirror configured (fieldkit sync --watch --mirror URL; it is remembered)");
    }

    // Block the stop signals before any thread exists, so only sigwait below sees them.
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &stop, nullptr);

    // Nobody to ask: in "ask" mode a large update waits (reported as skipped) unless --yes.
    options.ask = [yes](const std::string&, std::uint64_t) { return yes; };
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
    printer.Line("watching " + ctx.data_dir.string() + " (metered: " + metered + "); Ctrl-C stops");
    {
        std::lock_guard g(engine_mutex);
        engine_ptr = &engine;
    }
    engine.Start();
    if (auto s = engine.Snapshot(); !s.link_watch_error.empty())
        printer.Line("not watching for new links (" + s.link_watch_error + "): checks follow the schedule only");
    int sig = 0;
    sigwait(&stop, &sig);
    {
        std::lock_guard g(engine_mutex);
        engine_ptr = nullptr;  // no more lines once stopping
    }
    engine.Stop();  // a running download stops and is kept as a partial file
    printer.Line(std::string("stopped (") + (sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" : "SIGHUP") + ")");
    return 0;
}

}  // namespace fk::cli
