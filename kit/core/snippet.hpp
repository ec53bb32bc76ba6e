// Search-result snippets made from an article's plain text: the window of words with
// the most query matches, matched words between kMarkOpen and kMarkClose. Done here
// rather than with FTS5's snippet(), which re-runs the whole query for every hit.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fk::core {

// `terms` are lower-case query words; a text word matches when it starts with a term
// (so "prefixes" and "hijacked" match "prefix" and "hijack"). Returns at most
// `window` words, with "…" where text was cut; the text's start when nothing matches.
std::string MakeSnippet(std::string_view plain_text, const std::vector<std::string>& terms, size_t window = 16);

}  // namespace fk::core
