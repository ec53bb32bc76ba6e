// The only part of an unverified release list or bundle manifest read before its signature
// check: the "roots" member, depth- and size-limited.
#include <doctest/doctest.h>

#include <string>

#include "bundle/root_chain.hpp"

using fk::bundle::PeekJsonRoots;

namespace {

const std::string kLink =
    R"({"root": 2, "key": "k", "previous": "p", "sig_previous": "a", "sig_key": "b"})";

}  // namespace

TEST_CASE("roots are peeked from an unverified list, and nothing deep or large is parsed") {
    auto found = PeekJsonRoots(R"({"format": 1, "packs": {"a": {"x": [1, 2]}}, "roots": [)" + kLink + "]}");
    REQUIRE(found.size() == 1);
    CHECK(found[0].root == 2);
    CHECK(found[0].key == "k");
    CHECK(PeekJsonRoots(R"({"format": 1})").empty());
    CHECK(PeekJsonRoots("[1, 2]").empty());
    CHECK(PeekJsonRoots("{\"roots\": [").empty());

    // Depth 8 is read; one more level anywhere and the whole document is refused.
    const std::string depth8 = std::string(7, '[') + std::string(7, ']');  // inside the object: 8
    CHECK(PeekJsonRoots(R"({"x": )" + depth8 + R"(, "roots": [)" + kLink + "]}").size() == 1);
    const std::string depth9 = std::string(8, '[') + std::string(8, ']');
    CHECK(PeekJsonRoots(R"({"x": )" + depth9 + R"(, "roots": [)" + kLink + "]}").empty());
    CHECK(PeekJsonRoots(std::string(60000, '[')).empty());
    CHECK(PeekJsonRoots(std::string(60000, '{')).empty());

    // Past the size cap nothing is read at all.
    std::string big = R"({"pad": ")" + std::string(fk::bundle::kMaxPeekSize, 'x') + R"(", "roots": [)" + kLink + "]}";
    CHECK(PeekJsonRoots(big).empty());
}
