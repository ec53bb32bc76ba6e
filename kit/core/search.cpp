// ContentIndex::Search: turns whatever the reader typed into safe FTS5 queries.
// Plan: all words must match (the last one as a prefix, for search-as-you-type); if that
// finds little, forgive one-letter typos in long words, then let any word match. The
// reader's language goes first; search_languages.cpp adds the other languages.
#include <algorithm>
#include <set>

#include "bundle/markdown_scan.hpp"
#include "kit/core/content_index.hpp"
#include "kit/core/snippet.hpp"
#include "kit/core/words.hpp"

namespace fk::core {
namespace {

constexpr size_t kMaxQueryWords = 16;
constexpr size_t kMinTypoLength = 5;
constexpr size_t kQuestionWords = 4;
constexpr std::int64_t kRankedCandidates = 2000;
constexpr std::int64_t kLargeLibraryCandidates = 400;  // past kLargeLibrary, per pass (see FindAll)

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

// Query words and the words of their acronym expansions, for marking snippets.
std::vector<std::string> ContentIndex::SnippetTerms(const std::vector<std::string>& words) {
    std::vector<std::string> terms = words;
    for (const auto& w : words)
        for (const auto& e : Expansions(w))
            for (auto& part : SplitWords(e))
                if (!IsStopWord(part)) terms.push_back(part);
    return terms;
}

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

std::vector<SearchHit> ContentIndex::RunMatch(Scope scope, const std::string& match, const Filters& f, int limit,
                                              const std::vector<std::string>& terms) {
    std::vector<SearchHit> hits;
    Statement& st = m_match[scope];
    st.Reset();
    st.Bind(1, match).Bind(2, f.phase).Bind(3, f.audience).Bind(4, f.type).Bind(5, f.lang);
    st.Bind(6, static_cast<std::int64_t>(limit) * 3);
    // Ranking costs time for every matching article, and a common word can match most of a
    // large library: at most kRankedCandidates matches are ranked in one pass (the shipped
    // library never reaches that).
    st.Bind(7, m_article_count > kLargeLibrary ? kLargeLibraryCandidates : kRankedCandidates);
    st.Bind(8, f.missing_in);
    std::set<std::string> seen;
    while (static_cast<int>(hits.size()) < limit) {
        auto row = st.Step();
        if (!row || !*row) break;  // a query FTS5 rejects simply finds nothing
        std::string pack = st.Text(0), id = st.Text(1);
        std::string address = ArticleAddress(pack, id, st.Int(11) != 0);
        if (!seen.insert(address).second) continue;  // same article in another language
        SearchHit h;
        h.article = {std::move(pack), std::move(id), std::move(address), st.Text(2), st.Text(3), st.Text(4),
                     st.Text(5), st.Text(6), SplitSpaced(st.Text(7)), SplitSpaced(st.Text(8))};
        h.score = -st.Double(10);
        m_snippet.Reset();
        m_snippet.Bind(1, st.Int(9));
        // The text is read again from the Markdown for the few hits shown, not stored twice.
        if (auto s = m_snippet.Step(); s && *s)
            h.snippet = MakeSnippet(bundle::ScanMarkdown(m_snippet.Text(0)).plain_text, terms);
        hits.push_back(std::move(h));
    }
    st.Reset();
    m_snippet.Reset();
    return hits;
}

// Articles whose title, tags or summary match come first; bodies fill the rest. On a
// large library the first step usually fills the page and the second never runs. There a
// common word matches tens of thousands of articles and only a few hundred can be ranked
// in time: titles go first, as the ones BM25 weighs most.
std::vector<SearchHit> ContentIndex::FindAll(const std::string& match, const Filters& f, int limit,
                                             const std::vector<std::string>& terms) {
    std::vector<SearchHit> hits;
    std::set<std::string> have;
    auto add = [&](Scope scope, const std::string& m) {
        for (auto& h : RunMatch(scope, m, f, limit, terms)) {
            if (static_cast<int>(hits.size()) >= limit) break;
            if (have.insert(h.article.address).second) hits.push_back(std::move(h));
        }
        return static_cast<int>(hits.size()) >= limit;
    };
    if (m_article_count > kLargeLibrary && add(kAbout, "{title} : (" + match + ")")) return hits;
    if (add(kAbout, match)) return hits;
    add(kEverything, match);
    return hits;
}

SearchResults ContentIndex::Search(std::string_view query, const Filters& filters, int limit) {
    SearchResults results;
    if (limit <= 0) return results;
    std::vector<std::string> words = SplitWords(query, kMaxQueryWords);
    bool typing_last = !query.empty() && query.back() != ' ';
    // A one-letter word still being typed would match half the vocabulary: wait for more.
    if (typing_last && words.size() > 1 && CodePointCount(words.back()) < 2) {
        words.pop_back();
        typing_last = false;
    }
    // Small words carry no meaning of their own unless they are all there is. A word still
    // being typed may be the start of a longer one ("an" of "anycast"), so it stays.
    std::vector<std::string> meaningful;
    for (size_t i = 0; i < words.size(); ++i)
        if (!IsStopWord(words[i]) || (typing_last && i + 1 == words.size())) meaningful.push_back(words[i]);
    if (!meaningful.empty()) words = std::move(meaningful);
    if (words.empty()) return results;
    const bool typing = typing_last;
    if (!filters.lang.empty()) {
        results = SearchWords(words, typing, filters, limit, false);
        results.reader_lang = filters.lang;
        return results;
    }

    // The reader's language first. In a translation, only articles with every word in their
    // title or summary, that is articles about just that: the looser matches of a small
    // translated library (a start-here guide's tags name everything) would bury the answers
    // the term list finds in the large English one, so they come last.
    std::string reader = QueryLanguage(words, filters.reader_lang.empty() ? kSourceLanguage : filters.reader_lang);
    Filters native = filters;
    native.lang = reader;
    results = SearchWords(words, typing, native, limit, reader != kSourceLanguage);
    results.reader_lang = reader;
    std::set<std::string> have;
    for (const auto& h : results.hits) have.insert(h.article.address);
    auto add = [&](std::vector<SearchHit> more) {
        for (auto& h : more)
            if (static_cast<int>(results.hits.size()) < limit && have.insert(h.article.address).second)
                results.hits.push_back(std::move(h));
    };
    if (static_cast<int>(results.hits.size()) < limit && SomeArticleMissingIn(reader)) {
        Filters others = filters;
        others.missing_in = reader;
        add(SearchOtherLanguages(words, others, limit));
    }
    if (reader != kSourceLanguage && static_cast<int>(results.hits.size()) < limit) {
        SearchResults loose = SearchWords(words, typing, native, limit, false);
        if (results.corrected_query.empty()) results.corrected_query = loose.corrected_query;
        add(std::move(loose.hits));
    }
    return results;
}

SearchResults ContentIndex::SearchWords(const std::vector<std::string>& words, bool typing, const Filters& filters,
                                        int limit, bool strict) {
    SearchResults results;

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
    // Relaxed matching looks at titles, tags and summaries only (kAbout): they say what an
    // article is about, and their short posting lists keep "any word" fast on a large library.
    auto any_of = [&](const std::vector<std::string>& ws) {
        std::string m;
        for (size_t i = 0; i < ws.size(); ++i) m += (m.empty() ? "" : " OR ") + term(ws[i], false);
        return m;
    };

    // A question ("someone is announcing our prefixes") rarely has every word in one
    // article: rank by how many and how rare the words an article has. Short queries
    // must match every word, which is what search-as-you-type expects.
    const bool question = words.size() >= kQuestionWords;
    if (strict) {
        results.hits = RunMatch(kAbout, "{title summary} : (" + all_of(words) + ")", filters, limit, SnippetTerms(words));
        return results;
    }
    if (!question) results.hits = FindAll(all_of(words), filters, limit, SnippetTerms(words));
    // Ranking every article that has any word of a question costs time in proportion to
    // the library; past a few thousand articles, titles, tags and summaries go first.
    else if (m_article_count > kLargeLibrary) results.hits = FindAll(any_of(words), filters, limit, SnippetTerms(words));
    else results.hits = RunMatch(kEverything, any_of(words), filters, limit, SnippetTerms(words));
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
        auto fixed = FindAll(all_of(corrected), filters, limit, SnippetTerms(corrected));
        if (fixed.size() > results.hits.size()) {
            results.hits = std::move(fixed);
            results.corrected_query = Join(corrected);
        }
    }
    if (results.hits.size() >= kFewHits || words.size() < 2) return results;

    // Still little: rank articles that match any of the words.
    std::set<std::string> have;
    for (const auto& h : results.hits) have.insert(h.article.address);
    const auto& any_words = changed ? corrected : words;
    for (auto& h : RunMatch(kAbout, any_of(any_words), filters, limit, SnippetTerms(any_words))) {
        if (static_cast<int>(results.hits.size()) >= limit) break;
        if (have.insert(h.article.address).second) {
            results.hits.push_back(std::move(h));
            results.relaxed = true;
        }
    }
    if (results.relaxed && changed && results.corrected_query.empty()) results.corrected_query = Join(corrected);
    return results;
}

}  // namespace fk::core
