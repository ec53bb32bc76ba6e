// The request head and Range parsers of `fieldkit serve`, called directly (as the fuzzer does).
#include <doctest/doctest.h>

#include "platform/http_request.hpp"

using fk::platform::ByteRange;
using fk::platform::ParseByteRange;
using fk::platform::ParseRequestHead;

TEST_CASE("a request head is parsed strictly") {
    auto r = ParseRequestHead("GET /release.json?x=1 HTTP/1.1\r\nHost: a\r\nrAnGe:  bytes=10-\r\n\r\n");
    REQUIRE(r);
    CHECK(r->method == "GET");
    CHECK(r->target == "/release.json");
    REQUIRE(r->range);
    CHECK(*r->range == "bytes=10-");
    CHECK(!ParseRequestHead("GET /a HTTP/1.1\r\nHost: a\r\n\r\n")->range);
    CHECK(ParseRequestHead("GET /a HTTP/1.1\r\nif-none-match: \"5f-2a\"\r\n\r\n")->if_none_match == "\"5f-2a\"");
    CHECK(ParseRequestHead("GET /a HTTP/1.1\r\nHost: a\r\n\r\n")->if_none_match.empty());

    for (const char* bad : {"GET /a HTTP/1.1\r\n",                        // no blank line
                            "GET  /a HTTP/1.1\r\n\r\n",                   // double space
                            "GET /a\r\n\r\n",                             // no version
                            "GET /a HTTP/2\r\n\r\n",                      // unknown version
                            "GET /a b HTTP/1.1\r\n\r\n",                  // space in target
                            " /a HTTP/1.1\r\n\r\n",                       // no method
                            "GET /a HTTP/1.1\r\nNoColon\r\n\r\n",         // header without ':'
                            "GET /a HTTP/1.1\r\n : x\r\n\r\n",            // folded / empty name
                            "GET /a HTTP/1.1\r\nX: a\x01z\r\n\r\n",       // control byte
                            "GET /a HTTP/1.1\r\nRange: bytes=1-\r\nRange: bytes=2-\r\n\r\n"}) {
        INFO(bad);
        CHECK(!ParseRequestHead(bad));
    }
    CHECK(!ParseRequestHead(std::string_view("GET /\0a HTTP/1.1\r\n\r\n", 21)));
}

TEST_CASE("single byte ranges are honoured and bad ones are unsatisfiable") {
    auto whole = ParseByteRange("", 100);
    CHECK(whole.kind == ByteRange::Kind::kWhole);
    CHECK(whole.to == 100);

    auto open = ParseByteRange("bytes=10-", 100);
    CHECK(open.kind == ByteRange::Kind::kPartial);
    CHECK(open.from == 10);
    CHECK(open.to == 100);
    auto closed = ParseByteRange("bytes=0-9", 100);
    CHECK(closed.kind == ByteRange::Kind::kPartial);
    CHECK(closed.to == 10);
    auto clipped = ParseByteRange("bytes=90-1000", 100);
    CHECK(clipped.to == 100);
    auto suffix = ParseByteRange("bytes=-30", 100);
    CHECK(suffix.kind == ByteRange::Kind::kPartial);
    CHECK(suffix.from == 70);
    CHECK(ParseByteRange("bytes=-300", 100).from == 0);
    CHECK(ParseByteRange("bytes=99-99", 100).kind == ByteRange::Kind::kPartial);

    for (const char* bad : {"bytes=10-5", "bytes=100-", "bytes=100-200", "bytes=-0", "bytes=-", "bytes=",
                            "bytes=a-", "bytes=+1-", "bytes=1-x", "bytes=0-1,5-9", "items=0-1", "bytes 0-1",
                            "bytes=18446744073709551616-", "bytes=0-18446744073709551616",
                            "bytes=99999999999999999999999-"}) {
        INFO(bad);
        CHECK(ParseByteRange(bad, 100).kind == ByteRange::Kind::kUnsatisfiable);
    }
    CHECK(ParseByteRange("bytes=0-", 0).kind == ByteRange::Kind::kUnsatisfiable);
    CHECK(ParseByteRange("bytes=0-18446744073709551615", 100).to == 100);
}

TEST_CASE("a POST's Content-Length is read once and strictly, and Transfer-Encoding is flagged") {
    auto r = ParseRequestHead("POST /inbox HTTP/1.1\r\ncontent-length: 361\r\n\r\n{...");
    REQUIRE(r);
    CHECK(r->method == "POST");
    REQUIRE(r->content_length);
    CHECK(*r->content_length == 361);
    CHECK_FALSE(r->chunked_or_encoded);
    CHECK_FALSE(ParseRequestHead("GET /a HTTP/1.1\r\n\r\n")->content_length);
    CHECK(ParseRequestHead("POST /inbox HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")->chunked_or_encoded);
    for (const char* bad : {"POST /inbox HTTP/1.1\r\nContent-Length: 10\r\nContent-Length: 10\r\n\r\n",  // twice
                            "POST /inbox HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
                            "POST /inbox HTTP/1.1\r\nContent-Length: 1e3\r\n\r\n",
                            "POST /inbox HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n",
                            "POST /inbox HTTP/1.1\r\nContent-Length: 10, 10\r\n\r\n"}) {
        INFO(bad);
        CHECK(!ParseRequestHead(bad));
    }
}

TEST_CASE("query strings and form bodies are decoded safely") {
    auto r = ParseRequestHead("GET /search?q=a+b%21&lang=fr HTTP/1.1\r\nAccept-Language: fr-CH\r\n\r\n");
    REQUIRE(r);
    CHECK(r->target == "/search");
    CHECK(r->query == "q=a+b%21&lang=fr");
    CHECK(r->accept_language == "fr-CH");
    using fk::platform::FormValue;
    using fk::platform::ParseForm;
    using fk::platform::PercentDecode;
    auto f = ParseForm("q=a+b%21&&lang=fr&flag&q=second");
    REQUIRE(f);
    CHECK(f->size() == 4);
    CHECK(FormValue(*f, "q") == "a b!");
    CHECK(FormValue(*f, "flag") == "");
    CHECK(FormValue(*f, "missing") == "");
    CHECK(*PercentDecode("/a/x%2Fy+z", false) == "/a/x/y+z");
    CHECK(*PercentDecode("%c3%A9", true) == "é");
    for (const char* bad : {"%", "%4", "%G0", "a%00b", "%%"}) {
        INFO(bad);
        CHECK(!PercentDecode(bad, true));
    }
    CHECK(!ParseForm("a=%ZZ"));
    std::string many;
    for (int i = 0; i < 33; ++i) many += "a=1&";
    CHECK(!ParseForm(many));
    CHECK(ParseForm(many, 40));
}
