// Pure parsers for the request head and Range header of the file server (see http_request.hpp).
#include "platform/http_request.hpp"

#include <algorithm>
#include <limits>

namespace fk::platform {
namespace {

bool IsTokenChar(char c) {
    const unsigned char u = static_cast<unsigned char>(c);
    return u > 32 && u < 127 && c != '(' && c != ')' && c != '<' && c != '>' && c != '@' && c != ',' &&
           c != ';' && c != ':' && c != '\\' && c != '"' && c != '/' && c != '[' && c != ']' && c != '?' &&
           c != '=' && c != '{' && c != '}';
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        const char x = (a[i] >= 'A' && a[i] <= 'Z') ? static_cast<char>(a[i] + 32) : a[i];
        const char y = (b[i] >= 'A' && b[i] <= 'Z') ? static_cast<char>(b[i] + 32) : b[i];
        if (x != y) return false;
    }
    return true;
}

std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// Decimal digits only, no sign, no overflow.
std::optional<std::uint64_t> ParseDecimal(std::string_view s) {
    if (s.empty() || s.size() > 20) return std::nullopt;
    std::uint64_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        const std::uint64_t d = static_cast<std::uint64_t>(c - '0');
        if (v > (std::numeric_limits<std::uint64_t>::max() - d) / 10) return std::nullopt;
        v = v * 10 + d;
    }
    return v;
}

}  // namespace

std::optional<RequestHead> ParseRequestHead(std::string_view head) {
    const size_t end = head.find("\r\n\r\n");
    if (end == std::string_view::npos) return std::nullopt;
    head = head.substr(0, end + 2);  // every line ends in CRLF
    const size_t eol = head.find("\r\n");
    const std::string_view line = head.substr(0, eol);
    // request-line = method SP request-target SP HTTP-version, single spaces.
    const size_t sp1 = line.find(' ');
    if (sp1 == std::string_view::npos || sp1 == 0) return std::nullopt;
    const size_t sp2 = line.find(' ', sp1 + 1);
    if (sp2 == std::string_view::npos || sp2 == sp1 + 1 || line.find(' ', sp2 + 1) != std::string_view::npos)
        return std::nullopt;
    RequestHead out;
    const std::string_view method = line.substr(0, sp1);
    for (char c : method)
        if (!IsTokenChar(c)) return std::nullopt;
    std::string_view target = line.substr(sp1 + 1, sp2 - sp1 - 1);
    for (char c : target)
        if (static_cast<unsigned char>(c) <= 32 || static_cast<unsigned char>(c) >= 127) return std::nullopt;
    const std::string_view version = line.substr(sp2 + 1);
    if (version != "HTTP/1.1" && version != "HTTP/1.0") return std::nullopt;
    if (const size_t q = target.find('?'); q != std::string_view::npos) {
        out.query = std::string(target.substr(q + 1));
        target = target.substr(0, q);
    }
    out.method = std::string(method);
    out.target = std::string(target);

    size_t at = eol + 2;
    while (at < head.size()) {
        const size_t next = head.find("\r\n", at);
        const std::string_view field = head.substr(at, next - at);
        at = next + 2;
        const size_t colon = field.find(':');
        if (colon == std::string_view::npos || colon == 0) return std::nullopt;
        const std::string_view name = field.substr(0, colon);
        for (char c : name)
            if (!IsTokenChar(c)) return std::nullopt;  // also refuses obsolete line folding
        const std::string_view value = Trim(field.substr(colon + 1));
        for (char c : value)
            if ((static_cast<unsigned char>(c) < 32 && c != '\t') || c == 127) return std::nullopt;
        if (EqualsNoCase(name, "range")) {
            if (out.range) return std::nullopt;  // two Range headers: ambiguous
            out.range = std::string(value);
        } else if (EqualsNoCase(name, "if-none-match")) {
            out.if_none_match = std::string(value);
        } else if (EqualsNoCase(name, "content-length")) {
            const auto n = ParseDecimal(value);
            if (!n || out.content_length) return std::nullopt;  // unreadable or twice: smuggling
            out.content_length = *n;
        } else if (EqualsNoCase(name, "accept-language")) {
            out.accept_language = std::string(value);
        } else if (EqualsNoCase(name, "transfer-encoding")) {
            out.chunked_or_encoded = true;
        }
    }
    return out;
}

std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space) {
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '%') {
            if (i + 2 >= text.size()) return std::nullopt;
            const int hi = hex(text[i + 1]), lo = hex(text[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            c = static_cast<char>(hi * 16 + lo);
            i += 2;
        } else if (c == '+' && plus_is_space) {
            c = ' ';
        }
        if (c == '\0') return std::nullopt;
        out += c;
    }
    return out;
}

std::optional<FormFields> ParseForm(std::string_view text, size_t max_fields) {
    FormFields out;
    while (!text.empty()) {
        const size_t amp = text.find('&');
        const std::string_view piece = text.substr(0, amp);
        text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
        if (piece.empty()) continue;
        if (out.size() == max_fields) return std::nullopt;
        const size_t eq = piece.find('=');
        auto name = PercentDecode(piece.substr(0, eq), true);
        auto value = PercentDecode(eq == std::string_view::npos ? std::string_view() : piece.substr(eq + 1), true);
        if (!name || !value) return std::nullopt;
        out.emplace_back(std::move(*name), std::move(*value));
    }
    return out;
}

std::string FormValue(const FormFields& fields, std::string_view name) {
    for (const auto& [n, v] : fields)
        if (n == name) return v;
    return "";
}

ByteRange ParseByteRange(std::string_view header, std::uint64_t size) {
    ByteRange whole{ByteRange::Kind::kWhole, 0, size};
    ByteRange refused{ByteRange::Kind::kUnsatisfiable, 0, 0};
    header = Trim(header);
    if (header.empty()) return whole;
    if (header.size() < 6 || !EqualsNoCase(header.substr(0, 6), "bytes=")) return refused;
    const std::string_view spec = Trim(header.substr(6));
    if (spec.find(',') != std::string_view::npos) return refused;  // multiple ranges are not offered
    const size_t dash = spec.find('-');
    if (dash == std::string_view::npos) return refused;
    const std::string_view first = spec.substr(0, dash), last = spec.substr(dash + 1);
    if (first.empty()) {  // suffix range: the last N bytes
        const auto n = ParseDecimal(last);
        if (!n || *n == 0 || size == 0) return refused;
        return {ByteRange::Kind::kPartial, size - std::min(*n, size), size};
    }
    const auto from = ParseDecimal(first);
    if (!from || *from >= size) return refused;
    if (last.empty()) return {ByteRange::Kind::kPartial, *from, size};
    const auto to = ParseDecimal(last);
    if (!to || *to < *from) return refused;
    return {ByteRange::Kind::kPartial, *from, std::min(*to, size - 1) + 1};
}

}  // namespace fk::platform
