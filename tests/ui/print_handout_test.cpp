// "Print handout" in the article view: the module and its checklists land in the documents
// folder as one HTML file, a second press never overwrites the first, the status line says where.
#include <doctest/doctest.h>

#include <cstdlib>

#include "platform/files.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/ui/harness.hpp"

using fk::test::UiHarness;

TEST_CASE("Print handout saves the workshop with its checklists, then under a new name") {
    fk::test::TempDir dir;
    const auto docs = dir.path() / "Documents";
    std::filesystem::create_directories(docs);
    ::setenv("XDG_DOCUMENTS_DIR", docs.c_str(), 1);
    UiHarness h(dir.path() / "data");
    h.view().record_items = true;
    h.model().Apply({fk::ui::ActionType::kOpenArticle, "workshop-72-hour-blackout"});
    h.Frame(3);
    REQUIRE(h.model().Article() != nullptr);
    REQUIRE(h.Click("print-handout"));
    const auto first = docs / "workshop-72-hour-blackout.html";
    REQUIRE(std::filesystem::exists(first));
    CHECK_FALSE(h.model().MessageIsError());
    CHECK(h.model().Message().find(first.string()) != std::string::npos);
    auto html = fk::platform::ReadFile(first, "handout");
    REQUIRE(html.ok());
    for (const char* part : {"article-workshop-72-hour-blackout", "article-checklist-site-power-autonomy",
                             "article-checklist-fuel-resupply", "article-checklist-oob-access-test"})
        CHECK_MESSAGE(html->find(part) != std::string::npos, part);
    CHECK(html->find("<input") == std::string::npos);

    REQUIRE(h.Click("print-handout"));
    const auto second = docs / "workshop-72-hour-blackout-2.html";
    CHECK(std::filesystem::exists(second));
    CHECK(h.model().Message().find(second.string()) != std::string::npos);
    auto again = fk::platform::ReadFile(first, "handout");
    REQUIRE(again.ok());
    CHECK(*again == *html);  // the first file is untouched
    ::unsetenv("XDG_DOCUMENTS_DIR");
}
