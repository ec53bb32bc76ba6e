// `fieldkit bundle build`: lint a content directory, encode it as a record stream,
// compress, sign, write FILE.fkb and FILE.fkb.minisig, then re-read and verify both.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "bundle/content_loader.hpp"
#include "bundle/manifest.hpp"
#include "bundle/minisign.hpp"
#include "platform/result.hpp"

namespace fk::bundle {

struct BuildOptions {
    std::optional<std::uint64_t> version;  // default: the newest `updated` date as YYYYMMDD
    std::optional<std::int64_t> created;   // default: $SOURCE_DATE_EPOCH, else now
    std::vector<RootLink> roots;            // key-rotation chain shipped in the manifest
    unsigned threads = 0;                   // 0: one per core; the bytes never depend on it
};

struct BuiltBundle {
    std::string bytes;
    Manifest manifest;
};

// Encodes already-linted content. Deterministic: same content and version, same payload.
BuiltBundle BuildFromContent(const Content& content, const SecretKey& key, const BuildOptions& options);

// Lints `content_dir` first; with any problem, fails with kInvalidContent and fills `problems`.
Result<BuiltBundle> BuildFromDirectory(const std::filesystem::path& content_dir, const SecretKey& key,
                                       const BuildOptions& options, std::vector<Problem>& problems);

// Writes the bundle and its detached minisign signature atomically, then reads both back
// and verifies them with the signer's public key before returning.
Status WriteBundleFiles(const BuiltBundle& bundle, const SecretKey& key, const std::filesystem::path& out);

}  // namespace fk::bundle
