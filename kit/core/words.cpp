// Word splitting and edit-distance helpers (byte-level UTF-8, no locale).
#include "kit/core/words.hpp"

#include <algorithm>
#include <array>

namespace fk::core {
namespace {

// Length of the UTF-8 sequence starting with `lead`, or 0 for a continuation byte.
size_t SequenceLength(unsigned char lead) {
    if (lead < 0x80) return 1;
    if (lead >= 0xF0) return 4;
    if (lead >= 0xE0) return 3;
    if (lead >= 0xC0) return 2;
    return 0;
}

// Decides for one code point whether it belongs to a word.
bool IsWordCodePoint(std::string_view s, size_t at, size_t len) {
    unsigned char c = static_cast<unsigned char>(s[at]);
    if (len == 1) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (len == 4) return false;  // emoji and other astral symbols
    unsigned cp = 0;
    if (len == 2) cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[at + 1]) & 0x3Fu);
    if (len == 3)
        cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[at + 1]) & 0x3Fu) << 6) |
             (static_cast<unsigned char>(s[at + 2]) & 0x3Fu);
    if (cp < 0xC0) return false;                        // Latin-1 punctuation and symbols
    if (cp == 0xD7 || cp == 0xF7) return false;          // × ÷
    if (cp >= 0x2000 && cp <= 0x2BFF) return false;      // punctuation, arrows, maths, symbols
    if (cp >= 0x3000 && cp <= 0x303F) return false;      // CJK punctuation
    if (cp >= 0xFE00 && cp <= 0xFE0F) return false;      // variation selectors
    if (cp == 0xFEFF || cp == 0x060C || cp == 0x061F) return false;  // BOM, Arabic comma and question mark
    return true;
}

}  // namespace

std::vector<std::string> SplitWords(std::string_view text, size_t max_words) {
    std::vector<std::string> words;
    std::string current;
    auto flush = [&] {
        if (!current.empty() && words.size() < max_words) words.push_back(current);
        current.clear();
    };
    size_t i = 0;
    while (i < text.size() && words.size() < max_words) {
        size_t len = SequenceLength(static_cast<unsigned char>(text[i]));
        if (len == 0 || i + len > text.size()) {  // stray or cut-off byte: a separator
            flush();
            ++i;
            continue;
        }
        bool valid = true;
        for (size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) valid = false;
        if (valid && IsWordCodePoint(text, i, len)) {
            if (current.size() + len <= 64) {
                if (len == 1) current.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[i]))));
                else current.append(text.substr(i, len));
            }
        } else {
            flush();
        }
        i += valid ? len : 1;
    }
    flush();
    return words;
}

bool IsStopWord(std::string_view w) {
    // English function words and the filler of typed questions ("right now", "someone").
    static constexpr std::array<std::string_view, 84> kStop = {
        "a",     "about", "after", "an",     "and",    "any",     "are",     "as",      "at",     "be",
        "been",  "before", "being", "by",    "can",    "could",   "do",      "does",    "for",    "from",
        "get",   "happen", "happens", "has", "have",   "how",     "i",       "if",      "in",     "into",
        "is",    "it",    "its",    "just",  "me",     "my",      "need",    "no",      "not",    "now",
        "of",    "on",    "or",     "our",   "please", "right",   "should",  "so",      "some",   "someone",
        "something", "than", "that", "the",  "their",  "them",    "then",    "there",   "these",  "they",
        "this",  "to",    "up",     "us",    "was",    "we",      "were",    "what",    "when",   "where",
        "which", "who",   "why",    "will",  "with",   "would",   "you",     "your",    "under",  "very",
        "did",   "am",    "also",  "still"};
    // The same for the languages of the library's translations: a French or Arabic question
    // otherwise matches every article through "de" or "في". Only words that mean nothing in a
    // technical English query are here.
    static constexpr std::string_view kOtherStop[] = {
        // fr
        "au", "aux", "avec", "c", "ce", "ces", "cette", "comment", "d", "dans", "des", "du", "elle", "est",
        "et", "faire", "faut", "il", "j", "l", "la", "le", "les", "n", "ne", "nos", "notre", "nous", "où",
        "par", "pas", "pour", "qu", "que", "quel", "quelle", "qui", "quoi", "s", "sur", "un", "une",
        // es
        "al", "cómo", "como", "con", "de", "del", "el", "en", "es", "hay", "las", "lo", "los", "mi",
        "nuestra", "nuestro", "nuestros", "o", "para", "por", "qué", "se", "su", "sus", "una", "y",
        // uk
        "\xD0\xB0\xD0\xB1\xD0\xBE",                                      // або
        "\xD0\xB2", "\xD1\x83", "\xD1\x96", "\xD0\xB9", "\xD0\xB7",    // в у і й з
        "\xD1\x96\xD0\xB7", "\xD0\xB7\xD1\x96", "\xD0\xB4\xD0\xBE",  // із зі до
        "\xD0\xBD\xD0\xB0", "\xD0\xBD\xD0\xB5", "\xD1\x82\xD0\xB0",  // на не та
        "\xD1\x89\xD0\xBE", "\xD1\x8F\xD0\xBA", "\xD0\xB4\xD0\xBB\xD1\x8F",  // що як для
        "\xD0\xBF\xD0\xBE", "\xD0\xB7\xD0\xB0", "\xD0\xB2\xD1\x96\xD0\xB4",  // по за від
        "\xD1\x86\xD0\xB5", "\xD1\x87\xD0\xB8", "\xD0\xBF\xD1\x80\xD0\xB8",  // це чи при
        "\xD0\xBC\xD0\xB8", "\xD0\xBD\xD0\xB0\xD1\x88", "\xD0\xBD\xD0\xB0\xD1\x88\xD1\x96",  // ми наш наші
        "\xD0\xBA\xD0\xBE\xD0\xBB\xD0\xB8", "\xD0\xB4\xD0\xB5",      // коли де
        // ar
        "\xD9\x81\xD9\x8A", "\xD9\x85\xD9\x86", "\xD8\xB9\xD9\x84\xD9\x89",  // في من على
        "\xD8\xA5\xD9\x84\xD9\x89", "\xD8\xA7\xD9\x84\xD9\x89",          // إلى الى
        "\xD8\xB9\xD9\x86", "\xD9\x85\xD8\xB9", "\xD9\x85\xD8\xA7",       // عن مع ما
        "\xD9\x83\xD9\x8A\xD9\x81", "\xD9\x87\xD9\x84", "\xD9\x88",      // كيف هل و
        "\xD8\xA3\xD9\x88", "\xD8\xA7\xD9\x88", "\xD9\x84\xD8\xA7",      // أو او لا
        "\xD9\x87\xD8\xB0\xD8\xA7", "\xD9\x87\xD8\xB0\xD9\x87",          // هذا هذه
        "\xD9\x85\xD8\xA7\xD8\xB0\xD8\xA7", "\xD9\x84\xD8\xAF\xD9\x8A\xD9\x86\xD8\xA7",  // ماذا لدينا
    };
    return std::find(kStop.begin(), kStop.end(), w) != kStop.end() ||
           std::find(std::begin(kOtherStop), std::end(kOtherStop), w) != std::end(kOtherStop);
}

bool WithinOneEdit(std::string_view a, std::string_view b) {
    if (a == b) return true;
    if (a.size() > b.size()) std::swap(a, b);
    const size_t la = a.size(), lb = b.size();
    if (lb - la > 1) return false;
    size_t i = 0;
    while (i < la && a[i] == b[i]) ++i;
    if (la == lb) {
        // one replacement, or one swap of neighbours
        if (a.substr(i + 1) == b.substr(i + 1)) return true;
        return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);
    }
    return a.substr(i) == b.substr(i + 1);  // one insertion into a
}

size_t CodePointCount(std::string_view s) {
    return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

}  // namespace fk::core
