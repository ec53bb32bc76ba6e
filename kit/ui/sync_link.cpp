// SyncLink: progress figures and the metered question, kept beside the engine's snapshot.
#include "kit/ui/sync_link.hpp"

#include <algorithm>

namespace fk::ui {

SyncLink::SyncLink(std::filesystem::path data_dir, core::BuiltIn built_in, core::SyncOptions options,
                   std::function<void()> wake)
    : m_dir(data_dir) {
    std::shared_ptr<Shared> shared = m_shared;
    shared->declined_new = core::LoadDeclinedNewPacks(data_dir);
    auto user_progress = options.on_progress;
    options.on_progress = [shared, user_progress](const core::SyncProgress& p) {
        if (p.phase == core::SyncPhase::kDownloading) {
            std::lock_guard lock(shared->mutex);
            shared->figures = shared->meter.Update(p.artifact, p.have, p.total);
        }
        if (user_progress) user_progress(p);
    };
    // Never blocks the engine: a large update is skipped and shown; "download it" allows it once.
    options.ask = [shared](const std::string& pack, std::uint64_t bytes) {
        std::lock_guard lock(shared->mutex);
        if (shared->allow_once) {
            shared->allow_once = false;
            shared->held_pack.clear();
            shared->held_bytes = 0;
            return true;
        }
        shared->held_pack = pack;
        shared->held_bytes = bytes;
        return false;
    };
    // A new pack is installed only after the reader pressed Install for that version; the
    // engine never waits for the answer: the offer is shown and the next check installs it.
    options.new_packs.yes = false;
    options.new_packs.can_ask = true;
    options.ask_new_pack = [shared](const core::NewPackOffer& offer) {
        std::lock_guard lock(shared->mutex);
        auto it = shared->installing_new.find(offer.pack);
        if (it == shared->installing_new.end() || it->second != offer.version) return false;
        shared->installing_new.erase(it);
        return true;
    };
    m_engine = std::make_unique<core::SyncEngine>(std::move(data_dir), built_in, std::move(options), std::move(wake));
    m_engine->SetBeforeCheck([shared](core::SyncOptions& o) {
        std::lock_guard lock(shared->mutex);
        o.declined_new_packs = shared->declined_new;
    });
}

void SyncLink::AllowNewPack(const std::string& pack, std::uint64_t version) {
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->installing_new[pack] = version;
    }
    m_engine->CheckNow();
}

void SyncLink::DeclineNewPack(const std::string& pack, std::uint64_t version) {
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->declined_new[pack] = std::max(m_shared->declined_new[pack], version);
    }
    (void)core::RememberDeclinedNewPack(m_dir, pack, version);  // best effort: at worst it asks again
}

SyncLink::~SyncLink() {
    m_engine->Stop();
}

void SyncLink::AllowHeldDownload() {
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->allow_once = true;
    }
    m_engine->CheckNow();
}

SyncView SyncLink::Read() const {
    SyncView v;
    v.snapshot = m_engine->Snapshot();
    std::lock_guard lock(m_shared->mutex);
    v.figures = m_shared->figures;
    v.held_pack = m_shared->held_pack;
    v.held_bytes = m_shared->held_bytes;
    v.declined_new = m_shared->declined_new;
    v.installing_new = m_shared->installing_new;
    return v;
}

}  // namespace fk::ui
