// The background sync engine: a worker thread that checks the mirrors at start, then on a
// schedule (exponential back-off with jitter from about a minute to an hour while offline; a
// long interval while online), at once on CheckNow(), and about 2 s after a network path
// appears (platform::NetWatch; see link_trigger.hpp for what that does not override). The
// window and `fieldkit sync --watch` read Snapshot() and call CheckNow(); nothing here draws
// or prints. Thread-safe: every public method may be called from any thread, but Start and
// Stop from one thread at a time.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "kit/core/link_trigger.hpp"
#include "kit/core/sync_check.hpp"
#include "platform/net_watch.hpp"

namespace fk::core {

// Delay before the next check after `failures` consecutive failed checks (>= 1):
// 60 s * 2^(failures-1), at most 3600 s, scaled by a jitter factor in [0.5, 1.0].
std::chrono::seconds BackoffDelay(int failures, double jitter01);

struct SyncSnapshot {
    SyncPhase phase = SyncPhase::kIdle;
    bool online = false;  // the last check reached a mirror and verified its manifest
    std::int64_t last_check = 0;
    std::uint64_t passes = 0;  // checks finished (last_check has whole seconds: two may share one)
    std::int64_t last_success = 0;
    std::int64_t next_check = 0;
    int consecutive_failures = 0;
    std::string last_error;
    SyncProgress progress;  // current download
    std::vector<PackUpdate> last_updates;
    std::vector<std::string> last_skipped;  // of the last good check: packs left as they were
    std::vector<NewPackResult> last_new_packs;  // of the last good check: packs offered that the kit lacked
    bool check_requested = false;
    std::string check_reason;        // why the current (or last) check ran: "start", "asked",
                                     // "scheduled", or the link that appeared
    std::uint64_t links_seen = 0;    // addresses and default routes that appeared
    std::string last_link;           // the newest of them, e.g. "default route on wlan0"
    bool link_ignored = false;       // it left the back-off as it was (the mirror answered badly)
    std::string link_watch_error;    // "" while new links are watched
};

class SyncEngine {
public:
    // `options.on_progress` and `options.on_note` are wrapped: the engine keeps its snapshot and
    // then calls them. `on_change` (optional) is called on the worker thread after every state
    // change, e.g. to wake the UI's idle loop.
    SyncEngine(std::filesystem::path data_dir, BuiltIn built_in, SyncOptions options,
               std::function<void()> on_change = {},
               std::chrono::seconds online_interval = std::chrono::hours(6));
    ~SyncEngine();  // Stop()
    SyncEngine(const SyncEngine&) = delete;
    SyncEngine& operator=(const SyncEngine&) = delete;

    void Start();
    void Stop();      // cancels a running download (kept as a partial file) and joins
    void CheckNow();  // the "check now" action
    // A network path appeared (called by the engine's own NetWatch; public for tests).
    void LinkAppeared(const std::string& what);
    // Called on the worker before each check, e.g. to take the metered setting anew.
    void SetBeforeCheck(std::function<void(SyncOptions&)> before_check);
    SyncSnapshot Snapshot() const;

private:
    void Loop();
    void Changed();

    std::filesystem::path m_dir;
    BuiltIn m_built_in;
    SyncOptions m_options;
    std::function<void()> m_on_change;
    std::chrono::seconds m_online_interval;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    bool m_check_now = false;
    std::string m_now_reason;
    LinkTrigger m_link;
    std::string m_link_reason;
    std::unique_ptr<platform::NetWatch> m_net_watch;
    std::function<void(SyncOptions&)> m_before_check;
    std::atomic<bool> m_cancel{false};
    SyncSnapshot m_snapshot;
    std::thread m_thread;
};

}  // namespace fk::core
