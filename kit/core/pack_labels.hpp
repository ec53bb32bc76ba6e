// Short pack names for result lines (search, list, the window's results) when several packs
// are installed side by side: each result then says which pack it is from.
#pragma once

#include <cstddef>
#include <map>
#include <string>

#include "kit/core/library_state.hpp"

namespace fk::core {

// Pack id -> its title (its id when it has none), cut to `max_chars` characters (UTF-8 aware,
// ending in "…"). Empty when at most one pack is installed: one pack needs no naming.
std::map<std::string, std::string> PackLabels(const LibraryState& state, std::size_t max_chars = 32);

// `text` cut to at most `max_chars` characters (not bytes), with "…" when cut.
std::string ShortenUtf8(const std::string& text, std::size_t max_chars);

}  // namespace fk::core
