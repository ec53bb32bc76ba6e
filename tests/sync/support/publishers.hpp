// Publishers for key and trust tests: packs built from sample content with a given key, files
// read and written whole, and what a kit has installed, all through the real fieldkit binary.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace fk::test {

std::string Slurp(const std::filesystem::path& path);
void Spit(const std::filesystem::path& path, const std::string& bytes);

// Builds `pack` at `version` signed with `sec` into `out`, from sample content kept under
// `dir` (the same bytes for the same pack and edition, whatever the key).
void BuildPack(const std::filesystem::path& dir, const std::string& pack, int edition,
               const std::filesystem::path& sec, std::uint64_t version, const std::filesystem::path& out);

// The installed version of `pack` in a kit (0 when it has none), from `status --json`.
std::uint64_t InstalledVersion(const std::filesystem::path& kit, const std::string& pack);

// Whether the real minisign accepts FILE.minisig over `file` with the public key `pub`.
bool MinisignAccepts(const std::filesystem::path& file, const std::filesystem::path& pub);

}  // namespace fk::test
