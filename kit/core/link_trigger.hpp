// When a network path appears (an address or a default route), the sync engine checks the
// mirrors at once instead of waiting out its back-off: a link that is up ten minutes a day
// must not go unseen. Pure decisions, no clock of its own, no I/O: the engine feeds it times.
//  - Debounce: an interface coming up gives a burst of events (addresses, routes, IPv6 after
//    duplicate address detection); one check runs kLinkDebounce after the last of them, and
//    no later than kLinkDebounceMax after the first, so an endless burst still gives a check.
//  - Back-off stands: a link check never resets the failure count, and when the last pass
//    failed at a mirror that answered (an HTTP error, a bad signature, a rollback, a full
//    disk: anything but "could not reach it"), the link was up when it failed and new links
//    do not bring its next check forward.
#pragma once

#include <chrono>
#include <optional>

#include "platform/result.hpp"

namespace fk::core {

inline constexpr std::chrono::milliseconds kLinkDebounce{2000};
inline constexpr std::chrono::milliseconds kLinkDebounceMax{10000};

// True for failures a new link can cure: no mirror reached (no route, no DNS, refused, cut)
// or a transfer that timed out.
bool LinkMayHelp(ErrorCode failure);

class LinkTrigger {
public:
    using Ms = std::chrono::milliseconds;  // on any monotonic clock the caller keeps

    // An address or default route appeared at `now`. Returns false when it is ignored (the
    // last failure was at a mirror that answered).
    bool Appeared(Ms now);
    // When a link check should start, if one is pending.
    std::optional<Ms> Due() const;
    // A pass (for any reason) starts at `now`: it covers every event before it.
    void PassStarted(Ms now);
    // The pass ended: nullopt for success, else its error code.
    void PassEnded(std::optional<ErrorCode> failure);

private:
    std::optional<Ms> m_first, m_last;  // pending events
    bool m_hold = false;  // the last pass failed with the link up
};

}  // namespace fk::core
