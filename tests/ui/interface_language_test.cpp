// The window's own words in each interface language, switched at run time (issue 15).
#include <doctest/doctest.h>

#include <regex>
#include <set>
#include <sstream>

#include "kit/ui/actions.hpp"
#include "platform/i18n.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/ui/harness.hpp"

using fk::ui::Action;
using fk::ui::ActionType;

namespace {

std::vector<std::string> Lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        line.erase(0, line.find_first_not_of(' '));
        if (!line.empty()) out.push_back(line);
    }
    return out;
}

// Latin words of four letters or more: interface text a Ukrainian or Arabic reader should
// not meet. Acronyms (DNS, IXP), the product's name and what is typed at a prompt (a command
// "fieldkit sync", an option "--mirror") stay Latin in every language.
std::set<std::string> LatinWords(std::string text) {
    text = std::regex_replace(text, std::regex("fieldkit [a-z]+|--[a-z-]+"), " ");
    std::set<std::string> out;
    static const std::regex word("[A-Za-z][A-Za-z'-]{3,}");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator(); ++it) {
        std::string w = it->str();
        bool acronym =
            std::all_of(w.begin(), w.end(), [](char c) { return !std::islower(static_cast<unsigned char>(c)); });
        if (!acronym && w != "fieldkit" && w != "Ctrl") out.insert(w);
    }
    return out;
}

// Words of the content Home shows (article titles, the pack's taxonomy): they are in the
// reading language already, or stay as the pack wrote them.
std::set<std::string> ContentWords(fk::ui::Model& m) {
    std::string all;
    for (const auto& a : m.Home().start_here) all += a.title + " ";
    for (const auto& [k, label] : m.Taxonomy().audiences) all += label + " ";
    for (const auto& [k, label] : m.Taxonomy().phases) all += label + " ";
    return LatinWords(all);
}

}  // namespace

TEST_CASE("switching the interface language at run time leaves no English on Home") {
    fk::test::TempDir dir;
    fk::test::UiHarness h(dir.path());
    h.Frame(3);
    const std::string english = h.DrawnText();
    INFO(english);
    REQUIRE(english.find("Where are you in the crisis?") != std::string::npos);
    // The English lines that are interface text: any with a word in it.
    std::vector<std::string> english_lines;
    for (const auto& line : Lines(english))
        if (!LatinWords(line).empty()) english_lines.push_back(line);
    REQUIRE(english_lines.size() > 8);

    for (const std::string lang : {"fr", "es", "uk", "ar"}) {
        CAPTURE(lang);
        h.model().Apply(Action{ActionType::kSetInterfaceLanguage, lang});
        h.model().Apply(Action{ActionType::kSetLanguage, lang});
        h.Frame(3);
        CHECK(fk::i18n::CurrentLanguage() == lang);
        INFO(h.DrawnText());
        const std::string shown = h.DrawnText();
        for (const auto& line : english_lines) {
            CAPTURE(line);
            CHECK(shown.find(line) == std::string::npos);
        }
        if (lang == "uk" || lang == "ar") {
            const std::set<std::string> content = ContentWords(h.model());
            for (const auto& w : LatinWords(shown)) {
                CAPTURE(w);
                CHECK(content.count(w) == 1);
            }
        }
    }
    // And back: the same English Home as before.
    h.model().Apply(Action{ActionType::kSetInterfaceLanguage, "en"});
    h.model().Apply(Action{ActionType::kSetLanguage, "en"});
    h.Frame(3);
    CHECK(h.DrawnText() == english);
}

TEST_CASE("the interface language is a setting of its own, kept across a restart") {
    fk::test::TempDir dir;
    fk::test::UiHarness h(dir.path());
    CHECK(h.model().Settings().interface_language.empty());  // first run: the system's language
    h.model().Apply(Action{ActionType::kSetInterfaceLanguage, "uk"});
    CHECK(h.model().Settings().language == "en");  // the reading language is not touched
    h.Restart();
    CHECK(h.model().Settings().interface_language == "uk");
    CHECK(fk::i18n::CurrentLanguage() == "uk");
    h.model().Apply(Action{ActionType::kSetInterfaceLanguage, ""});
    CHECK(fk::i18n::CurrentLanguage() == fk::i18n::SystemLanguage());
    fk::i18n::SetLanguage("en");
}
