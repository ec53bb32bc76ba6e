// ReaderData: schema and queries of reader.sqlite (bookmarks, notes, ticks, history, settings).
#include "kit/core/reader_data.hpp"

#include <algorithm>
#include <chrono>

#include "platform/files.hpp"

namespace fk::core {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS ticks(article TEXT NOT NULL, task_key TEXT NOT NULL, at INTEGER NOT NULL,
                                 PRIMARY KEY(article, task_key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS bookmarks(article TEXT PRIMARY KEY, title TEXT NOT NULL, at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS notes(article TEXT PRIMARY KEY, text TEXT NOT NULL, at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS history(article TEXT PRIMARY KEY, title TEXT NOT NULL, at INTEGER NOT NULL,
                                   seq INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);
)sql";

std::int64_t Now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

Status RunSql(Database& db, std::string_view sql, std::initializer_list<std::string_view> texts,
              std::int64_t number = -1) {
    auto st = db.Prepare(sql);
    if (!st) return st.error();
    int i = 1;
    for (auto t : texts) st->Bind(i++, t);
    if (number >= 0) st->Bind(i, number);
    return st->Run();
}

}  // namespace

Result<ReaderData> ReaderData::Open(const std::filesystem::path& data_dir) {
    if (auto st = platform::MakeDirs(data_dir, "data directory"); !st) return st.error();
    auto db = Database::Open(data_dir / "reader.sqlite", "reader database", false);
    if (!db) return db.error();
    for (const char* sql : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", kSchema})
        if (auto st = db->Exec(sql); !st) return st.error();
    ReaderData data(std::move(*db));
    if (auto st = data.m_db.Prepare("SELECT coalesce(max(seq), 0) FROM history")) {
        if (auto r = st->Step(); r && *r) data.m_seq = st->Int(0);
    }
    return data;
}

Status ReaderData::SetTicked(std::string_view article, std::string_view key, bool ticked) {
    if (ticked) return RunSql(m_db, "INSERT OR REPLACE INTO ticks VALUES(?1, ?2, ?3)", {article, key}, Now());
    return RunSql(m_db, "DELETE FROM ticks WHERE article = ?1 AND task_key = ?2", {article, key});
}

std::set<std::string> ReaderData::Ticked(std::string_view article) {
    std::set<std::string> out;
    auto st = m_db.Prepare("SELECT task_key FROM ticks WHERE article = ?1");
    if (!st) return out;
    st->Bind(1, article);
    for (auto r = st->Step(); r && *r; r = st->Step()) out.insert(st->Text(0));
    return out;
}

Status ReaderData::ResetChecklist(std::string_view article) {
    return RunSql(m_db, "DELETE FROM ticks WHERE article = ?1", {article});
}

Status ReaderData::SetBookmark(std::string_view article, std::string_view title, bool on) {
    if (on) return RunSql(m_db, "INSERT OR REPLACE INTO bookmarks VALUES(?1, ?2, ?3)", {article, title}, Now());
    return RunSql(m_db, "DELETE FROM bookmarks WHERE article = ?1", {article});
}

bool ReaderData::IsBookmarked(std::string_view article) {
    auto st = m_db.Prepare("SELECT 1 FROM bookmarks WHERE article = ?1");
    if (!st) return false;
    st->Bind(1, article);
    auto r = st->Step();
    return r && *r;
}

std::vector<SavedArticle> ReaderData::Saved(const char* sql, int limit) {
    std::vector<SavedArticle> out;
    auto st = m_db.Prepare(sql);
    if (!st) return out;
    st->Bind(1, static_cast<std::int64_t>(limit));
    for (auto r = st->Step(); r && *r; r = st->Step()) out.push_back({st->Text(0), st->Text(1), st->Int(2)});
    return out;
}

std::vector<SavedArticle> ReaderData::Bookmarks() {
    return Saved("SELECT article, title, at FROM bookmarks ORDER BY at DESC, rowid DESC LIMIT ?1", 10000);
}

Status ReaderData::SaveNote(std::string_view article, std::string_view text) {
    if (text.empty()) return RunSql(m_db, "DELETE FROM notes WHERE article = ?1", {article});
    return RunSql(m_db, "INSERT OR REPLACE INTO notes VALUES(?1, ?2, ?3)", {article, text}, Now());
}

std::string ReaderData::Note(std::string_view article) {
    auto st = m_db.Prepare("SELECT text FROM notes WHERE article = ?1");
    if (!st) return {};
    st->Bind(1, article);
    auto r = st->Step();
    return r && *r ? st->Text(0) : std::string();
}

Status ReaderData::RecordView(std::string_view article, std::string_view title) {
    auto st = m_db.Prepare("INSERT OR REPLACE INTO history VALUES(?1, ?2, ?3, ?4)");
    if (!st) return st.error();
    st->Bind(1, article).Bind(2, title).Bind(3, Now()).Bind(4, ++m_seq);
    if (auto s = st->Run(); !s) return s;
    return RunSql(m_db,
                  "DELETE FROM history WHERE seq <= (SELECT seq FROM history ORDER BY seq DESC LIMIT 1 OFFSET ?1)", {},
                  kHistoryLimit);
}

std::vector<SavedArticle> ReaderData::Recent(int limit) {
    return Saved("SELECT article, title, at FROM history ORDER BY seq DESC LIMIT ?1", limit);
}

std::string ReaderData::Setting(std::string_view key, std::string_view fallback) {
    auto st = m_db.Prepare("SELECT value FROM settings WHERE key = ?1");
    if (!st) return std::string(fallback);
    st->Bind(1, key);
    auto r = st->Step();
    return r && *r ? st->Text(0) : std::string(fallback);
}

Status ReaderData::SetSetting(std::string_view key, std::string_view value) {
    return RunSql(m_db, "INSERT OR REPLACE INTO settings VALUES(?1, ?2)", {key, value});
}

ReaderSettings ReaderData::LoadSettings() {
    ReaderSettings s;
    s.audience = Setting("audience", "");
    s.theme = Setting("theme", s.theme);
    if (s.theme != "dark" && s.theme != "light" && s.theme != "high-contrast") s.theme = "dark";
    try {
        s.font_size = std::stoi(Setting("font_size", std::to_string(s.font_size)));
    } catch (...) {
        s.font_size = ReaderSettings{}.font_size;
    }
    s.font_size = std::clamp(s.font_size, kMinFontSize, kMaxFontSize);
    s.language = Setting("language", s.language);
    s.metered = Setting("metered", s.metered);
    if (s.metered != "off" && s.metered != "deltas" && s.metered != "ask") s.metered = "off";
    try {
        s.ask_above_mb = std::max(1, std::stoi(Setting("ask_above_mb", std::to_string(s.ask_above_mb))));
    } catch (...) {
        s.ask_above_mb = ReaderSettings{}.ask_above_mb;
    }
    return s;
}

Status ReaderData::SaveSettings(const ReaderSettings& s) {
    if (auto st = m_db.Exec("BEGIN"); !st) return st;
    Status result = Ok{};
    for (auto [k, v] : {std::pair<const char*, std::string>{"audience", s.audience},
                        {"theme", s.theme},
                        {"font_size", std::to_string(std::clamp(s.font_size, kMinFontSize, kMaxFontSize))},
                        {"language", s.language},
                        {"metered", s.metered},
                        {"ask_above_mb", std::to_string(std::max(1, s.ask_above_mb))}})
        if (result) result = SetSetting(k, v);
    if (!result) {
        (void)m_db.Exec("ROLLBACK");
        return result;
    }
    return m_db.Exec("COMMIT");
}

}  // namespace fk::core
