// LinkTrigger: debounce of link events and the back-off they must not undo.
#include "kit/core/link_trigger.hpp"

#include <algorithm>

namespace fk::core {

bool LinkMayHelp(ErrorCode failure) { return failure == ErrorCode::kOffline || failure == ErrorCode::kTimeout; }

bool LinkTrigger::Appeared(Ms now) {
    if (m_hold) return false;
    if (!m_first) m_first = now;
    m_last = now;
    return true;
}

std::optional<LinkTrigger::Ms> LinkTrigger::Due() const {
    if (!m_first) return std::nullopt;
    return std::min(*m_last + kLinkDebounce, *m_first + kLinkDebounceMax);
}

void LinkTrigger::PassStarted(Ms now) {
    // Events up to now are covered by this pass; one arriving during it keeps its own check.
    if (m_last && *m_last <= now) m_first = m_last = std::nullopt;
}

void LinkTrigger::PassEnded(std::optional<ErrorCode> failure) {
    m_hold = failure && !LinkMayHelp(*failure);
    if (m_hold) m_first = m_last = std::nullopt;  // the link was up: the back-off decides
}

}  // namespace fk::core
