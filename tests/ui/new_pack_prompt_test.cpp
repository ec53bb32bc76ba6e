// The window's question about new packs: a trusted publisher's mirror (`fieldkit serve --dir`
// on 127.0.0.1) offers two packs this kit lacks; the sync area asks about each. "Not now" is
// remembered for that version across a restart; "Install" installs it at the next check and
// it is searchable at once.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <regex>
#include <thread>

#include "tests/support/child.hpp"
#include "tests/support/process.hpp"
#include "tests/support/sample_content.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/ui/harness.hpp"

namespace fs = std::filesystem;
using fk::test::Fieldkit;
using fk::ui::Action;
using fk::ui::ActionType;
using fk::ui::Screen;

namespace {

std::int64_t Now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void Require(const fk::test::ProcessResult& r) {
    INFO(r.out, r.err);
    REQUIRE(r.status == 0);
}

}  // namespace

TEST_CASE("the window asks about each new pack: Not now is remembered, Install installs it") {
    fk::test::TempDir dir;
    const std::string pub = dir / "t.pub", sec = dir / "t.sec", mirror = dir / "mirror";
    Require(Fieldkit(dir / "scratch", {"bundle", "keygen", "-W", "-p", pub, "-s", sec}));
    for (const std::string pack : {"later-pack", "room-pack"}) {
        fk::test::WriteSampleContent(dir.path() / pack, 2, pack, "zanzibarwidget");
        const std::string out = dir / (pack + ".fkb");
        Require(Fieldkit(dir / "scratch", {"bundle", "build", dir / pack, "-o", out, "-s", sec, "--version", "5"}));
        Require(Fieldkit(dir / "scratch", {"bundle", "publish", "--mirror", mirror, out, "-s", sec}));
    }
    fk::test::Child serve(
        {FK_BINARY, "--data-dir", dir / "scratch", "serve", "--dir", mirror, "--bind", "127.0.0.1:0"});
    std::smatch m;
    const std::string line = serve.ReadLine(10000);
    REQUIRE(std::regex_search(line, m, std::regex("http://127\\.0\\.0\\.1:[0-9]+/")));
    const std::string url = m[0].str();

    const std::string kit = dir / "kit";
    Require(Fieldkit(kit, {"trust", "add", pub}));
    fk::test::UiHarness h(kit);
    auto& model = h.model();
    auto start = [&] {
        fk::core::SyncOptions opts;
        opts.mirrors = {url};
        model.StartSync(opts, [] {});
    };
    auto settle = [&](auto done) {
        for (int i = 0; i < 1200 && !done(); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            if (h.model().PollSync(Now())) h.Frame(1);
        }
        return done();
    };
    auto asked = [&](const std::string& pack) {
        for (const auto& p : h.model().Sync().lines.new_packs)
            if (p.pack == pack && p.can_install) return true;
        return false;
    };
    start();
    REQUIRE(settle([&] { return asked("later-pack") && asked("room-pack"); }));
    model.Apply(Action{ActionType::kShowScreen, {}, static_cast<int>(Screen::kLibrary)});
    const std::string drawn = h.DrawnText();
    CHECK(drawn.find("New pack from a trusted publisher: Test pack (room-pack,") != std::string::npos);
    CHECK(drawn.find("Install it?") != std::string::npos);
    CHECK(model.Library().State().packs.count("room-pack") == 0);  // nothing without a yes

    REQUIRE(h.Click("new-pack-not-now:later-pack"));
    h.Frame(2);
    CHECK_FALSE(asked("later-pack"));
    REQUIRE(h.Click("new-pack-install:room-pack"));
    REQUIRE(settle([&] { return model.Library().State().packs.count("room-pack") == 1; }));
    REQUIRE(settle([&] { return !model.Message().empty(); }));
    CHECK(model.Message().find("Installed the new pack Test pack") != std::string::npos);
    CHECK(model.Library().State().packs.count("later-pack") == 0);
    model.Apply(Action{ActionType::kSetQuery, "zanzibarwidget"});
    CHECK_FALSE(model.Search().results.hits.empty());
    model.StopSync();

    // After a restart the declined version is not asked about again.
    h.Restart();
    auto& again = h.model();
    fk::core::SyncOptions opts;
    opts.mirrors = {url};
    again.StartSync(opts, [] {});
    REQUIRE(settle([&] {
        return again.Sync().view.snapshot.passes > 0 && again.Sync().view.snapshot.phase == fk::core::SyncPhase::kIdle;
    }));
    CHECK(again.Sync().lines.new_packs.empty());
    CHECK(again.Library().State().packs.count("later-pack") == 0);
    again.StopSync();
}
