// Pack id rule (see pack_id.hpp). A hand-written scan: no std::regex on untrusted input.
#include "bundle/pack_id.hpp"

#include "platform/i18n.hpp"

namespace fk::bundle {
namespace {

bool IsLowerOrDigit(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

}  // namespace

bool IsValidPackId(std::string_view id) {
    if (id.empty() || id.size() > kMaxPackIdLength) return false;
    if (id.front() == '-' || id.back() == '-') return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        if (IsLowerOrDigit(id[i])) continue;
        if (id[i] == '-' && id[i - 1] != '-') continue;  // i > 0: the front is not '-'
        return false;
    }
    return true;
}

std::string EscapeForMessage(std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (char c : text) {
        const auto b = static_cast<unsigned char>(c);
        if (b >= 0x20 && b < 0x7f && c != '\\') {
            out += c;
        } else {
            out += "\\x";
            out += kHex[b >> 4];
            out += kHex[b & 15];
        }
    }
    return out;
}

Status CheckPackId(std::string_view id) {
    if (IsValidPackId(id)) return Ok{};
    constexpr std::size_t kShown = 2 * kMaxPackIdLength;  // an endless id makes no endless message
    const std::string shown = EscapeForMessage(id.substr(0, kShown)) + (id.size() > kShown ? "..." : "");
    return MakeError(ErrorCode::kInvalidContent,
                     Format(tr("pack id '{id}' is not valid (lower-case letters and digits, words joined by single "
                               "dashes, at most {max} characters)"),
                            {{"id", shown}, {"max", std::to_string(kMaxPackIdLength)}}));
}

}  // namespace fk::bundle
