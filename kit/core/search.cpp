// ContentIndex::Search: turns whatever the reader typed into safe FTS5 queries.
// Plan: all words must match (the last one as a prefix, for search-as-you-type); if that
// finds little, forgive one-letter typos in long words, then let any word match.
#include <algorithm>
#include <set>

#include "kit/core/content_index.hpp"
#include "kit/core/words.hpp"

namespace fk::core {
namespace {

constexpr size_t kMaxQueryWords = 16;
constexpr size_t kFewHits = 3;
constexpr size_t kMinTypoLength = 5;

std::string Quoted(const std::string& w) { return "\"" + w + "\""; }  // words never contain quotes

std::vector<std::string> SplitSpaced(const std::string& s) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < s.size()) {
        size_t j = s.find(' ', i);
        if (j == std::string::npos) j = s.size();
        if (j > i) out.push_back(s.substr(i, j - i));
        i = j + 1;
    }
    return out;
}

std::string Join(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

}  // namespace

bool ContentIndex::IsKnownWord(const std::string& word) {
    m_known.Reset();
    m_known.Bind(1, word);
    auto row = m_known.Step();
    bool known = row && *row;
    m_known.Reset();
    return known;
}

std::vector<std::string> ContentIndex::Expansions(const std::string& word) {
    std::vector<std::string> out;
    m_acronym.Reset();
    m_acronym.Bind(1, word);
    while (true) {
        auto row = m_acronym.Step();
        if (!row || !*row) break;
        out.push_back(m_acronym.Text(0));
    }
    m_acronym.Reset();
    return out;
}

std::optional<std::string> ContentIndex::Correct(const std::string& word) {
    if (m_words.empty()) {
        auto st = m_db.Prepare("SELECT word, count FROM words WHERE length >= ? ORDER BY count DESC");
        if (!st) return std::nullopt;
        st->Bind(1, static_cast<std::int64_t>(kMinTypoLength - 1));
        while (true) {
            auto row = st->Step();
            if (!row || !*row) break;
            m_words.emplace_back(st->Text(0), st->Int(1));
        }
    }
    for (const auto& [candidate, count] : m_words)  // most frequent first
        if (WithinOneEdit(word, candidate)) return candidate;
    return std::nullopt;
}

std::vector<SearchHit> ContentIndex::RunMatch(const std::string& match, const Filters& f, int limit) {
    std::vector<SearchHit> hits;
    m_match.Reset();
    m_match.Bind(1, match).Bind(2, f.phase).Bind(3, f.audience).Bind(4, f.type).Bind(5, f.lang);
    m_match.Bind(6, static_cast<std::int64_t>(limit) * 3);
    std::set<std::string> seen_ids;
    while (static_cast<int>(hits.size()) < limit) {
        auto row = m_match.Step();
        if (!row || !*row) break;  // a query FTS5 rejects simply finds nothing
        std::string id = m_match.Text(1);
        if (!seen_ids.insert(id).second) continue;  // same article in another language
        SearchHit h;
        h.article = {m_match.Text(0), id, m_match.Text(2), m_match.Text(3), m_match.Text(4), m_match.Text(5),
                     m_match.Text(6), SplitSpaced(m_match.Text(7)), SplitSpaced(m_match.Text(8))};
        h.snippet = m_match.Text(9);
        h.score = -m_match.Double(10);
        hits.push_back(std::move(h));
    }
    m_match.Reset();
    return hits;
}

SearchResults ContentIndex::Search(std::string_view query, const Filters& filters, int limit) {
    SearchResults results;
    if (limit <= 0) return results;
    std::vector<std::string> words = SplitWords(query, kMaxQueryWords);
    if (words.empty()) return results;
    const bool typing = !query.empty() && query.back() != ' ';

    // One FTS5 term per word: the word (or its acronym expansions) as quoted strings.
    auto term = [&](const std::string& w, bool prefix) {
        std::string t = Quoted(w) + (prefix ? "*" : "");
        for (const auto& e : Expansions(w)) t += " OR " + Quoted(e);
        return "(" + t + ")";
    };
    auto all_of = [&](const std::vector<std::string>& ws) {
        std::string m;
        for (size_t i = 0; i < ws.size(); ++i) m += (i ? " AND " : "") + term(ws[i], typing && i + 1 == ws.size());
        return m;
    };
    auto any_of = [&](const std::vector<std::string>& ws) {
        std::string m;
        for (size_t i = 0; i < ws.size(); ++i) {
            if (ws.size() > 1 && IsStopWord(ws[i])) continue;
            m += (m.empty() ? "" : " OR ") + term(ws[i], typing && i + 1 == ws.size());
        }
        return m;
    };

    results.hits = RunMatch(all_of(words), filters, limit);
    if (results.hits.size() >= kFewHits) return results;

    // Forgive one-letter typos in long words the index has never seen.
    std::vector<std::string> corrected = words;
    bool changed = false;
    for (size_t i = 0; i < corrected.size(); ++i) {
        if (typing && i + 1 == corrected.size()) continue;  // still being typed
        if (CodePointCount(corrected[i]) < kMinTypoLength || IsKnownWord(corrected[i])) continue;
        if (auto fix = Correct(corrected[i])) {
            corrected[i] = *fix;
            changed = true;
        }
    }
    if (changed) {
        auto fixed = RunMatch(all_of(corrected), filters, limit);
        if (fixed.size() > results.hits.size()) {
            results.hits = std::move(fixed);
            results.corrected_query = Join(corrected);
        }
    }
    if (results.hits.size() >= kFewHits || words.size() < 2) return results;

    // Still little: rank articles that match any of the words.
    std::set<std::string> have;
    for (const auto& h : results.hits) have.insert(h.article.id);
    for (auto& h : RunMatch(any_of(changed ? corrected : words), filters, limit)) {
        if (static_cast<int>(results.hits.size()) >= limit) break;
        if (have.insert(h.article.id).second) {
            results.hits.push_back(std::move(h));
            results.relaxed = true;
        }
    }
    if (results.relaxed && changed && results.corrected_query.empty()) results.corrected_query = Join(corrected);
    return results;
}

}  // namespace fk::core
