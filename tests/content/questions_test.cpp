// The question set: realistic questions from each audience, each with the articles that
// should answer it. Every expected article must be in the top three search results.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <map>

#include "bundle/builder.hpp"
#include "kit/core/content_index.hpp"
#include "kit/core/library.hpp"
#include "tests/support/temp_dir.hpp"

using namespace fk;

TEST_CASE("questions find their expected articles in the top three") {
    test::TempDir dir;
    std::vector<bundle::Problem> problems;
    auto keys = bundle::GenerateKeyPair();
    auto built = bundle::BuildFromDirectory(std::string(FK_SOURCE_DIR) + "/content", keys.sec, {}, problems);
    REQUIRE(built.ok());
    const std::string key_text = bundle::FormatPublicKey(keys.pub);
    auto lib = core::Library::Open(dir.path(), {built->bytes, key_text, ""});
    REQUIRE(lib.ok());
    auto index = core::ContentIndex::Open(lib->IndexPath());
    REQUIRE(index.ok());

    const YAML::Node questions = YAML::LoadFile(std::string(FK_SOURCE_DIR) + "/tests/content/questions.yaml");
    REQUIRE(questions.IsSequence());
    std::map<std::string, int> per_audience;
    int failures = 0;
    for (const auto& q : questions) {
        const std::string text = q["q"].as<std::string>();
        ++per_audience[q["audience"].as<std::string>()];
        auto hits = index->Search(text + " ", {}, 3).hits;
        std::string top;
        for (const auto& h : hits) top += " " + h.article.id;
        for (const auto& expected : q["expect"]) {
            const std::string id = expected.as<std::string>();
            REQUIRE_MESSAGE(index->Get(id).has_value(), "questions.yaml names unknown article " << id);
            bool found = false;
            for (const auto& h : hits) found |= h.article.id == id;
            if (!found) {
                ++failures;
                MESSAGE("'" << text << "' expects " << id << "; top three:" << top);
            }
        }
    }
    MESSAGE(questions.size() << " questions, " << failures << " expected articles missing from the top three");
    CHECK(questions.size() >= 60);
    for (const auto& [audience, n] : per_audience) CHECK_MESSAGE(n >= 10, audience << " has " << n << " questions");
    CHECK(per_audience.size() == 6);
    CHECK(failures == 0);
}

// A question typed in French, Spanish, Ukrainian or Arabic whose answer exists only in English:
// the term lists carry it across.
TEST_CASE("questions in the translations' languages find English-only answers in the top three") {
    test::TempDir dir;
    std::vector<bundle::Problem> problems;
    auto keys = bundle::GenerateKeyPair();
    auto built = bundle::BuildFromDirectory(std::string(FK_SOURCE_DIR) + "/content", keys.sec, {}, problems);
    REQUIRE(built.ok());
    auto lib = core::Library::Open(dir.path(), {built->bytes, bundle::FormatPublicKey(keys.pub), ""});
    REQUIRE(lib.ok());
    auto index = core::ContentIndex::Open(lib->IndexPath());
    REQUIRE(index.ok());

    for (const std::string lang : {"fr", "es", "uk", "ar"}) {
        CAPTURE(lang);
        const YAML::Node questions =
            YAML::LoadFile(std::string(FK_SOURCE_DIR) + "/tests/content/questions-" + lang + ".yaml");
        REQUIRE(questions.IsSequence());
        int failures = 0, misread = 0;
        for (const auto& q : questions) {
            const std::string text = q["q"].as<std::string>();
            // The window knows the reading language; the CLI guesses it from the words.
            core::Filters reader;
            reader.reader_lang = lang;
            auto results = index->Search(text + " ", reader, 3);
            if (const auto guessed = index->Search(text + " ", {}, 1).reader_lang; guessed != lang) {
                ++misread;
                MESSAGE("'" << text << "' was taken for " << guessed);
            }
            std::string top;
            for (const auto& h : results.hits) top += " " + h.article.id + "(" + h.article.lang + ")";
            for (const auto& expected : q["expect"]) {
                const std::string id = expected.as<std::string>();
                auto view = index->Get(id, lang);
                REQUIRE_MESSAGE(view.has_value(), "questions-" << lang << ".yaml names unknown article " << id);
                REQUIRE_MESSAGE(view->languages == std::vector<std::string>{"en"}, id << " is not English-only");
                bool found = false;
                for (const auto& h : results.hits) found |= h.article.id == id;
                if (!found) {
                    ++failures;
                    MESSAGE("'" << text << "' expects " << id << "; top three:" << top);
                }
            }
        }
        MESSAGE(lang << ": " << questions.size() << " questions, " << failures << " missing from the top three");
        // At least twenty answered per language, and no more than one question in twenty missed
        // (the misses are printed above; ranking across languages is not yet as sharp as in English).
        CHECK(static_cast<int>(questions.size()) - failures >= 20);
        CHECK(failures * 20 <= static_cast<int>(questions.size()));
        CHECK(misread * 10 <= static_cast<int>(questions.size()));
    }
}
