// ContentIndex: opening the index, articles by id, lists by facet.
#include <map>
#include <nlohmann/json.hpp>

#include "bundle/json_int.hpp"
#include "kit/core/content_index.hpp"
#include "kit/core/index_builder.hpp"
#include "platform/i18n.hpp"
#include "platform/utf8_path.hpp"

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
    " AND (?5 = '' OR a.lang = ?5)"
    // ?8: the cross-language pass wants articles with no version in the reader's language,
    // each in English where it has an English version.
    " AND (?8 = '' OR (NOT EXISTS (SELECT 1 FROM articles b WHERE b.id = a.id AND b.lang = ?8 AND b.pack = a.pack"
    " AND b.status = 'current') AND (a.lang = 'en' OR NOT EXISTS (SELECT 1 FROM articles b WHERE b.id = a.id"
    " AND b.lang = 'en' AND b.pack = a.pack AND b.status = 'current'))))";

// The article count of an index built by this version, nullopt for any other file; with
// `per_lang`, also how many of those articles each language has.
std::optional<std::int64_t> BuiltArticleCount(Database& db, std::map<std::string, std::int64_t>* per_lang = nullptr) {
    auto meta =
        db.Prepare(per_lang ? "SELECT key, value FROM meta WHERE key IN ('schema', 'articles') OR key LIKE 'articles:%'"
                            : "SELECT key, value FROM meta WHERE key IN ('schema', 'articles')");
    std::optional<std::string> schema;
    std::optional<std::int64_t> count;
    for (auto row = meta ? meta->Step() : Result<bool>(false); row && *row; row = meta->Step()) {
        const std::string key = meta->Text(0);
        if (key == "schema")
            schema = meta->Text(1);
        else if (key == "articles")
            count = meta->Int(1);
        else if (per_lang)
            (*per_lang)[key.substr(key.find(':') + 1)] = meta->Int(1);
    }
    if (schema != kIndexSchema) return std::nullopt;
    return count;
}

}  // namespace

bool ContentIndex::Usable(const std::filesystem::path& path) {
    auto db = Database::Open(path, tr("search index"), true);
    if (!db) return false;
    auto count = BuiltArticleCount(*db);
    return count && *count > 0;
}

Result<ContentIndex> ContentIndex::Open(const std::filesystem::path& path) {
    auto db = Database::Open(path, tr("search index"), true);
    if (!db) return db.error();
    ContentIndex index(std::move(*db));
    // Pages read through a mapping instead of a copy each: a new process answers sooner.
    (void)index.m_db.Exec("PRAGMA mmap_size = 1073741824");
    auto count = BuiltArticleCount(index.m_db, &index.m_lang_articles);
    if (!count)
        return MakeError(ErrorCode::kCorrupt, Format(tr("search index '{path}' was built by another version"),
                                                     {{"path", platform::Utf8FromPath(path)}}));
    index.m_article_count = *count;
    // Ranked hits; the text for snippets is read only for the hits kept.
    for (const char* table : {"fts_about", "fts"}) {
        auto match = index.m_db.Prepare(
            std::string("SELECT a.pack, a.id, a.lang, a.title, a.summary, a.type, a.updated, a.phases, a.audiences, "
                        "a.rowid, f.rank, p.core FROM (SELECT rowid, rank FROM ") +
            table + " WHERE " + table + " MATCH ?1 LIMIT ?7) f JOIN articles a ON a.rowid = f.rowid " +
            "JOIN packs p ON p.pack = a.pack WHERE 1" + kFilterSql +
            // BM25 favours short texts; a glossary entry is short by nature, so it is
            // weighed down to let the guides that explain a subject come first.
            " ORDER BY f.rank * (CASE a.type WHEN 'glossary' THEN 0.6 ELSE 1.0 END) LIMIT ?6");
        if (!match) return match.error();
        index.m_match[table == std::string("fts") ? 1 : 0] = std::move(*match);
    }
    auto snippet = index.m_db.Prepare("SELECT body FROM bodies WHERE rowid = ?");
    if (!snippet) return snippet.error();
    index.m_snippet = std::move(*snippet);
    auto known = index.m_db.Prepare("SELECT langs FROM words WHERE word = ?");
    if (!known) return known.error();
    auto acronym = index.m_db.Prepare("SELECT expansion FROM acronyms WHERE acronym = ?");
    if (!acronym) return acronym.error();
    auto term_by_key = index.m_db.Prepare("SELECT DISTINCT term, lang FROM terms WHERE key = ?");
    if (!term_by_key) return term_by_key.error();
    auto term_phrases = index.m_db.Prepare("SELECT DISTINCT phrase FROM terms WHERE term = ?");
    if (!term_phrases) return term_phrases.error();
    index.m_term_by_key = std::move(*term_by_key);
    index.m_term_phrases = std::move(*term_phrases);
    index.m_known = std::move(*known);
    index.m_acronym = std::move(*acronym);
    return index;
}

std::string ArticleAddress(std::string_view pack, std::string_view id, bool core) {
    return core ? std::string(id) : std::string(pack) + "/" + std::string(id);
}

std::optional<ContentIndex::Found> ContentIndex::Find(std::string_view address, std::string_view near_pack) {
    std::string_view id = address, pack;
    if (const size_t slash = address.find('/'); slash != std::string_view::npos) {
        pack = address.substr(0, slash);
        id = address.substr(slash + 1);
        if (pack.empty()) return std::nullopt;
    }
    if (id.empty()) return std::nullopt;
    auto st = m_db.Prepare(
        "SELECT a.pack, p.core FROM articles a JOIN packs p ON p.pack = a.pack WHERE a.id = ?1 "
        "AND (?2 = '' OR a.pack = ?2) ORDER BY (a.pack = ?3) DESC, p.core DESC, a.pack LIMIT 1");
    if (!st) return std::nullopt;
    st->Bind(1, id).Bind(2, pack).Bind(3, near_pack);
    auto row = st->Step();
    if (!row || !*row) return std::nullopt;
    return Found{st->Text(0), std::string(id), st->Int(1) != 0};
}

std::optional<std::string> ContentIndex::Resolve(std::string_view address, std::string_view near_pack) {
    auto found = Find(address, near_pack);
    if (!found) return std::nullopt;
    return ArticleAddress(found->pack, found->id, found->core);
}

std::optional<ArticleView> ContentIndex::Get(std::string_view address, std::string_view lang,
                                             std::string_view near_pack) {
    // The pack first, then the language: a translation in another pack never stands in.
    const auto found = Find(address, near_pack);
    if (!found) return std::nullopt;
    const std::string &in_pack = found->pack, &id = found->id;
    auto st = m_db.Prepare(
        "SELECT rowid, pack, id, lang, title, summary, type, status, updated, phases, audiences, tags, related, "
        "sources, (SELECT body FROM bodies b WHERE b.rowid = articles.rowid), source_updated FROM articles "
        "WHERE id = ?1 AND pack = ?3 "
        "ORDER BY (lang = ?2) DESC, (lang = 'en') DESC, lang LIMIT 1");
    if (!st) return std::nullopt;
    st->Bind(1, id).Bind(2, lang).Bind(3, in_pack);
    auto row = st->Step();
    if (!row || !*row) return std::nullopt;
    ArticleView v;
    const std::int64_t rowid = st->Int(0);
    v.pack = st->Text(1);
    bundle::Article& a = v.article;
    a.id = st->Text(2);
    v.address = ArticleAddress(v.pack, a.id, found->core);
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
    a.source_updated = st->Text(15);
    if (!a.source_updated.empty()) {
        a.translation_of = a.id;
        if (auto e = m_db.Prepare("SELECT updated FROM articles WHERE id = ?1 AND pack = ?2 AND lang = 'en'")) {
            e->Bind(1, id).Bind(2, in_pack);
            if (auto r = e->Step(); r && *r) v.english_updated = e->Text(0);
        }
    }

    if (auto t = m_db.Prepare("SELECT key, text FROM tasks WHERE article = ? ORDER BY position")) {
        t->Bind(1, rowid);
        while (true) {
            auto r = t->Step();
            if (!r || !*r) break;
            v.tasks.push_back({t->Text(0), t->Text(1)});
        }
    }
    auto column = [&](const char* sql, std::vector<std::string>& into) {
        auto l = m_db.Prepare(sql);
        if (!l) return;
        l->Bind(1, id).Bind(2, in_pack);
        while (true) {
            auto r = l->Step();
            if (!r || !*r) break;
            into.push_back(l->Text(0));
        }
    };
    column("SELECT DISTINCT lang FROM articles WHERE id = ?1 AND pack = ?2 ORDER BY lang", v.languages);
    column("SELECT DISTINCT pack FROM articles WHERE id = ?1 AND pack != ?2 ORDER BY pack", v.other_packs);
    return v;
}

std::vector<ArticleSummary> ContentIndex::List(const Filters& f) {
    std::vector<ArticleSummary> out;
    // One row per pack and id: the requested language if present, else English, else any.
    auto st = m_db.Prepare(
        "SELECT a.pack, a.id, p.core, a.lang, a.title, a.summary, a.type, a.updated, a.phases, a.audiences "
        "FROM articles a JOIN packs p ON p.pack = a.pack "
        "WHERE a.rowid = (SELECT b.rowid FROM articles b WHERE b.id = a.id AND b.pack = a.pack "
        "ORDER BY (b.lang = ?1) DESC, (b.lang = 'en') DESC, b.lang LIMIT 1)"
        " AND a.status = 'current'"
        " AND (?2 = '' OR instr(a.phases, ' ' || ?2 || ' ') > 0)"
        " AND (?3 = '' OR instr(a.audiences, ' ' || ?3 || ' ') > 0)"
        " AND (?4 = '' OR a.type = ?4)"
        " ORDER BY a.title COLLATE NOCASE, p.core DESC, a.pack");
    if (!st) return out;
    st->Bind(1, f.lang).Bind(2, f.phase).Bind(3, f.audience).Bind(4, f.type);
    while (true) {
        auto r = st->Step();
        if (!r || !*r) break;
        std::string pack = st->Text(0), id = st->Text(1);
        std::string address = ArticleAddress(pack, id, st->Int(2) != 0);
        out.push_back({std::move(pack), std::move(id), std::move(address), st->Text(3), st->Text(4), st->Text(5),
                       st->Text(6), st->Text(7), Split(st->Text(8), " "), Split(st->Text(9), " ")});
    }
    return out;
}

std::vector<std::string> ContentIndex::SharedIds(std::string_view pack) {
    std::vector<std::string> out;
    auto st = m_db.Prepare(
        "SELECT DISTINCT a.id FROM articles a WHERE a.pack = ?1 AND EXISTS "
        "(SELECT 1 FROM articles b WHERE b.id = a.id AND b.pack != ?1) ORDER BY a.id");
    if (!st) return out;
    st->Bind(1, pack);
    for (auto r = st->Step(); r && *r; r = st->Step()) out.push_back(st->Text(0));
    return out;
}

std::int64_t ContentIndex::CountArticles() {
    auto st = m_db.Prepare("SELECT count(*) FROM (SELECT DISTINCT pack, id FROM articles WHERE status = 'current')");
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
        if (j.contains("phase_names")) merge(t.phase_names, j["phase_names"]);
        if (j.contains("translations") && j["translations"].is_object())
            for (const auto& [lang, labels] : j["translations"].items()) {
                if (!labels.is_object()) continue;
                bundle::TaxonomyLabels& into = t.translations[lang];
                for (auto [part, field] :
                     {std::pair{"phase_names", &into.phase_names}, std::pair{"phases", &into.phases},
                      std::pair{"audiences", &into.audiences}, std::pair{"types", &into.types}})
                    if (labels.contains(part)) merge(*field, labels[part]);
            }
    }
    return t;
}

}  // namespace fk::core
