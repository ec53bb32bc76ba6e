// The languages of a search: which one the query is typed in, and the articles that exist
// only in other languages, found by carrying the query's words across through the packs'
// term lists (see term_match.hpp).
#include <algorithm>
#include <map>
#include <set>

#include "kit/core/content_index.hpp"
#include "kit/core/words.hpp"
#include "platform/i18n.hpp"

namespace fk::core {
namespace {

std::string Quoted(const std::string& w) { return "\"" + w + "\""; }  // words never contain quotes

std::string Join(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

}  // namespace

// Counted when the index was built: looking now would scan every article of a large library
// for each new process.
bool ContentIndex::SomeArticleMissingIn(const std::string& lang) {
    auto it = m_lang_articles.find(lang);
    return it == m_lang_articles.end() || it->second < m_article_count;
}

std::vector<TermMatch> ContentIndex::MatchTerms(const std::vector<std::string>& words) {
    return FindTerms(words, [&](const std::string& key) {
        std::vector<std::pair<std::string, std::string>> meanings;
        m_term_by_key.Reset();
        m_term_by_key.Bind(1, key);
        for (auto row = m_term_by_key.Step(); row && *row; row = m_term_by_key.Step())
            meanings.emplace_back(m_term_by_key.Text(0), m_term_by_key.Text(1));
        m_term_by_key.Reset();
        return meanings;
    });
}

std::vector<std::string> ContentIndex::TermPhrases(const std::string& term) {
    std::vector<std::string> phrases;
    m_term_phrases.Reset();
    m_term_phrases.Bind(1, term);
    for (auto row = m_term_phrases.Step(); row && *row; row = m_term_phrases.Step()) phrases.push_back(m_term_phrases.Text(0));
    m_term_phrases.Reset();
    return phrases;
}

std::string ContentIndex::QueryLanguage(const std::vector<std::string>& words, const std::string& fallback) {
    // Each word votes for every language it is known in: the articles' own words, and the
    // phrases of the term list that cover it.
    std::vector<std::set<std::string>> langs(words.size());
    for (size_t i = 0; i < words.size(); ++i) {
        m_known.Reset();
        m_known.Bind(1, words[i]);
        if (auto row = m_known.Step(); row && *row)
            for (auto& l : SplitWords(m_known.Text(0))) langs[i].insert(std::move(l));  // " en fr "
        m_known.Reset();
    }
    // Term matches count in the words Find saw: the query's words without its small words.
    std::vector<size_t> position;
    for (size_t i = 0; i < words.size(); ++i)
        if (!IsStopWord(words[i])) position.push_back(i);
    for (const auto& m : MatchTerms(words))
        for (size_t k = m.first; k < m.first + m.count && k < position.size(); ++k)
            langs[position[k]].insert(m.langs.begin(), m.langs.end());
    // A word the library does not know still shows its script: Cyrillic is read as the
    // library's Ukrainian, Arabic script as its Arabic.
    for (size_t i = 0; i < words.size(); ++i)
        if (langs[i].empty() && !words[i].empty()) {
            const unsigned char lead = static_cast<unsigned char>(words[i][0]);
            if (lead == 0xD0 || lead == 0xD1) langs[i].insert("uk");
            if (lead >= 0xD8 && lead <= 0xDB) langs[i].insert("ar");
        }
    std::map<std::string, int> votes;
    for (const auto& set : langs)
        for (const auto& l : set) ++votes[l];
    std::string best = fallback;
    int most = votes.count(fallback) ? votes[fallback] : 0;
    for (const auto& [lang, n] : votes)
        if (n > most) best = lang, most = n;
    return best;
}

std::vector<SearchHit> ContentIndex::SearchOtherLanguages(const std::vector<std::string>& words, const Filters& filters,
                                                          int limit) {
    // One FTS5 term per matched stretch of the query: every phrase, in every language, of
    // every English term it can mean. Words the list does not know are dropped, except
    // numbers (RFC 7454, BCP 38), which read the same everywhere.
    std::vector<std::string> terms, snippet_words;
    auto matches = MatchTerms(words);
    // Phase and audience names say when and for whom, not what: with a subject beside
    // them, asking for "network operator" too would only drop good answers.
    std::set<std::string> facets;
    const bundle::Taxonomy taxonomy = Taxonomy();
    for (const auto* labels : {&taxonomy.phases, &taxonomy.audiences})
        for (const auto& [key, label] : *labels) facets.insert(Join(SplitWords(key)));  // "network operator"
    auto is_facet = [&](const TermMatch& m) { return facets.count(m.term) > 0; };
    if (!std::all_of(matches.begin(), matches.end(), is_facet))
        matches.erase(std::remove_if(matches.begin(), matches.end(), is_facet), matches.end());
    for (size_t i = 0; i < matches.size();) {
        std::set<std::string> phrases;
        size_t j = i;
        for (; j < matches.size() && matches[j].first == matches[i].first; ++j)
            for (const auto& phrase : TermPhrases(matches[j].term)) {
                auto phrase_words = SplitWords(phrase);
                if (phrase_words.empty()) continue;
                phrases.insert(Quoted(Join(phrase_words)));
                for (auto& w : phrase_words)
                    if (!IsStopWord(w)) snippet_words.push_back(std::move(w));
            }
        std::string t;
        for (const auto& p : phrases) t += (t.empty() ? "" : " OR ") + p;
        terms.push_back("(" + t + ")");
        i = j;
    }
    if (terms.empty()) return {};
    for (const auto& w : words)
        if (std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            terms.push_back(Quoted(w));
            snippet_words.push_back(w);
        }
    auto joined = [&](const char* op) {
        std::string m;
        for (const auto& t : terms) m += (m.empty() ? "" : op) + t;
        return m;
    };
    if (terms.size() > 2)
        return m_article_count > kLargeLibrary ? FindAll(joined(" OR "), filters, limit, snippet_words)
                                               : RunMatch(kEverything, joined(" OR "), filters, limit, snippet_words);
    std::vector<SearchHit> hits = FindAll(joined(" AND "), filters, limit, snippet_words);
    if (hits.size() < kFewHits && terms.size() > 1) {
        std::set<std::string> have;
        for (const auto& h : hits) have.insert(h.article.address);
        for (auto& h : RunMatch(kAbout, joined(" OR "), filters, limit, snippet_words))
            if (static_cast<int>(hits.size()) < limit && have.insert(h.article.address).second) hits.push_back(std::move(h));
    }
    return hits;
}

std::vector<std::pair<std::string, int>> OtherLanguages(const SearchResults& results) {
    std::vector<std::pair<std::string, int>> out;
    for (const auto& h : results.hits) {
        if (h.article.lang == results.reader_lang || results.reader_lang.empty()) continue;
        auto it = std::find_if(out.begin(), out.end(), [&](const auto& p) { return p.first == h.article.lang; });
        if (it == out.end()) out.emplace_back(h.article.lang, 1);
        else ++it->second;
    }
    return out;
}

std::string OlderTranslationNote(const ArticleView& view) {
    return Format(
        tr("This translation follows the English article of {source_date}; the English was updated on {english_date}."),
        {{"source_date", view.article.source_updated}, {"english_date", view.english_updated}});
}

std::string AlsoInLine(const SearchResults& results) {
    std::string line;
    for (const auto& [lang, n] : OtherLanguages(results)) {
        const unsigned long count = static_cast<unsigned long>(n);
        if (line.empty())
            // TRANSLATORS: the first item of "Also in English: 2 articles; in French: 1 article".
            line = Format(trn("Also in {language}: {n} article", "Also in {language}: {n} articles", count),
                          {{"language", LanguageName(lang)}, {"n", std::to_string(n)}});
        else
            // TRANSLATORS: a further item of "Also in English: 2 articles; in French: 1 article".
            line += Format(trn("; in {language}: {n} article", "; in {language}: {n} articles", count),
                           {{"language", LanguageName(lang)}, {"n", std::to_string(n)}});
    }
    return line;
}

std::string LanguageName(std::string_view tag) {
    static constexpr std::pair<std::string_view, std::string_view> kNames[] = {{"en", N_("English")},
                                                                               {"fr", N_("French")},
                                                                               {"es", N_("Spanish")},
                                                                               {"uk", N_("Ukrainian")},
                                                                               {"ar", N_("Arabic")}};
    for (const auto& [t, name] : kNames)
        if (t == tag) return tr(name.data());  // the literals above end in a NUL
    return std::string(tag);
}

}  // namespace fk::core
