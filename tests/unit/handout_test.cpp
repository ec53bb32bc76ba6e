// Handouts on a small real index: a workshop module brings its checklists in order, the HTML
// stands alone (no scripts, inputs or external resources), Arabic is right to left, and the
// footer names the pack edition and the export date.
#include "kit/core/handout.hpp"

#include <doctest/doctest.h>

#include <fstream>

#include "bundle/builder.hpp"
#include "kit/core/library.hpp"
#include "tests/support/sample_content.hpp"
#include "tests/support/temp_dir.hpp"

using namespace fk;

namespace {

const char* kFront =
    "phases: [prepare]\naudiences: [trainer]\nsources:\n  - title: Field notes\n    publisher: NOC\n"
    "    year: 2024\n    url: https://example.org/notes\nupdated: 2026-11-01\n";

struct Kit {
    test::TempDir dir;
    std::optional<core::Library> lib;
    std::optional<core::ContentIndex> index;
    Kit() {
        const auto content = dir.path() / "content";
        std::filesystem::create_directories(content);
        std::ofstream(content / "kit.yaml") << "pack: room-pack\ntitle: Room pack\npublisher: tests\n"
                                            << "phases:\n  prepare: Prepare\naudiences:\n  trainer: Trainers\n"
                                            << "types:\n  guide: Guide\n  checklist: Checklist\n  workshop: Workshop\n";
        test::WriteArticle(content, "en", "module-a",
                           std::string("id: module-a\ntitle: Module A\nsummary: A tabletop.\ntype: workshop\n"
                                       "related: [list-one, guide-x, list-two]\n") +
                               kFront,
                           "Read [the guide](guide-x.md) and use [list two](list-two.md).\n");
        test::WriteArticle(
            content, "en", "list-one",
            std::string("id: list-one\ntitle: List one\nsummary: First list.\ntype: checklist\n") + kFront,
            "## Before\n\n- [ ] Item one\n- [x] Done item\n");
        test::WriteArticle(content, "ar", "list-one",
                           std::string("id: list-one\ntitle: القائمة الأولى\nsummary: قائمة.\ntype: checklist\n"
                                       "translation_of: list-one\nsource_updated: 2026-11-01\n") +
                               kFront,
                           "- [ ] البند الأول\n");
        test::WriteArticle(
            content, "en", "list-two",
            std::string("id: list-two\ntitle: List two\nsummary: Second list.\ntype: checklist\n") + kFront,
            "- [ ] See [list one](list-one.md) and [the guide](guide-x.md)\n");
        test::WriteArticle(content, "en", "guide-x",
                           std::string("id: guide-x\ntitle: Guide X\nsummary: A guide.\ntype: guide\n") + kFront,
                           "<script>alert(1)</script> ![img](https://example.org/a.png)\n");
        auto keys = bundle::GenerateKeyPair();
        std::vector<bundle::Problem> problems;
        auto built = bundle::BuildFromDirectory(content, keys.sec, test::FixedOptions(7, 1796083200), problems);
        for (const auto& p : problems) MESSAGE(p.path << ":" << p.line << ": " << p.message);
        REQUIRE(built.ok());
        auto opened = core::Library::Open(dir.path() / "data", {built->bytes, bundle::FormatPublicKey(keys.pub), ""});
        REQUIRE(opened.ok());
        lib.emplace(std::move(*opened));
        auto idx = core::ContentIndex::Open(lib->IndexPath());
        REQUIRE(idx.ok());
        index.emplace(std::move(*idx));
    }
    core::Handout Collect(std::vector<std::string> ids, std::string lang = "en") {
        auto h = core::CollectHandout(*index, lib->State().packs, ids, lang, "2026-12-07");
        REQUIRE(h.ok());
        return *h;
    }
};

std::vector<std::string> Ids(const core::Handout& h) {
    std::vector<std::string> ids;
    for (const auto& p : h.parts) ids.push_back(p.view.article.id);
    return ids;
}

}  // namespace

TEST_CASE("a workshop module brings the checklists it links to, text links first, each once") {
    Kit kit;
    const core::Handout module = kit.Collect({"module-a"});
    CHECK(Ids(module) == std::vector<std::string>{"module-a", "list-two", "list-one"});
    // What each link opens is resolved from the article's own pack, for anchors and addresses.
    CHECK(module.parts[0].links ==
          std::map<std::string, std::string>{{"guide-x", "guide-x"}, {"list-two", "list-two"}});
    // Asked twice, or asked for after the module brought it: still once.
    CHECK(Ids(kit.Collect({"list-one", "module-a", "list-one"})) ==
          std::vector<std::string>{"list-one", "module-a", "list-two"});
    // A checklist alone is only itself; a guide is not a module.
    CHECK(Ids(kit.Collect({"list-two"})) == std::vector<std::string>{"list-two"});
    CHECK(Ids(kit.Collect({"guide-x"})) == std::vector<std::string>{"guide-x"});
}

TEST_CASE("an unknown id fails with its name, and no id is a usage error") {
    Kit kit;
    auto h = core::CollectHandout(*kit.index, kit.lib->State().packs, {"list-one", "no-such-list"}, "en", "2026-12-07");
    REQUIRE_FALSE(h.ok());
    CHECK(h.error().code == ErrorCode::kNotFound);
    CHECK(h.error().detail.find("no-such-list") != std::string::npos);
    auto none = core::CollectHandout(*kit.index, kit.lib->State().packs, {}, "en", "2026-12-07");
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().code == ErrorCode::kUsage);
}

TEST_CASE("the HTML handout stands alone: boxes for pens, no scripts, inputs or fetched resources") {
    Kit kit;
    const std::string html = core::HandoutHtml(kit.Collect({"module-a", "guide-x"}));
    INFO(html);
    CHECK(html.starts_with("<!doctype html>\n<html lang=\"en\" dir=\"ltr\">"));
    CHECK(html.find("@page") != std::string::npos);
    for (const char* banned : {"<script", "<input", "<img", "<link", "<iframe", "@import", "url(",
                               "src=", "javascript:", "onload", "onclick"})
        CHECK_MESSAGE(html.find(banned) == std::string::npos, banned);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt; img</p>") != std::string::npos);  // inert; image as its alt
    CHECK(html.find("<span class=\"box\">\u2610</span>Item one") != std::string::npos);
    CHECK(html.find("<span class=\"box\">\u2611</span>Done item") != std::string::npos);
    // Links to articles in the handout jump to them; others say what to open in fieldkit.
    CHECK(html.find("<a href=\"#article-list-one\">list one</a>") != std::string::npos);
    CHECK(html.find("<a href=\"#article-list-two\">list two</a>") != std::string::npos);
    CHECK(html.find("<article id=\"article-list-one\" lang=\"en\" dir=\"ltr\">") != std::string::npos);
    CHECK(html.find("<a href=\"#article-guide-x\">the guide</a>") != std::string::npos);
    // Sources after each article, the safe link kept.
    CHECK(html.find("<a href=\"https://example.org/notes\">https://example.org/notes</a>") != std::string::npos);
    // The footer: the pack's title and id, its version and edition date, the export date.
    const size_t footer = html.find("<footer");
    REQUIRE(footer != std::string::npos);
    CHECK(html.find("Room pack (room-pack), version 7 of 2026-12-01", footer) != std::string::npos);
    CHECK(html.find("2026-12-07", footer) != std::string::npos);
}

TEST_CASE("a link to an article left out of the handout is printed as its address") {
    Kit kit;
    const std::string html = core::HandoutHtml(kit.Collect({"list-two"}));
    INFO(html);
    // Isolated for bidi: the whole, the text and the address (see SeeAlsoLinks).
    CHECK(html.find("\u2068\u2068list one\u2069 (see: \u2066list-one\u2069)\u2069") != std::string::npos);
    CHECK(html.find("href=\"list-one") == std::string::npos);
    CHECK(html.find("href=\"#") == std::string::npos);
}

TEST_CASE("an Arabic checklist is right to left, and falls back to English where untranslated") {
    Kit kit;
    const core::Handout h = kit.Collect({"list-one", "list-two"}, "ar");
    REQUIRE(h.parts.size() == 2);
    const std::string html = core::HandoutHtml(h);
    INFO(html);
    CHECK(html.find("<html lang=\"ar\" dir=\"rtl\">") != std::string::npos);
    CHECK(html.find("<article id=\"article-list-one\" lang=\"ar\" dir=\"rtl\">") != std::string::npos);
    CHECK(html.find("<article id=\"article-list-two\" lang=\"en\" dir=\"ltr\">") != std::string::npos);
    CHECK(html.find("<span class=\"box\">\u2610</span>البند الأول") != std::string::npos);
    CHECK(core::IsRightToLeftLanguage("ar"));
    CHECK(core::IsRightToLeftLanguage("fa-IR"));
    CHECK_FALSE(core::IsRightToLeftLanguage("en"));
    CHECK_FALSE(core::IsRightToLeftLanguage("arn"));
}

TEST_CASE("the Markdown handout keeps the boxes as task items and ends with the footer") {
    Kit kit;
    const core::Handout h = kit.Collect({"module-a"});
    const std::string md = core::HandoutMarkdown(h);
    INFO(md);
    CHECK(md.starts_with("# Module A\n\nA tabletop.\n\n"));
    CHECK(md.find("- [ ] Item one\n- [x] Done item\n") != std::string::npos);
    CHECK(md.find("use list two (see: list-two)") != std::string::npos);
    CHECK(md.find("](") == std::string::npos);  // no link left to a file that is not there
    CHECK(md.find("\n* * *\n\n# List two") != std::string::npos);
    CHECK(md.find("## Sources\n\n- Field notes. NOC, 2024. https://example.org/notes\n") != std::string::npos);
    CHECK(md.find("_Printed from fieldkit on 2026-12-07._") != std::string::npos);
    CHECK(core::HandoutFileStem(h) == "module-a");
}
