// The query translator's dictionary: every installed pack's term list (English term -> what a
// reader of each language types for it), matched against the words of a query. A matched
// phrase stands for its English term, which is then searched for in every language.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace fk::core {

// A word as matched against term phrases: lower case (Latin and Cyrillic), Latin accents
// removed, Arabic diacritics removed and alef/yeh/teh marbuta variants unified.
std::string FoldWord(std::string_view word);

class TermDictionary {
public:
    // `phrase` in `lang` means the English term `term` (English phrases add themselves).
    void Add(const std::string& lang, const std::string& phrase, const std::string& term);
    bool Empty() const { return m_terms.empty(); }

    struct Match {
        size_t first = 0;  // position in the query's words
        size_t count = 0;  // words covered
        std::string term;
        std::vector<std::string> langs;  // languages whose list has this exact phrase
    };
    // Longest phrases first, left to right, never overlapping. `words` as SplitWords gives them.
    std::vector<Match> Find(const std::vector<std::string>& words) const;

    struct Member {
        std::string lang;
        std::string phrase;  // as written in the term list
    };
    const std::vector<Member>& Members(const std::string& term) const;

private:
    std::map<std::string, std::vector<Member>> m_terms;
    // folded phrase words joined by ' ' -> (term, language) pairs
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> m_phrases;
    size_t m_longest = 1;
};

}  // namespace fk::core
