// Small output helpers shared by the commands: JSON, highlighted snippets, ages.
#pragma once

#include <cstdint>
#include <string>

namespace fk::cli {

// Replaces the index's match markers with ANSI bold on a terminal, or **word** otherwise.
std::string RenderSnippet(const std::string& snippet, bool tty);

// "3 days", "5 hours", "just now"
std::string HumanAge(std::int64_t seconds);

// Bytes as "1.2 MB".
std::string HumanBytes(std::uint64_t bytes);

}  // namespace fk::cli
