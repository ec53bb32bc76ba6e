// Read access to the installed library: search (SQLite FTS5, BM25 weighted towards
// title, tags and summary), articles by id, and lists by facet. One instance per thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bundle/content.hpp"
#include "kit/core/sqlite.hpp"
#include "platform/result.hpp"

namespace fk::core {

struct Filters {
    std::string phase;     // empty = any
    std::string audience;
    std::string type;
    std::string lang;      // empty = any; each article appears once, in its best-matching language
};

struct ArticleSummary {
    std::string pack;
    std::string id;
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
};

struct TaskItemRef {
    std::string key;  // stable across content updates while the text keeps its words
    std::string text;
};

struct ArticleView {
    std::string pack;
    bundle::Article article;
    std::vector<TaskItemRef> tasks;
    std::vector<std::string> languages;  // every language this id is available in
};

class ContentIndex {
public:
    static Result<ContentIndex> Open(const std::filesystem::path& path);

    // Never fails: any string a person can type gives results or none.
    SearchResults Search(std::string_view query, const Filters& filters, int limit = 20);

    // The article in `lang` if it exists, else in English, else in any language.
    std::optional<ArticleView> Get(std::string_view id, std::string_view lang = "en");

    // Current articles matching the filters, by title; one per id (preferring `filters.lang`, else en).
    std::vector<ArticleSummary> List(const Filters& filters);

    std::int64_t ArticleCount();
    bundle::Taxonomy Taxonomy();  // merged labels of all installed packs

private:
    explicit ContentIndex(Database db) : m_db(std::move(db)) {}
    // kAbout searches titles, tags and summaries (small and fast); kEverything adds bodies.
    enum Scope { kAbout = 0, kEverything = 1 };
    std::vector<SearchHit> RunMatch(Scope scope, const std::string& match, const Filters& filters, int limit,
                                    const std::vector<std::string>& terms);
    std::vector<SearchHit> FindAll(const std::string& match, const Filters& filters, int limit,
                                   const std::vector<std::string>& terms);
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
    std::int64_t m_article_count = 0;  // loaded on first typo, by count
};

}  // namespace fk::core
