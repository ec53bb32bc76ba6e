// Word handling shared by the index builder and the query planner: splitting text into
// words the way people type them, stop words, and the "one letter off" test for typos.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fk::core {

// Runs of letters and digits (ASCII and any 2- or 3-byte UTF-8 letter); ASCII is
// lower-cased. Punctuation, symbols and emoji separate words. At most `max_words` words,
// each at most 64 bytes.
std::vector<std::string> SplitWords(std::string_view text, size_t max_words = SIZE_MAX);

bool IsStopWord(std::string_view word);

// True if `a` becomes `b` with at most one inserted, deleted, replaced or swapped letter.
bool WithinOneEdit(std::string_view a, std::string_view b);

// Number of Unicode code points (for the "five letters or more" rule).
size_t CodePointCount(std::string_view s);

}  // namespace fk::core
