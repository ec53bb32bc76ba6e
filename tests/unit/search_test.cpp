// Search behaviour on a small real index: ranking fields, prefixes, filters, typos,
// acronyms, and odd input that must never fail.
#include <doctest/doctest.h>

#include <fstream>

#include "bundle/builder.hpp"
#include "kit/core/content_index.hpp"
#include "kit/core/index_builder.hpp"
#include "kit/core/snippet.hpp"
#include "kit/core/library.hpp"
#include "tests/support/sample_content.hpp"
#include "tests/support/temp_dir.hpp"

using namespace fk;

namespace {

struct Indexed {
    test::TempDir dir;
    std::optional<core::ContentIndex> index;
    Indexed() {
        auto content = dir.path() / "content";
        test::WriteSampleContent(content, 3);
        test::WriteArticle(content, "en", "satellite-backup", 
                           "id: satellite-backup\ntitle: Satellite backup planning\nsummary: Plan VSAT and LEO links.\n"
                           "type: guide\nphases: [mitigate]\naudiences: [humanitarian]\n"
                           "tags: [vsat, very small aperture terminal, leo]\nsources:\n  - title: T\n    publisher: P\n"
                           "    year: 2024\nupdated: 2026-11-01\n",
                           "Order terminals before the crisis. Keep an operator contact list.\n");
        test::WriteArticle(content, "uk", "satellite-backup",
                           "id: satellite-backup\ntitle: Резервний супутниковий зв'язок\nsummary: Плануйте VSAT.\n"
                           "type: guide\nphases: [mitigate]\naudiences: [humanitarian]\nsources:\n  - title: T\n"
                           "    publisher: P\n    year: 2024\nupdated: 2026-11-01\ntranslation_of: satellite-backup\n"
                           "source_updated: 2026-11-01\n",
                           "Замовте термінали заздалегідь.\n");
        auto keys = bundle::GenerateKeyPair();
        std::vector<bundle::Problem> problems;
        auto built = bundle::BuildFromDirectory(content, keys.sec, test::FixedOptions(1, 1), problems);
        REQUIRE(built.ok());
        const std::string key_text = bundle::FormatPublicKey(keys.pub);
        auto lib = core::Library::Open(dir.path() / "data", {built->bytes, key_text, ""});
        REQUIRE(lib.ok());
        auto idx = core::ContentIndex::Open(lib->IndexPath());
        REQUIRE(idx.ok());
        index.emplace(std::move(*idx));
    }
    std::vector<std::string> Ids(const std::string& q, const core::Filters& f = {}) {
        std::vector<std::string> ids;
        for (const auto& h : index->Search(q, f, 20).hits) ids.push_back(h.article.id);
        return ids;
    }
};

}  // namespace

TEST_CASE("words in the title outrank words in the body, and snippets mark matches") {
    Indexed s;
    auto r = s.index->Search("satellite ", {}, 10);
    REQUIRE_FALSE(r.hits.empty());
    CHECK(r.hits[0].article.id == "satellite-backup");
    auto fuel = s.index->Search("diesel ", {}, 10);
    REQUIRE(fuel.hits.size() == 3);
    CHECK(fuel.hits[0].snippet.find(std::string(1, core::kMarkOpen) + "diesel") != std::string::npos);
}

TEST_CASE("the last word matches as a prefix while typing") {
    Indexed s;
    CHECK(s.Ids("satel") == std::vector<std::string>{"satellite-backup"});
    CHECK(s.Ids("satel ").empty());
}

TEST_CASE("filters narrow results by phase, audience, type and language") {
    Indexed s;
    CHECK(s.Ids("plan", {"mitigate", "", "", "", "", ""}) == std::vector<std::string>{"satellite-backup"});
    CHECK(s.Ids("plan", {"", "network-operator", "", "", "", ""}).size() == 3);
    CHECK(s.Ids("plan", {"", "", "guide", "", "", ""}) == std::vector<std::string>{"satellite-backup"});
    CHECK(s.Ids("термінали", {"", "", "", "uk", "", ""}) == std::vector<std::string>{"satellite-backup"});
    CHECK(s.Ids("термінали", {"", "", "", "en", "", ""}).empty());
}

TEST_CASE("a one-letter typo in a long word is forgiven and reported") {
    Indexed s;
    auto r = s.index->Search("satelite planning ", {}, 10);
    REQUIRE_FALSE(r.hits.empty());
    CHECK(r.hits[0].article.id == "satellite-backup");
    CHECK(r.corrected_query == "satellite planning");
    CHECK(s.index->Search("diesel ", {}, 10).corrected_query.empty());
}

TEST_CASE("acronyms expand from tags") {
    Indexed s;
    // "vsat" is a tag and "very small aperture terminal" another tag of the same article.
    CHECK(s.Ids("very small aperture terminal") == std::vector<std::string>{"satellite-backup"});
    auto rpki = s.Ids("rpki ");
    CHECK(rpki.size() == 3);
}

TEST_CASE("any string a person can type returns cleanly") {
    Indexed s;
    const std::vector<std::string> odd = {
        "\"", "\"\"", "'", "AND", "OR", "NOT", "NEAR", "NEAR(a b)", "*", "-", "-fuel", ":", "title:fuel", "(", ")",
        "((fuel", "fuel)", "[", "{", "^", "fuel AND", "AND OR NOT", "\"unbalanced quote fuel", "fuel*", "*fuel",
        "a:b:c", "café", "Київ", "مرحبا", "🙂", "🙂 fuel", "fuel 🙂", "\x01\x02\x03", "\xff\xfe", std::string(10240, 'x'),
        std::string(10240, ' '), std::string(5000, '('), "", " ", "\t\n", "%", "_", "\\", "fuel\\", "NEAR/3",
        "fuel NEAR diesel", "^fuel", "fuel + diesel", "0", "-1", "1e308", "SELECT * FROM articles; --"};
    for (const auto& q : odd) {
        std::string big;
        for (int i = 0; i < 40; ++i) big += q + " fuel ";
        for (const auto& query : {q, big}) {
            auto r = s.index->Search(query, {}, 10);  // must not throw or crash
            CHECK(r.hits.size() <= 10);
        }
    }
    CHECK(s.Ids("fuel*").size() == 3);
    CHECK(s.Ids("title:fuel").size() == 3);
    CHECK(s.Ids("\"unbalanced quote fuel").size() == 3);
}

TEST_CASE("articles come back by id with their checklist items and languages") {
    Indexed s;
    auto v = s.index->Get("article-1");
    REQUIRE(v.has_value());
    CHECK(v->tasks.size() == 2);
    CHECK(v->tasks[0].text == "Check the tank of site 1");
    CHECK(v->tasks[0].key == core::TaskKey("check the TANK of site 1!"));
    auto uk = s.index->Get("satellite-backup", "uk");
    REQUIRE(uk.has_value());
    CHECK(uk->article.lang == "uk");
    CHECK(uk->languages == std::vector<std::string>{"en", "uk"});
    CHECK(s.index->Get("satellite-backup", "fr")->article.lang == "en");
    CHECK_FALSE(s.index->Get("no-such-article").has_value());
    CHECK(s.index->List({}).size() == 4);
}

TEST_CASE("snippets mark whole words without their punctuation, around the best window") {
    const std::string text = "Intro words here. Later, keep (fuel) for the generators: fuel and generator hours.";
    const std::string s = core::MakeSnippet(text, {"fuel", "generator"}, 8);
    const std::string open(1, core::kMarkOpen), close(1, core::kMarkClose);
    CHECK(s.find("(" + open + "fuel" + close + ")") != std::string::npos);
    CHECK(s.find(open + "generators" + close + ":") != std::string::npos);
    CHECK(s.starts_with("…"));
    CHECK(core::MakeSnippet("no match at all", {"fuel"}, 8) == "no match at all");
}

TEST_CASE("a query in French finds French articles first, then English-only ones through the term list") {
    test::TempDir dir;
    auto content = dir.path() / "content";
    test::WriteSampleContent(content, 3);  // English "Generator fuel plan N", tagged genset and fuel
    test::WriteArticle(content, "fr", "article-1",
                       "id: article-1\ntitle: Plan carburant du groupe électrogène\nsummary: Garder le gazole.\n"
                       "type: checklist\nphases: [prepare]\naudiences: [network-operator]\nsources:\n  - title: T\n"
                       "    publisher: P\n    year: 2024\nupdated: 2026-12-01\ntranslation_of: article-1\n"
                       "source_updated: 2026-11-01\n",
                       "- [ ] Vérifier la cuve du site\n");
    std::ofstream(content / "fr" / "terms.yaml")
        << "genset: [groupe électrogène, groupes électrogènes]\nfuel: [carburant, gazole]\nrpki: [RPKI]\n"
           "resource public key infrastructure: [infrastructure à clés publiques]\nprepare: [préparer]\n"
           "mitigate: [atténuer]\nnetwork operator: [opérateur réseau]\nhumanitarian: [humanitaire]\n";
    auto keys = bundle::GenerateKeyPair();
    std::vector<bundle::Problem> problems;
    auto built = bundle::BuildFromDirectory(content, keys.sec, test::FixedOptions(1, 1), problems);
    REQUIRE(built.ok());
    auto lib = core::Library::Open(dir.path() / "data", {built->bytes, bundle::FormatPublicKey(keys.pub), ""});
    REQUIRE(lib.ok());
    auto index = core::ContentIndex::Open(lib->IndexPath());
    REQUIRE(index.ok());

    // The reader's language is guessed from the words typed.
    auto r = index->Search("Groupes électrogènes ", {}, 10);
    CHECK(r.reader_lang == "fr");
    std::vector<std::string> found;
    for (const auto& h : r.hits) found.push_back(h.article.id + "/" + h.article.lang);
    CHECK(found == std::vector<std::string>{"article-1/fr", "article-2/en", "article-3/en"});
    CHECK(core::AlsoInLine(r) == "Also in English: 2 articles");

    // The same words in English find the English articles and nothing "also".
    auto english = index->Search("generator fuel ", {}, 10);
    CHECK(english.reader_lang == "en");
    CHECK(english.hits.size() == 3);
    CHECK(core::AlsoInLine(english).empty());

    // A hard language filter stays one language.
    core::Filters only_fr;
    only_fr.lang = "fr";
    CHECK(index->Search("groupe électrogène ", only_fr, 10).hits.size() == 1);

    // The translation was made from an older English edition, and says so.
    auto view = index->Get("article-1", "fr");
    REQUIRE(view);
    CHECK(view->TranslationIsOlder());
    CHECK(core::OlderTranslationNote(*view) ==
          "This translation follows the English article of 2026-11-01; the English was updated on 2026-11-21.");
    CHECK_FALSE(index->Get("article-1", "en")->TranslationIsOlder());
}
