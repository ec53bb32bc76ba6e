// Arguments that name files: UTF-8 text in, a path that holds the same name out (on Windows
// a narrow string would go through the C locale and come out mangled).
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "kit/cli/args.hpp"
#include "platform/utf8_path.hpp"

using fk::cli::Args;
using fk::cli::ArgSpec;
using fk::platform::Utf8FromPath;

namespace {

// "données-дані-بيانات", spelled in bytes so the test does not depend on the source encoding.
const std::string kDir = std::string("donn\xc3\xa9") +
                         "es-\xd0\xb4\xd0\xb0\xd0\xbd\xd1\x96-\xd8\xa8\xd9\x8a\xd8\xa7\xd9\x86\xd8\xa7\xd8\xaa";
const std::string kName = kDir + "/x.fkb";

Args Parsed(const std::vector<std::string>& argv) {
    const ArgSpec spec{{"--json"}, {"-o", "-s"}, {{"--output", "-o"}}};
    Args a;
    const auto error = a.Parse(argv, spec);
    REQUIRE_FALSE(error.has_value());
    return a;
}

}  // namespace

TEST_CASE("path accessors keep a non-ASCII UTF-8 name whole") {
    const Args a = Parsed({kName, "--output", kName, "plain.txt", "--json", "-s", kName});

    const auto out = a.PathOption("-o");
    REQUIRE(out.has_value());
    CHECK(Utf8FromPath(*out) == kName);
    CHECK(Utf8FromPath(out->parent_path()) == kDir);
    CHECK(Utf8FromPath(out->filename()) == "x.fkb");

    const auto first = a.PathAt(0);
    CHECK(Utf8FromPath(first) == kName);
    CHECK(Utf8FromPath(first.parent_path()) == kDir);
    CHECK(first.extension() == ".fkb");

    const auto all = a.PathPositionals();
    REQUIRE(all.size() == 2);
    CHECK(Utf8FromPath(all[0]) == kName);
    CHECK(Utf8FromPath(all[1]) == "plain.txt");
    const auto rest = a.PathPositionals(1);
    REQUIRE(rest.size() == 1);
    CHECK(Utf8FromPath(rest[0]) == "plain.txt");
    CHECK(a.PathPositionals(2).empty());
}

TEST_CASE("path accessors: a missing option is none, an out-of-range positional throws") {
    const Args a = Parsed({"one"});
    CHECK_FALSE(a.PathOption("-o").has_value());
    CHECK_FALSE(a.PathOption("-s").has_value());
    CHECK(Utf8FromPath(a.PathAt(0)) == "one");
    CHECK_THROWS_AS(a.PathAt(1), std::out_of_range);
}
