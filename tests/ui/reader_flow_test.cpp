// The reader's main path through the window, headless: search as you type, open a hit
// with Enter, tick a checklist item, restart, the tick is still there; links and back.
#include <doctest/doctest.h>

#include "bundle/markdown_scan.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/ui/harness.hpp"

using fk::test::UiHarness;
using fk::ui::Screen;

TEST_CASE("type a query, Enter opens the first hit, a tick survives a restart") {
    fk::test::TempDir dir;
    UiHarness h(dir.path());
    h.model().Apply({fk::ui::ActionType::kSetHistory, {}, 1});  // history is off unless turned on
    h.Frame(2);
    CHECK(h.model().CurrentScreen() == Screen::kHome);
    h.Press('K', true);
    h.Type("generator fuel checklist");
    REQUIRE(h.model().CurrentScreen() == Screen::kSearch);
    REQUIRE_FALSE(h.model().Search().results.hits.empty());
    CHECK(h.model().Search().query == "generator fuel checklist");
    const std::string first = h.model().Search().results.hits[0].article.id;
    h.Press(ImGuiKey_Enter);
    REQUIRE(h.model().CurrentScreen() == Screen::kArticle);
    REQUIRE(h.model().Article() != nullptr);
    CHECK(h.model().Article()->view.article.id == first);
    REQUIRE_MESSAGE(!h.model().Article()->view.tasks.empty(), "first hit has no checklist: " << first);

    const std::string key = h.model().Article()->view.tasks[0].key;
    CHECK(h.model().Article()->ticked.count(key) == 0);
    REQUIRE(h.Click("task:0"));
    CHECK(h.model().Article()->ticked.count(key) == 1);

    h.Restart();
    h.Frame(2);
    h.model().Apply({fk::ui::ActionType::kOpenArticle, first});
    h.Frame(2);
    REQUIRE(h.model().Article() != nullptr);
    CHECK(h.model().Article()->ticked.count(key) == 1);
    CHECK(h.model().Home().recent.size() >= 1);
}

TEST_CASE("an internal link opens its article and Alt+Left goes back") {
    fk::test::TempDir dir;
    UiHarness h(dir.path());
    h.model().Apply({fk::ui::ActionType::kOpenArticle, "anti-spoofing-bcp38-bcp84"});
    h.Frame(3);
    REQUIRE(h.model().CurrentScreen() == Screen::kArticle);
    std::string link, target;
    float top = 1e9f;
    for (const auto& [label, rect] : h.view().items) {  // the highest internal link on the page
        if (!label.starts_with("link:")) continue;
        std::string id = fk::bundle::ArticleIdFromLink(label.substr(5));
        if (!id.empty() && rect.min.y < top) {
            link = label;
            target = id;
            top = rect.min.y;
        }
    }
    REQUIRE_MESSAGE(!link.empty(), "no internal link drawn");
    REQUIRE(h.Click(link));
    REQUIRE(h.model().Article() != nullptr);
    CHECK(h.model().Article()->view.article.id == target);
    h.Press(ImGuiKey_LeftArrow, false, true);
    CHECK(h.model().Article()->view.article.id == "anti-spoofing-bcp38-bcp84");
    h.Press(ImGuiKey_RightArrow, false, true);
    CHECK(h.model().Article()->view.article.id == target);
    h.PressMouseButton(3);  // the mouse's back button
    CHECK(h.model().Article()->view.article.id == "anti-spoofing-bcp38-bcp84");
}

TEST_CASE("arrow keys move the selection and Esc leaves the results") {
    fk::test::TempDir dir;
    UiHarness h(dir.path());
    h.Frame(2);
    h.Press('K', true);
    h.Type("dns");
    REQUIRE(h.model().Search().results.hits.size() >= 3);
    h.Press(ImGuiKey_DownArrow);
    h.Press(ImGuiKey_DownArrow);
    h.Press(ImGuiKey_UpArrow);
    CHECK(h.model().Search().selected == 1);
    const std::string second = h.model().Search().results.hits[1].article.id;
    h.Press(ImGuiKey_Enter);
    REQUIRE(h.model().Article() != nullptr);
    CHECK(h.model().Article()->view.article.id == second);
    h.Press(ImGuiKey_LeftArrow, false, true);
    CHECK(h.model().CurrentScreen() == Screen::kSearch);
    h.Press(ImGuiKey_Escape);
    CHECK(h.model().CurrentScreen() == Screen::kHome);
}

TEST_CASE("a phase on Home lists its articles, the audience filter persists") {
    fk::test::TempDir dir;
    {
        UiHarness h(dir.path());
        h.Frame(2);
        REQUIRE(h.Click("phase:recover"));
        CHECK(h.model().CurrentScreen() == Screen::kSearch);
        CHECK(h.model().Search().filters.phase == "recover");
        CHECK_FALSE(h.model().Search().results.hits.empty());
        h.model().Apply({fk::ui::ActionType::kSetAudience, "humanitarian"});
        h.Frame();
    }
    UiHarness again(dir.path());
    CHECK(again.model().Settings().audience == "humanitarian");
    CHECK(again.model().Search().filters.audience == "humanitarian");
}

TEST_CASE("Ctrl+= and Ctrl+- change the text size and it is remembered") {
    fk::test::TempDir dir;
    int size = 0;
    {
        UiHarness h(dir.path());
        h.Frame(2);
        size = h.model().Settings().font_size;
        h.Press('=', true);
        h.Press('=', true);
        h.Press('-', true);
        CHECK(h.model().Settings().font_size == size + 1);
        CHECK(h.view().fonts.size == doctest::Approx(size + 1));
    }
    UiHarness again(dir.path());
    CHECK(again.model().Settings().font_size == size + 1);
}

TEST_CASE("bookmark and notes are saved from the article screen") {
    fk::test::TempDir dir;
    {
        UiHarness h(dir.path());
        h.model().Apply({fk::ui::ActionType::kOpenArticle, "anti-spoofing-bcp38-bcp84"});
        h.Frame(2);
        REQUIRE(h.Click("bookmark"));
        CHECK(h.model().Article()->bookmarked);
        h.view().show_notes = true;
        h.Frame(2);
        REQUIRE(h.Click("notes"));
        h.Type("check uRPF on the new uplink");
        CHECK(h.model().Article()->note == "check uRPF on the new uplink");
    }
    UiHarness again(dir.path());
    again.Frame(2);
    REQUIRE(again.model().Home().bookmarks.size() == 1);
    again.model().Apply({fk::ui::ActionType::kOpenArticle, "anti-spoofing-bcp38-bcp84"});
    CHECK(again.model().Article()->note == "check uRPF on the new uplink");
}
