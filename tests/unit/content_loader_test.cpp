// The content linter: each rule reports path:line and the build refuses bad content.
#include <doctest/doctest.h>

#include <fstream>

#include "bundle/builder.hpp"
#include "bundle/content_loader.hpp"
#include "bundle/markdown_scan.hpp"
#include "bundle/records.hpp"
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

TEST_CASE("a term list translates every common tag, phase and audience, and a translation names its source") {
    fk::test::TempDir dir;
    fk::test::WriteSampleContent(dir.path(), 5);  // five articles share the tags genset, fuel, rpki, ...
    std::filesystem::create_directories(dir.path() / "fr");
    std::ofstream(dir.path() / "fr" / "terms.yaml")
        << "fuel: [carburant, gazole]\nprepare: [préparer]\nGenset: [groupe électrogène]\nmitigate: atténuer\n";
    fk::test::WriteArticle(dir.path(), "fr", "article-1",
                           "id: article-1\ntitle: Plan carburant\nsummary: S\ntype: checklist\nphases: [prepare]\n"
                           "audiences: [network-operator]\nsources:\n  - title: T\n    publisher: P\n    year: 2024\n"
                           "updated: 2026-12-01\n",
                           "- [ ] Vérifier la cuve\n");
    auto c = LoadContentDir(dir.path());
    REQUIRE(c.ok());
    const std::string all = AllProblems(*c);
    CHECK(all.find("fr/terms.yaml:0: no fr translation of 'rpki' (tag on 5 articles)") != std::string::npos);
    CHECK(all.find("no fr translation of 'resource public key infrastructure' (tag on 5 articles)") != std::string::npos);
    CHECK(all.find("no fr translation of 'network operator' (audience)") != std::string::npos);
    CHECK(all.find("fr/terms.yaml:4: 'mitigate' needs a list of 1 to 16 equivalents") != std::string::npos);
    CHECK(all.find("'fuel'") == std::string::npos);
    CHECK(all.find("'genset'") == std::string::npos);  // keys are matched without case
    CHECK(all.find("'prepare'") == std::string::npos);
    CHECK(all.find("fr/article-1.md:2: a translation needs translation_of") != std::string::npos);
    REQUIRE(c->content.terms.size() == 1);
    CHECK(c->content.terms[0].lang == "fr");

    // Complete the list and the translation: no problem left, and both travel in the bundle.
    std::ofstream(dir.path() / "fr" / "terms.yaml")
        << "fuel: [carburant, gazole]\nprepare: [préparer]\ngenset: [groupe électrogène]\nmitigate: [atténuer]\n"
           "rpki: [RPKI]\nresource public key infrastructure: [infrastructure à clés publiques de ressources]\n"
           "network operator: [opérateur réseau]\nhumanitarian: [humanitaire]\n";
    fk::test::WriteArticle(dir.path(), "fr", "article-1",
                           "id: article-1\ntitle: Plan carburant\nsummary: S\ntype: checklist\nphases: [prepare]\n"
                           "audiences: [network-operator]\nsources:\n  - title: T\n    publisher: P\n    year: 2024\n"
                           "updated: 2026-12-01\ntranslation_of: article-1\nsource_updated: 2026-11-21\n",
                           "- [ ] Vérifier la cuve\n");
    auto fixed = LoadContentDir(dir.path());
    REQUIRE(fixed.ok());
    CHECK(AllProblems(*fixed) == "");
    const Content decoded = DecodeRecords(EncodeRecords(fixed->content)).value();
    REQUIRE(decoded.terms.size() == 1);
    CHECK(decoded.terms[0].entries.size() == 8);
    bool translated = false;
    for (const auto& a : decoded.articles)
        if (a.lang == "fr") translated = a.translation_of == "article-1" && a.source_updated == "2026-11-21";
    CHECK(translated);

    // A translation cannot follow an English edition that does not exist yet.
    fk::test::WriteArticle(dir.path(), "fr", "article-1",
                           "id: article-1\ntitle: Plan carburant\nsummary: S\ntype: checklist\nphases: [prepare]\n"
                           "audiences: [network-operator]\nsources:\n  - title: T\n    publisher: P\n    year: 2024\n"
                           "updated: 2026-12-01\ntranslation_of: article-1\nsource_updated: 2026-12-31\n",
                           "- [ ] Vérifier la cuve\n");
    auto ahead = LoadContentDir(dir.path());
    REQUIRE(ahead.ok());
    CHECK(AllProblems(*ahead).find("source_updated 2026-12-31 is later than the English article's updated") !=
          std::string::npos);
}

TEST_CASE("content without a term list keeps the record stream it always had") {
    fk::test::TempDir dir;
    fk::test::WriteSampleContent(dir.path(), 2);
    auto c = LoadContentDir(dir.path());
    REQUIRE(c.ok());
    const std::string records = EncodeRecords(c->content);
    CHECK(records.find("\"terms\"") == std::string::npos);
    CHECK(records.find("translation_of") == std::string::npos);
}

TEST_CASE("a translation's title and summary are limited in characters, as English ones are") {
    fk::test::TempDir dir;
    fk::test::WriteSampleContent(dir.path(), 1);
    std::string title, summary;
    for (int i = 0; i < 81; ++i) title += "\xD0\xB6";     // 81 Cyrillic letters: 162 bytes
    for (int i = 0; i < 200; ++i) summary += "\xD0\xB6";  // 200 letters: at the limit
    fk::test::WriteArticle(dir.path(), "uk", "article-1",
                           "id: article-1\ntitle: " + title + "\nsummary: " + summary +
                               "\ntype: checklist\nphases: [prepare]\naudiences: [network-operator]\nsources:\n"
                               "  - title: T\n    publisher: P\n    year: 2024\nupdated: 2026-12-01\n"
                               "translation_of: article-1\nsource_updated: 2026-11-21\n",
                           "- [ ] x\n");
    auto c = LoadContentDir(dir.path());
    REQUIRE(c.ok());
    const std::string all = AllProblems(*c);
    CHECK(all.find("uk/article-1.md:3: title is longer than 80 characters") != std::string::npos);
    CHECK(all.find("summary is longer") == std::string::npos);
}

TEST_CASE("kit.yaml names its phases and labels its taxonomy in other languages") {
    fk::test::TempDir dir;
    fk::test::WriteSampleContent(dir.path(), 2);
    {
        std::ofstream kit(dir.path() / "kit.yaml", std::ios::app);
        kit << "phase_names:\n  prepare: Get ready\n"
            << "translations:\n"
            << "  fr:\n"
            << "    phase_names: {prepare: Préparer}\n"
            << "    phases: {mitigate: Atténuer les effets}\n"
            << "    audiences: {humanitarian: Humanitaires}\n"
            << "    types: {checklist: Liste de contrôle}\n";
    }
    auto c = LoadContentDir(dir.path());
    REQUIRE(c.ok());
    CHECK(AllProblems(*c) == "");
    const Taxonomy& kit = c->content.kit;

    // The reader's language where the pack gives it, English otherwise; keys and order kept.
    const Taxonomy fr = InLanguage(kit, "fr");
    CHECK(LabelOf(fr.phase_names, "prepare") == "Préparer");
    CHECK(LabelOf(fr.phase_names, "mitigate") == "Mitigate");  // no name: the key, capitalized
    CHECK(LabelOf(fr.phases, "mitigate") == "Atténuer les effets");
    CHECK(LabelOf(fr.phases, "prepare") == "Prepare");
    CHECK(LabelOf(fr.audiences, "humanitarian") == "Humanitaires");
    CHECK(LabelOf(fr.types, "checklist") == "Liste de contrôle");
    CHECK(fr.phases.front().first == kit.phases.front().first);
    const Taxonomy en = InLanguage(kit, "en");
    CHECK(LabelOf(en.phase_names, "prepare") == "Get ready");
    CHECK(LabelOf(InLanguage(kit, "uk").types, "checklist") == "Checklist");

    // The labels travel in the bundle's kit record and come back whole.
    auto back = DecodeRecords(EncodeRecords(c->content));
    REQUIRE(back.ok());
    CHECK(LabelOf(InLanguage(back->kit, "fr").phase_names, "prepare") == "Préparer");
    CHECK(LabelOf(InLanguage(back->kit, "fr").audiences, "humanitarian") == "Humanitaires");
}

TEST_CASE("translated labels for keys the pack lacks, or a bad language, are lint problems") {
    fk::test::TempDir dir;
    fk::test::WriteSampleContent(dir.path(), 2);
    {
        std::ofstream kit(dir.path() / "kit.yaml", std::ios::app);
        kit << "phase_names:\n  rebuild: Rebuild\n"
            << "translations:\n"
            << "  French:\n    types: {guide: Guide}\n"
            << "  fr:\n    phases: {rebuild: Reconstruire}\n    colours: {red: rouge}\n";
    }
    auto c = LoadContentDir(dir.path());
    REQUIRE(c.ok());
    const std::string problems = AllProblems(*c);
    CHECK(problems.find("phase_names: 'rebuild' is not one of the pack's phases") != std::string::npos);
    CHECK(problems.find("'French' is not a language code") != std::string::npos);
    CHECK(problems.find("fr phases: 'rebuild' is not one of the pack's phases") != std::string::npos);
    CHECK(problems.find("unknown key 'colours'") != std::string::npos);
}
