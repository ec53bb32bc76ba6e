// "Check now" against a real local mirror: a pack built, published and served by the real
// fieldkit binary (`fieldkit serve` on 127.0.0.1), synced by the window's own engine. The new
// version is searchable in the model at once, and the reader keeps their place.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "kit/core/sync_state.hpp"
#include "tests/support/child.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/ui/harness.hpp"
#include "tests/ui/xvfb.hpp"

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

std::string ReadText(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void Require(const fk::test::ProcessResult& r) {
    INFO(r.err);
    REQUIRE(r.status == 0);
}

// Two editions of a pack "ui-sync-pack" (the shipped corpus); v2 adds a word found nowhere else.
struct Editions {
    fk::test::TempDir dir;
    std::string pub = dir / "key.pub", sec = dir / "key.sec", mirror = dir / "mirror";
    Editions() {
        Require(Fieldkit(dir / "scratch", {"bundle", "keygen", "-W", "-p", pub, "-s", sec}));
        const fs::path content = dir.path() / "content";
        fs::copy(FK_SOURCE_DIR "/content", content, fs::copy_options::recursive);
        std::string kit = ReadText(content / "kit.yaml");
        kit.replace(kit.find("pack: fieldkit-core"), 19, "pack: ui-sync-pack");
        std::ofstream(content / "kit.yaml") << kit;
        Build(content, 1);
        std::ofstream(content / "en" / "anti-spoofing-bcp38-bcp84.md", std::ios::app)
            << "\nRevised: confirm the quokkasemaphore fallback before the next outage window.\n";
        Build(content, 2);
        for (int v : {1, 2})
            Require(Fieldkit(dir / "scratch", {"bundle", "publish", "--mirror", mirror, Bundle(v), "-s", sec}));
    }
    std::string Bundle(int v) const { return dir / ("v" + std::to_string(v) + ".fkb"); }
    void Build(const fs::path& content, int v) {
        Require(
            Fieldkit(dir / "scratch",
                     {"bundle", "build", content.string(), "-o", Bundle(v), "-s", sec, "--version", std::to_string(v)},
                     {{"SOURCE_DATE_EPOCH", std::to_string(1700000000 + v)}}));
    }
};

}  // namespace

TEST_CASE("Check now against fieldkit serve on 127.0.0.1 installs v2, it is searchable at once") {
    Editions e;
    // A trainer's kit holding v2 and the signed release list serves them (`fieldkit serve`).
    const std::string trainer = e.dir / "trainer";
    Require(Fieldkit(trainer, {"trust", "add", e.pub}));
    Require(Fieldkit(trainer, {"import", e.Bundle(2)}));
    const fs::path held = fk::core::SyncDir(trainer) / "held";
    fs::create_directories(held);
    for (const auto& f : fs::directory_iterator(e.mirror))
        if (f.path().filename().string().starts_with("release.json") || f.path().extension() == ".fkd")
            fs::copy_file(f.path(), held / f.path().filename(), fs::copy_options::overwrite_existing);

    // The reader's kit: v1, the publisher's key trusted.
    const std::string kit = e.dir / "reader";
    Require(Fieldkit(kit, {"trust", "add", e.pub}));
    Require(Fieldkit(kit, {"import", e.Bundle(1)}));
    fk::test::UiHarness h(kit);
    auto& m = h.model();
    m.Apply(Action{ActionType::kSetQuery, "quokkasemaphore"});
    CHECK(m.Search().results.hits.empty());
    m.Apply(Action{ActionType::kOpenArticle, "anti-spoofing-bcp38-bcp84"});
    REQUIRE(m.CurrentScreen() == Screen::kArticle);
    const int generation = m.Article()->generation;

    // The engine starts while the mirror is down: a calm error, offline.
    const int port = fk::test::FreeLoopbackPort();
    const std::string url = "http://127.0.0.1:" + std::to_string(port);
    std::atomic<int> wakes{0};
    fk::core::SyncOptions opts;
    opts.mirrors = {url};
    opts.limits.connect_timeout_s = 5;
    m.StartSync(opts, [&] { ++wakes; });
    auto settle = [&](auto done) {
        for (int i = 0; i < 1200 && !done(); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            if (m.PollSync(Now())) h.Frame(1);
        }
        return done();
    };
    REQUIRE(settle([&] {
        return m.Sync().view.snapshot.last_check > 0 && m.Sync().view.snapshot.phase == fk::core::SyncPhase::kIdle &&
               !m.Sync().lines.error.empty();
    }));
    CHECK(m.Sync().lines.status.rfind("Offline", 0) == 0);
    CHECK(wakes > 0);

    fk::test::Child serve({FK_BINARY, "--data-dir", trainer, "serve", "--bind", "127.0.0.1:" + std::to_string(port)});
    const std::string line = serve.ReadLine(10000);
    INFO(line);
    REQUIRE(line.find("serving") != std::string::npos);

    // Check now from the Library screen, then back to the article while it runs.
    m.Apply(Action{ActionType::kShowScreen, {}, static_cast<int>(Screen::kLibrary)});
    h.Frame(2);
    REQUIRE(h.Click("check-now"));
    m.Apply(Action{ActionType::kBack});
    REQUIRE(m.CurrentScreen() == Screen::kArticle);
    REQUIRE(settle([&] { return m.Message().find("Updated") != std::string::npos; }));
    INFO(m.Sync().lines.error);
    CHECK(m.Message().find("to version 2") != std::string::npos);
    CHECK(m.Library().State().packs.at("ui-sync-pack").version == 2);
    CHECK_FALSE(m.Search().results.hits.empty());  // the open query found the new word
    CHECK(m.CurrentScreen() == Screen::kArticle);  // the reader's place is kept
    CHECK(m.Article()->view.article.id == "anti-spoofing-bcp38-bcp84");
    CHECK(m.Article()->generation == generation);
    CHECK(m.Article()->revision == 1);
    REQUIRE(m.Sync().view.snapshot.last_updates.size() == 1);
    CHECK(m.Sync().view.snapshot.last_updates[0].via_delta);  // the served delta, not the whole pack
    CHECK(m.Sync().view.snapshot.online);
    CHECK(m.Sync().lines.status.rfind("Online", 0) == 0);
    CHECK(m.Sync().lines.error.empty());
    m.Apply(Action{ActionType::kSetQuery, "quokkasemaphore"});
    CHECK_FALSE(m.Search().results.hits.empty());
    m.StopSync();

    // The real window's Home on this kit under Xvfb (the picture stays for people to look at).
    fk::test::RequireXvfb();
    fs::create_directories(FK_SCREENSHOT_DIR);
    const std::string shot = std::string(FK_SCREENSHOT_DIR) + "/home-sync.png";
    auto r = fk::test::Run(fk::test::UnderXvfb({FK_BINARY, "--data-dir", kit, "--screenshot", shot}),
                           fk::test::WindowEnv(e.dir / "config"));
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(fs::file_size(shot) > 10000);
}
