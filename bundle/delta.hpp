// Deltas between two editions of a pack (.fkd): a small signed file that turns the record
// stream of the base edition into the exact bytes of the result bundle. Layout in FORMAT.md.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bundle/manifest.hpp"
#include "bundle/minisign.hpp"
#include "platform/result.hpp"

namespace fk::bundle {

inline constexpr std::uint32_t kDeltaFormat = 2;
inline constexpr size_t kDeltaHeaderSize = 72;

// What a delta turns into what. The base fields come from the delta's header and are not
// signed: they only say which record stream to start from, and a wrong one cannot produce the
// signed result. The result fields come from the result bundle's own signed manifest.
struct DeltaManifest {
    std::string pack;
    std::uint64_t base_version = 0;
    std::string base_raw_hash;  // record stream the patch is computed against (hex)
    std::uint64_t base_raw_size = 0;
    std::uint64_t result_version = 0;
    std::string result_raw_hash;  // record stream the patch produces
    std::uint64_t result_raw_size = 0;
    std::string result_payload_hash;  // the result bundle's compressed payload, rebuilt byte for byte
    std::uint64_t result_payload_size = 0;
};

// True when `file` starts with the delta magic (cheap sniffing for `fieldkit import`).
bool LooksLikeDelta(std::string_view file);

// What a delta says it does, after the layout checks and without any signature check: for
// labels (armored text) only; VerifyDelta is the check.
Result<DeltaManifest> PeekDelta(std::string_view file);

// Computes the delta from `old_bundle` to `new_bundle` (both verified with `signer`'s
// public key; same pack, strictly increasing version). The delta needs no signature of its
// own: it carries the new bundle's signed head, and the patch must reproduce what that signs.
Result<std::string> MakeDelta(std::string_view old_bundle, std::string_view new_bundle, const SecretKey& signer);

struct VerifiedDelta {
    DeltaManifest manifest;
    PublicKey signer;              // of the result head
    std::string_view result_head;  // header + manifest + signature of the result bundle (points into the file)
    std::string_view patch;        // points into the caller's bytes
};

// Checks magic, format, lengths, then the result head: signer among `trusted`, signature over
// the result bundle's header and manifest. Nothing is decompressed.
// Errors: kNotABundle, kTooNew, kTruncated, kCorrupt, kUnknownKey, kBadSignature.
Result<VerifiedDelta> VerifyDelta(std::string_view file, std::span<const PublicKey> trusted);

// The key-rotation chain in the result bundle's manifest, read before any signature check
// (the links authenticate themselves). Empty if none or unreadable.
std::vector<RootLink> PeekDeltaRoots(std::string_view file);

// Applies the patch to the base record stream, which must hash to base_raw_hash. The result is
// checked against the signed result_raw_hash/size (a damaged or forged patch fails here). Memory: the base, the result and zstd's window.
Result<std::string> ApplyDeltaRecords(const VerifiedDelta& delta, std::string_view base_records);

// Rebuilds the result bundle from its record stream: result head + recompressed payload,
// checked against the signed payload hash (kCorrupt if this zstd build compresses differently:
// callers then fall back to the full bundle).
Result<std::string> RebuildResultBundle(const VerifiedDelta& delta, std::string_view result_records);

}  // namespace fk::bundle
