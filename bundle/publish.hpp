// `fieldkit bundle publish`: adds a release to a static mirror directory (full bundle, deltas
// from the previous releases, signed release.json, a detached .minisig for every file).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "bundle/minisign.hpp"
#include "bundle/release_manifest.hpp"
#include "platform/result.hpp"

namespace fk::bundle {

struct PublishOptions {
    int delta_bases = 5;                    // deltas from up to this many previous releases
    std::int64_t expiry_seconds = 30 * 86400;
    std::optional<std::vector<std::string>> mirrors;  // default: keep the current list
    std::optional<std::string> inbox;  // field report inbox URL; default: keep; "" removes it
    std::optional<std::int64_t> created;    // default: now (at least the previous created + 1)
};

struct PublishReport {
    ReleaseManifest manifest;
    Artifact full;
    std::vector<DeltaEdge> new_deltas;
};

// Errors: kUsage (older or equal version, other pack key), the bundle errors, kIo/kNoSpace.
// Every written file is read back and checked before release.json is replaced (last).
Result<PublishReport> PublishRelease(const std::filesystem::path& mirror_dir, const std::string& bundle_bytes,
                                     const SecretKey& key, const PublishOptions& options);

// Writes `name` and `name.minisig` into dir (atomically), signed with `key`.
Status WriteSignedFile(const std::filesystem::path& dir, const std::string& name, const std::string& bytes,
                       const SecretKey& key, const std::string& trusted_comment);

}  // namespace fk::bundle
