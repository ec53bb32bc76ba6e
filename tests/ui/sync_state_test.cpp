// The sync state on screen without a network: a snapshot's download figures and a calm
// one-line error, "no mirror set up", the metered choice persisting, trusting a key file.
#include "kit/core/sync_state.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <fstream>

#include "bundle/minisign.hpp"
#include "kit/ui/sync_text.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/ui/harness.hpp"

using fk::ui::Action;
using fk::ui::ActionType;
using fk::ui::Screen;

namespace {

std::int64_t Now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void StoreMirror(const fk::test::TempDir& dir) {
    fk::core::SyncState s;
    s.mirrors = {"http://127.0.0.1:9/"};  // discard port: never contacted here
    REQUIRE(fk::core::SaveSyncState(dir.path(), s));
}

}  // namespace

TEST_CASE("a download snapshot shows a progress bar with the CLI's figures, and Check now") {
    fk::test::TempDir dir;
    StoreMirror(dir);
    fk::test::UiHarness h(dir.path());
    fk::ui::SyncView v;
    v.snapshot.phase = fk::core::SyncPhase::kDownloading;
    v.snapshot.online = true;
    v.snapshot.last_check = Now() - 120;
    v.snapshot.last_success = v.snapshot.last_check;
    v.snapshot.progress = {fk::core::SyncPhase::kDownloading,
                           "http://127.0.0.1:9/",
                           "fieldkit-core",
                           "ab12.fkd",
                           1536 * 1024,
                           3 * 1024 * 1024};
    v.figures = {"ab12.fkd", 1536 * 1024, 3 * 1024 * 1024, 51200, 30};
    CHECK(h.model().ApplySync(v, true, Now()));
    const auto& l = h.model().Sync().lines;
    CHECK(l.downloading);
    CHECK(l.fraction == doctest::Approx(0.5));
    CHECK(l.progress == "1.5 MB / 3.0 MB  50.0 KB/s  0:30 left");
    CHECK(l.activity.find("fieldkit-core") != std::string::npos);
    CHECK(l.status.rfind("Online", 0) == 0);
    CHECK_FALSE(h.model().ApplySync(v, true, Now()));  // nothing new: no redraw needed
    h.Frame(2);
    CHECK(h.view().items.count("sync-progress"));
    CHECK(h.view().items.count("check-now"));
    h.model().Apply(Action{ActionType::kShowScreen, {}, static_cast<int>(Screen::kLibrary)});
    h.Frame(2);
    CHECK(h.view().items.count("sync-progress"));  // Library shows it too
}

TEST_CASE("a check that a new link started says so while it runs") {
    fk::test::TempDir dir;
    StoreMirror(dir);
    fk::test::UiHarness h(dir.path());
    fk::ui::SyncView v;
    v.snapshot.phase = fk::core::SyncPhase::kChecking;
    v.snapshot.check_reason = "link: default route via 10.9.0.1 on wwan0";
    h.model().ApplySync(v, true, Now());
    CHECK(h.model().Sync().lines.activity == "Checking the mirrors (link: default route via 10.9.0.1 on wwan0)...");
}

TEST_CASE("a failed check is one calm line, with the next check and no progress bar") {
    fk::test::TempDir dir;
    StoreMirror(dir);
    fk::test::UiHarness h(dir.path());
    fk::ui::SyncView v;
    v.snapshot.last_check = Now() - 60;
    v.snapshot.last_success = Now() - 3 * 86400;
    v.snapshot.next_check = Now() + 25 * 60;
    v.snapshot.last_error = "mirror http://127.0.0.1:9/: could not connect (Connection refused).\nsecond line";
    CHECK(h.model().ApplySync(v, true, Now()));
    const auto& l = h.model().Sync().lines;
    CHECK_FALSE(l.downloading);
    CHECK(l.status.rfind("Offline", 0) == 0);
    CHECK(l.status.find("Next check in 25 min") != std::string::npos);
    CHECK(l.error.find("Connection refused") != std::string::npos);
    CHECK(l.error.find('\n') == std::string::npos);
    CHECK(l.error.find("second line") == std::string::npos);
    h.Frame(2);
    CHECK(h.view().items.count("sync-error"));
    CHECK_FALSE(h.view().items.count("sync-progress"));
}

TEST_CASE("without a configured mirror the window says so, calmly") {
    fk::test::TempDir dir;
    fk::test::UiHarness h(dir.path());
    h.model().PollSync(Now());
    CHECK(h.model().Sync().lines.status.find("no mirror set up") != std::string::npos);
    CHECK(h.model().Sync().lines.error.empty());
}

TEST_CASE("metered mode is chosen in Settings and kept in the reader's settings") {
    fk::test::TempDir dir;
    {
        fk::test::UiHarness h(dir.path());
        CHECK(h.model().Settings().metered == "off");
        h.model().Apply(Action{ActionType::kShowScreen, {}, static_cast<int>(Screen::kSettings)});
        h.Frame(2);
        REQUIRE(h.Click("metered:deltas"));
        CHECK(h.model().Settings().metered == "deltas");
        h.model().Apply(Action{ActionType::kSetMetered, "ask", 12});
        h.Restart();
        CHECK(h.model().Settings().metered == "ask");
        CHECK(h.model().Settings().ask_above_mb == 12);
    }
}

TEST_CASE("trust a publisher key from a typed path, a wrong file is a message") {
    fk::test::TempDir dir;
    fk::test::UiHarness h(dir.path());
    const std::string junk = dir / "junk.pub";
    { std::ofstream(junk) << "hello"; }
    h.model().Apply(Action{ActionType::kTrustKeyFile, junk});
    CHECK(h.model().MessageIsError());
    const size_t before = h.model().TrustedKeys().size();
    auto keys = fk::bundle::GenerateKeyPair();
    const std::string pub = dir / "publisher.pub";
    { std::ofstream(pub) << fk::bundle::FormatPublicKey(keys.pub); }
    h.model().Apply(Action{ActionType::kShowScreen, {}, static_cast<int>(Screen::kLibrary)});
    h.Frame(2);
    REQUIRE(h.Click("trust-path"));
    h.Type(pub);
    REQUIRE(h.Click("trust-key"));
    CHECK_FALSE(h.model().MessageIsError());
    CHECK(h.model().Message().find(fk::bundle::KeyIdHex(keys.pub.id)) != std::string::npos);
    CHECK(h.model().TrustedKeys().size() == before + 1);
}
