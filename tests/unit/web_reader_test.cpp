// The web reader's pages built from a small real index: what each page shows, that search
// ranks as `fieldkit search` does, escaping of hostile content and requests, languages.
#include "kit/core/web_reader.hpp"

#include <doctest/doctest.h>

#include <map>
#include <regex>
#include <thread>

#include "bundle/builder.hpp"
#include "kit/core/content_index.hpp"
#include "kit/core/library.hpp"
#include "kit/core/markdown_render.hpp"
#include "platform/i18n.hpp"
#include "tests/support/sample_content.hpp"
#include "tests/support/temp_dir.hpp"

using namespace fk;

namespace {

struct Reader {
    test::TempDir dir;
    std::optional<core::ContentIndex> index;
    std::filesystem::path index_path;
    Reader() {
        auto content = dir.path() / "content";
        test::WriteSampleContent(content, 3);
        test::WriteArticle(
            content, "ar", "article-1",
            "id: article-1\ntitle: خطة وقود المولد\nsummary: كيف يبقى المولد يعمل.\ntype: checklist\n"
            "phases: [prepare]\naudiences: [network-operator]\nsources:\n  - title: T\n    publisher: P\n"
            "    year: 2024\nupdated: 2026-11-21\ntranslation_of: article-1\nsource_updated: 2026-11-21\n",
            "- [ ] افحص الخزان\n");
        test::WriteArticle(content, "en", "hostile",
                           "id: hostile\ntitle: \"<script>alert(1)</script> & co\"\nsummary: \"\\\"><b>x</b>\"\n"
                           "type: guide\nphases: [mitigate]\naudiences: [humanitarian]\nsources:\n  - title: S\n"
                           "    publisher: P\n    year: 2024\nupdated: 2026-11-01\n",
                           "Click <script>alert(4)</script> [next](article-1.md#x).\n");
        auto keys = bundle::GenerateKeyPair();
        std::vector<bundle::Problem> problems;
        auto built = bundle::BuildFromDirectory(content, keys.sec, test::FixedOptions(1, 1), problems);
        std::string why = built.ok() ? "" : built.error().detail;
        for (const auto& p : problems) why += "\n" + p.message;
        INFO(why);
        REQUIRE(built.ok());
        auto lib = core::Library::Open(dir.path() / "data", {built->bytes, bundle::FormatPublicKey(keys.pub), ""});
        REQUIRE(lib.ok());
        index_path = lib->IndexPath();
        auto idx = core::ContentIndex::Open(lib->IndexPath());
        REQUIRE(idx.ok());
        index.emplace(std::move(*idx));
    }
    platform::Reply Get(const std::string& path, const std::string& query = "", const std::string& accept = "",
                        const std::string& module = "") {
        return core::WebPage(*index, {path, query, accept}, module);
    }
};

std::vector<std::string> ArticleLinks(const std::string& html) {
    std::vector<std::string> out;
    static const std::regex link("href=\"/a/([^\"?]+)\\?");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), link); it != std::sregex_iterator(); ++it)
        out.push_back((*it)[1].str());
    return out;
}

}  // namespace

TEST_CASE("the home page offers phases and audiences, small, with no script") {
    Reader r;
    auto home = r.Get("/");
    CHECK(home.status == 200);
    CHECK(home.content_type == "text/html; charset=utf-8");
    CHECK(home.body.find("name=\"viewport\"") != std::string::npos);
    CHECK(home.body.find("href=\"/phase/prepare?lang=en\"") != std::string::npos);
    CHECK(home.body.find("href=\"/audience/humanitarian?lang=en\"") != std::string::npos);
    CHECK(home.body.find("<script") == std::string::npos);
    CHECK(home.body.size() < 8000);
    auto phase = r.Get("/phase/prepare");
    CHECK(phase.status == 200);
    CHECK(ArticleLinks(phase.body) == std::vector<std::string>{"article-1", "article-2", "article-3"});
    CHECK(r.Get("/phase/nothing").status == 404);
    CHECK(r.Get("/audience/humanitarian").body.find("href=\"/a/hostile?lang=en\"") != std::string::npos);
}

TEST_CASE("search pages rank and snip exactly as the index does, and escape the query") {
    Reader r;
    auto page = r.Get("/search", "q=generator+fuel&lang=en");
    CHECK(page.status == 200);
    core::Filters f;
    f.reader_lang = "en";
    std::vector<std::string> expected;
    for (const auto& h : r.index->Search("generator fuel ", f, 20).hits) expected.push_back(h.article.address);
    REQUIRE(!expected.empty());
    CHECK(ArticleLinks(page.body) == expected);
    CHECK(page.body.find("<mark>") != std::string::npos);
    CHECK(page.body.find("value=\"generator fuel\"") != std::string::npos);

    auto hostile = r.Get("/search", "q=%3Cscript%3E%22x&lang=en");
    CHECK(hostile.status == 200);
    CHECK(hostile.body.find("<script") == std::string::npos);
    CHECK(hostile.body.find("&lt;script&gt;&quot;x") != std::string::npos);
    CHECK(r.Get("/search", "q=%ZZ").status == 200);  // an undecodable query searches for nothing
    CHECK(r.Get("/search", "").status == 200);
}

TEST_CASE("an article page renders its checklist, links and sources, and drops unsafe links") {
    Reader r;
    auto page = r.Get("/a/article-1", "lang=en");
    CHECK(page.status == 200);
    CHECK(page.body.find("<h1>Generator fuel plan 1</h1>") != std::string::npos);
    CHECK(page.body.find("type=\"checkbox\"") != std::string::npos);
    CHECK(page.body.find("href=\"/a/article-2?lang=en\"") != std::string::npos);
    CHECK(page.body.find("href=\"https://www.rfc-editor.org/rfc/rfc2182\"") != std::string::npos);
    CHECK(page.body.find("@media print") != std::string::npos);
    CHECK(r.Get("/a/test-pack/article-1").status == 200);  // pack/id names the same article

    auto hostile = r.Get("/a/hostile");
    CHECK(hostile.status == 200);
    CHECK(hostile.body.find("<script") == std::string::npos);
    CHECK(hostile.body.find("<b>x") == std::string::npos);
    CHECK(hostile.body.find("href=\"/a/article-1?lang=en#x\"") != std::string::npos);

    for (std::string bad : {"/a/", "/a/../../etc/passwd", "/a/nothing", "/a/<x>", "/a/article-1/../x", "/etc/passwd"}) {
        INFO(bad);
        auto reply = r.Get(bad, "lang=%3Cx%3E&a=%22%3E");
        CHECK(reply.status == 404);
        CHECK(reply.body.find("<x>") == std::string::npos);
        CHECK(reply.body.find("a=%22%3E") != std::string::npos);  // kept in the language links, encoded
    }
}

TEST_CASE("an article body keeps only safe links, and article links go to the reader's addresses") {
    // Content no pack builder accepts, as a hostile publisher could still sign it.
    bundle::Article a;
    a.body =
        "[a](javascript:alert(1)) [b](data:text/html,x) [c](https://ok.example/?a=1&b=2) [d](x-1.md#s) "
        "![i](file:///etc/passwd) <script>x</script>";
    const std::string html =
        core::RenderHtmlBody(a, [](std::string_view id) { return "/a/p/" + std::string(id) + "?lang=fr"; });
    CHECK(html.find("javascript") == std::string::npos);
    CHECK(html.find("data:") == std::string::npos);
    CHECK(html.find("file:") == std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("href=\"https://ok.example/?a=1&amp;b=2\"") != std::string::npos);
    CHECK(html.find("href=\"/a/p/x-1?lang=fr#s\"") != std::string::npos);
}

TEST_CASE("a page speaks the language asked for, right to left in Arabic") {
    Reader r;
    auto ar = r.Get("/a/article-1", "lang=ar");
    CHECK(ar.body.find("<html lang=\"ar\" dir=\"rtl\">") != std::string::npos);
    CHECK(ar.body.find("<article lang=\"ar\" dir=\"rtl\"><h1>خطة وقود المولد</h1>") != std::string::npos);
    // An article with no Arabic version is shown in English, marked left to right.
    auto en_in_ar = r.Get("/a/article-2", "lang=ar");
    CHECK(en_in_ar.body.find("<article lang=\"en\" dir=\"ltr\">") != std::string::npos);
    // The browser's language when the address does not say; English for anything else.
    CHECK(r.Get("/", "", "fr-CH, fr;q=0.9, en;q=0.8").body.find("<html lang=\"fr\">") != std::string::npos);
    CHECK(r.Get("/", "", "de-DE,de").body.find("<html lang=\"en\">") != std::string::npos);
    CHECK(r.Get("/", "lang=uk", "fr").body.find("<html lang=\"uk\">") != std::string::npos);
    CHECK(core::PageLanguage("lang=xx", "") == "en");
    // The interface strings follow the page: French "Home" is "Accueil".
    CHECK(r.Get("/nothing", "lang=fr").body.find(">Accueil</a>") != std::string::npos);
    // Each language link keeps the query.
    CHECK(r.Get("/search", "q=fuel&lang=en").body.find("href=\"/search?lang=ar&amp;q=fuel\"") != std::string::npos);
}

TEST_CASE("the feedback form exists only while a module is open, and a stored answer redirects") {
    Reader r;
    CHECK(r.Get("/feedback").status == 404);
    auto form = r.Get("/feedback", "lang=en", "", "article-1");
    CHECK(form.status == 200);
    CHECK(form.body.find("<form method=\"post\" action=\"/feedback\">") != std::string::npos);
    CHECK(form.body.find("name=\"module\" value=\"article-1\"") != std::string::npos);
    CHECK(form.body.find("Generator fuel plan 1") != std::string::npos);
    CHECK(r.Get("/", "", "", "article-1").body.find("href=\"/feedback?lang=en\"") != std::string::npos);
    auto stored = core::FeedbackAnswer(core::FeedbackOutcome::kStored, "ar");
    CHECK(stored.status == 303);
    CHECK(stored.location == "/feedback/thanks?lang=ar");
    CHECK(core::FeedbackAnswer(core::FeedbackOutcome::kTooMany, "<x>").status == 429);
    CHECK(core::FeedbackAnswer(core::FeedbackOutcome::kInvalid, "fr").body.find("<html lang=\"fr\">") !=
          std::string::npos);
    CHECK(r.Get("/feedback/thanks").status == 200);
}

TEST_CASE("pages in different languages built at once on several threads each speak their own") {
    Reader r;
    const std::vector<std::string> langs = {"en", "fr", "es", "uk", "ar"};
    std::map<std::string, std::string> expected;
    for (const auto& l : langs) expected[l] = r.Get("/a/article-2", "lang=" + l).body;
    CHECK(expected["fr"] != expected["en"]);
    std::vector<int> wrong(langs.size(), 0);
    std::vector<std::thread> threads;
    for (size_t i = 0; i < langs.size(); ++i)
        threads.emplace_back([&, i] {
            auto index = core::ContentIndex::Open(r.index_path);
            if (!index) return void(++wrong[i]);
            for (int n = 0; n < 30; ++n)
                wrong[i] +=
                    core::WebPage(*index, {"/a/article-2", "lang=" + langs[i], ""}, "").body != expected[langs[i]];
        });
    for (auto& t : threads) t.join();
    CHECK(wrong == std::vector<int>(langs.size(), 0));
    CHECK(i18n::CurrentLanguage() == "en");  // the process's language is untouched
}
