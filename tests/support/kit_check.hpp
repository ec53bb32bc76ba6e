// Checks of a data directory as it is on disk after a crash or a failed install, before
// anything opens (and so repairs) it: what library.json names is there, and the index and the
// reader's database pass PRAGMA integrity_check. Each returns "" or what is wrong.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace fk::test {

// `pack` is installed whole: its bundle file exists and the index is sound; `version` gets its version.
std::string CheckInstalled(const std::filesystem::path& kit, const std::string& pack, std::uint64_t& version);

// PRAGMA integrity_check of one SQLite file ("ok" when sound).
std::string IntegrityCheck(const std::filesystem::path& file, bool read_only);

}  // namespace fk::test
