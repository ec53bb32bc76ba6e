// ContentIndex: opening the index, articles by id, lists by facet.
#include <map>
#include <nlohmann/json.hpp>

#include "bundle/json_int.hpp"
#include "kit/core/content_index.hpp"
#include "kit/core/index_builder.hpp"

namespace fk::core {
namespace {

// The index holds what fieldkit wrote; a damaged year reads as 0 rather than a bad cast.
int SourceYear(const nlohmann::json& source) {
    try {
        return bundle::JsonIntOr<int>(source, "year", 0);
    } catch (const nlohmann::json::exception&) {
        return 0;
    }
}

std::vector<std::string> Split(const std::string& s, const std::string& sep) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i <= s.size()) {
        size_t j = s.find(sep, i);
        if (j == std::string::npos) j = s.size();
        if (j > i) out.push_back(s.substr(i, j - i));
        i = j + sep.size();
    }
    return out;
}

constexpr const char* kFilterSql =
    " AND a.status = 'current'"
    " AND (?2 = '' OR instr(a.phases, ' ' || ?2 || ' ') > 0)"
    " AND (?3 = '' OR instr(a.audiences, ' ' || ?3 || ' ') > 0)"
    " AND (?4 = '' OR a.type = ?4)"
    " AND (?5 = '' OR a.lang = ?5)";

}  // namespace

Result<ContentIndex> ContentIndex::Open(const std::filesystem::path& path) {
    auto db = Database::Open(path, "search index", true);
    if (!db) return db.error();
    ContentIndex index(std::move(*db));
    auto schema = index.m_db.Prepare("SELECT value FROM meta WHERE key = 'schema'");
    auto row = schema ? schema->Step() : Result<bool>(false);
    if (!row || !*row || schema->Text(0) != kIndexSchema)
        return MakeError(ErrorCode::kCorrupt, "search index '" + path.string() + "' was built by another version");
    // Ranked hits; the text for snippets is read only for the hits kept.
    for (const char* table : {"fts_about", "fts"}) {
        auto match = index.m_db.Prepare(
            std::string("SELECT a.pack, a.id, a.lang, a.title, a.summary, a.type, a.updated, a.phases, a.audiences, "
                        "a.rowid, f.rank FROM (SELECT rowid, rank FROM ") +
            table + " WHERE " + table + " MATCH ?1 LIMIT ?7) f JOIN articles a ON a.rowid = f.rowid WHERE 1" +
            kFilterSql +
            // BM25 favours short texts; a glossary entry is short by nature, so it is
            // weighed down to let the guides that explain a subject come first.
            " ORDER BY f.rank * (CASE a.type WHEN 'glossary' THEN 0.6 ELSE 1.0 END) LIMIT ?6");
        if (!match) return match.error();
        index.m_match[table == std::string("fts") ? 1 : 0] = std::move(*match);
    }
    auto snippet = index.m_db.Prepare("SELECT plain FROM articles WHERE rowid = ?");
    if (!snippet) return snippet.error();
    index.m_snippet = std::move(*snippet);
    auto known = index.m_db.Prepare("SELECT 1 FROM words WHERE word = ?");
    if (!known) return known.error();
    auto acronym = index.m_db.Prepare("SELECT expansion FROM acronyms WHERE acronym = ?");
    if (!acronym) return acronym.error();
    index.m_known = std::move(*known);
    index.m_acronym = std::move(*acronym);
    index.m_article_count = index.ArticleCount();
    return index;
}

std::optional<ArticleView> ContentIndex::Get(std::string_view id, std::string_view lang) {
    auto st = m_db.Prepare(
        "SELECT rowid, pack, id, lang, title, summary, type, status, updated, phases, audiences, tags, related, "
        "sources, body FROM articles WHERE id = ?1 "
        "ORDER BY (lang = ?2) DESC, (lang = 'en') DESC, lang LIMIT 1");
    if (!st) return std::nullopt;
    st->Bind(1, id).Bind(2, lang);
    auto row = st->Step();
    if (!row || !*row) return std::nullopt;
    ArticleView v;
    const std::int64_t rowid = st->Int(0);
    v.pack = st->Text(1);
    bundle::Article& a = v.article;
    a.id = st->Text(2);
    a.lang = st->Text(3);
    a.title = st->Text(4);
    a.summary = st->Text(5);
    a.type = st->Text(6);
    a.status = st->Text(7);
    a.updated = st->Text(8);
    a.phases = Split(st->Text(9), " ");
    a.audiences = Split(st->Text(10), " ");
    a.tags = Split(st->Text(11), ", ");
    a.related = Split(st->Text(12), " ");
    for (const auto& s : nlohmann::json::parse(st->Text(13), nullptr, false))
        if (s.is_object())
            a.sources.push_back({s.value("title", ""), s.value("publisher", ""), SourceYear(s), s.value("url", "")});
    a.body = st->Text(14);

    if (auto t = m_db.Prepare("SELECT key, text FROM tasks WHERE article = ? ORDER BY position")) {
        t->Bind(1, rowid);
        while (true) {
            auto r = t->Step();
            if (!r || !*r) break;
            v.tasks.push_back({t->Text(0), t->Text(1)});
        }
    }
    if (auto l = m_db.Prepare("SELECT DISTINCT lang FROM articles WHERE id = ? ORDER BY lang")) {
        l->Bind(1, id);
        while (true) {
            auto r = l->Step();
            if (!r || !*r) break;
            v.languages.push_back(l->Text(0));
        }
    }
    return v;
}

std::vector<ArticleSummary> ContentIndex::List(const Filters& f) {
    std::vector<ArticleSummary> out;
    // One row per id: the requested language if present, else English, else any.
    auto st = m_db.Prepare(
        "SELECT a.pack, a.id, a.lang, a.title, a.summary, a.type, a.updated, a.phases, a.audiences "
        "FROM articles a WHERE a.rowid = (SELECT b.rowid FROM articles b WHERE b.id = a.id "
        "ORDER BY (b.lang = ?1) DESC, (b.lang = 'en') DESC, b.lang LIMIT 1)"
        " AND a.status = 'current'"
        " AND (?2 = '' OR instr(a.phases, ' ' || ?2 || ' ') > 0)"
        " AND (?3 = '' OR instr(a.audiences, ' ' || ?3 || ' ') > 0)"
        " AND (?4 = '' OR a.type = ?4)"
        " ORDER BY a.title COLLATE NOCASE");
    if (!st) return out;
    st->Bind(1, f.lang).Bind(2, f.phase).Bind(3, f.audience).Bind(4, f.type);
    while (true) {
        auto r = st->Step();
        if (!r || !*r) break;
        out.push_back({st->Text(0), st->Text(1), st->Text(2), st->Text(3), st->Text(4), st->Text(5), st->Text(6),
                       Split(st->Text(7), " "), Split(st->Text(8), " ")});
    }
    return out;
}

std::int64_t ContentIndex::ArticleCount() {
    auto st = m_db.Prepare("SELECT count(DISTINCT id) FROM articles WHERE status = 'current'");
    if (!st) return 0;
    auto r = st->Step();
    return r && *r ? st->Int(0) : 0;
}

bundle::Taxonomy ContentIndex::Taxonomy() {
    bundle::Taxonomy t;
    auto st = m_db.Prepare("SELECT taxonomy FROM packs ORDER BY pack");
    if (!st) return t;
    auto merge = [](bundle::Labels& into, const nlohmann::json& from) {
        for (const auto& pair : from)
            if (pair.is_array() && pair.size() == 2 && !bundle::HasLabel(into, pair[0].get<std::string>()))
                into.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
    };
    while (true) {
        auto r = st->Step();
        if (!r || !*r) break;
        auto j = nlohmann::json::parse(st->Text(0), nullptr, false);
        if (j.is_discarded()) continue;
        merge(t.phases, j["phases"]);
        merge(t.audiences, j["audiences"]);
        merge(t.types, j["types"]);
    }
    return t;
}

}  // namespace fk::core
