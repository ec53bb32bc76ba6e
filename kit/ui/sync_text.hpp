// The sync state in words for Home and Library: one status line, a calm one-line error, the
// download's figures (as the CLI prints them) and the metered question. Pure; no I/O.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kit/core/sync_state.hpp"
#include "kit/ui/sync_link.hpp"

namespace fk::ui {

// A new pack from a trusted publisher, waiting for Install / Not now.
struct NewPackPrompt {
    std::string pack;
    std::uint64_t version = 0;
    std::string text;          // who offers what, and its size
    bool can_install = false;  // false: shown only (metered "deltas only", or installing now)
    bool operator==(const NewPackPrompt&) const = default;
};

struct SyncLines {
    std::string status;    // "Online. Last checked ...; next check ..."
    std::string activity;  // "Checking the mirrors (scheduled)..." while a pass runs ("" when idle)
    std::string error;     // the last failure, one calm line ("" when none)
    bool downloading = false;
    float fraction = 0;    // of the current artifact
    std::string progress;  // "1.2 MB / 3.4 MB  45.0 KB/s  0:49 left"
    std::string held;      // "fieldkit-core: an update of 12.0 MB waits (metered link)."
    std::vector<NewPackPrompt> new_packs;
    bool operator==(const SyncLines&) const = default;
};

// `running`: an engine runs in this window (else only the stored state is known);
// `has_mirror`: a mirror is configured (given to the engine, or stored by `fieldkit sync`).
SyncLines DescribeSync(const SyncView& view, bool running, bool has_mirror, const core::SyncState& stored,
                       std::int64_t now);

// "14:02 UTC" today, else "2024-05-01 14:02 UTC"; "in 5 min", "in about 3 h".
std::string ClockText(std::int64_t t, std::int64_t now);
std::string InText(std::int64_t t, std::int64_t now);

}  // namespace fk::ui
