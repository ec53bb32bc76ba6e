// The command line speaks the language the environment asks for (issue 15); --json never
// changes with it.
#include <doctest/doctest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

using fk::test::Fieldkit;

namespace {

// The environment of a shell whose locale is `lang` (LANGUAGE and LC_ALL cleared, as on a
// fresh login; the test runner itself sets LANGUAGE=en).
std::map<std::string, std::string> Locale(const std::string& lang, const std::string& language = "") {
    return {{"LANGUAGE", language}, {"LC_ALL", ""}, {"LC_MESSAGES", ""}, {"LANG", lang}};
}

// Whether `text` holds a letter of the Unicode block starting at `lead` (UTF-8 lead bytes:
// 0xD0/0xD1 Cyrillic, 0xD8/0xD9 Arabic).
bool HasScript(const std::string& text, unsigned char lead_a, unsigned char lead_b) {
    for (unsigned char c : text)
        if (c == lead_a || c == lead_b) return true;
    return false;
}

// The output with what depends on the clock left out (a pack's age in seconds).
std::string Timeless(const std::string& out) {
    auto j = nlohmann::json::parse(out, nullptr, false);
    if (j.is_discarded()) return out;
    if (j.is_object() && j.contains("packs"))
        for (auto& p : j["packs"]) p.erase("age_seconds");
    return j.dump();
}

}  // namespace

TEST_CASE("LANG=uk_UA.UTF-8 fieldkit status prints Ukrainian, with no locale generated") {
    fk::test::TempDir dir;
    auto en = Fieldkit(dir / "data", {"status"}, Locale("C.UTF-8"));
    auto uk = Fieldkit(dir / "data", {"status"}, Locale("uk_UA.UTF-8"));
    INFO(uk.err);
    REQUIRE(en.status == 0);
    REQUIRE(uk.status == 0);
    CHECK(uk.out != en.out);
    CHECK(HasScript(uk.out, 0xD0, 0xD1));
    CHECK(uk.out.find("fieldkit-core") != std::string::npos);  // names stay as they are
    // Errors too: a usage mistake in Arabic.
    auto ar = Fieldkit(dir / "data", {"search"}, Locale("ar_EG.UTF-8"));
    CHECK(ar.status == 2);
    CHECK(HasScript(ar.err, 0xD8, 0xD9));
}

TEST_CASE("every language's overview differs from English and says what fieldkit is") {
    fk::test::TempDir dir;
    auto en = Fieldkit(dir / "data", {"--help"}, Locale("C"));
    REQUIRE(en.status == 0);
    for (const char* lang : {"fr_FR.UTF-8", "es_ES.UTF-8", "uk_UA.UTF-8", "ar_SA.UTF-8"}) {
        CAPTURE(lang);
        auto r = Fieldkit(dir / "data", {"--help"}, Locale(lang));
        CHECK(r.status == 0);
        CHECK(r.out != en.out);
        CHECK(r.out.find("bundle build") != std::string::npos);  // command names stay
    }
}

TEST_CASE("the language comes from LANGUAGE, then LC_ALL, LC_MESSAGES and LANG") {
    fk::test::TempDir dir;
    auto help = [&](std::map<std::string, std::string> env) { return Fieldkit(dir / "data", {"--help"}, env).out; };
    const std::string en = help(Locale("C")), fr = help(Locale("fr_FR.UTF-8")), es = help(Locale("es_ES.UTF-8"));
    REQUIRE(fr != en);
    REQUIRE(es != en);
    CHECK(help(Locale("C.UTF-8", "de:fr:en")) == fr);  // the first language with a catalog
    CHECK(help({{"LANGUAGE", ""}, {"LC_ALL", "es_ES.UTF-8"}, {"LANG", "fr_FR.UTF-8"}}) == es);
    CHECK(help({{"LANGUAGE", ""}, {"LC_ALL", ""}, {"LC_MESSAGES", "fr_CA.UTF-8"}, {"LANG", "es_MX.UTF-8"}}) == fr);
    CHECK(help(Locale("de_DE.UTF-8")) == en);  // no German catalog: English
    CHECK(help(Locale("POSIX")) == en);
}

TEST_CASE("--json output is the same in every language") {
    fk::test::TempDir dir;
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"status", "--json"}, {"search", "--json", "bgp hijack"}, {"list", "--json", "--type", "checklist"}}) {
        auto en = Fieldkit(dir / "data", args, Locale("C.UTF-8"));
        CAPTURE(args[0]);
        REQUIRE(en.status == 0);
        REQUIRE(en.out.size() > 20);
        REQUIRE_FALSE(nlohmann::json::parse(en.out, nullptr, false).is_discarded());
        for (const char* lang : {"fr_FR.UTF-8", "es_ES.UTF-8", "uk_UA.UTF-8", "ar_SA.UTF-8"}) {
            CAPTURE(lang);
            auto r = Fieldkit(dir / "data", args, Locale(lang));
            CHECK(r.status == 0);
            CHECK(Timeless(r.out) == Timeless(en.out));
        }
    }
}
