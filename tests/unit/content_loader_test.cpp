// The content linter: each rule reports path:line and the build refuses bad content.
#include <doctest/doctest.h>

#include <fstream>

#include "bundle/builder.hpp"
#include "bundle/content_loader.hpp"
#include "bundle/markdown_scan.hpp"
#include "tests/support/sample_content.hpp"
#include "tests/support/temp_dir.hpp"

using namespace fk::bundle;

namespace {

std::string AllProblems(const LoadedContent& c) {
    std::string s;
    for (const auto& p : c.problems) s += FormatProblem(p) + "\n";
    return s;
}

}  // namespace

TEST_CASE("valid sample content has no problems") {
    fk::test::TempDir dir;
    fk::test::WriteSampleContent(dir.path(), 3);
    auto c = LoadContentDir(dir.path());
    REQUIRE(c.ok());
    CHECK(AllProblems(*c) == "");
    CHECK(c->content.articles.size() == 3);
}

TEST_CASE("schema violations are reported with file and line") {
    fk::test::TempDir dir;
    fk::test::WriteSampleContent(dir.path(), 1);
    fk::test::WriteArticle(dir.path(), "en", "bad-one",
                           "id: other-name\ntitle: T\nsummary: S\ntype: essay\nphases: [someday]\n"
                           "audiences: [everyone]\nupdated: 27/11/2026\nfavourite: yes\n",
                           "Text with [a broken link](missing-article.md) and [outside](../x.md).\n");
    fk::test::WriteArticle(dir.path(), "en", "Bad_Name", "id: Bad_Name\n", "");
    fk::test::WriteArticle(dir.path(), "en", "no-front-matter-at-all", "", "");
    std::filesystem::remove(dir.path() / "en" / "no-front-matter-at-all.md");
    std::ofstream(dir.path() / "en" / "no-front-matter-at-all.md") << "# Just a heading\n";
    fk::test::WriteArticle(dir.path(), "en", "broken-yaml", "id: broken-yaml\ntitle: [unclosed\n", "");
    fk::test::WriteArticle(dir.path(), "fr", "orphan", "id: orphan\n", "");
    auto c = LoadContentDir(dir.path());
    REQUIRE(c.ok());
    const std::string all = AllProblems(*c);
    CHECK(all.find("en/bad-one.md:2: id 'other-name' must equal the file name 'bad-one'") != std::string::npos);
    CHECK(all.find("en/bad-one.md:5: unknown type 'essay'") != std::string::npos);
    CHECK(all.find("en/bad-one.md:6: unknown phase 'someday'") != std::string::npos);
    CHECK(all.find("en/bad-one.md:7: unknown audience 'everyone'") != std::string::npos);
    CHECK(all.find("en/bad-one.md:8: updated must be an ISO date") != std::string::npos);
    CHECK(all.find("en/bad-one.md:9: unknown key 'favourite'") != std::string::npos);
    CHECK(all.find("en/bad-one.md:2: at least one source is required") != std::string::npos);
    CHECK(all.find("en/bad-one.md:11: link 'missing-article.md' points to no article") != std::string::npos);
    CHECK(all.find("link '../x.md' must point to another article") != std::string::npos);
    CHECK(all.find("en/Bad_Name.md:0: file name must be a kebab-case ASCII id") != std::string::npos);
    CHECK(all.find("en/no-front-matter-at-all.md:1: file must start with front matter") != std::string::npos);
    CHECK(all.find("en/broken-yaml.md:") != std::string::npos);
    CHECK(all.find("fr/orphan.md:0: translation has no English source") != std::string::npos);

    std::vector<Problem> problems;
    auto keys = GenerateKeyPair();
    auto built = BuildFromDirectory(dir.path(), keys.sec, {}, problems);
    CHECK(built.error().code == fk::ErrorCode::kInvalidContent);
    CHECK(problems.size() == c->problems.size());
}

TEST_CASE("links with a scheme other than http, https or mailto are reported") {
    fk::test::TempDir dir;
    fk::test::WriteSampleContent(dir.path(), 1);
    fk::test::WriteArticle(dir.path(), "en", "schemes", "id: schemes\n",
                           "[a](javascript://%0aalert(1)) [b](JavaScript:alert(1)) [c](data:text/html,x)\n"
                           "[ok](https://www.rfc-editor.org/rfc/rfc6480) [mail](mailto:noc@example.org)\n");
    auto c = LoadContentDir(dir.path());
    REQUIRE(c.ok());
    const std::string all = AllProblems(*c);
    CHECK(all.find("link 'javascript://%0aalert(1)' uses 'javascript:'") != std::string::npos);
    CHECK(all.find("link 'JavaScript:alert(1)' uses 'javascript:'") != std::string::npos);
    CHECK(all.find("uses 'data:'") != std::string::npos);
    CHECK(all.find("rfc6480") == std::string::npos);
    CHECK(all.find("mailto:noc") == std::string::npos);
}

TEST_CASE("entities decode to UTF-8, and unknown or broken ones stay as written") {
    CHECK(DecodeEntity("&amp;") == "&");
    CHECK(DecodeEntity("&#39;") == "'");
    CHECK(DecodeEntity("&#x2014;") == "\xE2\x80\x94");
    CHECK(DecodeEntity("&#1576;") == "\xD8\xA8");
    CHECK(DecodeEntity("&#128578;") == "\xF0\x9F\x99\x82");
    CHECK(DecodeEntity("&#xD800;") == "\xEF\xBF\xBD");
    CHECK(DecodeEntity("&bogus;") == "&bogus;");
    CHECK(DecodeEntity("&#12a;") == "&#12a;");
    CHECK(DecodeEntity("&#99999999999999999999;") == "&#99999999999999999999;");
}
