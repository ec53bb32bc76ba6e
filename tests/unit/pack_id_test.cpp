// The pack id rule: ^[a-z0-9]+(-[a-z0-9]+)*$, at most 64 characters, with a one-line error that
// shows exactly the refused bytes.
#include "bundle/pack_id.hpp"

#include <doctest/doctest.h>

using fk::bundle::CheckPackId;
using fk::bundle::IsValidPackId;

TEST_CASE("pack ids: lower-case words of letters and digits joined by single dashes, at most 64") {
    for (const std::string ok : {"a", "0", "fieldkit-core", "pack-2", "a-b-c", "x9"})
        CHECK_MESSAGE(IsValidPackId(ok), ok);
    CHECK(IsValidPackId(std::string(64, 'a')));
    const std::string bad[] = {"",           "-a",        "a-",          "a--b",           "../../x",
                               "../packs/a", "a/b",       ".",           "..",             "A",
                               "Fieldkit",   "a_b",       "a.b",         "a b",            "a\n",
                               "\xc3\xa9",   "a\\b",      std::string("a\0b", 3), std::string(65, 'a')};
    for (const auto& id : bad) CHECK_MESSAGE(!IsValidPackId(id), id);
}

TEST_CASE("the refusal names the id on one line, non-printable bytes escaped, long ids cut") {
    auto nul = CheckPackId(std::string("../x\0y\n", 7));
    REQUIRE_FALSE(nul.ok());
    CHECK(nul.error().code == fk::ErrorCode::kInvalidContent);
    CHECK(nul.error().detail.starts_with("pack id '../x\\x00y\\x0a' is not valid ("));
    CHECK(nul.error().detail.find('\n') == std::string::npos);
    auto endless = CheckPackId(std::string(100000, 'A'));
    REQUIRE_FALSE(endless.ok());
    CHECK(endless.error().detail.size() < 400);
    CHECK(endless.error().detail.find(std::string(128, 'A') + "...'") != std::string::npos);
    CHECK(CheckPackId("fieldkit-core").ok());
}
