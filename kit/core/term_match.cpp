// Term matching for cross-language search (see term_match.hpp).
#include "kit/core/term_match.hpp"

#include <algorithm>
#include <map>

#include "kit/core/words.hpp"

namespace fk::core {
namespace {

// Base letters of U+00E0..U+00FF ('*' keeps the letter as it is).
constexpr std::string_view kLatin1Base = "aaaaaaaceeeeiiii*nooooo*ouuuuy*y";

void AppendUtf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

// Folds one code point; returns 0 to drop it.
unsigned FoldCodePoint(unsigned cp) {
    if (cp >= 'A' && cp <= 'Z') return cp + 0x20;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) cp += 0x20;  // Latin-1 capitals
    if (cp >= 0xE0 && cp <= 0xFF && kLatin1Base[cp - 0xE0] != '*') return static_cast<unsigned char>(kLatin1Base[cp - 0xE0]);
    if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;  // Cyrillic capitals
    if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;  // Є, І, Ї and the other capitals with marks
    if (cp == 0x490) return 0x491;                     // Ґ
    if ((cp >= 0x64B && cp <= 0x652) || cp == 0x640) return 0;  // Arabic vowel marks, tatweel
    if (cp == 0x622 || cp == 0x623 || cp == 0x625) return 0x627;  // alef with hamza or madda
    if (cp == 0x649) return 0x64A;                                // alef maqsura as yeh
    if (cp == 0x629) return 0x647;                                // teh marbuta as heh
    return cp;
}

// Words of a phrase or query as they are matched: folded, small words left out.
std::vector<std::string> MatchWords(const std::vector<std::string>& words) {
    std::vector<std::string> out;
    for (const auto& w : words)
        if (!IsStopWord(w)) out.push_back(FoldWord(w));
    return out;
}

std::string JoinWords(const std::vector<std::string>& words, size_t first, size_t count) {
    std::string out;
    for (size_t i = first; i < first + count; ++i) out += (i > first ? " " : "") + words[i];
    return out;
}

}  // namespace

std::string FoldWord(std::string_view word) {
    std::string out;
    size_t i = 0;
    while (i < word.size()) {
        const unsigned char c = static_cast<unsigned char>(word[i]);
        unsigned cp = c;
        size_t len = 1;
        if (c >= 0xC0 && c < 0xE0 && i + 1 < word.size()) {
            cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(word[i + 1]) & 0x3Fu);
            len = 2;
        } else if (c >= 0xE0 && c < 0xF0 && i + 2 < word.size()) {
            cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(word[i + 1]) & 0x3Fu) << 6) |
                 (static_cast<unsigned char>(word[i + 2]) & 0x3Fu);
            len = 3;
        } else if (c >= 0x80) {  // anything else passes through byte by byte
            out.push_back(static_cast<char>(c));
            ++i;
            continue;
        }
        if (unsigned folded = FoldCodePoint(cp)) AppendUtf8(out, folded);
        i += len;
    }
    // Arabic writes the article and some prepositions onto the word: "بالراديو" is "the radio"
    // with "by". Both sides of a match are folded, so dropping them is safe.
    static constexpr std::string_view kArabicPrefixes[] = {
        "\xD9\x88\xD8\xA7\xD9\x84", "\xD8\xA8\xD8\xA7\xD9\x84", "\xD9\x81\xD8\xA7\xD9\x84",  // وال بال فال
        "\xD9\x83\xD8\xA7\xD9\x84", "\xD9\x84\xD9\x84", "\xD8\xA7\xD9\x84"};                     // كال لل ال
    for (std::string_view prefix : kArabicPrefixes)
        if (out.starts_with(prefix) && CodePointCount(out) >= CodePointCount(prefix) + 3) {
            out.erase(0, prefix.size());
            break;
        }
    // Inflection: a crude cut of common endings, the same on both sides of a match, so that
    // "автономності" meets "автономність", "coupures" meets "coupure" and "المستفيدين" meets
    // "المستفيد". At least three letters stay.
    static constexpr std::string_view kEndings[] = {
        // uk, longest first: -ість -ості -ами -ями -ого -ому -ах -ях -ам -ям -ів -ою -ею -ий -ій -им -их
        "\xD1\x96\xD1\x81\xD1\x82\xD1\x8C", "\xD0\xBE\xD1\x81\xD1\x82\xD1\x96",
        "\xD0\xB0\xD0\xBC\xD0\xB8", "\xD1\x8F\xD0\xBC\xD0\xB8", "\xD0\xBE\xD0\xB3\xD0\xBE",
        "\xD0\xBE\xD0\xBC\xD1\x83", "\xD0\xB0\xD1\x85", "\xD1\x8F\xD1\x85", "\xD0\xB0\xD0\xBC",
        "\xD1\x8F\xD0\xBC", "\xD1\x96\xD0\xB2", "\xD0\xBE\xD1\x8E", "\xD0\xB5\xD1\x8E",
        "\xD0\xB8\xD0\xB9", "\xD1\x96\xD0\xB9", "\xD0\xB8\xD0\xBC", "\xD0\xB8\xD1\x85",
        // uk single letters: -а -я -і -и -у -ю -е -о
        "\xD0\xB0", "\xD1\x8F", "\xD1\x96", "\xD0\xB8", "\xD1\x83", "\xD1\x8E", "\xD0\xB5", "\xD0\xBE",
        // ar plural and feminine endings: -ات -ين -ون -ه (teh marbuta, folded above)
        "\xD8\xA7\xD8\xAA", "\xD9\x8A\xD9\x86", "\xD9\x88\xD9\x86", "\xD9\x87",
        // Latin plurals
        "s"};
    for (std::string_view ending : kEndings)
        if (out.ends_with(ending) && CodePointCount(out) >= CodePointCount(ending) + 3) {
            out.erase(out.size() - ending.size());
            break;
        }
    return out;
}

std::string MatchKey(std::string_view phrase) {
    const auto words = MatchWords(SplitWords(phrase));
    return JoinWords(words, 0, words.size());
}

std::vector<TermMatch> FindTerms(const std::vector<std::string>& query_words, const PhraseLookup& lookup) {
    const std::vector<std::string> words = MatchWords(query_words);
    struct Found {
        size_t first, count;
        std::vector<std::pair<std::string, std::string>> meanings;  // (term, lang)
    };
    std::vector<Found> found;
    for (size_t i = 0; i < words.size(); ++i)
        for (size_t len = 1; len <= std::min(kMaxPhraseWords, words.size() - i); ++len)
            if (auto meanings = lookup(JoinWords(words, i, len)); !meanings.empty())
                found.push_back({i, len, std::move(meanings)});
    auto inside = [&](const Found& a) {
        return std::any_of(found.begin(), found.end(), [&](const Found& b) {
            return &b != &a && b.first <= a.first && b.first + b.count >= a.first + a.count;
        });
    };
    std::vector<TermMatch> out;
    for (const auto& f : found) {
        if (inside(f)) continue;
        // One phrase can mean several terms ("coupure" for a shutdown and a power cut): each
        // is a match over the same words.
        std::map<std::string, std::vector<std::string>> by_term;
        for (const auto& [term, lang] : f.meanings) by_term[term].push_back(lang);
        for (auto& [term, langs] : by_term) out.push_back({f.first, f.count, term, std::move(langs)});
    }
    return out;
}

}  // namespace fk::core
