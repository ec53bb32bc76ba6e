// Small output helpers shared by the commands: JSON, highlighted snippets, ages.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace fk::cli {

// Replaces the index's match markers with ANSI bold on a terminal, or **word** otherwise.
std::string RenderSnippet(const std::string& snippet, bool tty);

// "3 days", "5 hours", "less than a minute": reads right before "ago" and "old"
std::string HumanAge(std::int64_t seconds);

// Bytes as "1.2 MB".
std::string HumanBytes(std::uint64_t bytes);

// "a, b, c and 4 more"
std::string FewOf(const std::vector<std::string>& items, size_t few = 3);

// The warning line (with its newline) for article ids a just installed pack shares with
// other packs, or "" when it shares none.
std::string SharedIdsWarning(const std::string& pack, const std::vector<std::string>& shared_ids);

}  // namespace fk::cli
