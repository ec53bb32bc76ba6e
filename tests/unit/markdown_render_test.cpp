// Article renderings: exported HTML keeps only links that are safe to click, and internal
// links are rewritten by a scanner that takes any length.
#include "kit/core/markdown_render.hpp"

#include <doctest/doctest.h>

using namespace fk;

namespace {

bundle::Article WithBody(std::string body) {
    bundle::Article a;
    a.id = "a";
    a.lang = "en";
    a.title = "T";
    a.body = std::move(body);
    return a;
}

}  // namespace

TEST_CASE("exported HTML turns javascript:, data:, vbscript:, file: and off-kit links into text") {
    const std::string body =
        "[one](javascript:alert(1)) [two](JavaScript:alert(2)) [three](data:text/html;base64,PHNjcmlwdD4=) "
        "[four](vbscript:msgbox) [five](file:///etc/passwd) [six](//evil.example/x) [seven](../../etc/passwd) "
        "[eight](&#106;avascript:alert(8)) [nine](javascript://%0Aalert(9)) ![ten](javascript:alert(10)) "
        "[keep1](https://www.rfc-editor.org/rfc/rfc2182) [keep2](http://example.org/a?b=1&c=2) "
        "[keep3](mailto:noc@example.org) [keep4](article-2.md#tank) [keep5](#section)\n";
    bundle::Article a = WithBody(body);
    a.sources.push_back({"Bad", "X", 2020, "javascript:alert(11)"});
    a.sources.push_back({"Good", "Y", 2021, "https://example.org/good"});
    const std::string html = core::RenderHtml(a);
    INFO(html);
    for (const char* bad : {"javascript", "JavaScript", "data:", "vbscript", "file:", "evil.example", "../", "&#106;"})
        CHECK(html.find(std::string("href=\"") + bad) == std::string::npos);
    CHECK(html.find("src=\"javascript") == std::string::npos);
    CHECK(html.find("href=\"//") == std::string::npos);
    CHECK(html.find("<p>one two three four five six seven eight nine ten <a href=") != std::string::npos);
    CHECK(html.find("<a href=\"https://www.rfc-editor.org/rfc/rfc2182\">keep1</a>") != std::string::npos);
    CHECK(html.find("<a href=\"http://example.org/a?b=1&amp;c=2\">keep2</a>") != std::string::npos);
    CHECK(html.find("<a href=\"mailto:noc@example.org\">keep3</a>") != std::string::npos);
    CHECK(html.find("<a href=\"article-2.html#tank\">keep4</a>") != std::string::npos);
    CHECK(html.find("<a href=\"#section\">keep5</a>") != std::string::npos);
    CHECK(html.find("<a href=\"https://example.org/good\">") != std::string::npos);
    CHECK(html.find(". javascript:alert(11)</li>") != std::string::npos);
    // Every <a> left is closed exactly once.
    size_t opens = 0, closes = 0;
    for (size_t i = html.find("<a "); i != std::string::npos; i = html.find("<a ", i + 1)) ++opens;
    for (size_t i = html.find("</a>"); i != std::string::npos; i = html.find("</a>", i + 1)) ++closes;
    CHECK(opens == closes);
}

TEST_CASE("only http, https, mailto and in-kit article links count as safe") {
    for (const char* ok : {"https://x.example/", "HTTP://x.example", "mailto:a@b", "id.html", "id-2.html#x", "#x"})
        CHECK_MESSAGE(core::IsSafeExportUrl(ok), ok);
    for (const char* bad : {"javascript:x", " javascript:x", "data:x", "vbscript:x", "file:///x", "//x.example",
                            "../x.html", "x.html/y", "ftp://x", "", "java\tscript:x", "id.md"})
        CHECK_FALSE_MESSAGE(core::IsSafeExportUrl(bad), bad);
}

TEST_CASE("internal links of any length are rewritten without recursion") {
    std::string text(200 * 1024, 'x');
    auto a = WithBody("[" + text + "](b.md#s) [c](d.md) [no link] [e](f.txt) [](g.md)");
    const std::string out = core::RenderText(a, false);
    CHECK(out.find(text + " (see: b) c (see: d) [no link] [e](f.txt) [](g.md)") != std::string::npos);
    std::string opens(100 * 1024, '[');
    CHECK(core::RenderText(WithBody(opens + "](z.md)"), false).find(std::string(100 * 1024 - 1, '[') + " (see: z)") !=
          std::string::npos);
}
