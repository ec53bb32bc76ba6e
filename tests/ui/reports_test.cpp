// Field reports in the window, headless: "Report a problem" on an article puts a signed
// report in the outbox (nothing is sent); Settings lists it, deletes it, and Send with no
// inbox known keeps every report waiting and says why; with a mirror whose signed list names an
// inbox, Send goes out through the window's own sync engine.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "kit/core/field_report.hpp"
#include "kit/core/sync_state.hpp"
#include "tests/support/child.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/ui/harness.hpp"

using fk::test::UiHarness;
using fk::ui::Action;
using fk::ui::ActionType;
using fk::ui::Screen;

namespace {

const char* kArticle = "checklist-fuel-resupply";

}  // namespace

TEST_CASE("report a problem on an article, see it in Settings, delete it") {
    fk::test::TempDir dir;
    UiHarness h(dir.path());
    h.model().Apply(Action{ActionType::kOpenArticle, kArticle});
    h.Frame(2);
    REQUIRE(h.Click("report-chip"));
    h.Frame();
    REQUIRE(h.Click("report-kind:outdated"));
    REQUIRE(h.Click("report-note"));
    h.Type("the depot on route 3 closed");
    REQUIRE(h.Click("report-queue"));
    REQUIRE(h.model().Outbox().size() == 1);
    const auto& item = h.model().Outbox()[0];
    CHECK(item.valid);
    CHECK(item.report.article == kArticle);
    CHECK(item.report.kind == fk::core::ReportKind::kOutdated);
    CHECK(item.report.note == "the depot on route 3 closed");
    CHECK(item.stored.sent_day == 0);
    CHECK(h.model().Message().find("Nothing is sent") != std::string::npos);
    CHECK(h.view().report_note.empty());

    h.model().Apply(Action{ActionType::kShowScreen, {}, static_cast<int>(Screen::kSettings)});
    h.Frame(2);
    REQUIRE(h.Click("practice-note"));
    h.Type("we share one generator between two exchange points");
    REQUIRE(h.Click("practice-queue"));
    REQUIRE(h.model().Outbox().size() == 2);
    CHECK(h.model().Outbox()[1].report.kind == fk::core::ReportKind::kPractice);
    CHECK(h.model().WaitingReports() == 2);
    h.Frame(2);
    REQUIRE(h.Click("report-delete:0"));
    REQUIRE(h.model().Outbox().size() == 1);
    CHECK(h.model().Outbox()[0].report.kind == fk::core::ReportKind::kPractice);
    // Kept across a restart: the outbox lives in reader.sqlite.
    h.Restart();
    CHECK(h.model().Outbox().size() == 1);
}

TEST_CASE("Send with no inbox known keeps every report waiting and says why") {
    fk::test::TempDir dir;
    UiHarness h(dir.path());
    h.model().Apply(Action{ActionType::kOpenArticle, kArticle});
    h.model().Apply(Action{ActionType::kReportArticle, "", 0, "worked"});
    h.model().Apply(Action{ActionType::kShowScreen, {}, static_cast<int>(Screen::kSettings)});
    h.Frame(2);
    REQUIRE(h.Click("report-send"));
    CHECK(h.model().MessageIsError());
    CHECK(h.model().Message().find("no inbox known") != std::string::npos);
    REQUIRE(h.model().Outbox().size() == 1);
    CHECK(h.model().WaitingReports() == 1);
}

namespace {

std::int64_t Now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void Require(const fk::test::ProcessResult& r) {
    INFO(r.err);
    REQUIRE(r.status == 0);
}

}  // namespace

TEST_CASE("Send in Settings goes out through the window's sync engine to fieldkit serve --inbox") {
    namespace fs = std::filesystem;
    fk::test::TempDir dir;
    const std::string pub = dir / "key.pub", sec = dir / "key.sec", mirror = dir / "mirror", bundle = dir / "v1.fkb";
    Require(fk::test::Fieldkit(dir / "scratch", {"bundle", "keygen", "-W", "-p", pub, "-s", sec}));
    const fs::path content = dir.path() / "content";
    fs::copy(FK_SOURCE_DIR "/content", content, fs::copy_options::recursive);
    std::string kit_yaml;
    {
        std::ifstream in(content / "kit.yaml");
        std::stringstream s;
        s << in.rdbuf();
        kit_yaml = s.str();
    }
    kit_yaml.replace(kit_yaml.find("pack: fieldkit-core"), 19, "pack: ui-report-pack");
    std::ofstream(content / "kit.yaml") << kit_yaml;
    Require(fk::test::Fieldkit(dir / "scratch", {"bundle", "build", content.string(), "-o", bundle, "-s", sec, "--version", "1"}));
    // The publisher's kit is mirror and inbox at once: it serves the signed list naming its inbox.
    const int port = fk::test::FreeLoopbackPort();
    const std::string url = "http://127.0.0.1:" + std::to_string(port);
    Require(fk::test::Fieldkit(dir / "scratch",
                               {"bundle", "publish", "--mirror", mirror, bundle, "-s", sec, "--inbox", url + "/inbox"}));
    const std::string publisher = dir / "publisher", inbox = dir / "inbox";
    Require(fk::test::Fieldkit(publisher, {"trust", "add", pub}));
    Require(fk::test::Fieldkit(publisher, {"import", bundle}));
    const fs::path held = fk::core::SyncDir(publisher) / "held";
    fs::create_directories(held);
    for (const char* f : {"release.json", "release.json.minisig"}) fs::copy_file(fs::path(mirror) / f, held / f);
    fk::test::Child serve({FK_BINARY, "--data-dir", publisher, "serve", "--bind", "127.0.0.1:" + std::to_string(port),
                           "--inbox", inbox});
    REQUIRE(serve.ReadLine(10000).find("serving") != std::string::npos);

    const std::string reader = dir / "reader";
    Require(fk::test::Fieldkit(reader, {"trust", "add", pub}));
    Require(fk::test::Fieldkit(reader, {"import", bundle}));
    UiHarness h(reader);
    auto& m = h.model();
    m.Apply(Action{ActionType::kOpenArticle, "ui-report-pack/anti-spoofing-bcp38-bcp84"});
    m.Apply(Action{ActionType::kReportArticle, "worked at our IXP", 0, "worked"});
    REQUIRE(m.WaitingReports() == 1);
    fk::core::SyncOptions opts;
    opts.mirrors = {url};
    opts.limits.connect_timeout_s = 5;
    m.StartSync(opts, [] {});
    auto settle = [&](auto done) {
        for (int i = 0; i < 600 && !done(); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            if (m.PollSync(Now())) h.Frame(1);
        }
        return done();
    };
    // The first check at start sends nothing: the reader has not asked.
    REQUIRE(settle([&] { return m.Sync().view.snapshot.last_check > 0 && m.Sync().view.snapshot.phase == fk::core::SyncPhase::kIdle; }));
    CHECK(m.WaitingReports() == 1);
    m.Apply(Action{ActionType::kShowScreen, {}, static_cast<int>(Screen::kSettings)});
    h.Frame(2);
    REQUIRE(h.Click("report-send"));
    CHECK(m.Message().find("next update check") != std::string::npos);
    REQUIRE(settle([&] { return m.WaitingReports() == 0; }));
    CHECK(m.Outbox()[0].stored.sent_via == url + "/inbox");
    // A report written after Send waits for its own Send, however often the engine checks.
    m.Apply(Action{ActionType::kReportArticle, "second thoughts", 0, "wrong"});
    const std::uint64_t before = m.Sync().view.snapshot.passes;
    m.Apply(Action{ActionType::kCheckNow});
    REQUIRE(settle([&] {
        return m.Sync().view.snapshot.passes > before && m.Sync().view.snapshot.phase == fk::core::SyncPhase::kIdle;
    }));
    CHECK(m.WaitingReports() == 1);
    m.StopSync();
    int stored = 0;
    for (const auto& f : fs::directory_iterator(inbox)) stored += f.path().extension() == ".fkr" ? 1 : 0;
    CHECK(stored == 1);
}
