// Matching a query against the packs' term lists (English term -> what a reader of each
// language types for it). A matched phrase stands for its English term, which is then searched
// for in every language. Phrases are compared by their match key: folded words without the
// small ones, so "Coupures d'Internet" meets "coupure internet".
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fk::core {

// A word as matched against term phrases: lower case (Latin and Cyrillic), Latin accents and
// Arabic vowel marks removed, Arabic letter variants unified, a common prefix or ending cut.
std::string FoldWord(std::string_view word);

// The match key of a phrase or of some words of a query; empty if only small words.
std::string MatchKey(std::string_view phrase);

// No term list phrase is longer (in words, small words left out); longer ones are not indexed.
inline constexpr size_t kMaxPhraseWords = 8;

struct TermMatch {
    size_t first = 0;  // position among the query's words without its small words
    size_t count = 0;  // words covered
    std::string term;  // the English term
    std::vector<std::string> langs;  // languages whose list has this phrase for it
};

// (term, language) pairs of the phrases whose match key is the argument.
using PhraseLookup = std::function<std::vector<std::pair<std::string, std::string>>(const std::string& key)>;

// Every phrase in `words` (as SplitWords gives them) that no longer one contains; they may
// overlap ("réparation d'un câble sous-marin" is "cable repair" and "submarine cable").
std::vector<TermMatch> FindTerms(const std::vector<std::string>& words, const PhraseLookup& lookup);

}  // namespace fk::core
