// The command line on a fresh data directory: first run installs the built-in pack.
#include <doctest/doctest.h>

#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

using fk::test::Fieldkit;

TEST_CASE("first run installs the built-in pack with no set-up") {
    fk::test::TempDir dir;
    auto r = Fieldkit(dir / "data", {"status"});
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("fieldkit-core") != std::string::npos);
    CHECK(r.out.find("(built in)") != std::string::npos);
}

TEST_CASE("--help works for every command and unknown commands are usage errors") {
    fk::test::TempDir dir;
    for (auto cmd : {"search", "show", "list", "status", "import", "bundle build", "bundle verify", "bundle lint",
                     "bundle keygen", "trust add", "notes list", "notes passphrase", "notes history", "notes wipe"}) {
        std::vector<std::string> args;
        std::string s = cmd;
        size_t sp = s.find(' ');
        if (sp == std::string::npos) args = {s, "--help"};
        else args = {s.substr(0, sp), s.substr(sp + 1), "--help"};
        auto r = Fieldkit(dir / "data", args);
        INFO(cmd);
        CHECK(r.status == 0);
        CHECK(r.out.find("usage: fieldkit " + s) == 0);
    }
    CHECK(Fieldkit(dir / "data", {"frobnicate"}).status == 2);
    CHECK(Fieldkit(dir / "data", {"search", "--bogus", "x"}).status == 2);
}
