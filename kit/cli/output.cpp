// Output helpers.
#include "kit/cli/output.hpp"

#include <cstdio>

#include "kit/core/content_index.hpp"

namespace fk::cli {

std::string RenderSnippet(const std::string& snippet, bool tty) {
    std::string out;
    for (char c : snippet) {
        if (c == core::kMarkOpen) out += tty ? "\x1b[1m" : "**";
        else if (c == core::kMarkClose) out += tty ? "\x1b[0m" : "**";
        else if (c == '\n') out += ' ';
        else out += c;
    }
    return out;
}

std::string HumanAge(std::int64_t s) {
    auto plural = [](std::int64_t n, const char* unit) {
        return std::to_string(n) + " " + unit + (n == 1 ? "" : "s");
    };
    if (s < 60) return "just now";
    if (s < 3600) return plural(s / 60, "minute");
    if (s < 86400) return plural(s / 3600, "hour");
    return plural(s / 86400, "day");
}

std::string HumanBytes(std::uint64_t b) {
    char buf[32];
    if (b < 1024) std::snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(b));
    else if (b < 1024 * 1024) std::snprintf(buf, sizeof buf, "%.1f KB", static_cast<double>(b) / 1024);
    else std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(b) / (1024 * 1024));
    return buf;
}

}  // namespace fk::cli
