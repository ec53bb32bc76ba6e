// The link trigger's decisions, as pure code: a burst of link events gives one check about
// 2 s after the last; a check covers the events before it; a mirror that failed while the
// link was up keeps its back-off however often links come and go.
#include "kit/core/link_trigger.hpp"

#include <doctest/doctest.h>

using namespace fk;
using core::LinkTrigger;
using Ms = LinkTrigger::Ms;

TEST_CASE("link trigger: a burst of link events gives one check 2 s after the last") {
    LinkTrigger t;
    CHECK_FALSE(t.Due());
    CHECK(t.Appeared(Ms(1000)));  // address
    CHECK(t.Due() == Ms(3000));
    CHECK(t.Appeared(Ms(1200)));  // default route
    CHECK(t.Appeared(Ms(2500)));  // IPv6 address after duplicate address detection
    CHECK(t.Due() == Ms(4500));
}

TEST_CASE("link trigger: an endless burst still checks 10 s after its first event") {
    LinkTrigger t;
    for (int ms = 0; ms <= 30000; ms += 1000) CHECK(t.Appeared(Ms(ms)));
    CHECK(t.Due() == Ms(10000));
}

TEST_CASE("link trigger: a check covers the events before it, not those during it") {
    LinkTrigger t;
    t.Appeared(Ms(1000));
    t.PassStarted(Ms(3000));
    CHECK_FALSE(t.Due());
    t.Appeared(Ms(3500));  // the link changed while the check ran
    t.PassEnded(ErrorCode::kOffline);
    CHECK(t.Due() == Ms(5500));
    t.PassStarted(Ms(5500));
    t.PassEnded(std::nullopt);
    CHECK_FALSE(t.Due());
}

TEST_CASE("link trigger: unreachable mirrors are checked when a link appears, mirrors that answered badly keep their back-off") {
    for (ErrorCode cured : {ErrorCode::kOffline, ErrorCode::kTimeout}) {
        LinkTrigger t;
        t.PassStarted(Ms(0));
        t.PassEnded(cured);
        CHECK(t.Appeared(Ms(60000)));
        CHECK(t.Due() == Ms(62000));
    }
    for (ErrorCode answered : {ErrorCode::kHttpStatus, ErrorCode::kBadSignature, ErrorCode::kOlderThanInstalled,
                               ErrorCode::kCorrupt, ErrorCode::kNoSpace, ErrorCode::kUsage}) {
        LinkTrigger t;
        t.PassStarted(Ms(0));
        t.Appeared(Ms(100));  // during the pass
        t.PassEnded(answered);
        CHECK_FALSE(t.Due());
        for (int ms = 1000; ms < 100000; ms += 7000) CHECK_FALSE(t.Appeared(Ms(ms)));
        CHECK_FALSE(t.Due());
        // The back-off's own check reaches nothing this time: new links count again.
        t.PassStarted(Ms(120000));
        t.PassEnded(ErrorCode::kOffline);
        CHECK(t.Appeared(Ms(130000)));
        CHECK(t.Due() == Ms(132000));
    }
}

TEST_CASE("link trigger: after a good check a new link is checked too (a new network may reach a new mirror)") {
    LinkTrigger t;
    t.PassStarted(Ms(0));
    t.PassEnded(std::nullopt);
    CHECK(t.Appeared(Ms(5000)));
    CHECK(t.Due() == Ms(7000));
}
