// Model: the background sync engine (start, poll, metered mode), reloading after an applied
// update without losing the reader's place, and trusting a publisher's key from a file.
#include <algorithm>
#include <ctime>

#include "kit/ui/model.hpp"
#include "platform/files.hpp"
#include "platform/i18n.hpp"

namespace fk::ui {
namespace {

core::SyncOptions WithMetered(core::SyncOptions o, const core::ReaderSettings& s) {
    o.metered = s.metered == "deltas" ? core::Metered::kDeltasOnly
                : s.metered == "ask"  ? core::Metered::kAskAbove
                                      : core::Metered::kOff;
    o.ask_above_bytes = static_cast<std::uint64_t>(std::max(1, s.ask_above_mb)) * 1024 * 1024;
    return o;
}

}  // namespace

void Model::StartSync(core::SyncOptions options, std::function<void()> wake) {
    m_sync_options = std::move(options);
    m_sync_wake = std::move(wake);
    RestartSync();
}

void Model::RestartSync() {
    m_sync_link.reset();  // stops the old engine first (a partial download is kept)
    m_sync_link =
        std::make_unique<SyncLink>(m_data_dir, m_built_in, WithMetered(m_sync_options, m_settings), m_sync_wake);
    m_sync_seen_check = m_sync_link->Read().snapshot.last_check;  // passes before this one are handled
    m_sync_seen_passes = m_sync_link->Read().snapshot.passes;
    m_sync_link->Start();
}

bool Model::PollSync(std::int64_t now) {
    if (!m_sync_link) return ApplySync(m_sync.view, false, now);
    return ApplySync(m_sync_link->Read(), true, now);
}

bool Model::ApplySync(const SyncView& view, bool running, std::int64_t now) {
    const core::SyncSnapshot& s = view.snapshot;
    bool changed = false;
    const bool was_busy = m_sync.running && m_sync.view.snapshot.phase != core::SyncPhase::kIdle;
    if (running && s.phase == core::SyncPhase::kIdle &&
        (s.last_check != m_sync_seen_check || s.passes != m_sync_seen_passes || was_busy)) {
        // A pass ended: re-read what it stored, and reopen what it replaced.
        m_sync_seen_check = s.last_check;
        m_sync_seen_passes = s.passes;
        if (auto stored = core::LoadSyncState(m_data_dir)) m_home.sync = std::move(*stored);
        std::vector<core::PackUpdate> fresh;  // the engine keeps last_updates across failed passes
        for (const auto& u : s.last_updates)
            if (u.to_version > m_sync_handled[u.pack]) {
                m_sync_handled[u.pack] = u.to_version;
                fresh.push_back(u);
            }
        if (!fresh.empty()) ReloadAfterUpdate(fresh);
        RefreshOutbox();  // the pass may have sent field reports
        changed = true;
    }
    const bool has_mirror = !m_sync_options.mirrors.empty() || !m_home.sync.mirrors.empty();
    SyncLines lines = DescribeSync(view, running, has_mirror, m_home.sync, now);
    changed |= !(lines == m_sync.lines) || running != m_sync.running;
    m_sync.running = running;
    m_sync.view = view;
    m_sync.lines = std::move(lines);
    return changed;
}

void Model::ReloadAfterUpdate(const std::vector<core::PackUpdate>& updates) {
    auto lib = core::Library::Open(m_data_dir, m_built_in);
    if (!lib) {
        SetMessage(Format(tr("An update was installed, but the library did not reopen: {error}"),
                          {{"error", lib.error().detail}}),
                   true);
        return;
    }
    m_library.emplace(std::move(*lib));
    ReopenIndex();  // search results are run again for the same query
    if (m_article) {
        // The same article, same scroll position, same note buffer: only its text may change.
        const Screen screen = m_screen;
        const int generation = m_article->generation, revision = m_article->revision;
        if (auto view = m_index->Get(m_article->view.address, m_settings.language)) {
            InjectArticle(std::move(*view));
            m_article->generation = generation;
            m_article->revision = revision + 1;
        }
        m_screen = screen;
    }
    std::string text;
    for (const auto& u : updates) {
        auto p = m_library->State().packs.find(u.pack);
        const std::string name = p != m_library->State().packs.end() ? p->second.title : u.pack;
        // Several updates are one sentence: "Updated A to version 2; updated B to version 5."
        const char* pattern = u.new_pack ? (text.empty() ? tr("Installed the new pack {pack}, version {version}")
                                                         : tr("installed the new pack {pack}, version {version}"))
                                         : (text.empty() ? tr("Updated {pack} to version {version}")
                                                         : tr("updated {pack} to version {version}"));
        std::string clause = Format(pattern, {{"pack", name}, {"version", std::to_string(u.to_version)}});
        if (!u.shared_ids.empty())
            clause += " (" +
                      Format(trn("{n} of its article ids are also in another pack",
                                 "{n} of its article ids are also in another pack",
                                 static_cast<unsigned long>(u.shared_ids.size())),
                             {{"n", std::to_string(u.shared_ids.size())}}) +
                      ")";
        text += (text.empty() ? "" : "; ") + clause;
    }
    SetMessage(text + ".", false);
}

void Model::TrustKeyFile(const std::string& path) {
    auto text = platform::ReadFile(path, "public key file", 4096);
    if (!text) {
        SetMessage(Format(tr("Could not trust the key: {error}"), {{"error", text.error().detail}}), true);
        return;
    }
    auto key = m_library->TrustKey(*text);
    if (!key) {
        SetMessage(Format(tr("Could not trust '{file}': {error}"), {{"file", path}, {"error", key.error().detail}}),
                   true);
        return;
    }
    SetMessage(Format(tr("Trusted publisher key {key}. Packs signed by it can now be imported."),
                      {{"key", bundle::KeyIdHex(key->id)}}),
               false);
}

void Model::AnswerNewPack(const std::string& pack, bool install) {
    if (!m_sync_link) return;
    for (const auto& p : m_sync.lines.new_packs) {
        if (p.pack != pack || !p.can_install) continue;
        if (install)
            m_sync_link->AllowNewPack(p.pack, p.version);
        else
            m_sync_link->DeclineNewPack(p.pack, p.version);
    }
    // The answer shows at once (the window polls the engine only every few seconds).
    (void)PollSync(static_cast<std::int64_t>(std::time(nullptr)));
}

void Model::SetMetered(const std::string& mode, int ask_above_mb) {
    if (mode != "off" && mode != "deltas" && mode != "ask") return;
    m_settings.metered = mode;
    if (ask_above_mb > 0) m_settings.ask_above_mb = ask_above_mb;
    SaveSettings();
    if (m_sync_link) RestartSync();  // the engine takes its metered mode when it starts
}

}  // namespace fk::ui
