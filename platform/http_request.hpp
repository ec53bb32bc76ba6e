// The request head and Range header of `fieldkit serve`, parsed by pure functions (no socket,
// no clock) so a fuzzer and unit tests can call them directly. Strict: anything we would have
// to guess at is refused.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fk::platform {

struct RequestHead {
    std::string method;               // "GET", "HEAD", ... as sent
    std::string target;               // path, query removed (still percent-encoded)
    std::string query;                // after the first '?', raw; empty if none
    std::string accept_language;      // value of Accept-Language, empty if none
    std::optional<std::string> range; // value of the Range header, if any
    std::string if_none_match;        // value of If-None-Match, empty if none
    std::optional<std::uint64_t> content_length;  // a POST's body length (one header, decimal)
    bool chunked_or_encoded = false;  // a Transfer-Encoding header was sent (POST bodies need a length)
};

// `head` is everything up to and including the blank line ("\r\n\r\n"). Returns nullopt for a
// malformed request line or header line (400).
std::optional<RequestHead> ParseRequestHead(std::string_view head);

// Percent-decoding of a path or a form value: "%41" is 'A'; with `plus_is_space` (forms and
// query strings) '+' is a space. Nullopt for a malformed escape or a decoded NUL byte.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space);

// A query string or an application/x-www-form-urlencoded body: "a=1&b=x+y" as (name, value)
// pairs in order, both decoded. Empty pieces ("a=1&&b") are skipped; a piece without '='
// has an empty value. Nullopt when a piece does not decode, or past `max_fields` pieces.
using FormFields = std::vector<std::pair<std::string, std::string>>;
std::optional<FormFields> ParseForm(std::string_view text, size_t max_fields = 32);
// The first value of `name`, or "" when it is absent.
std::string FormValue(const FormFields& fields, std::string_view name);

struct ByteRange {
    enum class Kind { kWhole, kPartial, kUnsatisfiable };
    Kind kind = Kind::kWhole;
    std::uint64_t from = 0;  // [from, to) when kPartial
    std::uint64_t to = 0;
};

// `header` is the Range header value ("bytes=10-", "bytes=-500", "bytes=0-99"). A single range
// only; malformed, multiple, overflowing or out-of-file ranges are kUnsatisfiable (416 with
// "Content-Range: bytes */SIZE"). An empty header means the whole file.
ByteRange ParseByteRange(std::string_view header, std::uint64_t size);

}  // namespace fk::platform
