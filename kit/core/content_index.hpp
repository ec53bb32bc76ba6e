// Read access to the installed library: search (SQLite FTS5, BM25 weighted towards
// title, tags and summary), articles by address, and lists by facet. One instance per thread.
//
// Articles are namespaced by pack: an article is (pack, id), and two packs may ship the same
// id. Its address, the one name printed, opened and used for the reader's notes, is its bare
// id in the core (built-in) pack and "pack/id" in every other pack, so no other pack can take
// a core article's name. A bare id typed or linked resolves to one pack's article: the linking
// article's own pack first (links stay inside their pack), then the core pack, then the first
// other pack by pack id.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bundle/content.hpp"
#include "kit/core/sqlite.hpp"
#include "kit/core/term_match.hpp"
#include "platform/result.hpp"

namespace fk::core {

inline constexpr const char* kSourceLanguage = "en";  // every pack's articles are written in it first

struct Filters {
    std::string phase;     // empty = any
    std::string audience;
    std::string type;
    std::string lang;      // only this language; empty = the reader's language first, then the others
    std::string reader_lang;  // the reader's language when the query does not show it (empty = en)
    std::string missing_in;   // only articles that have no version in this language (cross-language pass)
};

struct ArticleSummary {
    std::string pack;
    std::string id;
    std::string address;  // "id" in the core pack, "pack/id" elsewhere
    std::string lang;
    std::string title;
    std::string summary;
    std::string type;
    std::string updated;
    std::vector<std::string> phases;
    std::vector<std::string> audiences;
};

struct SearchHit {
    ArticleSummary article;
    std::string snippet;  // matched words between kMarkOpen and kMarkClose
    double score = 0;     // higher is better
};

inline constexpr char kMarkOpen = '\x02';
inline constexpr char kMarkClose = '\x03';

struct SearchResults {
    std::vector<SearchHit> hits;
    std::string corrected_query;  // set when typos were forgiven ("did you mean")
    bool relaxed = false;         // true when not every word had to match
    std::string reader_lang;      // hits in this language come first; the others were found
                                  // through the term list (see term_dictionary.hpp)
};

// How many hits are in each language other than the reader's, in order of first appearance,
// and the line that says so: "Also in English: 7 articles" (empty when there are none).
std::vector<std::pair<std::string, int>> OtherLanguages(const SearchResults& results);
std::string AlsoInLine(const SearchResults& results);

// "English", "French", ... for the library's languages; the tag itself for any other.
std::string LanguageName(std::string_view tag);

struct TaskItemRef {
    std::string key;  // stable across content updates while the text keeps its words
    std::string text;
};

struct ArticleView {
    std::string pack;
    std::string address;  // see ArticleAddress
    bundle::Article article;
    std::vector<TaskItemRef> tasks;
    std::vector<std::string> languages;    // every language this pack has this id in
    std::string english_updated;           // a translation: the English article's `updated` now
    std::vector<std::string> other_packs;  // other packs that have an article with this id

    // A translation made from an older edition of its English article.
    bool TranslationIsOlder() const {
        return !article.source_updated.empty() && article.source_updated < english_updated;
    }
};

// "This translation follows the English article of 2026-11-27; the English was updated on
// 2026-12-01." for a translation older than its source.
std::string OlderTranslationNote(const ArticleView& view);

// "id" for an article of the core pack, "pack/id" for any other (ids never contain '/').
std::string ArticleAddress(std::string_view pack, std::string_view id, bool core);

class ContentIndex {
public:
    static Result<ContentIndex> Open(const std::filesystem::path& path);
    // Whether the file is an index of this version holding articles, without preparing
    // anything for search (a cheap check for every start).
    static bool Usable(const std::filesystem::path& path);

    // Never fails: any string a person can type gives results or none.
    SearchResults Search(std::string_view query, const Filters& filters, int limit = 20);

    // The article at `address` ("id" or "pack/id"), in `lang` if it exists, else in English,
    // else in any language. A bare id prefers `near_pack` (the pack of the article linking to
    // it), then the core pack, then other packs by pack id; the language never picks the pack.
    std::optional<ArticleView> Get(std::string_view address, std::string_view lang = "en",
                                   std::string_view near_pack = "");

    // Current articles matching the filters, by title; one per pack and id (preferring
    // `filters.lang`, else en).
    std::vector<ArticleSummary> List(const Filters& filters);

    // The address of the article a bare id or "pack/id" names, chosen as Get chooses.
    std::optional<std::string> Resolve(std::string_view address, std::string_view near_pack = "");

    // Ids of `pack` that another installed pack has too (the collisions an import reports).
    std::vector<std::string> SharedIds(std::string_view pack);

    std::int64_t ArticleCount() const { return m_article_count; }  // one per pack and id, as built
    std::int64_t CountArticles();                                  // the same, counted now
    bundle::Taxonomy Taxonomy();  // merged labels of all installed packs

private:
    explicit ContentIndex(Database db) : m_db(std::move(db)) {}
    struct Found {
        std::string pack;
        std::string id;
        bool core = false;
    };
    // Which pack's article `address` names (see Get).
    std::optional<Found> Find(std::string_view address, std::string_view near_pack);
    static constexpr size_t kFewHits = 3;             // fewer hits than this: try a looser match
    static constexpr std::int64_t kLargeLibrary = 3000;  // articles; past this, rank titles first
    // kAbout searches titles, tags and summaries (small and fast); kEverything adds bodies.
    enum Scope { kAbout = 0, kEverything = 1 };
    std::vector<SearchHit> RunMatch(Scope scope, const std::string& match, const Filters& filters, int limit,
                                    const std::vector<std::string>& terms);
    std::vector<SearchHit> FindAll(const std::string& match, const Filters& filters, int limit,
                                   const std::vector<std::string>& terms);
    // The single-language search: every word, then typos forgiven, then any word.
    // `strict`: only articles with every word, no typo or any-word rounds.
    SearchResults SearchWords(const std::vector<std::string>& words, bool typing, const Filters& filters, int limit,
                              bool strict);
    // Articles with no version in the reader's language, found through the term list.
    std::vector<SearchHit> SearchOtherLanguages(const std::vector<std::string>& words, const Filters& filters,
                                                int limit);
    // The language most of the query's words belong to (the library's words and the term
    // list); `fallback` when the words do not tell (a tie, or nothing known).
    std::string QueryLanguage(const std::vector<std::string>& words, const std::string& fallback);
    // The term list phrases in `words` (see term_match.hpp), and all phrases of one term.
    std::vector<TermMatch> MatchTerms(const std::vector<std::string>& words);
    std::vector<std::string> TermPhrases(const std::string& term);
    // False when every article has a version in `lang`: the cross-language pass has nothing to add.
    bool SomeArticleMissingIn(const std::string& lang);
    std::vector<std::string> SnippetTerms(const std::vector<std::string>& words);
    std::vector<std::string> Expansions(const std::string& word);
    std::optional<std::string> Correct(const std::string& word);
    bool IsKnownWord(const std::string& word);

    Database m_db;
    Statement m_match[2];  // by Scope
    Statement m_snippet;
    Statement m_known;
    Statement m_acronym;
    std::vector<std::pair<std::string, std::int64_t>> m_words;
    std::int64_t m_article_count = 0;  // from the index's meta table
    Statement m_term_by_key;
    Statement m_term_phrases;
    std::map<std::string, std::int64_t> m_lang_articles;  // articles (pack and id) each language has, as built
};

}  // namespace fk::core
