// The reader's own data: bookmarks, notes, checklist ticks, history and settings, in
// <data_dir>/reader.sqlite. No content update ever rewrites it; every write is durable
// when the call returns (WAL, synchronous=FULL). Not thread-safe: one instance per thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kit/core/sqlite.hpp"
#include "platform/result.hpp"

namespace fk::core {

// An article the reader saved or looked at, with the title it had then.
struct SavedArticle {
    std::string id;  // the article's address: "id" in the core pack, "pack/id" in others
    std::string title;
    std::int64_t at = 0;  // Unix seconds
};

struct ReaderSettings {
    std::string audience;        // "" = everyone
    std::string theme = "dark";  // dark | light | high-contrast
    int font_size = 16;          // pixels at scale 1, kMinFontSize..kMaxFontSize
    std::string language = "en";
    // Updates over a metered link: "off" (any path), "deltas" (never a full bundle) or "ask"
    // (ask before a download larger than ask_above_mb megabytes).
    std::string metered = "off";
    int ask_above_mb = 5;
};

inline constexpr int kMinFontSize = 10;
inline constexpr int kMaxFontSize = 32;

class ReaderData {
public:
    // Opens (creating if needed) <data_dir>/reader.sqlite. Errors: kIo, kNoSpace, kCorrupt.
    static Result<ReaderData> Open(const std::filesystem::path& data_dir);

    // Checklist ticks, keyed by (article address, TaskKey) so they survive content updates.
    // Every `article` here is an address (ContentIndex): another pack's article never shares
    // the key of a core article, and keys written before packs were namespaced stay valid.
    Status SetTicked(std::string_view article, std::string_view task_key, bool ticked);
    std::set<std::string> Ticked(std::string_view article);
    Status ResetChecklist(std::string_view article);

    Status SetBookmark(std::string_view article, std::string_view title, bool on);
    bool IsBookmarked(std::string_view article);
    std::vector<SavedArticle> Bookmarks();  // newest first

    // Notes are saved as typed; an empty text removes the note.
    Status SaveNote(std::string_view article, std::string_view text);
    std::string Note(std::string_view article);

    // Recently viewed: one row per article, newest first, pruned to kHistoryLimit.
    Status RecordView(std::string_view article, std::string_view title);
    std::vector<SavedArticle> Recent(int limit = 10);
    static constexpr int kHistoryLimit = 200;

    // Settings; values out of range are clamped or replaced by defaults on load.
    ReaderSettings LoadSettings();
    Status SaveSettings(const ReaderSettings& settings);
    std::string Setting(std::string_view key, std::string_view fallback = "");
    Status SetSetting(std::string_view key, std::string_view value);

private:
    explicit ReaderData(Database db) : m_db(std::move(db)) {}
    std::vector<SavedArticle> Saved(const char* sql, int limit);
    Database m_db;
    std::int64_t m_seq = 0;  // orders history rows viewed within the same second
};

}  // namespace fk::core
