// What the sync engine remembers between runs (data_dir/sync/state.json, replaced atomically):
// when mirrors were last checked, the newest release manifest seen, per pack the rollback
// floor for manifests naming it, and per pack the newest known release and where it came from.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "platform/result.hpp"

namespace fk::core {

struct KnownRelease {
    std::uint64_t version = 0;  // newest version a verified manifest announced
    std::string source;         // mirror URL it was installed or announced from
    std::int64_t installed_via_sync = 0;
};

struct SyncState {
    std::vector<std::string> mirrors;          // used by `fieldkit sync` with no --mirror
    std::int64_t last_check = 0;               // last attempt (any outcome)
    std::int64_t last_success = 0;             // last verified manifest
    std::int64_t release_created_floor = 0;    // newest `created` of any verified release manifest
    // Per pack: the newest `created` of an accepted release list naming it. A list older than
    // the floor of any pack it names is refused, whoever signed it (rollback and freeze).
    std::map<std::string, std::int64_t> pack_floors;
    std::int64_t release_expires = 0;          // its soft expiry (freshness only)
    int consecutive_failures = 0;
    bool online = false;                       // the last check verified a mirror's release list
    std::string last_error;
    std::map<std::string, KnownRelease> packs;
};

std::filesystem::path SyncDir(const std::filesystem::path& data_dir);
Result<SyncState> LoadSyncState(const std::filesystem::path& data_dir);  // missing: empty state
Status SaveSyncState(const std::filesystem::path& data_dir, const SyncState& state);

}  // namespace fk::core
