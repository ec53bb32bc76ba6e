// Word splitting and the one-edit rule behind typo forgiveness.
#include <doctest/doctest.h>

#include "kit/core/words.hpp"

using fk::core::SplitWords;
using fk::core::WithinOneEdit;

TEST_CASE("SplitWords keeps letters of any script and drops punctuation and emoji") {
    auto w = SplitWords("RPKI: route-origin (ROA)! Київ café 🙂 مرحبا");
    REQUIRE(w.size() == 7);
    CHECK(w[0] == "rpki");
    CHECK(w[1] == "route");
    CHECK(w[2] == "origin");
    CHECK(w[3] == "roa");
    CHECK(w[4] == "Київ");
    CHECK(w[5] == "café");
    CHECK(w[6] == "مرحبا");
}

TEST_CASE("SplitWords survives broken UTF-8 and caps word count and length") {
    CHECK(SplitWords(std::string("ab\xff\xfe" "cd\xe2\x82")) == std::vector<std::string>{"ab", "cd"});
    CHECK(SplitWords(std::string(10000, 'x')).front().size() == 64);
    CHECK(SplitWords("a b c d e f", 3).size() == 3);
    CHECK(SplitWords("\"*()-:^").empty());
}

TEST_CASE("WithinOneEdit accepts one wrong, missing, extra or swapped letter only") {
    CHECK(WithinOneEdit("generator", "generatr"));
    CHECK(WithinOneEdit("generator", "generattor"));
    CHECK(WithinOneEdit("generator", "genarator"));
    CHECK(WithinOneEdit("generator", "gneerator"));
    CHECK_FALSE(WithinOneEdit("generator", "genratr"));
    CHECK_FALSE(WithinOneEdit("satellite", "satelites"));
}
