// This kit as a mirror, for `fieldkit export` (USB stick) and `fieldkit serve` (LAN): the
// newest release manifest it verified (release.json + .minisig, as signed by the publisher),
// the installed bundles under their hash names, and the deltas it holds. Every file is
// already signed by its publisher, so the receiving kit checks everything itself.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "kit/core/library.hpp"
#include "platform/result.hpp"

namespace fk::core {

// name -> file on disk. Names are "release.json", "release.json.minisig", "<hash>.fkb",
// "<hash>.fkd". Reads (and hashes) the installed bundles.
Result<std::map<std::string, std::filesystem::path>> MirrorFiles(const Library& library);

struct ExportReport {
    int files = 0;
    std::uint64_t bytes = 0;
    bool has_release_manifest = false;  // false: only `fieldkit import` can use the stick
};

// Copies MirrorFiles into `out_dir` (atomically per file), plus readable copies
// "<pack>-<version>.fkb" for `fieldkit import`.
Result<ExportReport> ExportMirror(const Library& library, const std::filesystem::path& out_dir);

}  // namespace fk::core
