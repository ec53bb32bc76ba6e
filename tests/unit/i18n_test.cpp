// tr/trn/Format over the real compiled catalogs (build/locale): placeholders, plural forms.
#include "platform/i18n.hpp"

#include <doctest/doctest.h>

#include <set>

namespace {

// Switches the interface language for one test and back to English after it.
struct InLanguage {
    explicit InLanguage(const char* code) { fk::i18n::SetLanguage(code); }
    ~InLanguage() { fk::i18n::SetLanguage("en"); }
};

// One message with a count that the window shows on Home.
std::string Articles(unsigned long n) {
    return fk::Format(
        fk::trn("{n} article; content {age} (published {date}).", "{n} articles; content {age} (published {date}).", n),
        {{"n", std::to_string(n)}, {"age", "AGE"}, {"date", "DATE"}});
}

// The same message with its number taken out: what the plural form alone looks like.
std::string Form(unsigned long n) {
    std::string s = Articles(n);
    const std::string digits = std::to_string(n);
    if (size_t at = s.find(digits); at != std::string::npos) s.erase(at, digits.size());
    return s;
}

}  // namespace

TEST_CASE("Format fills named placeholders in any order and leaves unknown ones") {
    CHECK(fk::Format("{b} then {a}", {{"a", "1"}, {"b", "2"}}) == "2 then 1");
    CHECK(fk::Format("{a}{a}", {{"a", "x"}}) == "xx");
    CHECK(fk::Format("keep {other} and {", {{"a", "x"}}) == "keep {other} and {");
    CHECK(fk::Format("", {}) == "");
    CHECK(fk::Format("no braces", {{"a", "x"}}) == "no braces");
}

TEST_CASE("English is the source: with no catalog the text is the code's own") {
    InLanguage en("en");
    CHECK(std::string(fk::tr("Where are you in the crisis?")) == "Where are you in the crisis?");
    CHECK(Articles(1) == "1 article; content AGE (published DATE).");
    CHECK(Articles(2) == "2 articles; content AGE (published DATE).");
    fk::i18n::SetLanguage("de");  // no catalog: English
    CHECK(fk::i18n::CurrentLanguage() == "en");
}

TEST_CASE("Ukrainian takes three plural forms, chosen by the last digits") {
    InLanguage uk("uk");
    REQUIRE(Articles(1) != "1 article; content AGE (published DATE).");
    // one: 1, 21, 101; few: 2-4, 22-24; many: 0, 5-20, 25-30 and 11-14
    CHECK(Form(21) == Form(1));
    CHECK(Form(101) == Form(1));
    CHECK(Form(22) == Form(2));
    CHECK(Form(11) == Form(5));
    CHECK(Form(12) == Form(5));
    CHECK(std::set<std::string>{Form(1), Form(2), Form(5)}.size() == 3);
}

TEST_CASE("Arabic picks among six plural forms") {
    InLanguage ar("ar");
    // zero, one, two, a few (3-10), many (11-99) differ; 100-102 take the sixth form, which
    // written Arabic without vowel marks may spell as the fifth.
    CHECK(std::set<std::string>{Form(0), Form(1), Form(2), Form(3), Form(11)}.size() == 5);
    CHECK(Form(103) == Form(3));
    CHECK(Form(110) == Form(3));
    CHECK(Form(111) == Form(11));
    CHECK(Form(199) == Form(11));
    CHECK(fk::i18n::RightToLeft());
}
