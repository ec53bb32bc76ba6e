// Workshop feedback on the trainer's kit: what participants said about a module through the
// web reader's form, kept in feedback.sqlite in the data directory without anything that
// identifies them (no address, no time finer than the day, no browser), and exported as CSV.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kit/core/sqlite.hpp"
#include "platform/result.hpp"

namespace fk::core {

inline constexpr size_t kMaxFeedbackText = 2000;  // bytes per answer

struct FeedbackEntry {
    std::string module;  // the workshop article's address
    std::string day;     // YYYY-MM-DD
    int rating = 0;      // 1 to 5
    std::string worked;  // what worked
    std::string change;  // what to change
};

// The form the web reader posts (application/x-www-form-urlencoded: module, rating 1-5,
// worked, change). Nullopt for anything else: a field missing or twice too long, a rating
// out of range, text that is not UTF-8. Control characters other than line breaks and tabs are
// dropped and CRLF becomes LF. `day` is left empty for the caller.
std::optional<FeedbackEntry> ParseFeedbackForm(std::string_view body);

// One CSV document (RFC 4180, CRLF lines): module,day,rating,worked,change. A cell that a
// spreadsheet would run as a formula (= + - @, tab, CR) gets a leading apostrophe.
std::string FeedbackCsv(const std::vector<FeedbackEntry>& entries);

// feedback.sqlite. Thread-safe: one connection behind a mutex.
class FeedbackStore {
public:
    static Result<std::unique_ptr<FeedbackStore>> Open(const std::filesystem::path& data_dir);
    // Stored durably before it returns. Rows get a random rowid, so the file keeps no order
    // of answers.
    Status Add(const FeedbackEntry& entry);
    // Every entry (of `module` when not empty), sorted by module, day and content.
    Result<std::vector<FeedbackEntry>> List(std::string_view module = "");

private:
    explicit FeedbackStore(Database db) : m_db(std::move(db)) {}
    std::mutex m_mutex;
    Database m_db;
};

}  // namespace fk::core
