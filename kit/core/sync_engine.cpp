// SyncEngine: the worker loop and its schedule.
#include "kit/core/sync_engine.hpp"

#include <algorithm>
#include <random>

#include "kit/core/report_outbox.hpp"
#include "kit/core/sync_state.hpp"

namespace fk::core {
namespace {

std::int64_t NowSeconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
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
    std::lock_guard lock(m_mutex);
    if (m_thread.joinable()) return;
    m_stop = false;
    m_check_now = true;  // check at start
    m_thread = std::thread([this] { Loop(); });
}

void SyncEngine::Stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_cancel = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
    m_cancel = false;
}

void SyncEngine::CheckNow() {
    {
        std::lock_guard lock(m_mutex);
        m_check_now = true;
        m_snapshot.check_requested = true;
    }
    m_wake.notify_all();
    Changed();
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
        {
            std::unique_lock lock(m_mutex);
            const auto wait_until = std::chrono::system_clock::from_time_t(static_cast<std::time_t>(m_snapshot.next_check));
            m_wake.wait_until(lock, wait_until, [this] { return m_stop || m_check_now; });
            if (m_stop) return;
            m_check_now = false;
            m_snapshot.check_requested = false;
            m_snapshot.phase = SyncPhase::kChecking;
        }
        Changed();
        const std::int64_t started = NowSeconds();
        auto result = SyncOnce(m_dir, m_built_in, opts);
        auto state = LoadSyncState(m_dir);
        // A link that reached a mirror also carries the field reports the reader asked to send.
        if (state && state->online && state->last_check >= started) SendPendingReports(m_dir, m_built_in, &m_cancel);
        {
            std::lock_guard lock(m_mutex);
            m_snapshot.phase = SyncPhase::kIdle;
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
