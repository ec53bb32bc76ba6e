// The shipped library against the numbers the content issue sets: lint-clean, buildable,
// and enough articles in every phase, audience, cell, type and language. Prints the counts.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "bundle/builder.hpp"
#include "bundle/content_loader.hpp"

using namespace fk::bundle;

namespace {

const LoadedContent& Library() {
    static const LoadedContent loaded = [] {
        auto r = LoadContentDir(std::string(FK_SOURCE_DIR) + "/content");
        REQUIRE(r.ok());
        return *r;
    }();
    return loaded;
}

std::vector<const Article*> CurrentIn(const std::string& lang) {
    std::vector<const Article*> out;
    for (const auto& a : Library().content.articles)
        if (a.lang == lang && a.status == "current") out.push_back(&a);
    return out;
}

}  // namespace

TEST_CASE("content/ is lint clean and builds into a bundle") {
    std::string problems;
    for (const auto& p : Library().problems) problems += FormatProblem(p) + "\n";
    CHECK_MESSAGE(problems.empty(), problems);
    std::vector<Problem> found;
    auto keys = GenerateKeyPair();
    auto built = BuildFromDirectory(std::string(FK_SOURCE_DIR) + "/content", keys.sec, {}, found);
    CHECK(built.ok());
}

TEST_CASE("coverage: articles per phase, audience, cell and type") {
    const auto en = CurrentIn("en");
    const auto& kit = Library().content.kit;
    std::map<std::string, int> per_phase, per_audience, per_type;
    std::map<std::pair<std::string, std::string>, int> per_cell;
    int glossary_terms = 0;
    for (const Article* a : en) {
        ++per_type[a->type];
        if (a->type == "glossary" && a->id != "glossary") ++glossary_terms;
        for (const auto& p : a->phases) ++per_phase[p];
        for (const auto& au : a->audiences) ++per_audience[au];
        for (const auto& p : a->phases)
            for (const auto& au : a->audiences) ++per_cell[{p, au}];
    }
    MESSAGE("current English articles: " << en.size());
    CHECK(en.size() >= 120);
    std::string table = "phase \\ audience";
    for (const auto& [au, label] : kit.audiences) table += " | " + au;
    for (const auto& [p, plabel] : kit.phases) {
        table += "\n" + p + " (" + std::to_string(per_phase[p]) + ")";
        for (const auto& [au, label] : kit.audiences) {
            const int n = per_cell[std::make_pair(p, au)];
            table += " | " + std::to_string(n);
            CHECK_MESSAGE(n >= 2, p << " x " << au);
        }
        CHECK_MESSAGE(per_phase[p] >= 15, p);
    }
    for (const auto& [au, label] : kit.audiences) table += "\n" + au + ": " + std::to_string(per_audience[au]);
    for (const auto& [t, n] : per_type) table += "\ntype " + t + ": " + std::to_string(n);
    table += "\nglossary terms: " + std::to_string(glossary_terms);
    MESSAGE(table);
    CHECK(per_type["checklist"] >= 20);
    CHECK(per_type["case"] >= 12);
    CHECK(per_type["reference"] >= 10);
    CHECK(per_type["workshop"] >= 10);
    CHECK(glossary_terms >= 60);
}

TEST_CASE("coverage: start-here guides, seed structure and translations") {
    std::set<std::string> en_ids;
    for (const Article* a : CurrentIn("en")) en_ids.insert(a->id);
    std::vector<std::string> translated = {"problem-statement"};
    for (const auto& [au, label] : Library().content.kit.audiences) translated.push_back("start-here-" + au);
    for (const auto& id : translated) CHECK_MESSAGE(en_ids.count(id), id);
    for (const std::string id : {"main-challenges", "norms-agreements-and-gaps", "operational-best-practices",
                           "five-phase-approach", "glossary"})
        CHECK_MESSAGE(en_ids.count(id), id);
    for (const std::string lang : {"fr", "es", "uk", "ar"}) {
        std::set<std::string> have;
        for (const Article* a : CurrentIn(lang)) have.insert(a->id);
        MESSAGE(lang << ": " << have.size() << " articles");
        for (const auto& id : translated) CHECK_MESSAGE(have.count(id), lang << "/" << id);
    }
}

TEST_CASE("every workshop has the sections trainers rely on") {
    for (const Article* a : CurrentIn("en")) {
        if (a->type != "workshop" || a->id == "routing-security-lab-outline") continue;
        for (const char* section : {"## Learning goals", "## Agenda", "## Scenario", "## Injects",
                                    "## Discussion questions", "## Debrief checklist"})
            CHECK_MESSAGE(a->body.find(section) != std::string::npos, a->id << " lacks " << section);
    }
}

TEST_CASE("every start-here guide covers the first hour, day and week and the time before the next crisis") {
    for (const Article* a : CurrentIn("en")) {
        if (!a->id.starts_with("start-here-")) continue;
        for (const char* section : {"## The first hour", "## The first day", "## The first week",
                                    "## Before the next crisis"})
            CHECK_MESSAGE(a->body.find(section) != std::string::npos, a->id << " lacks " << section);
    }
}
