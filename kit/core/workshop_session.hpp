// A workshop being presented: the section on screen, the agenda's clocks (per block and in
// total, paused or running, overrun as negative time left) and the injects revealed so far.
// Time comes from an injected clock, so tests step it by hand. Single-threaded; no ImGui.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "kit/core/workshop_plan.hpp"

namespace fk::core {

// Milliseconds of a clock that never goes back (the window passes a monotonic one).
using MonotonicMs = std::function<std::int64_t()>;
MonotonicMs SteadyClockMs();

class WorkshopSession {
public:
    WorkshopSession(const WorkshopPlan& plan, MonotonicMs clock);

    // Pages: 0 is the opening page (title and summary), 1..N the plan's sections.
    int Page() const { return m_page; }
    int PageCount() const { return m_pages; }
    bool AtLastPage() const { return m_page == m_pages - 1; }
    bool NextPage();  // false when already at the end
    bool PreviousPage();

    // The agenda clock: nothing runs until StartOrPause; paused time does not count.
    void StartOrPause();
    bool Running() const { return m_running_since.has_value(); }
    bool Started() const { return m_started; }
    int Block() const { return m_block; }  // index into the plan's agenda (0 with no agenda)
    bool NextBlock();                      // the trainer moves on; the clock keeps its state
    bool PreviousBlock();
    std::int64_t BlockElapsedMs(int block) const;
    // The current block's minutes less its elapsed time: negative once it overruns.
    std::int64_t BlockLeftMs() const;
    std::int64_t TotalElapsedMs() const;
    std::int64_t TotalLeftMs() const;  // the planned total less all elapsed time

    // Injects: shown one at a time, in order.
    int Revealed() const { return m_revealed; }
    bool RevealNext();
    bool HideLast();
    // Until the next inject is due by its "time into exercise", counted from the first reveal
    // on the agenda clock; nullopt before the first or after the last.
    std::optional<std::int64_t> NextInjectInMs() const;

private:
    void Bank();  // adds the running stretch to the current block
    std::int64_t Now() const { return m_clock(); }

    MonotonicMs m_clock;
    int m_pages = 1;
    int m_page = 0;
    std::vector<int> m_block_minutes;
    std::vector<std::int64_t> m_block_ms;  // banked time per block
    int m_block = 0;
    int m_total_minutes = 0;
    std::optional<std::int64_t> m_running_since;
    bool m_started = false;
    std::vector<int> m_inject_minutes;
    int m_revealed = 0;
    std::int64_t m_exercise_start = 0;  // TotalElapsedMs at the first reveal
};

}  // namespace fk::core
