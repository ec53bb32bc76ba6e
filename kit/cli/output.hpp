// Small output helpers shared by the commands: JSON, highlighted snippets, ages.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kit/core/new_packs.hpp"

namespace fk::cli {

// Replaces the index's match markers with ANSI bold on a terminal, or **word** otherwise.
std::string RenderSnippet(const std::string& snippet, bool tty);

// How long ago, for people: "3 days ago", "5 hours ago", "less than a minute ago".
std::string HumanAgo(std::int64_t seconds);
// How old, for people: "3 days old", "1 hour old", "less than a minute old".
std::string HumanOld(std::int64_t seconds);

// Bytes as "1.2 MB".
std::string HumanBytes(std::uint64_t bytes);

// "a, b, c and 4 more" (the ids themselves are never translated)
std::string FewOf(const std::vector<std::string>& items, size_t few = 3);

// The warning line (with its newline) for article ids a just installed pack shares with
// other packs, or "" when it shares none.
std::string SharedIdsWarning(const std::string& pack, const std::vector<std::string>& shared_ids);

// "updated PACK 1 -> 2 via 1 delta, 12.0 KB": one line of `sync`, as `sync --watch` prints it.
std::string UpdatedLine(const std::string& pack, std::uint64_t from, std::uint64_t to, bool via_delta,
                        std::uint64_t steps, std::uint64_t bytes);

// One line of `sync` (and `sync --watch`) about a pack the kit did not have: installed, only
// offered (with how to install it), declined, refused on a metered link, or failed.
std::string NewPackLine(const core::NewPackResult& result);

// The question `sync` asks on a terminal before installing a new pack (no newline).
std::string NewPackQuestion(const core::NewPackOffer& offer);

}  // namespace fk::cli
