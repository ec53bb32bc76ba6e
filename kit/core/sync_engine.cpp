// SyncEngine: the worker loop and its schedule.
#include "kit/core/sync_engine.hpp"

#include <algorithm>
#include <random>

#include "kit/core/report_outbox.hpp"
#include "kit/core/sync_state.hpp"
#include "platform/i18n.hpp"

namespace fk::core {
namespace {

std::int64_t NowSeconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// The link trigger's clock: monotonic, so a wrong wall clock set right cannot fire or stall it.
LinkTrigger::Ms SteadyMs() {
    return std::chrono::duration_cast<LinkTrigger::Ms>(std::chrono::steady_clock::now().time_since_epoch());
}

}  // namespace

std::chrono::seconds BackoffDelay(int failures, double jitter01) {
    const int doublings = std::clamp(failures - 1, 0, 6);  // 60 * 2^6 = 3840 > 3600
    const double base = std::min(3600.0, 60.0 * static_cast<double>(1 << doublings));
    const double factor = 0.5 + 0.5 * std::clamp(jitter01, 0.0, 1.0);
    return std::chrono::seconds(static_cast<std::int64_t>(base * factor));
}

SyncEngine::SyncEngine(std::filesystem::path data_dir, BuiltIn built_in, SyncOptions options,
                       std::function<void()> on_change, std::chrono::seconds online_interval)
    : m_dir(std::move(data_dir)),
      m_built_in(built_in),
      m_options(std::move(options)),
      m_on_change(std::move(on_change)),
      m_online_interval(online_interval) {
    if (auto st = LoadSyncState(m_dir)) {
        m_snapshot.last_check = st->last_check;
        m_snapshot.last_success = st->last_success;
        m_snapshot.consecutive_failures = st->consecutive_failures;
        m_snapshot.last_error = st->last_error;
    }
}

SyncEngine::~SyncEngine() { Stop(); }

void SyncEngine::Start() {
    if (m_thread.joinable()) return;  // Start and Stop are called from one thread
    // Watch before the first check, so that a link appearing during it is not missed.
    // Without a watcher (no netlink here) the schedule and "check now" still work.
    auto watch = platform::NetWatch::Start([this](const std::string& what) { LinkAppeared(what); });
    std::lock_guard lock(m_mutex);
    if (watch) m_net_watch = std::move(*watch);
    else m_snapshot.link_watch_error = watch.error().detail;
    m_stop = false;
    m_check_now = true;  // check at start
    // TRANSLATORS: why a sync check runs, shown as "checking mirrors (start)": the program started.
    m_now_reason = tr("start");
    m_thread = std::thread([this] { Loop(); });
}

void SyncEngine::Stop() {
    std::unique_ptr<platform::NetWatch> watch;
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_cancel = true;
        watch = std::move(m_net_watch);
    }
    watch.reset();  // joins its thread, which may be waiting for m_mutex in LinkAppeared
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
    m_cancel = false;
}

void SyncEngine::CheckNow() {
    {
        std::lock_guard lock(m_mutex);
        m_check_now = true;
        // TRANSLATORS: why a sync check runs: the reader asked for it.
        m_now_reason = tr("asked");
        m_snapshot.check_requested = true;
    }
    m_wake.notify_all();
    Changed();
}

void SyncEngine::LinkAppeared(const std::string& what) {
    {
        std::lock_guard lock(m_mutex);
        m_snapshot.links_seen += 1;
        m_snapshot.last_link = what;
        m_snapshot.link_ignored = !m_link.Appeared(SteadyMs());
        if (!m_snapshot.link_ignored) m_link_reason = what;
    }
    m_wake.notify_all();
    Changed();
}

void SyncEngine::SetBeforeCheck(std::function<void(SyncOptions&)> before_check) {
    std::lock_guard lock(m_mutex);
    m_before_check = std::move(before_check);
}

SyncSnapshot SyncEngine::Snapshot() const {
    std::lock_guard lock(m_mutex);
    return m_snapshot;
}

void SyncEngine::Changed() {
    if (m_on_change) m_on_change();
}

void SyncEngine::Loop() {
    std::mt19937 rng(std::random_device{}());
    std::uniform_real_distribution<double> jitter(0.0, 1.0);
    SyncOptions opts = m_options;
    opts.cancel = &m_cancel;
    opts.on_progress = [this](const SyncProgress& p) {
        {
            std::lock_guard lock(m_mutex);
            m_snapshot.phase = p.phase;
            m_snapshot.progress = p;
        }
        if (m_options.on_progress) m_options.on_progress(p);
        Changed();
    };
    for (;;) {
        std::function<void(SyncOptions&)> before_check;
        {
            std::unique_lock lock(m_mutex);
            std::string reason;
            for (;;) {  // until stopped or a check is due
                if (m_stop) return;
                const auto now = SteadyMs();
                const auto link_due = m_link.Due();
                if (m_check_now) {
                    reason = m_now_reason;
                } else if (link_due && *link_due <= now) {
                    // TRANSLATORS: why a sync check runs: a network change, "address 10.0.0.2 on eth0".
                    reason = Format(tr("link: {change}"), {{"change", m_link_reason}});
                } else if (NowSeconds() >= m_snapshot.next_check) {
                    // TRANSLATORS: why a sync check runs: its time had come.
                    reason = tr("scheduled");
                }
                if (!reason.empty()) break;
                auto wait = std::chrono::duration_cast<LinkTrigger::Ms>(
                    std::chrono::seconds(m_snapshot.next_check - NowSeconds()));
                if (link_due) wait = std::min(wait, *link_due - now);
                m_wake.wait_for(lock, std::max(wait, LinkTrigger::Ms(1)));
            }
            m_link.PassStarted(SteadyMs());
            m_check_now = false;
            m_snapshot.check_requested = false;
            m_snapshot.check_reason = reason;
            m_snapshot.phase = SyncPhase::kChecking;
            before_check = m_before_check;
        }
        if (before_check) before_check(opts);
        Changed();
        const std::int64_t started = NowSeconds();
        auto result = SyncOnce(m_dir, m_built_in, opts);
        auto state = LoadSyncState(m_dir);
        // A link that reached a mirror also carries the field reports the reader asked to send.
        if (state && state->online && state->last_check >= started) SendPendingReports(m_dir, m_built_in, &m_cancel);
        {
            std::lock_guard lock(m_mutex);
            m_snapshot.phase = SyncPhase::kIdle;
            m_link.PassEnded(result ? std::nullopt : std::optional<ErrorCode>(result.error().code));
            m_snapshot.last_check = NowSeconds();
            ++m_snapshot.passes;
            if (state) {
                m_snapshot.last_success = state->last_success;
                m_snapshot.consecutive_failures = state->consecutive_failures;
            }
            if (result) {
                m_snapshot.online = true;
                m_snapshot.last_error.clear();
                m_snapshot.last_updates = result->updated;
                m_snapshot.last_skipped = result->skipped;
                m_snapshot.last_new_packs = result->new_packs;
                m_snapshot.consecutive_failures = 0;
                m_snapshot.next_check = NowSeconds() + m_online_interval.count();
            } else {
                // A verified manifest means the link works even if one update failed.
                m_snapshot.online = state && state->online && state->last_check >= started;
                m_snapshot.last_error = result.error().detail;
                const int failures = std::max(1, m_snapshot.consecutive_failures);
                m_snapshot.next_check = NowSeconds() + BackoffDelay(failures, jitter(rng)).count();
            }
        }
        Changed();
    }
}

}  // namespace fk::core
