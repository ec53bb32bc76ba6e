// Workshop plans read by shape: every workshop article shipped in content/ (all languages),
// translated headings and Arabic-Indic digits, and the presenter's clocks on a fake clock.
#include "kit/core/workshop_plan.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "kit/core/workshop_session.hpp"

using namespace fk::core;

namespace {

struct Source {
    std::string path, id, body;
};

// Every article of type workshop under content/<lang>/, with its body.
std::vector<Source> WorkshopArticles() {
    std::vector<Source> out;
    for (const auto& lang : std::filesystem::directory_iterator(std::filesystem::path(FK_SOURCE_DIR) / "content")) {
        if (!lang.is_directory()) continue;
        for (const auto& f : std::filesystem::directory_iterator(lang.path())) {
            if (f.path().extension() != ".md") continue;
            std::ifstream in(f.path());
            std::stringstream ss;
            ss << in.rdbuf();
            const std::string text = ss.str();
            const size_t end = text.find("\n---\n", 4);
            if (!text.starts_with("---\n") || end == std::string::npos) continue;
            const std::string front = text.substr(0, end);
            if (front.find("\ntype: workshop\n") == std::string::npos) continue;
            out.push_back({f.path().string(), f.path().stem().string(), text.substr(end + 5)});
        }
    }
    return out;
}

struct FakeClock {
    std::int64_t ms = 1000;
    MonotonicMs Fn() {
        return [this] { return ms; };
    }
    void Seconds(int s) { ms += std::int64_t{s} * 1000; }
};

}  // namespace

TEST_CASE("every workshop article in content/ has an agenda whose blocks add up, and its injects") {
    const auto articles = WorkshopArticles();
    REQUIRE(articles.size() >= 10);
    int with_injects = 0;
    for (const auto& a : articles) {
        CAPTURE(a.path);
        const WorkshopPlan plan = ReadWorkshopPlan(a.body);
        CHECK(plan.sections.size() >= 4);
        if (!a.id.starts_with("workshop-")) continue;  // a lab outline: sections only
        REQUIRE(plan.agenda_at);
        CHECK(plan.agenda.size() >= 4);
        CHECK(plan.total_minutes >= 60);
        CHECK(plan.total_minutes == plan.agenda_sum);
        int with_notes = 0;
        for (const auto& b : plan.agenda) {
            CHECK(b.minutes > 0);
            CHECK_FALSE(b.name.empty());
            CHECK(b.name.find('*') == std::string::npos);
            with_notes += b.notes.empty() ? 0 : 1;
        }
        CHECK(with_notes >= 1);
        REQUIRE(plan.injects_at);
        ++with_injects;
        CHECK(plan.injects_at->section > plan.agenda_at->section);
        CHECK(plan.injects.size() >= 4);
        CHECK(plan.injects.front().minute == 0);
        for (size_t i = 1; i < plan.injects.size(); ++i) CHECK(plan.injects[i].minute > plan.injects[i - 1].minute);
        for (const auto& inject : plan.injects) {
            CHECK_FALSE(inject.what.empty());
            CHECK_FALSE(inject.decide.empty());
        }
        // The injects fit in the agenda.
        CHECK(plan.injects.back().minute < plan.total_minutes);
    }
    CHECK(with_injects >= 10);
}

TEST_CASE("the 72-hour blackout module: agenda, trainer's notes, injects and where they are") {
    std::ifstream in(std::filesystem::path(FK_SOURCE_DIR) / "content/en/workshop-72-hour-blackout.md");
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    const WorkshopPlan plan = ReadWorkshopPlan(text.substr(text.find("\n---\n", 4) + 5));  // the body
    REQUIRE(plan.agenda.size() == 6);
    CHECK(plan.agenda[0].minutes == 10);
    CHECK(plan.agenda[0].notes == "Ask each group for its site count and battery types");
    CHECK(plan.agenda[3].name == "Tabletop with five injects");
    CHECK(plan.agenda[5].notes.empty());
    CHECK(plan.total_minutes == 120);
    CHECK(plan.sections[static_cast<size_t>(plan.agenda_at->section)].title == "Agenda");
    REQUIRE(plan.injects.size() == 5);
    CHECK(plan.sections[static_cast<size_t>(plan.injects_at->section)].title == "Injects");
    CHECK(plan.injects_at->table == 0);
    CHECK(plan.injects[1].time == "9 min");
    CHECK(plan.injects[1].minute == 9);
    CHECK(plan.injects[4].what.starts_with("Day 8"));
    CHECK(plan.intro.starts_with("Run this module"));
}

TEST_CASE("headings in any language and Arabic-Indic digits: the shape decides") {
    // Arabic headings, Arabic-Indic digits, a scenario table whose one row starts with a number.
    const std::string ar =
        "مقدمة للمدرب.\n\n## جدول الأعمال\n\n| الدقائق | الفقرة | ملاحظات للمدرب |\n|---|---|---|\n"
        "| ١٠ | ترحيب | اطلب من كل مجموعة |\n| ٢٠ | عرض | |\n| **٣٠** | **المجموع** | |\n\n"
        "## السيناريو\n\n| عنصر | حالة |\n|---|---|\n| 50 ميغابت | مخترع |\n| انقطاع | أوكرانيا |\n\n"
        "## المستجدات\n\n| الوقت | ماذا يحدث | القرار |\n|---|---|---|\n| ٠ دقيقة | أ | ب |\n"
        "| ١٢ دقيقة | ج | د |\n\n```\n## not a heading\n| 1 | x |\n|---|---|\n```\n";
    const WorkshopPlan plan = ReadWorkshopPlan(ar);
    REQUIRE(plan.sections.size() == 3);
    CHECK(plan.intro == "مقدمة للمدرب.");
    REQUIRE(plan.agenda.size() == 2);
    CHECK(plan.agenda[0].minutes == 10);
    CHECK(plan.agenda[0].notes == "اطلب من كل مجموعة");
    CHECK(plan.total_minutes == 30);
    REQUIRE(plan.injects_at);
    CHECK(plan.injects_at->section == 2);
    REQUIRE(plan.injects.size() == 2);
    CHECK(plan.injects[1].minute == 12);
    CHECK(plan.injects[1].decide == "د");

    // No bold total and a sum that is not the last row: every row is a block.
    const WorkshopPlan fr = ReadWorkshopPlan(
        "## Programme\n\n| Minutes | Bloc |\n|---|---|\n| 10 | Accueil |\n| 25 | [Exercice](x.md) |\n| 5 | Fin |\n\n"
        "## Injections\n\n| Temps | Événement |\n|---|---|\n| 10 min | b |\n| 5 min | a |\n");
    CHECK(fr.agenda.size() == 3);
    CHECK(fr.total_minutes == 40);
    CHECK(fr.agenda[1].name == "Exercice");
    CHECK(fr.agenda[1].notes.empty());
    CHECK_FALSE(fr.injects_at);  // times that go back are not injects

    // Hostile or empty input never fails.
    CHECK(ReadWorkshopPlan("").sections.empty());
    CHECK(ReadWorkshopPlan("|\n|-|\n|").agenda.empty());
    CHECK(ReadWorkshopPlan("## a\n| 99999999999 | x |\n|---|---|\n| 99999999999 | y |\n| 1 | z |\n").agenda.empty());
    CHECK(FirstNumber("Day ٣, hour 4") == 3);
    CHECK(PlainCell("**120** [a *b*](c.md) `x`<br>y") == "120 a b x y");
}

TEST_CASE("presenter clocks on a fake clock: blocks, pause, overrun, total and injects") {
    WorkshopPlan plan = ReadWorkshopPlan(
        "## A\n\n| Minutes | Block | Notes |\n|---|---|---|\n| 10 | One | n1 |\n| 5 | Two | n2 |\n| **15** | **Total** "
        "| |\n"
        "## B\n\n| Time | What | Decide |\n|---|---|---|\n| 0 min | x | y |\n| 4 min | x | y |\n| 9 min | x | y |\n"
        "## C\n\ntext\n");
    FakeClock clock;
    WorkshopSession s(plan, clock.Fn());
    CHECK(s.PageCount() == 4);
    CHECK_FALSE(s.PreviousPage());
    CHECK(s.NextPage());
    CHECK(s.NextPage());
    CHECK(s.NextPage());
    CHECK(s.AtLastPage());
    CHECK_FALSE(s.NextPage());
    CHECK(s.Page() == 3);

    // Nothing runs before the start.
    clock.Seconds(100);
    CHECK_FALSE(s.Started());
    CHECK(s.BlockLeftMs() == 600000);
    CHECK(s.TotalLeftMs() == 900000);
    s.StartOrPause();
    clock.Seconds(90);
    CHECK(s.BlockLeftMs() == 510000);
    CHECK(s.TotalLeftMs() == 810000);
    // Paused time does not count.
    s.StartOrPause();
    CHECK_FALSE(s.Running());
    clock.Seconds(600);
    CHECK(s.BlockLeftMs() == 510000);
    s.StartOrPause();
    clock.Seconds(540);  // 630 s in a 600 s block: 30 s over
    CHECK(s.BlockLeftMs() == -30000);
    CHECK(s.NextBlock());
    CHECK_FALSE(s.NextBlock());
    CHECK(s.Block() == 1);
    clock.Seconds(60);
    CHECK(s.BlockLeftMs() == 240000);
    CHECK(s.BlockElapsedMs(0) == 630000);
    CHECK(s.TotalElapsedMs() == 690000);
    clock.Seconds(300);  // 990 s of 900: the whole module overran by 90 s
    CHECK(s.TotalLeftMs() == -90000);
    CHECK(s.PreviousBlock());
    CHECK(s.BlockElapsedMs(1) == 360000);

    // Injects one at a time; the next one's due time runs on the agenda clock.
    CHECK_FALSE(s.NextInjectInMs());
    CHECK(s.RevealNext());
    CHECK(s.Revealed() == 1);
    CHECK(s.NextInjectInMs() == 240000);
    clock.Seconds(250);
    CHECK(s.NextInjectInMs() == -10000);  // late by 10 s
    CHECK(s.RevealNext());
    CHECK(s.RevealNext());
    CHECK_FALSE(s.RevealNext());
    CHECK_FALSE(s.NextInjectInMs());
    CHECK(s.HideLast());
    CHECK(s.Revealed() == 2);
}

TEST_CASE("a plan without an agenda or injects still presents, and its clock counts up") {
    WorkshopPlan plan = ReadWorkshopPlan("Intro\n\n## Only\n\ntext\n");
    FakeClock clock;
    WorkshopSession s(plan, clock.Fn());
    CHECK(s.PageCount() == 2);
    s.StartOrPause();
    clock.Seconds(30);
    CHECK(s.TotalElapsedMs() == 30000);
    CHECK(s.TotalLeftMs() == -30000);
    CHECK_FALSE(s.NextBlock());
    CHECK_FALSE(s.RevealNext());
}
