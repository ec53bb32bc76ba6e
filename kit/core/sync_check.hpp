// One sync pass: check the mirrors in order, verify the release manifest, then fetch and apply
// the cheapest path to each installed pack's newest release. Blocking; runs on whatever
// thread calls it (the CLI's main thread, or SyncEngine's worker).
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "kit/core/library.hpp"
#include "kit/core/new_packs.hpp"
#include "platform/http_client.hpp"
#include "platform/result.hpp"

namespace fk::core {

enum class Metered {
    kOff,         // any path
    kDeltasOnly,  // never a full bundle
    kAskAbove,    // ask (SyncOptions::ask) before a download larger than ask_above_bytes
};

enum class SyncPhase { kIdle, kChecking, kDownloading, kApplying };

struct SyncProgress {
    SyncPhase phase = SyncPhase::kIdle;
    std::string mirror;
    std::string pack;
    std::string artifact;
    std::uint64_t have = 0;   // bytes of this artifact on disk
    std::uint64_t total = 0;  // its signed length
};

struct SyncOptions {
    std::vector<std::string> mirrors;  // tried in order; a verified manifest may add more
    platform::HttpLimits limits;
    long unsigned_deadline_s = 30;  // release.json and its signature: whole download, each
    int attempts_per_artifact = 6;  // resumed attempts after cuts, per mirror
    Metered metered = Metered::kOff;
    std::uint64_t ask_above_bytes = 0;
    std::function<bool(const std::string& pack, std::uint64_t bytes)> ask;  // kAskAbove; false: skip
    // Packs the kit does not have, offered by the list their (trusted) publisher signed. The
    // default installs none and only reports them. `ask_new_pack` answers kAsk (false: not
    // installed); it is not asked again about kAskAbove for that pack: one question is enough.
    NewPackPolicy new_packs;
    std::map<std::string, std::uint64_t> declined_new_packs;  // the window's "Not now" answers
    std::function<bool(const NewPackOffer&)> ask_new_pack;
    std::function<void(const SyncProgress&)> on_progress;                  // called on the sync thread
    std::function<void(const std::string&)> on_note;                       // one line per event
    const std::atomic<bool>* cancel = nullptr;
};

struct PackUpdate {
    std::string pack;
    std::uint64_t from_version = 0;
    std::uint64_t to_version = 0;
    bool via_delta = false;
    int steps = 0;
    std::uint64_t bytes = 0;  // signed artifact bytes
    std::vector<std::string> shared_ids;  // article ids another installed pack has too
    bool new_pack = false;                // the kit did not have this pack before
};

struct SyncReport {
    std::string mirror;  // the mirror whose manifest was used
    std::int64_t release_created = 0;
    std::int64_t release_expires = 0;
    std::vector<PackUpdate> updated;
    std::vector<std::string> skipped;  // packs left as they are (metered, no path), with why
    std::vector<NewPackResult> new_packs;  // packs offered that this kit did not have, and what became of them
    std::uint64_t bytes_received = 0;  // everything that came over the wire
};

// Errors: the last mirror's error when none gave a verified manifest (kOffline, kTimeout,
// kHttpStatus, kBadSignature, kUnknownKey, kOlderThanInstalled for a rolled-back manifest,
// ...); an update failing on every mirror is also an error. Nothing is installed unless it
// verified; the reader's own data is never touched.
Result<SyncReport> SyncOnce(const std::filesystem::path& data_dir, const BuiltIn& built_in, const SyncOptions& options);

}  // namespace fk::core
