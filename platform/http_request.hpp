// The request head and Range header of `fieldkit serve`, parsed by pure functions (no socket,
// no clock) so a fuzzer and unit tests can call them directly. Strict: anything we would have
// to guess at is refused.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fk::platform {

struct RequestHead {
    std::string method;               // "GET", "HEAD", ... as sent
    std::string target;               // path, query removed
    std::optional<std::string> range; // value of the Range header, if any
    std::string if_none_match;        // value of If-None-Match, empty if none
    std::optional<std::uint64_t> content_length;  // a POST's body length (one header, decimal)
    bool chunked_or_encoded = false;  // a Transfer-Encoding header was sent (POST bodies need a length)
};

// `head` is everything up to and including the blank line ("\r\n\r\n"). Returns nullopt for a
// malformed request line or header line (400).
std::optional<RequestHead> ParseRequestHead(std::string_view head);

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
