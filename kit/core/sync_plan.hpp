// Choosing how to reach a pack's newest release: the cheapest chain of deltas from the
// installed record stream, or the full bundle. Pure: no I/O, unit-tested.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bundle/release_manifest.hpp"

namespace fk::core {

struct UpdatePlan {
    bool full = false;                    // one full bundle
    std::vector<bundle::Artifact> steps;  // the full bundle, or the deltas in order
    std::uint64_t bytes = 0;
    std::uint64_t target_version = 0;
};

// The cheapest delta chain (by bytes) from `installed_raw_hash` to the newest release, if any.
std::optional<UpdatePlan> CheapestDeltaChain(const bundle::PackRelease& pack, const std::string& installed_raw_hash);

// The full-bundle plan for the newest release.
UpdatePlan FullPlan(const bundle::PackRelease& pack);

// The cheaper of the two (a delta chain wins ties).
UpdatePlan CheapestPlan(const bundle::PackRelease& pack, const std::string& installed_raw_hash);

}  // namespace fk::core
