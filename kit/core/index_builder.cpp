// Index builder: articles, checklist items, links, a surface-word vocabulary for typo
// forgiveness and acronyms taken from tags, all in one transaction.
#include "kit/core/index_builder.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "bundle/markdown_scan.hpp"
#include "bundle/records.hpp"
#include "kit/core/content_index.hpp"
#include "kit/core/sqlite.hpp"
#include "kit/core/term_match.hpp"
#include "kit/core/words.hpp"
#include "platform/files.hpp"
#include "platform/i18n.hpp"
#include "platform/utf8_path.hpp"

namespace fk::core {
namespace {

constexpr const char* kSchema = R"sql(
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA page_size = 4096;
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE packs(pack TEXT PRIMARY KEY, version INTEGER NOT NULL, title TEXT NOT NULL,
                   publisher TEXT NOT NULL, created INTEGER NOT NULL, taxonomy TEXT NOT NULL,
                   core INTEGER NOT NULL);
CREATE TABLE articles(rowid INTEGER PRIMARY KEY, pack TEXT NOT NULL, id TEXT NOT NULL, lang TEXT NOT NULL,
                      title TEXT NOT NULL, summary TEXT NOT NULL, type TEXT NOT NULL, status TEXT NOT NULL,
                      updated TEXT NOT NULL, phases TEXT NOT NULL, audiences TEXT NOT NULL, tags TEXT NOT NULL,
                      related TEXT NOT NULL, sources TEXT NOT NULL, source_updated TEXT NOT NULL, UNIQUE(id, lang, pack));
-- Bodies apart: search reads many article rows and few bodies, and small rows share pages.
CREATE TABLE bodies(rowid INTEGER PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE tasks(article INTEGER NOT NULL, position INTEGER NOT NULL, key TEXT NOT NULL, text TEXT NOT NULL);
CREATE INDEX tasks_article ON tasks(article);
CREATE TABLE links(article INTEGER NOT NULL, target TEXT NOT NULL);
CREATE INDEX links_target ON links(target);
CREATE TABLE words(word TEXT PRIMARY KEY, count INTEGER NOT NULL, length INTEGER NOT NULL,
                   langs TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE terms(lang TEXT NOT NULL, phrase TEXT NOT NULL, term TEXT NOT NULL, key TEXT NOT NULL);
CREATE INDEX terms_key ON terms(key);
CREATE INDEX terms_term ON terms(term);
CREATE TABLE acronyms(acronym TEXT NOT NULL, expansion TEXT NOT NULL, PRIMARY KEY(acronym, expansion)) WITHOUT ROWID;
-- Contentless: the article's words are indexed, its text is kept once (articles.body).
CREATE VIRTUAL TABLE fts USING fts5(title, tags, summary, plain, content='',
                                    tokenize='porter unicode61 remove_diacritics 2', prefix='2 3');
INSERT INTO fts(fts, rank) VALUES('rank', 'bm25(10.0, 6.0, 4.0, 1.0)');
CREATE VIRTUAL TABLE fts_about USING fts5(title, tags, summary, content='articles', content_rowid='rowid',
                                          tokenize='porter unicode61 remove_diacritics 2', prefix='2 3');
INSERT INTO fts_about(fts_about, rank) VALUES('rank', 'bm25(10.0, 6.0, 4.0)');
)sql";

std::string Joined(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (const auto& s : v) {
        if (!out.empty()) out += sep;
        out += s;
    }
    return out;
}

// " a b c " so that a filter can look for " a " without matching a prefix.
std::string Spaced(const std::vector<std::string>& v) { return " " + Joined(v, " ") + " "; }

std::string Initials(const std::vector<std::string>& words) {
    std::string s;
    for (const auto& w : words)
        if (!w.empty() && static_cast<unsigned char>(w[0]) < 0x80) s.push_back(w[0]);
    return s;
}

Status AddTerm(Statement& insert, const std::string& lang, const std::string& phrase, const std::string& term) {
    const std::string key = MatchKey(phrase);
    if (key.empty() || static_cast<size_t>(std::count(key.begin(), key.end(), ' ')) >= kMaxPhraseWords) return Ok{};
    insert.Bind(1, lang).Bind(2, phrase).Bind(3, term).Bind(4, key);
    return insert.Run();
}

}  // namespace

std::string TaskKey(std::string_view item_text) {
    // Case, punctuation and spacing changes keep the key; changed words make a new one.
    std::string norm = Joined(SplitWords(item_text), " ");
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a 64
    for (unsigned char c : norm) h = (h ^ c) * 1099511628211ull;
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

Status BuildIndex(const std::filesystem::path& path, const std::vector<PackContent>& packs) {
    auto opened = Database::Open(path, tr("search index"), false);
    if (!opened) return opened.error();
    Database db = std::move(*opened);
    if (auto st = db.Exec(kSchema); !st) return st;
    if (auto st = db.Exec("BEGIN"); !st) return st;

    auto pack_ins = db.Prepare("INSERT INTO packs VALUES(?,?,?,?,?,?,?)");
    auto art_ins = db.Prepare(
        "INSERT INTO articles(pack,id,lang,title,summary,type,status,updated,phases,audiences,tags,related,sources,"
        "source_updated) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    auto body_ins = db.Prepare("INSERT INTO bodies VALUES(?,?)");
    auto fts_ins = db.Prepare("INSERT INTO fts(rowid,title,tags,summary,plain) VALUES(?,?,?,?,?)");
    auto task_ins = db.Prepare("INSERT INTO tasks VALUES(?,?,?,?)");
    auto link_ins = db.Prepare("INSERT INTO links VALUES(?,?)");
    auto acr_ins = db.Prepare("INSERT OR IGNORE INTO acronyms VALUES(?,?)");
    auto term_ins = db.Prepare("INSERT INTO terms VALUES(?,?,?,?)");
    if (!pack_ins || !art_ins || !body_ins || !fts_ins || !task_ins || !link_ins || !acr_ins || !term_ins)
        return MakeError(ErrorCode::kInternal, tr("search index: cannot prepare statements"));

    // Each word's count, and the languages it occurs in (a bit per language; the query's
    // language is guessed from them).
    struct WordUse {
        std::int64_t count = 0;
        std::uint64_t langs = 0;
    };
    std::unordered_map<std::string, WordUse> vocabulary;
    std::vector<std::string> languages;
    auto lang_bit = [&](const std::string& lang) -> std::uint64_t {
        auto it = std::find(languages.begin(), languages.end(), lang);
        if (it == languages.end()) {
            if (languages.size() == 64) return 0;
            it = languages.insert(languages.end(), lang);
        }
        return std::uint64_t{1} << (it - languages.begin());
    };
    // The pack row and its term list, from the stream's first record.
    auto add_head = [&](const PackContent& pc, const bundle::Content& content) -> Status {
        const auto& kit = content.kit;
        nlohmann::json taxonomy = {{"phases", kit.phases},
                                   {"audiences", kit.audiences},
                                   {"types", kit.types},
                                   {"phase_names", kit.phase_names},
                                   {"translations", nlohmann::json::object()}};
        for (const auto& [lang, t] : kit.translations)
            taxonomy["translations"][lang] = {
                {"phase_names", t.phase_names}, {"phases", t.phases}, {"audiences", t.audiences}, {"types", t.types}};
        pack_ins->Bind(1, pc.manifest.pack).Bind(2, static_cast<std::int64_t>(pc.manifest.version));
        pack_ins->Bind(3, pc.manifest.title).Bind(4, pc.manifest.publisher).Bind(5, pc.manifest.created);
        pack_ins->Bind(6, taxonomy.dump()).Bind(7, static_cast<std::int64_t>(pc.core));
        if (auto st = pack_ins->Run(); !st) return st;
        // Each phrase under its match key; an English term is a phrase of its own.
        std::set<std::string> english;
        for (const bundle::TermList& list : content.terms)
            for (const auto& entry : list.entries) {
                english.insert(entry.term);
                for (const auto& phrase : entry.equivalents)
                    if (auto st = AddTerm(*term_ins, list.lang, phrase, entry.term); !st) return st;
            }
        for (const auto& term : english)
            if (auto st = AddTerm(*term_ins, kSourceLanguage, term, term); !st) return st;

        return Ok{};
    };
    std::string pack_id;  // of the pack being added
    auto add_article = [&](const bundle::Article& a) -> Status {
            bundle::MarkdownScan scan = bundle::ScanMarkdown(a.body);
            nlohmann::json sources = nlohmann::json::array();
            for (const auto& s : a.sources)
                sources.push_back({{"title", s.title}, {"publisher", s.publisher}, {"year", s.year}, {"url", s.url}});
            art_ins->Bind(1, pack_id).Bind(2, a.id).Bind(3, a.lang).Bind(4, a.title).Bind(5, a.summary);
            art_ins->Bind(6, a.type).Bind(7, a.status).Bind(8, a.updated).Bind(9, Spaced(a.phases));
            art_ins->Bind(10, Spaced(a.audiences)).Bind(11, Joined(a.tags, ", ")).Bind(12, Joined(a.related, " "));
            art_ins->Bind(13, sources.dump()).Bind(14, a.source_updated);
            if (auto st = art_ins->Run(); !st) return st;
            const std::int64_t rowid = db.LastInsertRowid();
            body_ins->Bind(1, rowid).Bind(2, a.body);
            if (auto st = body_ins->Run(); !st) return st;
            fts_ins->Bind(1, rowid).Bind(2, a.title).Bind(3, Joined(a.tags, ", ")).Bind(4, a.summary);
            fts_ins->Bind(5, scan.plain_text);
            if (auto st = fts_ins->Run(); !st) return st;

            for (size_t i = 0; i < scan.tasks.size(); ++i) {
                task_ins->Bind(1, rowid).Bind(2, static_cast<std::int64_t>(i));
                task_ins->Bind(3, TaskKey(scan.tasks[i].text)).Bind(4, scan.tasks[i].text);
                if (auto st = task_ins->Run(); !st) return st;
            }
            std::set<std::string> targets;
            for (const auto& l : scan.links)
                if (auto id = bundle::ArticleIdFromLink(l); !id.empty()) targets.insert(id);
            for (const auto& t : targets) {
                link_ins->Bind(1, rowid).Bind(2, t);
                if (auto st = link_ins->Run(); !st) return st;
            }
            if (a.status != "current") return Ok{};
            const std::uint64_t bit = lang_bit(a.lang);
            auto use = [&](const std::string& w) {
                WordUse& u = vocabulary[w];
                ++u.count;
                u.langs |= bit;
            };
            for (const std::string* text : {&a.title, &a.summary, static_cast<const std::string*>(&scan.plain_text)})
                for (auto& w : SplitWords(*text)) use(w);
            // Acronyms: a tag whose initials equal another tag of the same article.
            std::set<std::string> tag_set;
            for (const auto& t : a.tags) tag_set.insert(Joined(SplitWords(t), " "));
            for (const auto& t : a.tags) {
                auto words = SplitWords(t);
                for (auto& w : words) use(w);
                if (words.size() < 2) continue;
                std::string acr = Initials(words);
                if (acr.size() >= 2 && tag_set.count(acr)) {
                    acr_ins->Bind(1, acr).Bind(2, Joined(words, " "));
                    if (auto st = acr_ins->Run(); !st) return st;
                }
            }
            return Ok{};
    };
    for (const PackContent& pc : packs) {
        pack_id = pc.manifest.pack;
        if (pc.records.empty()) {
            if (auto st = add_head(pc, pc.content); !st) return st;
            for (const bundle::Article& a : pc.content.articles)
                if (auto st = add_article(a); !st) return st;
            continue;
        }
        // One article decoded at a time: a large pack is never held twice in memory.
        bundle::Content head;
        if (auto st = bundle::DecodeRecordsEach(pc.records, head, add_article); !st) {
            if (st.error().code != ErrorCode::kCorrupt) return st;
            return MakeError(st.error().code, Format(tr("pack '{pack}': {error}"),
                                                     {{"pack", pack_id}, {"error", st.error().detail}}));
        }
        if (auto st = add_head(pc, head); !st) return st;
    }
    auto word_ins = db.Prepare("INSERT INTO words VALUES(?,?,?,?)");
    if (!word_ins) return word_ins.error();
    for (const auto& [w, u] : vocabulary) {
        std::string langs = " ";
        for (size_t i = 0; i < languages.size(); ++i)
            if (u.langs >> i & 1) langs += languages[i] + " ";
        word_ins->Bind(1, w).Bind(2, u.count).Bind(3, static_cast<std::int64_t>(CodePointCount(w))).Bind(4, langs);
        if (auto st = word_ins->Run(); !st) return st;
    }
    if (auto st = db.Exec("INSERT INTO fts(fts) VALUES('optimize');"
                          "INSERT INTO fts_about(fts_about) VALUES('rebuild');"
                          "INSERT INTO fts_about(fts_about) VALUES('optimize');");
        !st)
        return st;
    // The article count is kept so that opening the index never has to count.
    if (auto st = db.Exec(std::string("INSERT INTO meta VALUES('schema', '") + kIndexSchema +
                          "'); INSERT INTO meta SELECT 'articles', count(*) FROM (SELECT DISTINCT pack, id FROM "
                          "articles WHERE status = 'current'); INSERT INTO meta SELECT 'articles:' || lang, "
                          "count(*) FROM (SELECT DISTINCT pack, id, lang FROM articles WHERE status = 'current') "
                          "GROUP BY lang; COMMIT;");
        !st)
        return st;
    db = Database();  // close before the flush below

    // synchronous=OFF made the build fast; make the finished file durable before it is used.
    if (!platform::SyncFile(path, tr("search index")))
        return MakeError(ErrorCode::kIo, Format(tr("search index '{path}': cannot flush to disk"),
                                                {{"path", platform::Utf8FromPath(path)}}));
    return Ok{};
}

}  // namespace fk::core
