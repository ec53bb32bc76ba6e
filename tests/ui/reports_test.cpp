// Field reports in the window, headless: "Report a problem" on an article puts a signed
// report in the outbox (nothing is sent); Settings lists it, deletes it, and Send with no
// inbox known keeps every report waiting and says why.
#include <doctest/doctest.h>

#include "kit/core/field_report.hpp"
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
