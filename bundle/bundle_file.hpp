// Reading and writing the one-file bundle (.fkb): header, signed manifest, zstd payload,
// signature block. The byte layout is in bundle/FORMAT.md.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "bundle/manifest.hpp"
#include "bundle/minisign.hpp"
#include "platform/result.hpp"

namespace fk::bundle {

inline constexpr std::uint32_t kBundleFormat = 1;
inline constexpr size_t kBundleHeaderSize = 32;
inline constexpr std::uint64_t kMaxManifestSize = 1 << 20;
inline constexpr std::uint64_t kMaxRawPayloadSize = 1ull << 30;

// Lays out a bundle and signs header + manifest with `key`. The manifest's payload
// hash and size must already describe `payload`.
std::string AssembleBundle(const Manifest& manifest, std::string_view payload, const SecretKey& key);

struct VerifiedBundle {
    Manifest manifest;
    Signature signature;
    PublicKey signer;
    std::string_view payload;  // points into the caller's bytes
};

// Checks, in this order: magic, format, lengths, signer among `trusted`, signature over
// header and manifest, then payload length and hash. Nothing is decompressed.
// Errors: kNotABundle, kTooNew, kTruncated, kCorrupt, kUnknownKey, kBadSignature.
Result<VerifiedBundle> VerifyBundle(std::string_view file, std::span<const PublicKey> trusted);

// The manifest alone, after the layout checks and without any signature check: only for the
// bundle compiled into fieldkit, whose pack and version decide whether to install it (an
// install verifies everything first).
Result<Manifest> PeekBundleManifest(std::string_view file);

// The record stream of a verified bundle, size-capped by its signed manifest.
Result<std::string> OpenPayload(const VerifiedBundle& bundle);

// The trusted comment fieldkit puts in every signature it makes.
std::string TrustedComment(const Manifest& m);

}  // namespace fk::bundle
