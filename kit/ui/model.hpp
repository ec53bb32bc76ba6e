// The window's model: every screen's state and the actions that change it. Owns the
// library, the search index and the reader's database; draw functions only read it.
// Single-threaded: the UI thread applies actions between frames.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kit/core/armor_import.hpp"
#include "kit/core/content_index.hpp"
#include "kit/core/library.hpp"
#include "kit/core/pack_labels.hpp"
#include "kit/core/qr_code.hpp"
#include "kit/core/reader_data.hpp"
#include "kit/core/report_outbox.hpp"
#include "kit/core/room_server.hpp"
#include "kit/core/sync_state.hpp"
#include "kit/ui/actions.hpp"
#include "kit/ui/markdown_blocks.hpp"
#include "kit/ui/presenter_state.hpp"
#include "kit/ui/sync_link.hpp"
#include "kit/ui/sync_text.hpp"
#include "platform/net_addresses.hpp"

namespace fk::ui {

struct SearchState {
    std::string query;
    core::Filters filters;
    core::SearchResults results;
    int selected = 0;
    int generation = 0;  // bumps whenever results change (views reset scrolling)
};

struct ArticleState {
    core::ArticleView view;
    std::vector<Block> blocks;
    std::set<std::string> ticked;  // task keys
    std::string note;
    bool bookmarked = false;
    std::vector<core::ArticleSummary> related;
    int generation = 0;  // bumps on every open (views reset scrolling and caches)
    int revision = 0;    // bumps when an update reloads the open article in place (caches only)
};

struct HomeState {
    std::vector<core::ArticleSummary> start_here;
    std::vector<core::SavedArticle> recent;
    std::vector<core::SavedArticle> bookmarks;
    core::SyncState sync;  // what the last update check found (stored by the engine or the CLI)
};

// The sync engine as this window sees it (refreshed by PollSync on the UI thread).
struct SyncStatus {
    bool running = false;  // an engine runs in this window
    SyncView view;         // its last snapshot and download figures
    SyncLines lines;       // the same in words
};

// "Paste update": updates sent as text parts (SMS, e-mail), see kit/core/armor_import.hpp.
struct PasteState {
    core::ArmorImport found;                   // in the pasted text, with the parts kept before
    std::vector<core::ArmorSetStatus> pending;  // every unfinished update kept in the data folder
};

// "Share with this room": the room reads and syncs from this kit over the network.
struct ShareState {
    std::vector<platform::NetAddress> addresses;  // to choose from (refreshed on request)
    std::optional<platform::NetAddress> where;    // the one shared on
    std::string url;                              // "http://HOST:PORT/" while sharing, else ""
    core::QrMatrix qr;                            // of url
    struct Publisher {
        std::string title, fingerprint;  // fingerprint as `fieldkit trust add` prints it
    };
    std::vector<Publisher> publishers;  // of the installed packs not built in
    std::string feedback_module;        // the workshop whose feedback form is open, "" = none
    core::QrMatrix feedback_qr;         // of url + "feedback"
    std::string error;
};

class Model {
public:
    // Opens the library (installing the built-in pack on first run), the index and the
    // reader's database. Errors name the file that failed.
    static Result<std::unique_ptr<Model>> Open(const std::filesystem::path& data_dir, const core::BuiltIn& built_in);

    // Applies queued actions in order; returns true if anything changed.
    bool Apply(ActionQueue& actions);
    void Apply(Action action);

    Screen CurrentScreen() const { return m_screen; }
    const SearchState& Search() const { return m_search; }
    const ArticleState* Article() const { return m_article ? &*m_article : nullptr; }
    const HomeState& Home() const { return m_home; }
    const core::ReaderSettings& Settings() const { return m_settings; }
    const core::Library& Library() const { return *m_library; }
    // Short names of the installed packs, for results (empty with one pack installed).
    std::map<std::string, std::string> PackLabels() const { return core::PackLabels(m_library->State()); }
    // The packs' taxonomy with its labels in the interface language.
    const bundle::Taxonomy& Taxonomy() const { return m_shown_taxonomy; }
    std::vector<bundle::PublicKey> TrustedKeys() const { return m_library->TrustedKeys(); }
    const std::filesystem::path& DataDir() const { return m_data_dir; }
    std::int64_t ArticleCount() const { return m_article_count; }
    bool CanGoBack() const { return !m_back.empty(); }
    bool CanGoForward() const { return !m_forward.empty(); }
    // A message for the reader (import result, an error); shown without a modal.
    const std::string& Message() const { return m_message; }
    bool MessageIsError() const { return m_message_error; }

    // The reader's passphrase (core::ReaderData): the lock state, the last passphrase error
    // (shown beside the prompt, cleared by the next attempt) and whether history is on.
    core::LockState Lock() const { return m_lock; }
    const std::string& PassphraseError() const { return m_pass_error; }
    bool HistoryOn() const { return m_history_on; }
    // Argon2id cost of new passphrases (default moderate; the tests use interactive).
    void SetPassphraseCost(core::KdfCost cost) { m_kdf_cost = cost; }

    // Background updates. StartSync starts an engine (options.mirrors empty: the mirrors the
    // last `fieldkit sync` stored); `wake` is called on its thread after each change. PollSync
    // reads it on the UI thread and returns true when what the screens show changed; after an
    // applied update it reopens the library and the index, keeping the reader's place.
    void StartSync(core::SyncOptions options, std::function<void()> wake);
    bool PollSync(std::int64_t now);
    void StopSync() { m_sync_link.reset(); }  // joins the engine's thread
    // What PollSync does with one view of the engine (tests inject snapshots here).
    bool ApplySync(const SyncView& view, bool running, std::int64_t now);
    const SyncStatus& Sync() const { return m_sync; }
    const PasteState& Paste() const { return m_paste; }

    // Field reports (model_reports.cpp): the outbox as stored, oldest first. Send goes through
    // the sync engine when one runs (on its thread, after a check that reaches a mirror),
    // otherwise at once; nothing leaves without kSendReports.
    const std::vector<core::OutboxItem>& Outbox() const { return m_outbox; }
    int WaitingReports() const;
    // Inbox limits for the direct send (tests shorten them).
    core::SendOptions& ReportSendOptions() { return m_report_send; }

    // The presenter view (model_presenter.cpp): non-null while a workshop is presented over
    // the open article. Its clocks read `clock` (tests pass a fake one; default: steady clock).
    const ShareState& Share() const { return m_share; }
    const PresenterState* Presenter() const { return m_presenter ? &*m_presenter : nullptr; }
    void SetPresenterClock(core::MonotonicMs clock) { m_presenter_clock = std::move(clock); }

    // For benchmarks and tests: show these hits, or this article body, as if found.
    void InjectResults(core::SearchResults results);
    void InjectArticle(core::ArticleView view);

private:
    struct Place {
        Screen screen;
        std::string article;  // its address ("id" or "pack/id")
    };
    Model() = default;
    void Navigate(Place to, bool record);
    bool LoadArticle(const std::string& address);
    void RunSearch();
    void RefreshHome();
    void ReopenIndex();
    void ApplyInterfaceLanguage();  // the Settings choice, else the system's language
    void SaveSettings();
    void SetMessage(std::string text, bool error);
    Place Here() const;
    void RestartSync();
    void ReloadAfterUpdate(const std::vector<core::PackUpdate>& updates);
    void TrustKeyFile(const std::string& path);
    void SetMetered(const std::string& mode, int ask_above_mb);
    void AnswerNewPack(const std::string& pack, bool install);  // the version the last pass offered
    void ApplyPrivacy(Action& a);  // model_privacy.cpp
    void RefreshReaderState();
    void WipeReaderData();
    void ApplyPaste(const Action& a);  // model_paste.cpp
    void ApplyReports(Action& a);  // model_reports.cpp
    void RefreshOutbox();
    void ApplyPresenter(const Action& a);  // model_presenter.cpp
    void ApplyShare(const Action& a);      // model_share.cpp
    void RefreshShareAddresses();
    Status StartSharing(const platform::NetAddress& where);
    void StopSharing();
    void RestartSharingAfterUpdate();
    void StartPresenting(const std::string& address);
    void PrintHandout();  // model_handout.cpp

    std::filesystem::path m_data_dir;
    std::optional<core::Library> m_library;
    std::optional<core::ContentIndex> m_index;
    std::optional<core::ReaderData> m_reader;
    bundle::Taxonomy m_taxonomy;
    bundle::Taxonomy m_shown_taxonomy;
    std::int64_t m_article_count = 0;
    core::ReaderSettings m_settings;
    core::BuiltIn m_built_in;
    core::LockState m_lock = core::LockState::kNoPassphrase;
    bool m_history_on = false;
    std::string m_pass_error;
    core::KdfCost m_kdf_cost = core::KdfCost::Moderate();
    bool m_key_work_shown = false;  // the "working on your passphrase" frame was drawn

    Screen m_screen = Screen::kHome;
    SearchState m_search;
    std::optional<ArticleState> m_article;
    HomeState m_home;
    std::vector<Place> m_back, m_forward;
    std::string m_message;
    bool m_message_error = false;

    std::optional<PresenterState> m_presenter;
    ShareState m_share;
    std::unique_ptr<core::RoomServer> m_room;  // while sharing
    core::MonotonicMs m_presenter_clock = core::SteadyClockMs();

    PasteState m_paste;
    std::vector<core::OutboxItem> m_outbox;
    core::SendOptions m_report_send = QuickSend();
    static core::SendOptions QuickSend() {  // one round, short waits: the window is waiting
        core::SendOptions o;
        o.limits = platform::HttpLimits{5, 256, 5, 10};
        o.attempts = 1;
        return o;
    }

    SyncStatus m_sync;
    core::SyncOptions m_sync_options;  // as given to StartSync (the metered mode comes from settings)
    std::function<void()> m_sync_wake;
    std::int64_t m_sync_seen_check = -1;                  // last_check of the last pass handled
    std::uint64_t m_sync_seen_passes = 0;                 // its pass count (two passes may share a second)
    std::map<std::string, std::uint64_t> m_sync_handled;  // pack -> version already reloaded
    std::unique_ptr<SyncLink> m_sync_link;                // last member: stopped first
};

}  // namespace fk::ui
