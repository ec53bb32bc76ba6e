// Model actions without drawing: errors become state (no modal), external links stay put,
// back/forward history, checklist reset.
#include "kit/ui/model.hpp"

#include <doctest/doctest.h>

#include <fstream>

#include "kit/cli/built_in.hpp"
#include "tests/support/temp_dir.hpp"

using fk::ui::Action;
using fk::ui::ActionType;
using fk::ui::Screen;

namespace {

std::unique_ptr<fk::ui::Model> OpenModel(const fk::test::TempDir& dir) {
    auto m = fk::ui::Model::Open(dir.path(), fk::cli::BuiltInContent());
    REQUIRE(m.ok());
    return std::move(*m);
}

}  // namespace

TEST_CASE("a failed import is a message on screen, and the library still works") {
    fk::test::TempDir dir;
    auto m = OpenModel(dir);
    std::filesystem::path junk = dir.path() / "junk.fkb";
    { std::ofstream(junk) << "not a bundle"; }
    m->Apply(Action{ActionType::kImportFile, junk.string()});
    CHECK(m->MessageIsError());
    CHECK(m->Message().find("junk.fkb") != std::string::npos);
    m->Apply(Action{ActionType::kImportFile, (dir.path() / "missing.fkb").string()});
    CHECK(m->MessageIsError());
    m->Apply(Action{ActionType::kDismissMessage});
    CHECK(m->Message().empty());
    CHECK(m->ArticleCount() > 100);
}

TEST_CASE("unknown articles and external links leave the reader where they were") {
    fk::test::TempDir dir;
    auto m = OpenModel(dir);
    m->Apply(Action{ActionType::kOpenArticle, "anti-spoofing-bcp38-bcp84"});
    REQUIRE(m->CurrentScreen() == Screen::kArticle);
    m->Apply(Action{ActionType::kOpenArticle, "no-such-article"});
    CHECK(m->Article()->view.article.id == "anti-spoofing-bcp38-bcp84");
    CHECK(m->MessageIsError());
    m->Apply(Action{ActionType::kOpenLink, "https://www.manrs.org/"});
    CHECK(m->Article()->view.article.id == "anti-spoofing-bcp38-bcp84");
    CHECK(m->Message().find("https://www.manrs.org/") != std::string::npos);
    CHECK_FALSE(m->MessageIsError());
}

TEST_CASE("reset checklist clears every tick of the article only") {
    fk::test::TempDir dir;
    auto m = OpenModel(dir);
    m->Apply(Action{ActionType::kOpenArticle, "checklist-fuel-resupply"});
    REQUIRE(m->Article()->view.tasks.size() >= 2);
    const auto tasks = m->Article()->view.tasks;
    m->Apply(Action{ActionType::kSetTicked, tasks[0].key, 1});
    m->Apply(Action{ActionType::kSetTicked, tasks[1].key, 1});
    CHECK(m->Article()->ticked.size() == 2);
    m->Apply(Action{ActionType::kSetTicked, tasks[1].key, 0});
    CHECK(m->Article()->ticked.size() == 1);
    m->Apply(Action{ActionType::kResetChecklist});
    CHECK(m->Article()->ticked.empty());
    auto again = OpenModel(dir);
    again->Apply(Action{ActionType::kOpenArticle, "checklist-fuel-resupply"});
    CHECK(again->Article()->ticked.empty());
}

TEST_CASE("back and forward walk the screens visited") {
    fk::test::TempDir dir;
    auto m = OpenModel(dir);
    CHECK_FALSE(m->CanGoBack());
    m->Apply(Action{ActionType::kShowScreen, {}, static_cast<int>(Screen::kLibrary)});
    m->Apply(Action{ActionType::kOpenArticle, "anti-spoofing-bcp38-bcp84"});
    m->Apply(Action{ActionType::kShowScreen, {}, static_cast<int>(Screen::kSettings)});
    m->Apply(Action{ActionType::kBack});
    CHECK(m->CurrentScreen() == Screen::kArticle);
    m->Apply(Action{ActionType::kBack});
    CHECK(m->CurrentScreen() == Screen::kLibrary);
    m->Apply(Action{ActionType::kForward});
    CHECK(m->CurrentScreen() == Screen::kArticle);
    CHECK(m->CanGoForward());
}
