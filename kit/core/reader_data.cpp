// ReaderData: schema and queries of reader.sqlite (bookmarks, notes, ticks, history, settings).
#include "kit/core/reader_data.hpp"

#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>

#include "platform/files.hpp"
#include "platform/i18n.hpp"

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
CREATE TABLE IF NOT EXISTS sealed(kind TEXT NOT NULL, tag BLOB NOT NULL, box BLOB NOT NULL,
                                  PRIMARY KEY(kind, tag)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS lock(id INTEGER PRIMARY KEY CHECK(id = 1), salt BLOB NOT NULL,
                                opslimit INTEGER NOT NULL, memlimit INTEGER NOT NULL, wrapped BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS reports(id TEXT PRIMARY KEY, signed TEXT NOT NULL, sent_day INTEGER NOT NULL DEFAULT 0,
                                   sent_via TEXT NOT NULL DEFAULT '');
)sql";

// Kinds of encrypted rows; with a passphrase set, their plain tables are empty.
constexpr const char* kNote = "note";
constexpr const char* kBookmark = "bookmark";
constexpr const char* kHistory = "history";

Error LockedError() {
    return MakeError(ErrorCode::kLocked, tr("notes are locked: unlock them with your passphrase first"));
}

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

std::optional<KeyWrap> LoadWrap(Database& db) {
    auto st = db.Prepare("SELECT salt, opslimit, memlimit, wrapped FROM lock WHERE id = 1");
    if (!st) return std::nullopt;
    auto r = st->Step();
    if (!r || !*r) return std::nullopt;
    return KeyWrap{st->Blob(0), static_cast<std::uint64_t>(st->Int(1)), static_cast<std::uint64_t>(st->Int(2)),
                   st->Blob(3)};
}

Status StoreWrap(Database& db, const KeyWrap& w) {
    auto st = db.Prepare("INSERT OR REPLACE INTO lock VALUES(1, ?1, ?2, ?3, ?4)");
    if (!st) return st.error();
    st->BindBlob(1, w.salt)
        .Bind(2, static_cast<std::int64_t>(w.opslimit))
        .Bind(3, static_cast<std::int64_t>(w.memlimit))
        .BindBlob(4, w.wrapped);
    return st->Run();
}

void Wipe(std::string& s) {
    if (!s.empty()) sodium_memzero(s.data(), s.size());
    s.clear();
}

}  // namespace

// One encrypted row's content: the article, its title or the note's text, and when.
struct ReaderData::Row {
    std::string article;
    std::string text;
    std::int64_t at = 0;
    std::int64_t seq = 0;
    ~Row() {
        Wipe(article);
        Wipe(text);
    }
};

namespace {

std::string EncodeRow(const auto& row) {
    return nlohmann::json{{"a", row.article}, {"t", row.text}, {"at", row.at}, {"s", row.seq}}.dump();
}

template <typename RowT>
bool DecodeRow(std::string& plain, RowT& row) {
    auto j = nlohmann::json::parse(plain, nullptr, false);
    Wipe(plain);
    if (!j.is_object() || !j.contains("a") || !j["a"].is_string() || !j.contains("t") || !j["t"].is_string() ||
        !j.contains("at") || !j["at"].is_number_integer() || !j.contains("s") || !j["s"].is_number_integer())
        return false;
    row.article = j["a"].get<std::string>();
    row.text = j["t"].get<std::string>();
    row.at = j["at"].get<std::int64_t>();
    row.seq = j["s"].get<std::int64_t>();
    return true;
}

}  // namespace

ReaderData::ReaderData(Database db) : m_db(std::move(db)) {}
ReaderData::~ReaderData() = default;
ReaderData::ReaderData(ReaderData&&) noexcept = default;
ReaderData& ReaderData::operator=(ReaderData&&) noexcept = default;

Result<ReaderData> ReaderData::Open(const std::filesystem::path& data_dir) {
    if (auto st = platform::MakeDirs(data_dir, tr("data directory")); !st) return st.error();
    auto db = Database::Open(data_dir / "reader.sqlite", tr("reader database"), false);
    if (!db) return db.error();
    // secure_delete: deleted and replaced rows are zeroed in the file, not left in free pages.
    for (const char* sql : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA secure_delete=ON", kSchema})
        if (auto st = db->Exec(sql); !st) return st.error();
    ReaderData data(std::move(*db));
    if (auto st = data.m_db.Prepare("SELECT coalesce(max(seq), 0) FROM history")) {
        if (auto r = st->Step(); r && *r) data.m_seq = st->Int(0);
    }
    // History is kept only if the reader turned it on (earlier versions recorded it always).
    if (!data.HistoryEnabled()) {
        auto has = data.m_db.Prepare(
            "SELECT EXISTS(SELECT 1 FROM history) OR EXISTS(SELECT 1 FROM sealed WHERE kind = 'history')");
        if (has) {
            auto r = has->Step();
            if (r && *r && has->Int(0))
                if (auto st = data.SetHistoryEnabled(false); !st) return st.error();
        }
    }
    return data;
}

std::int64_t ReaderData::NextSeq() {
    auto micros =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    m_seq = std::max(m_seq + 1, static_cast<std::int64_t>(micros));
    return m_seq;
}

ReaderData::Mode ReaderData::CurrentMode() {
    auto wrap = LoadWrap(m_db);
    if (!wrap) return Mode::kPlain;
    if (m_key && wrap->wrapped == m_key_wrapped) return Mode::kUnlocked;
    m_key.reset();  // changed by another process: this key no longer opens new rows
    return Mode::kLocked;
}

Status ReaderData::InTransaction(const std::function<Status(Mode)>& body) {
    if (auto st = m_db.Exec("BEGIN IMMEDIATE"); !st) return st;
    Status result = body(CurrentMode());
    if (!result) {
        (void)m_db.Exec("ROLLBACK");
        return result;
    }
    if (auto st = m_db.Exec("COMMIT"); !st) {
        (void)m_db.Exec("ROLLBACK");
        return st;
    }
    return Ok{};
}

LockState ReaderData::GetLockState() {
    switch (CurrentMode()) {
        case Mode::kPlain:
            return LockState::kNoPassphrase;
        case Mode::kLocked:
            return LockState::kLocked;
        case Mode::kUnlocked:
            return LockState::kUnlocked;
    }
    return LockState::kLocked;
}

Status ReaderData::PutSealed(const DataKey& key, const char* kind, const Row& row) {
    auto st = m_db.Prepare("INSERT OR REPLACE INTO sealed VALUES(?1, ?2, ?3)");
    if (!st) return st.error();
    std::string plain = EncodeRow(row);
    const std::string tag = key.Tag(kind, row.article);
    st->Bind(1, kind).BindBlob(2, tag).BindBlob(3, key.Seal(kind, tag, plain));
    Wipe(plain);
    return st->Run();
}

Status ReaderData::DeleteSealed(const char* kind, std::string_view article) {
    auto st = m_db.Prepare("DELETE FROM sealed WHERE kind = ?1 AND tag = ?2");
    if (!st) return st.error();
    st->Bind(1, kind).BindBlob(2, m_key->Tag(kind, article));
    return st->Run();
}

std::vector<ReaderData::Row> ReaderData::ReadSealed(const DataKey& key, const char* kind, int* bad) {
    std::vector<Row> rows;
    auto st = m_db.Prepare("SELECT tag, box FROM sealed WHERE kind = ?1");
    if (!st) return rows;
    st->Bind(1, kind);
    for (auto r = st->Step(); r && *r; r = st->Step()) {
        const std::string tag = st->Blob(0);
        auto plain = key.Open(kind, tag, st->Blob(1));
        Row row;
        // The tag check catches a row whose box and tag were both copied from another row.
        if (plain && DecodeRow(*plain, row) && key.Tag(kind, row.article) == tag)
            rows.push_back(std::move(row));
        else if (bad)
            ++*bad;
    }
    return rows;
}

Result<std::vector<std::pair<const char*, ReaderData::Row>>> ReaderData::OpenEverySealed(const DataKey& key) {
    std::vector<std::pair<const char*, Row>> all;
    int bad = 0;
    for (const char* kind : {kNote, kBookmark, kHistory})
        for (auto& row : ReadSealed(key, kind, &bad)) all.emplace_back(kind, std::move(row));
    if (bad)
        return MakeError(ErrorCode::kCorrupt,
                         Format(trn("{n} locked row failed the integrity check (changed outside fieldkit)",
                                    "{n} locked rows failed the integrity check (changed outside fieldkit)",
                                    static_cast<unsigned long>(bad)),
                                {{"n", std::to_string(bad)}}));
    return all;
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
    return InTransaction([&](Mode mode) -> Status {
        if (mode == Mode::kLocked) return LockedError();
        if (mode == Mode::kUnlocked) {
            if (!on) return DeleteSealed(kBookmark, article);
            Row row{std::string(article), std::string(title), Now(), NextSeq()};
            return PutSealed(*m_key, kBookmark, row);
        }
        if (on) return RunSql(m_db, "INSERT OR REPLACE INTO bookmarks VALUES(?1, ?2, ?3)", {article, title}, Now());
        return RunSql(m_db, "DELETE FROM bookmarks WHERE article = ?1", {article});
    });
}

bool ReaderData::IsBookmarked(std::string_view article) {
    const Mode mode = CurrentMode();
    if (mode == Mode::kLocked) return false;
    auto st = mode == Mode::kPlain ? m_db.Prepare("SELECT 1 FROM bookmarks WHERE article = ?1")
                                   : m_db.Prepare("SELECT 1 FROM sealed WHERE kind = 'bookmark' AND tag = ?1");
    if (!st) return false;
    if (mode == Mode::kPlain)
        st->Bind(1, article);
    else
        st->BindBlob(1, m_key->Tag(kBookmark, article));
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

// Newest first; rows that fail their integrity check are left out (VerifyRows reports them).
std::vector<SavedArticle> ReaderData::SavedSealed(const char* kind, int limit) {
    std::vector<Row> rows = ReadSealed(*m_key, kind, nullptr);
    std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
        if (kind == kHistory || a.at == b.at) return a.seq > b.seq;
        return a.at > b.at;
    });
    std::vector<SavedArticle> out;
    for (const auto& row : rows)
        if (out.size() < static_cast<size_t>(std::max(limit, 0))) out.push_back({row.article, row.text, row.at});
    return out;
}

std::vector<SavedArticle> ReaderData::Bookmarks() {
    switch (CurrentMode()) {
        case Mode::kPlain:
            return Saved("SELECT article, title, at FROM bookmarks ORDER BY at DESC, rowid DESC LIMIT ?1", 10000);
        case Mode::kUnlocked:
            return SavedSealed(kBookmark, 10000);
        case Mode::kLocked:
            break;
    }
    return {};
}

Status ReaderData::SaveNote(std::string_view article, std::string_view text) {
    return InTransaction([&](Mode mode) -> Status {
        if (mode == Mode::kLocked) return LockedError();
        if (mode == Mode::kUnlocked) {
            if (text.empty()) return DeleteSealed(kNote, article);
            Row row{std::string(article), std::string(text), Now(), NextSeq()};
            return PutSealed(*m_key, kNote, row);
        }
        if (text.empty()) return RunSql(m_db, "DELETE FROM notes WHERE article = ?1", {article});
        return RunSql(m_db, "INSERT OR REPLACE INTO notes VALUES(?1, ?2, ?3)", {article, text}, Now());
    });
}

Result<std::string> ReaderData::LoadNote(std::string_view article) {
    const Mode mode = CurrentMode();
    if (mode == Mode::kLocked) return LockedError();
    if (mode == Mode::kPlain) {
        auto st = m_db.Prepare("SELECT text FROM notes WHERE article = ?1");
        if (!st) return st.error();
        st->Bind(1, article);
        auto r = st->Step();
        if (!r) return r.error();
        return *r ? st->Text(0) : std::string();
    }
    auto st = m_db.Prepare("SELECT box FROM sealed WHERE kind = 'note' AND tag = ?1");
    if (!st) return st.error();
    const std::string tag = m_key->Tag(kNote, article);
    st->BindBlob(1, tag);
    auto r = st->Step();
    if (!r) return r.error();
    if (!*r) return std::string();
    auto plain = m_key->Open(kNote, tag, st->Blob(0));
    if (!plain) return plain.error();
    Row row;
    if (!DecodeRow(*plain, row) || row.article != article)
        return MakeError(ErrorCode::kCorrupt, tr("the note failed its integrity check (changed outside fieldkit)"));
    return std::move(row.text);
}

std::vector<SavedArticle> ReaderData::Notes() {
    switch (CurrentMode()) {
        case Mode::kPlain:
            return Saved("SELECT article, text, at FROM notes ORDER BY at DESC LIMIT ?1", 100000);
        case Mode::kUnlocked:
            return SavedSealed(kNote, 100000);
        case Mode::kLocked:
            break;
    }
    return {};
}

std::string ReaderData::Note(std::string_view article) {
    auto note = LoadNote(article);
    return note ? std::move(*note) : std::string();
}

bool ReaderData::HistoryEnabled() {
    return Setting("history", "off") == "on";
}

Status ReaderData::SetHistoryEnabled(bool on) {
    return InTransaction([&](Mode) -> Status {
        if (auto st = SetSetting("history", on ? "on" : "off"); !st || on) return st;
        if (auto st = m_db.Exec("DELETE FROM history"); !st) return st;
        return m_db.Exec("DELETE FROM sealed WHERE kind = 'history'");
    });
}

Status ReaderData::RecordView(std::string_view article, std::string_view title) {
    if (!HistoryEnabled()) return Ok{};
    return InTransaction([&](Mode mode) -> Status {
        if (mode == Mode::kLocked) return Ok{};  // nothing is recorded while locked
        if (mode == Mode::kUnlocked) {
            Row row{std::string(article), std::string(title), Now(), NextSeq()};
            if (auto st = PutSealed(*m_key, kHistory, row); !st) return st;
            auto kept = SavedSealed(kHistory, 100000);
            for (size_t i = static_cast<size_t>(kHistoryLimit); i < kept.size(); ++i)
                if (auto st = DeleteSealed(kHistory, kept[i].id); !st) return st;
            return Ok{};
        }
        auto st = m_db.Prepare("INSERT OR REPLACE INTO history VALUES(?1, ?2, ?3, ?4)");
        if (!st) return st.error();
        st->Bind(1, article).Bind(2, title).Bind(3, Now()).Bind(4, NextSeq());
        if (auto s = st->Run(); !s) return s;
        return RunSql(m_db,
                      "DELETE FROM history WHERE seq <= (SELECT seq FROM history ORDER BY seq DESC LIMIT 1 OFFSET ?1)",
                      {}, kHistoryLimit);
    });
}

std::vector<SavedArticle> ReaderData::Recent(int limit) {
    switch (CurrentMode()) {
        case Mode::kPlain:
            return Saved("SELECT article, title, at FROM history ORDER BY seq DESC LIMIT ?1", limit);
        case Mode::kUnlocked:
            return SavedSealed(kHistory, limit);
        case Mode::kLocked:
            break;
    }
    return {};
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
    try {
        s.presenter_font_size = std::stoi(Setting("presenter_font_size", std::to_string(s.presenter_font_size)));
    } catch (...) {
        s.presenter_font_size = ReaderSettings{}.presenter_font_size;
    }
    s.presenter_font_size = std::clamp(s.presenter_font_size, kMinPresenterFontSize, kMaxPresenterFontSize);
    s.language = Setting("language", s.language);
    s.interface_language = Setting("interface_language", "");
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
                        {"presenter_font_size", std::to_string(std::clamp(s.presenter_font_size, kMinPresenterFontSize,
                                                                          kMaxPresenterFontSize))},
                        {"language", s.language},
                        {"interface_language", s.interface_language},
                        {"metered", s.metered},
                        {"ask_above_mb", std::to_string(std::max(1, s.ask_above_mb))}})
        if (result) result = SetSetting(k, v);
    if (!result) {
        (void)m_db.Exec("ROLLBACK");
        return result;
    }
    return m_db.Exec("COMMIT");
}

// ---- The passphrase -------------------------------------------------------------------

Result<std::vector<std::pair<const char*, ReaderData::Row>>> ReaderData::TakePlainRows() {
    std::vector<std::pair<const char*, Row>> all;
    const std::pair<const char*, const char*> queries[] = {
        {kNote, "SELECT article, text, at, 0 FROM notes"},
        {kBookmark, "SELECT article, title, at, rowid FROM bookmarks"},
        {kHistory, "SELECT article, title, at, seq FROM history"}};
    for (const auto& [kind, sql] : queries) {
        auto st = m_db.Prepare(sql);
        if (!st) return st.error();
        for (auto r = st->Step();; r = st->Step()) {
            if (!r) return r.error();
            if (!*r) break;
            all.emplace_back(kind, Row{st->Text(0), st->Text(1), st->Int(2), st->Int(3)});
        }
    }
    for (const char* sql : {"DELETE FROM notes", "DELETE FROM bookmarks", "DELETE FROM history"})
        if (auto st = m_db.Exec(sql); !st) return st.error();
    return all;
}

Status ReaderData::PutPlainRows(const std::vector<std::pair<const char*, Row>>& rows) {
    for (const auto& [kind, row] : rows) {
        auto st = std::string_view(kind) == kNote ? m_db.Prepare("INSERT OR REPLACE INTO notes VALUES(?1, ?2, ?3)")
                  : std::string_view(kind) == kBookmark
                      ? m_db.Prepare("INSERT OR REPLACE INTO bookmarks VALUES(?1, ?2, ?3)")
                      : m_db.Prepare("INSERT OR REPLACE INTO history VALUES(?1, ?2, ?3, ?4)");
        if (!st) return st.error();
        st->Bind(1, row.article).Bind(2, row.text).Bind(3, row.at);
        if (std::string_view(kind) == kHistory) st->Bind(4, row.seq);
        if (auto s = st->Run(); !s) return s;
        m_seq = std::max(m_seq, row.seq);
    }
    return Ok{};
}

// Moves the old versions of rewritten pages out of the WAL file, so no plain text (or rows
// under a replaced key) stays behind in it. Best effort: another reader may hold the WAL.
void ReaderData::Checkpoint() {
    (void)m_db.Exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

Result<DataKey> ReaderData::UnwrapCurrent(std::string_view passphrase, KeyWrap& wrap) {
    auto stored = LoadWrap(m_db);
    if (!stored) return MakeError(ErrorCode::kUsage, tr("no passphrase is set"));
    wrap = std::move(*stored);
    return wrap.Unwrap(passphrase);
}

Status ReaderData::SetPassphrase(std::string_view passphrase, KdfCost cost) {
    if (passphrase.empty()) return MakeError(ErrorCode::kUsage, tr("the passphrase is empty"));
    if (CurrentMode() != Mode::kPlain)
        return MakeError(ErrorCode::kUsage, tr("a passphrase is already set (change or remove it instead)"));
    auto key = DataKey::Random();
    if (!key) return key.error();
    auto wrap = KeyWrap::Make(*key, passphrase, cost);  // slow (Argon2id): outside the transaction
    if (!wrap) return wrap.error();
    Status st = InTransaction([&](Mode mode) -> Status {
        if (mode != Mode::kPlain) return MakeError(ErrorCode::kUsage, tr("a passphrase was set meanwhile"));
        auto rows = TakePlainRows();
        if (!rows) return rows.error();
        for (const auto& [kind, row] : *rows)
            if (auto s = PutSealed(*key, kind, row); !s) return s;
        return StoreWrap(m_db, *wrap);
    });
    if (!st) return st;
    m_key = std::make_unique<DataKey>(std::move(*key));
    m_key_wrapped = wrap->wrapped;
    Checkpoint();
    return Ok{};
}

Status ReaderData::Unlock(std::string_view passphrase) {
    KeyWrap wrap;
    auto key = UnwrapCurrent(passphrase, wrap);
    if (!key) return key.error();
    m_key = std::make_unique<DataKey>(std::move(*key));
    m_key_wrapped = wrap.wrapped;
    return Ok{};
}

void ReaderData::LockNow() {
    m_key.reset();
    m_key_wrapped.clear();
}

Status ReaderData::ChangePassphrase(std::string_view current, std::string_view next, KdfCost cost) {
    if (next.empty()) return MakeError(ErrorCode::kUsage, tr("the new passphrase is empty"));
    KeyWrap old_wrap;
    auto old_key = UnwrapCurrent(current, old_wrap);
    if (!old_key) return old_key.error();
    // A new data key: a copy of the file made under the old passphrase opens nothing new.
    auto key = DataKey::Random();
    if (!key) return key.error();
    auto wrap = KeyWrap::Make(*key, next, cost);
    if (!wrap) return wrap.error();
    Status st = InTransaction([&](Mode) -> Status {
        auto now = LoadWrap(m_db);
        if (!now || now->wrapped != old_wrap.wrapped)
            return MakeError(ErrorCode::kUsage, tr("the passphrase was changed meanwhile; try again"));
        auto rows = OpenEverySealed(*old_key);
        if (!rows) return rows.error();
        if (auto s = m_db.Exec("DELETE FROM sealed"); !s) return s;
        for (const auto& [kind, row] : *rows)
            if (auto s = PutSealed(*key, kind, row); !s) return s;
        return StoreWrap(m_db, *wrap);
    });
    if (!st) return st;
    m_key = std::make_unique<DataKey>(std::move(*key));
    m_key_wrapped = wrap->wrapped;
    Checkpoint();
    return Ok{};
}

Status ReaderData::RemovePassphrase(std::string_view current) {
    KeyWrap old_wrap;
    auto old_key = UnwrapCurrent(current, old_wrap);
    if (!old_key) return old_key.error();
    Status st = InTransaction([&](Mode) -> Status {
        auto now = LoadWrap(m_db);
        if (!now || now->wrapped != old_wrap.wrapped)
            return MakeError(ErrorCode::kUsage, tr("the passphrase was changed meanwhile; try again"));
        auto rows = OpenEverySealed(*old_key);
        if (!rows) return rows.error();
        for (const char* sql : {"DELETE FROM sealed", "DELETE FROM lock"})
            if (auto s = m_db.Exec(sql); !s) return s;
        return PutPlainRows(*rows);
    });
    if (!st) return st;
    LockNow();
    Checkpoint();
    return Ok{};
}

Result<int> ReaderData::VerifyRows() {
    const Mode mode = CurrentMode();
    if (mode == Mode::kLocked) return LockedError();
    if (mode == Mode::kPlain) return 0;
    auto rows = OpenEverySealed(*m_key);
    if (!rows) return rows.error();
    return static_cast<int>(rows->size());
}

// The field report outbox. Rows keep insertion order (rowid); no time finer than a day is kept.
Status ReaderData::AddReport(std::string_view id, std::string_view signed_json) {
    return RunSql(m_db, "INSERT INTO reports(id, signed) VALUES(?1, ?2)", {id, signed_json});
}

std::vector<OutboxReport> ReaderData::Outbox() {
    std::vector<OutboxReport> out;
    auto st = m_db.Prepare("SELECT id, signed, sent_day, sent_via FROM reports ORDER BY rowid");
    if (!st) return out;
    while (true) {
        auto r = st->Step();
        if (!r || !*r) break;
        out.push_back(OutboxReport{st->Text(0), st->Text(1), st->Int(2), st->Text(3)});
    }
    return out;
}

Result<bool> ReaderData::DeleteReport(std::string_view id) {
    if (auto st = RunSql(m_db, "DELETE FROM reports WHERE id = ?1", {id}); !st) return st.error();
    return sqlite3_changes(m_db.handle()) > 0;
}

Status ReaderData::MarkReportSent(std::string_view id, std::string_view via) {
    auto st = m_db.Prepare("UPDATE reports SET sent_day = ?2, sent_via = ?3 WHERE id = ?1 AND sent_day = 0");
    if (!st) return st.error();
    st->Bind(1, id).Bind(2, Now() / 86400 * 86400).Bind(3, via);
    return st->Run();
}

}  // namespace fk::core
