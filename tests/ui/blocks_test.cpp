// The article renderer's parsing: blocks, task numbering that matches the index's task
// keys for every shipped article, tables, and right-to-left text.
#include <doctest/doctest.h>

#include "kit/cli/built_in.hpp"
#include "kit/core/content_index.hpp"
#include "kit/core/library.hpp"
#include "kit/ui/bidi.hpp"
#include "kit/ui/markdown_blocks.hpp"
#include "tests/support/temp_dir.hpp"

using namespace fk::ui;

TEST_CASE("blocks: headings, lists, tasks, tables, code and links") {
    auto blocks = ParseBlocks(
        "# Title\n\nSome **bold** and [a link](other.md) &amp; more.\n\n"
        "- [ ] first task\n- [x] second *task*\n\n1. one\n2. two\n\n"
        "| A | B |\n|---|---|\n| 1 | 2 |\n\n```\ncode here\n```\n\n> quoted\n");
    REQUIRE(blocks.size() >= 8);
    CHECK(blocks[0].kind == BlockKind::kHeading);
    CHECK(blocks[0].level == 1);
    CHECK(PlainText(blocks[1].runs) == "Some bold and a link & more.");
    bool link = false;
    for (const auto& r : blocks[1].runs) link |= (r.style & kStyleLink) && r.href == "other.md";
    CHECK(link);
    CHECK(blocks[2].task == 0);
    CHECK(blocks[3].task == 1);
    CHECK(blocks[3].task_checked);
    CHECK(blocks[4].marker == "1.");
    CHECK(blocks[5].marker == "2.");
    CHECK(blocks[6].kind == BlockKind::kTable);
    REQUIRE(blocks[6].rows.size() == 2);
    CHECK(PlainText(blocks[6].rows[1][1]) == "2");
    CHECK(blocks[7].kind == BlockKind::kCode);
    CHECK(blocks[7].code == "code here");
    CHECK(blocks[8].quote == 1);
}

TEST_CASE("every shipped article numbers its task items as the index does") {
    fk::test::TempDir dir;
    auto lib = fk::core::Library::Open(dir.path(), fk::cli::BuiltInContent());
    REQUIRE(lib.ok());
    auto index = fk::core::ContentIndex::Open(lib->IndexPath());
    REQUIRE(index.ok());
    int with_tasks = 0;
    for (const auto& s : index->List({})) {
        auto v = index->Get(s.id, s.lang);
        REQUIRE(v.has_value());
        int tasks = 0;
        for (const auto& b : ParseBlocks(v->article.body)) tasks += b.task >= 0 ? 1 : 0;
        INFO(s.id);
        CHECK(tasks == static_cast<int>(v->tasks.size()));
        with_tasks += tasks > 0;
    }
    CHECK(with_tasks > 5);
}

TEST_CASE("Arabic is reordered and joined into presentation forms") {
    const std::string salam = "\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85";  // سلام
    CHECK(StartsRightToLeft(salam));
    CHECK(StartsRightToLeft("  123 " + salam));
    CHECK_FALSE(StartsRightToLeft("BGP " + salam));
    CHECK(HasRightToLeft("BGP " + salam));
    CHECK_FALSE(HasRightToLeft("Київ café"));
    std::string v = VisualLine(salam, true);
    CHECK(v != salam);
    // Joined letters come from the presentation forms block (U+FE70..U+FEFF: EF B9..BB xx).
    CHECK(v.find("\xEF\xBB") != std::string::npos);
    CHECK(Displayable("plain") == "plain");
}

TEST_CASE("blocks: a ')' just past the end of a view does not close an open link") {
    const std::string open_link = "See ![map](map.png";
    const std::string backing = open_link + ")" + std::string(64, ')');
    const auto blocks = ParseBlocks(std::string_view(backing).substr(0, open_link.size()));
    REQUIRE(blocks.size() == 1);
    CHECK(PlainText(blocks[0].runs) == "See ![map](map.png");
}
