// SyncLink: progress figures and the metered question, kept beside the engine's snapshot.
#include "kit/ui/sync_link.hpp"

namespace fk::ui {

SyncLink::SyncLink(std::filesystem::path data_dir, core::BuiltIn built_in, core::SyncOptions options,
                   std::function<void()> wake) {
    std::shared_ptr<Shared> shared = m_shared;
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
    m_engine = std::make_unique<core::SyncEngine>(std::move(data_dir), built_in, std::move(options), std::move(wake));
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
    return v;
}

}  // namespace fk::ui
