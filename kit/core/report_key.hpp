// The kit's report key: an Ed25519 key made on first use and kept in <data_dir>/report.key
// (0600), used only to sign field reports. It says "the same kit wrote these" and nothing about
// who the reader is; wiping the reader's data removes it, and the next report makes a new one.
#pragma once

#include <filesystem>

#include "kit/core/field_report.hpp"
#include "platform/result.hpp"

namespace fk::core {

inline constexpr const char* kReportKeyFile = "report.key";

// Loads the key, or makes and stores one if there is none (two processes at once end up with
// the same key). Errors: kCorrupt (a damaged key file is never replaced), kIo, kNoSpace.
Result<ReportSigningKey> LoadOrMakeReportKey(const std::filesystem::path& data_dir);

}  // namespace fk::core
