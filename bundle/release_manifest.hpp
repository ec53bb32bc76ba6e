// The signed release manifest of a mirror (release.json + release.json.minisig): every pack's
// newest version, every artifact (full bundles, deltas) by name, hash and length, the delta
// edges base -> result, when it was made, a soft expiry and further mirrors.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bundle/manifest.hpp"
#include "bundle/minisign.hpp"
#include "platform/result.hpp"

namespace fk::bundle {

inline constexpr const char* kReleaseFile = "release.json";
// Unsigned downloads (read before their signature is checked) are capped: a hostile mirror
// can send no more than this, however long it keeps the body going.
inline constexpr std::uint64_t kMaxReleaseFileSize = 64 << 10;
inline constexpr std::uint64_t kMaxSignatureFileSize = 4096;

struct Artifact {
    std::string name;  // "<hash>.fkb" or "<hash>.fkd": content never changes under a name
    std::string hash;  // BLAKE2b-256 hex of the whole file
    std::uint64_t size = 0;
};

struct ReleaseEntry {  // one full bundle of a pack
    std::uint64_t version = 0;
    std::string raw_hash;  // its record stream, the node deltas connect
    Artifact file;
};

struct DeltaEdge {
    std::uint64_t base_version = 0;
    std::string base_raw_hash;
    std::uint64_t result_version = 0;
    std::string result_raw_hash;
    Artifact file;
};

struct PackRelease {
    std::string pack;
    std::string title;
    std::uint64_t version = 0;           // the newest release
    std::vector<ReleaseEntry> releases;  // oldest first; the last is the newest
    std::vector<DeltaEdge> deltas;
    const ReleaseEntry* Newest() const { return releases.empty() ? nullptr : &releases.back(); }
};

struct ReleaseManifest {
    int format = 1;
    std::int64_t created = 0;  // Unix seconds; strictly increases from one publish to the next
    std::int64_t expires = 0;  // past it, sync refuses the list from that mirror and asks the next
    std::vector<std::string> mirrors;
    // Where kits may POST field reports (http or https); empty: this publisher takes none.
    std::string inbox;
    std::map<std::string, PackRelease> packs;
    std::vector<RootLink> roots;  // key-rotation chain (from the newest bundle); omitted when empty
};

std::string ReleaseManifestToJson(const ReleaseManifest& m);
Result<ReleaseManifest> ReleaseManifestFromJson(std::string_view json);

std::string ReleaseComment(const ReleaseManifest& m);

// Checks the detached signature (minisign text) over the exact bytes with one of `trusted`
// (extended by the manifest's own root chain when the signer is not trusted yet), then
// parses. Errors: kBadSignature, kUnknownKey, kCorrupt.
// A signer among `retired` (keys a root chain replaced) is refused with kRetiredKey.
// `signer`, when given, receives the key that signed it.
Result<ReleaseManifest> VerifyReleaseManifest(std::string_view json, std::string_view minisig,
                                              std::span<const PublicKey> trusted,
                                              std::span<const PublicKey> retired = {}, PublicKey* signer = nullptr);

}  // namespace fk::bundle
