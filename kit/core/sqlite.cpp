// SQLite wrapper implementation; the only file that maps SQLite result codes.
#include "kit/core/sqlite.hpp"

#include <utility>

#include "platform/i18n.hpp"
#include "platform/utf8_path.hpp"

namespace fk::core {

Database::~Database() {
    if (m_db) sqlite3_close_v2(m_db);
}

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_role(std::move(other.m_role)) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        if (m_db) sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
        m_role = std::move(other.m_role);
    }
    return *this;
}

Error Database::MakeSqlError(int rc, std::string_view what) const {
    ErrorCode code = ErrorCode::kIo;
    int primary = rc & 0xff;
    if (primary == SQLITE_FULL) code = ErrorCode::kNoSpace;
    if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) code = ErrorCode::kCorrupt;
    if (primary == SQLITE_CANTOPEN) code = ErrorCode::kNotFound;
    if (primary == SQLITE_FULL)
        return MakeError(code, Format(tr("{what}: No space left on device"), {{"what", m_role}}));
    if (m_db && primary != SQLITE_CANTOPEN) {
        const char* detail = sqlite3_errmsg(m_db);
        if (detail && std::string_view(detail) != sqlite3_errstr(rc))
            return MakeError(
                // TRANSLATORS: {what} names a database and its file, {action} is what failed ("cannot
                // open"), {reason} and {detail} are SQLite's own messages in English.
                code, Format(tr("{what}: {action}: {reason} ({detail})"),
                             {{"what", m_role}, {"action", what}, {"reason", sqlite3_errstr(rc)}, {"detail", detail}}));
    }
    return MakeError(code, Format(tr("{what}: {action}: {reason}"),
                                  {{"what", m_role}, {"action", what}, {"reason", sqlite3_errstr(rc)}}));
}

Result<Database> Database::Open(const std::filesystem::path& path, std::string_view role, bool read_only) {
    Database db;
    // TRANSLATORS: a database in error messages: {what} names it ("search index"), {path} is its file.
    db.m_role = Format(tr("{what} '{path}'"), {{"what", role}, {"path", platform::Utf8FromPath(path)}});
    int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    int rc = sqlite3_open_v2(platform::Utf8FromPath(path).c_str(), &db.m_db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) return db.MakeSqlError(rc, tr("cannot open"));
    sqlite3_busy_timeout(db.m_db, 2000);
    return db;
}

Status Database::Exec(std::string_view sql) {
    char* err = nullptr;
    std::string s(sql);
    int rc = sqlite3_exec(m_db, s.c_str(), nullptr, nullptr, &err);
    if (err) sqlite3_free(err);
    if (rc != SQLITE_OK) return MakeSqlError(rc, tr("statement failed"));
    return Ok{};
}

Result<Statement> Database::Prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) return MakeSqlError(rc, tr("cannot prepare query"));
    return Statement(stmt);
}

Statement::~Statement() {
    if (m_stmt) sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement&& other) noexcept : m_stmt(std::exchange(other.m_stmt, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        if (m_stmt) sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

Statement& Statement::Bind(int index, std::string_view text) {
    // An empty view may have no data pointer, which SQLite would bind as NULL, not ''.
    sqlite3_bind_text(m_stmt, index, text.data() ? text.data() : "", static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::Bind(int index, std::int64_t value) {
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement& Statement::BindBlob(int index, std::string_view bytes) {
    sqlite3_bind_blob(m_stmt, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::BindNull(int index) {
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

Result<bool> Statement::Step() {
    int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    sqlite3* db = sqlite3_db_handle(m_stmt);
    if ((rc & 0xff) == SQLITE_FULL)
        return MakeError(ErrorCode::kNoSpace, tr("No space left on device (SQLite: database or disk is full)"));
    return MakeError(ErrorCode::kIo, Format(tr("database step failed: {reason}"), {{"reason", sqlite3_errmsg(db)}}));
}

Status Statement::Run() {
    for (;;) {
        auto r = Step();
        if (!r) return r.error();
        if (!*r) break;
    }
    Reset();
    return Ok{};
}

void Statement::Reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

std::string Statement::Text(int col) const {
    const unsigned char* t = sqlite3_column_text(m_stmt, col);
    return t ? std::string(reinterpret_cast<const char*>(t), static_cast<size_t>(sqlite3_column_bytes(m_stmt, col)))
             : std::string();
}

std::string Statement::Blob(int col) const {
    const void* b = sqlite3_column_blob(m_stmt, col);
    return b ? std::string(static_cast<const char*>(b), static_cast<size_t>(sqlite3_column_bytes(m_stmt, col)))
             : std::string();
}

std::int64_t Statement::Int(int col) const { return sqlite3_column_int64(m_stmt, col); }
double Statement::Double(int col) const { return sqlite3_column_double(m_stmt, col); }

}  // namespace fk::core
