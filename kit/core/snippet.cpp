// Snippet selection over whitespace-separated words.
#include "kit/core/snippet.hpp"

#include <algorithm>
#include <cctype>

#include "kit/core/content_index.hpp"

namespace fk::core {
namespace {

struct Word {
    size_t begin, end;  // byte range in the text
    bool match;
};

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// Compares in place (no allocation: this runs for every word of every hit's text).
bool Matches(std::string_view word, const std::vector<std::string>& terms) {
    size_t start = 0;
    while (start < word.size() && !IsWordByte(static_cast<unsigned char>(word[start]))) ++start;
    word.remove_prefix(start);
    for (const auto& t : terms) {
        if (word.size() < t.size()) continue;
        bool same = true;
        for (size_t i = 0; i < t.size() && same; ++i)
            same = std::tolower(static_cast<unsigned char>(word[i])) == static_cast<unsigned char>(t[i]);
        if (!same) continue;
        const bool whole = word.size() == t.size() || !IsWordByte(static_cast<unsigned char>(word[t.size()]));
        if (whole || t.size() >= 3) return true;
    }
    return false;
}

}  // namespace

std::string MakeSnippet(std::string_view text, const std::vector<std::string>& terms, size_t window) {
    std::vector<Word> words;
    for (size_t i = 0; i < text.size();) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        size_t j = i;
        while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j]))) ++j;
        if (j > i) words.push_back({i, j, Matches(text.substr(i, j - i), terms)});
        i = j;
    }
    if (words.empty()) return {};
    // The window with the most matches; ties go to the earliest.
    size_t best = 0, best_count = 0, count = 0;
    for (size_t i = 0; i < words.size(); ++i) {
        count += words[i].match;
        if (i >= window) count -= words[i - window].match;
        if (count > best_count) {
            best_count = count;
            best = i + 1 >= window ? i + 1 - window : 0;
        }
    }
    // Start a little before the first match so it has some context.
    size_t first = best;
    while (first < words.size() && !words[first].match && best_count > 0) ++first;
    size_t start = best_count > 0 ? (first > 3 ? first - 3 : 0) : 0;
    size_t stop = std::min(words.size(), start + window);
    std::string out = start > 0 ? "…" : "";
    for (size_t i = start; i < stop; ++i) {
        if (i > start) out += ' ';
        std::string_view w = text.substr(words[i].begin, words[i].end - words[i].begin);
        if (words[i].match) {  // mark the word, not the punctuation around it
            size_t a = 0, b = w.size();
            while (a < b && !IsWordByte(static_cast<unsigned char>(w[a]))) ++a;
            while (b > a && !IsWordByte(static_cast<unsigned char>(w[b - 1]))) --b;
            out.append(w.substr(0, a));
            out += kMarkOpen;
            out.append(w.substr(a, b - a));
            out += kMarkClose;
            out.append(w.substr(b));
        } else {
            out += w;
        }
    }
    if (stop < words.size()) out += "…";
    return out;
}

}  // namespace fk::core
