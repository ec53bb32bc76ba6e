// WorkshopSession: pages, the agenda's clocks and injects (see workshop_session.hpp).
#include "kit/core/workshop_session.hpp"

#include <algorithm>
#include <chrono>
#include <numeric>

namespace fk::core {

MonotonicMs SteadyClockMs() {
    return [] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
    };
}

WorkshopSession::WorkshopSession(const WorkshopPlan& plan, MonotonicMs clock) : m_clock(std::move(clock)) {
    m_pages = 1 + static_cast<int>(plan.sections.size());
    for (const auto& b : plan.agenda) m_block_minutes.push_back(b.minutes);
    m_block_ms.assign(std::max<size_t>(1, m_block_minutes.size()), 0);
    m_total_minutes = plan.total_minutes;
    for (const auto& i : plan.injects) m_inject_minutes.push_back(i.minute);
}

bool WorkshopSession::NextPage() {
    if (m_page + 1 >= m_pages) return false;
    ++m_page;
    return true;
}

bool WorkshopSession::PreviousPage() {
    if (m_page == 0) return false;
    --m_page;
    return true;
}

void WorkshopSession::Bank() {
    if (!m_running_since) return;
    const std::int64_t now = Now();
    m_block_ms[static_cast<size_t>(m_block)] += now - *m_running_since;
    m_running_since = now;
}

void WorkshopSession::StartOrPause() {
    if (m_running_since) {
        Bank();
        m_running_since.reset();
    } else {
        m_running_since = Now();
        m_started = true;
    }
}

bool WorkshopSession::NextBlock() {
    if (m_block + 1 >= static_cast<int>(m_block_ms.size())) return false;
    Bank();
    ++m_block;
    return true;
}

bool WorkshopSession::PreviousBlock() {
    if (m_block == 0) return false;
    Bank();
    --m_block;
    return true;
}

std::int64_t WorkshopSession::BlockElapsedMs(int block) const {
    if (block < 0 || block >= static_cast<int>(m_block_ms.size())) return 0;
    std::int64_t ms = m_block_ms[static_cast<size_t>(block)];
    if (block == m_block && m_running_since) ms += Now() - *m_running_since;
    return ms;
}

std::int64_t WorkshopSession::BlockLeftMs() const {
    const int minutes =
        m_block < static_cast<int>(m_block_minutes.size()) ? m_block_minutes[static_cast<size_t>(m_block)] : 0;
    return std::int64_t{minutes} * 60000 - BlockElapsedMs(m_block);
}

std::int64_t WorkshopSession::TotalElapsedMs() const {
    std::int64_t ms = std::accumulate(m_block_ms.begin(), m_block_ms.end(), std::int64_t{0});
    if (m_running_since) ms += Now() - *m_running_since;
    return ms;
}

std::int64_t WorkshopSession::TotalLeftMs() const {
    return std::int64_t{m_total_minutes} * 60000 - TotalElapsedMs();
}

bool WorkshopSession::RevealNext() {
    if (m_revealed >= static_cast<int>(m_inject_minutes.size())) return false;
    if (m_revealed == 0) m_exercise_start = TotalElapsedMs() - std::int64_t{m_inject_minutes[0]} * 60000;
    ++m_revealed;
    return true;
}

bool WorkshopSession::HideLast() {
    if (m_revealed == 0) return false;
    --m_revealed;
    return true;
}

std::optional<std::int64_t> WorkshopSession::NextInjectInMs() const {
    if (m_revealed == 0 || m_revealed >= static_cast<int>(m_inject_minutes.size())) return std::nullopt;
    const std::int64_t due = m_exercise_start + std::int64_t{m_inject_minutes[static_cast<size_t>(m_revealed)]} * 60000;
    return due - TotalElapsedMs();
}

}  // namespace fk::core
