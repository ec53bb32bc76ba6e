// The reader's own data: bookmarks, notes, checklist ticks, history and settings, in
// <data_dir>/reader.sqlite. No content update ever rewrites it; every write is durable
// when the call returns (WAL, synchronous=FULL). Not thread-safe: one instance per thread.
//
// With a passphrase set, notes, bookmarks and history are stored only as XChaCha20-Poly1305
// ciphertext (reader_crypto.hpp), under a row tag that does not name the article. Locked (the
// key is not in memory), they read as empty and cannot be changed (kLocked), and no history is
// recorded. Checklist ticks and settings are never encrypted, so checklists work for whoever
// holds the laptop in an emergency. History is recorded only after SetHistoryEnabled(true).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kit/core/reader_crypto.hpp"
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
    std::string language = "en";       // the reading language: articles open in it when translated
    std::string interface_language{};  // the window's own words; "" = the system's language
    // Updates over a metered link: "off" (any path), "deltas" (never a full bundle) or "ask"
    // (ask before a download larger than ask_above_mb megabytes).
    std::string metered = "off";
    int ask_above_mb = 5;
    int presenter_font_size = 36;  // the presenter view's text, kMinPresenterFontSize..kMaxPresenterFontSize
};

// A signed field report waiting in the outbox (or kept after it left, until deleted).
struct OutboxReport {
    std::string id;
    std::string signed_json;  // as signed by the kit's report key (field_report.hpp)
    std::int64_t sent_day = 0;  // 0 while waiting; the day (Unix seconds at 00:00 UTC) an inbox took it
    std::string sent_via;       // the inbox URL that acknowledged it
};

enum class LockState {
    kNoPassphrase,  // notes, bookmarks and history are stored in plain text
    kLocked,        // a passphrase is set and the key is not in memory
    kUnlocked,      // a passphrase is set and this instance holds the key
};

inline constexpr int kMinFontSize = 10;
inline constexpr int kMaxFontSize = 32;
inline constexpr int kMinPresenterFontSize = 20;
inline constexpr int kMaxPresenterFontSize = 64;

class ReaderData {
public:
    // Opens (creating if needed) <data_dir>/reader.sqlite. Errors: kIo, kNoSpace, kCorrupt.
    static Result<ReaderData> Open(const std::filesystem::path& data_dir);
    ~ReaderData();
    ReaderData(ReaderData&&) noexcept;
    ReaderData& operator=(ReaderData&&) noexcept;

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
    std::string Note(std::string_view article);  // "" when absent, locked or damaged
    // Every note, newest first, as (article, text in `title`, time); empty while locked.
    std::vector<SavedArticle> Notes();
    // The same, with kLocked or kCorrupt (a row changed or swapped outside fieldkit) as errors.
    Result<std::string> LoadNote(std::string_view article);

    // Recently viewed: one row per article, newest first, pruned to kHistoryLimit. Recorded
    // only while history is on (off by default) and not locked; otherwise RecordView does nothing.
    Status RecordView(std::string_view article, std::string_view title);
    std::vector<SavedArticle> Recent(int limit = 10);
    static constexpr int kHistoryLimit = 200;
    bool HistoryEnabled();
    // Turning history off deletes the history kept so far.
    Status SetHistoryEnabled(bool on);

    // The passphrase. SetPassphrase encrypts the existing notes, bookmarks and history and
    // leaves them unlocked; Change and Remove need the current passphrase and re-encrypt (or
    // decrypt) every row in one transaction; Change also draws a new data key. Errors:
    // kWrongPassphrase, kUsage (none set / already set / empty), kCorrupt (a damaged row:
    // nothing changed), kIo, kNoSpace.
    LockState GetLockState();
    Status SetPassphrase(std::string_view passphrase, KdfCost cost = KdfCost::Moderate());
    Status Unlock(std::string_view passphrase);
    void LockNow();  // wipes the key from memory
    Status ChangePassphrase(std::string_view current, std::string_view next, KdfCost cost = KdfCost::Moderate());
    Status RemovePassphrase(std::string_view current);
    // Opens every encrypted row; the number of good rows, or kCorrupt naming how many failed.
    Result<int> VerifyRows();

    // Settings; values out of range are clamped or replaced by defaults on load.
    ReaderSettings LoadSettings();
    Status SaveSettings(const ReaderSettings& settings);
    std::string Setting(std::string_view key, std::string_view fallback = "");
    Status SetSetting(std::string_view key, std::string_view value);

    // The field report outbox (never encrypted: reports are written to be sent). Nothing here
    // sends: see report_outbox.hpp.
    Status AddReport(std::string_view id, std::string_view signed_json);
    std::vector<OutboxReport> Outbox();  // oldest first
    Result<bool> DeleteReport(std::string_view id);  // false: no such report
    // Only after an inbox acknowledged it; a report already marked keeps its first day and inbox.
    Status MarkReportSent(std::string_view id, std::string_view via);

private:
    struct Row;
    enum class Mode { kPlain, kLocked, kUnlocked };
    explicit ReaderData(Database db);
    std::vector<SavedArticle> Saved(const char* sql, int limit);
    std::vector<SavedArticle> SavedSealed(const char* kind, int limit);
    Mode CurrentMode();
    Status InTransaction(const std::function<Status(Mode)>& body);
    Status PutSealed(const DataKey& key, const char* kind, const Row& row);
    Status DeleteSealed(const char* kind, std::string_view article);
    std::vector<Row> ReadSealed(const DataKey& key, const char* kind, int* bad);
    Result<std::vector<std::pair<const char*, Row>>> OpenEverySealed(const DataKey& key);
    Result<std::vector<std::pair<const char*, Row>>> TakePlainRows();
    Status PutPlainRows(const std::vector<std::pair<const char*, Row>>& rows);
    Result<DataKey> UnwrapCurrent(std::string_view passphrase, KeyWrap& wrap);
    void Checkpoint();
    std::int64_t NextSeq();

    Database m_db;
    std::int64_t m_seq = 0;          // orders rows saved within the same second
    std::unique_ptr<DataKey> m_key;  // set while unlocked
    std::string m_key_wrapped;       // the lock record m_key came from (another process may change it)
};

}  // namespace fk::core
