// A thin RAII layer over SQLite: one place translates SQLite result codes into fk::Error.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "platform/result.hpp"

namespace fk::core {

class Statement;

class Database {
public:
    Database() = default;
    ~Database();
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // `role` names the file in errors ("search index", "reader database").
    static Result<Database> Open(const std::filesystem::path& path, std::string_view role, bool read_only);

    Status Exec(std::string_view sql);
    Result<Statement> Prepare(std::string_view sql);
    sqlite3* handle() const { return m_db; }
    std::int64_t LastInsertRowid() const { return sqlite3_last_insert_rowid(m_db); }
    Error MakeSqlError(int rc, std::string_view what) const;

private:
    sqlite3* m_db = nullptr;
    std::string m_role;
};

class Statement {
public:
    Statement() = default;
    explicit Statement(sqlite3_stmt* stmt) : m_stmt(stmt) {}
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& Bind(int index, std::string_view text);
    Statement& Bind(int index, std::int64_t value);
    Statement& BindBlob(int index, std::string_view bytes);
    Statement& BindNull(int index);
    // SQLITE_ROW -> true, SQLITE_DONE -> false; other codes -> error.
    Result<bool> Step();
    Status Run();  // Step until done
    void Reset();

    std::string Text(int col) const;
    std::string Blob(int col) const;
    std::int64_t Int(int col) const;
    double Double(int col) const;
    bool IsNull(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }

private:
    sqlite3_stmt* m_stmt = nullptr;
};

}  // namespace fk::core
