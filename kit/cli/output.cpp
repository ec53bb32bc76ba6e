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
    if (s < 60) return "less than a minute";
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

std::string FewOf(const std::vector<std::string>& items, size_t few) {
    std::string out;
    for (size_t i = 0; i < items.size() && i < few; ++i) out += (i ? ", " : "") + items[i];
    if (items.size() > few) out += " and " + std::to_string(items.size() - few) + " more";
    return out;
}

std::string SharedIdsWarning(const std::string& pack, const std::vector<std::string>& shared_ids) {
    if (shared_ids.empty()) return "";
    return "warning: " + std::to_string(shared_ids.size()) + " article id" + (shared_ids.size() == 1 ? "" : "s") +
           " of " + pack + " also in another pack (" + FewOf(shared_ids) + "); open this pack's as " + pack + "/ID\n";
}

}  // namespace fk::cli
