// The window's side of the background sync engine: owns a core::SyncEngine, measures the
// current download on the engine's thread (the CLI's figures) and holds back large downloads
// in "ask" metered mode, and new packs, until the reader says yes. Thread-safe; Read() is for the UI thread.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "kit/core/library.hpp"
#include "kit/core/sync_engine.hpp"
#include "kit/core/transfer_meter.hpp"

namespace fk::ui {

// What the UI thread sees of the engine at one moment.
struct SyncView {
    core::SyncSnapshot snapshot;
    core::TransferFigures figures;  // the current (or last) download
    std::string held_pack;          // "ask" mode held this pack's update back ("" if none)
    std::uint64_t held_bytes = 0;
    std::map<std::string, std::uint64_t> declined_new;    // "Not now": pack -> version
    std::map<std::string, std::uint64_t> installing_new;  // "Install": pack -> version, until a pass ran
};

class SyncLink {
public:
    // `options` carries the mirrors (empty: those stored by the last `fieldkit sync`), limits
    // and the metered mode; `wake` is called on the engine's thread after every change.
    SyncLink(std::filesystem::path data_dir, core::BuiltIn built_in, core::SyncOptions options,
             std::function<void()> wake);
    ~SyncLink();  // stops the engine (a running download is kept as a partial file)
    SyncLink(const SyncLink&) = delete;
    SyncLink& operator=(const SyncLink&) = delete;

    void Start() { m_engine->Start(); }
    void CheckNow() { m_engine->CheckNow(); }
    // The next check downloads the held-back update even above the metered limit.
    void AllowHeldDownload();
    // A new pack offered by a trusted publisher: install this version (checks now), or not now
    // (remembered in the data directory for this version, so the window does not ask again).
    void AllowNewPack(const std::string& pack, std::uint64_t version);
    void DeclineNewPack(const std::string& pack, std::uint64_t version);
    SyncView Read() const;

private:
    struct Shared {
        mutable std::mutex mutex;
        core::TransferMeter meter;
        core::TransferFigures figures;
        std::string held_pack;
        std::uint64_t held_bytes = 0;
        bool allow_once = false;
        std::map<std::string, std::uint64_t> declined_new, installing_new;
    };
    std::filesystem::path m_dir;
    std::shared_ptr<Shared> m_shared = std::make_shared<Shared>();
    std::unique_ptr<core::SyncEngine> m_engine;
};

}  // namespace fk::ui
