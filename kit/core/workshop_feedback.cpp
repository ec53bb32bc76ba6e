// Workshop feedback: the form, the store and the CSV export (see workshop_feedback.hpp).
#include "kit/core/workshop_feedback.hpp"

#include "platform/http_request.hpp"
#include "platform/i18n.hpp"

namespace fk::core {
namespace {

// Well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool IsUtf8(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        size_t n = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            cp = c & 0x07;
        } else
            return false;
        if (i + n >= s.size()) return false;
        for (size_t k = 1; k <= n; ++k) {
            const auto d = static_cast<unsigned char>(s[i + k]);
            if ((d & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (d & 0x3F);
        }
        if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
            return false;
        i += n + 1;
    }
    return true;
}

// Line breaks as LF, no other control characters; nullopt when not UTF-8 or too long.
std::optional<std::string> CleanText(const std::string& text) {
    if (text.size() > kMaxFeedbackText || !IsUtf8(text)) return std::nullopt;
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else if (c == '\n' || c == '\t' || static_cast<unsigned char>(c) >= 32) {
            if (c != 127) out += c;
        }
    }
    return out;
}

std::string CsvCell(const std::string& text) {
    std::string cell = text;
    if (!cell.empty() &&
        (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' || cell[0] == '\t' || cell[0] == '\r'))
        cell.insert(0, "'");
    if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
    std::string quoted = "\"";
    for (char c : cell) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

}  // namespace

std::optional<FeedbackEntry> ParseFeedbackForm(std::string_view body) {
    const auto fields = platform::ParseForm(body, 16);
    if (!fields) return std::nullopt;
    for (const char* name : {"module", "rating", "worked", "change"}) {
        int seen = 0;
        for (const auto& f : *fields) seen += f.first == name;
        if (seen > 1 || (seen == 0 && std::string_view(name) != "worked" && std::string_view(name) != "change"))
            return std::nullopt;
    }
    FeedbackEntry e;
    e.module = platform::FormValue(*fields, "module");
    if (e.module.empty() || e.module.size() > 200) return std::nullopt;
    for (char c : e.module)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '/')) return std::nullopt;
    const std::string rating = platform::FormValue(*fields, "rating");
    if (rating.size() != 1 || rating[0] < '1' || rating[0] > '5') return std::nullopt;
    e.rating = rating[0] - '0';
    auto worked = CleanText(platform::FormValue(*fields, "worked"));
    auto change = CleanText(platform::FormValue(*fields, "change"));
    if (!worked || !change) return std::nullopt;
    e.worked = std::move(*worked);
    e.change = std::move(*change);
    return e;
}

std::string FeedbackCsv(const std::vector<FeedbackEntry>& entries) {
    std::string out = "module,day,rating,worked,change\r\n";
    for (const auto& e : entries)
        out += CsvCell(e.module) + "," + CsvCell(e.day) + "," + std::to_string(e.rating) + "," + CsvCell(e.worked) +
               "," + CsvCell(e.change) + "\r\n";
    return out;
}

Result<std::unique_ptr<FeedbackStore>> FeedbackStore::Open(const std::filesystem::path& data_dir) {
    // TRANSLATORS: names the file in error messages ("feedback database: cannot open ...").
    auto db = Database::Open(data_dir / "feedback.sqlite", tr("feedback database"), false);
    if (!db) return db.error();
    // A rollback journal synced on every commit: a pulled plug loses at most the answer being sent.
    if (auto st = db->Exec("PRAGMA synchronous=FULL;"
                           "CREATE TABLE IF NOT EXISTS feedback(module TEXT NOT NULL, day TEXT NOT NULL,"
                           " rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5), worked TEXT NOT NULL,"
                           " change TEXT NOT NULL);");
        !st)
        return st.error();
    return std::unique_ptr<FeedbackStore>(new FeedbackStore(std::move(*db)));
}

Status FeedbackStore::Add(const FeedbackEntry& e) {
    std::lock_guard lock(m_mutex);
    auto st = m_db.Prepare(
        "INSERT INTO feedback(rowid, module, day, rating, worked, change)"
        " VALUES (abs(random() % 9007199254740991), ?, ?, ?, ?, ?)");
    if (!st) return st.error();
    st->Bind(1, e.module)
        .Bind(2, e.day)
        .Bind(3, static_cast<std::int64_t>(e.rating))
        .Bind(4, e.worked)
        .Bind(5, e.change);
    return st->Run();
}

Result<std::vector<FeedbackEntry>> FeedbackStore::List(std::string_view module) {
    std::lock_guard lock(m_mutex);
    auto st = m_db.Prepare(
        "SELECT module, day, rating, worked, change FROM feedback WHERE ?1 = '' OR module = ?1"
        " ORDER BY module, day, rating, worked, change");
    if (!st) return st.error();
    st->Bind(1, module);
    std::vector<FeedbackEntry> out;
    while (true) {
        auto row = st->Step();
        if (!row) return row.error();
        if (!*row) break;
        out.push_back({st->Text(0), st->Text(1), static_cast<int>(st->Int(2)), st->Text(3), st->Text(4)});
    }
    return out;
}

}  // namespace fk::core
