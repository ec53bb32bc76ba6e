// Content that is lint-clean or nearly so but built to hurt the tools that read it: a link of
// 150 KB (std::regex recursed once per character and overflowed the stack), YAML complex keys
// (yaml-cpp threw out of the linter).
#include <doctest/doctest.h>

#include <fstream>

#include "tests/support/process.hpp"
#include "tests/support/sample_content.hpp"
#include "tests/support/temp_dir.hpp"

using fk::test::Fieldkit;
namespace fs = std::filesystem;

namespace {

const std::string kFrontMatter =
    "title: A very long link\nsummary: One link of 150 KB.\ntype: guide\nphases: [prepare]\n"
    "audiences: [network-operator]\nsources:\n  - title: RFC 2182\n    publisher: IETF\n    year: 1997\n"
    "updated: 2026-11-20\n";

}  // namespace

TEST_CASE("show prints a lint-clean article with a 150 KB link, as text and as HTML") {
    fk::test::TempDir dir;
    const std::string content = dir / "content", data = dir / "data";
    fk::test::WriteSampleContent(content, 3, "field-pack");
    std::string text;
    while (text.size() < 150 * 1024) text += "generator fuel ";
    fk::test::WriteArticle(content, "en", "long-link", "id: long-link\n" + kFrontMatter,
                           "Before the link.\n\n[" + text + "](article-1.md#tank) and after.\n");
    auto lint = Fieldkit(data, {"bundle", "lint", content});
    INFO(lint.out << lint.err);
    REQUIRE(lint.status == 0);

    REQUIRE(Fieldkit(data, {"bundle", "keygen", "-W", "-p", dir / "key.pub", "-s", dir / "key.sec"}).status == 0);
    REQUIRE(
        Fieldkit(data, {"bundle", "build", content, "-o", dir / "pack.fkb", "-s", dir / "key.sec", "--version", "1"})
            .status == 0);
    REQUIRE(Fieldkit(data, {"trust", "add", dir / "key.pub"}).status == 0);
    REQUIRE(Fieldkit(data, {"import", dir / "pack.fkb"}).status == 0);

    auto shown = Fieldkit(data, {"show", "long-link"});
    INFO(shown.err);
    REQUIRE(shown.status == 0);
    CHECK(shown.out.find("generator fuel  (see: field-pack/article-1) and after.") != std::string::npos);
    auto html = Fieldkit(data, {"show", "long-link", "--format", "html"});
    REQUIRE(html.status == 0);
    CHECK(html.out.find("\">generator fuel ") != std::string::npos);
    CHECK(html.out.find("<a href=\"article-1.html#tank\">") != std::string::npos);
}

TEST_CASE("lint reports a YAML complex key in front matter or kit.yaml as path:line, not an abort") {
    fk::test::TempDir dir;
    const std::string content = dir / "content";
    fk::test::WriteSampleContent(content, 2, "field-pack");
    fk::test::WriteArticle(content, "en", "complex-key", "id: complex-key\n? [a, b]\n: c\n" + kFrontMatter, "Body.\n");
    auto lint = Fieldkit(dir / "data", {"bundle", "lint", content});
    INFO(lint.out << lint.err);
    CHECK(lint.status == 1);
    CHECK(lint.out.find("en/complex-key.md:3: keys must be plain words") != std::string::npos);

    fs::remove(fs::path(content) / "en" / "complex-key.md");
    std::ofstream(fs::path(content) / "kit.yaml", std::ios::app) << "? [x, y]\n: z\n";
    auto kit = Fieldkit(dir / "data", {"bundle", "lint", content});
    INFO(kit.out << kit.err);
    CHECK(kit.status == 1);
    CHECK(kit.out.find("kit.yaml:14: keys must be plain words") != std::string::npos);

    std::ofstream(fs::path(content) / "kit.yaml", std::ios::trunc)
        << "pack: field-pack\nphases:\n  prepare: Prepare\n  ? [a, b]\n  : Both\naudiences:\n  network-operator: Ops\n"
        << "types:\n  checklist: Checklist\n";
    auto labels = Fieldkit(dir / "data", {"bundle", "lint", content});
    CHECK(labels.status == 1);
    INFO(labels.out << labels.err);
    CHECK(labels.out.find("kit.yaml:4: labels must be plain 'key: text' pairs") != std::string::npos);
}
