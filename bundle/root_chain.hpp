// Key rotation: a chain of root links, each signed by the old and the new publisher key, shipped
// in every bundle's manifest (and in release.json) so a kit offline for a year can still walk
// from the key it trusts to the key that signs today's releases. Layout in FORMAT.md.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bundle/manifest.hpp"
#include "bundle/minisign.hpp"
#include "platform/result.hpp"

namespace fk::bundle {

// The exact bytes both keys sign for a link.
std::string RootMessage(const RootLink& link);

// A link from `previous` to `next` with root number `root`.
RootLink MakeRootLink(std::uint64_t root, const SecretKey& previous, const SecretKey& next);

// Keys reached from `trusted` by walking `chain` in order: a link counts only when its
// previous key is trusted or was reached by an earlier link, its root number increases,
// and both signatures verify. Returns the newly reached keys (not those already trusted).
std::vector<PublicKey> KeysReachedByRoots(std::span<const PublicKey> trusted, const std::vector<RootLink>& chain);

// The same walk, with what it replaced: each followed link retires its previous key.
struct RootWalk {
    std::vector<PublicKey> reached;
    std::vector<PublicKey> retired;  // previous keys of the links followed, in chain order
    std::uint64_t root = 0;          // root number of the last link followed (0: none)
    std::string origin;              // previous key line of the first link followed: names the chain
};
RootWalk WalkRoots(std::span<const PublicKey> trusted, const std::vector<RootLink>& chain);

// Every key named in the chain (previous and new), for a publisher checking its own mirror.
std::vector<PublicKey> KeysNamedInRoots(const std::vector<RootLink>& chain);

// The publisher's roots file (JSON array), kept beside the secret keys.
std::string RootsToJson(const std::vector<RootLink>& chain);
Result<std::vector<RootLink>> RootsFromJson(std::string_view json);

// The "roots" member of an unverified JSON object (a release list or a bundle manifest), and
// nothing else of it: anything nested deeper than kMaxPeekDepth or larger than kMaxPeekSize
// gives an empty chain without being parsed further (the bytes come from anyone).
inline constexpr int kMaxPeekDepth = 8;
inline constexpr std::size_t kMaxPeekSize = 1 << 20;
std::vector<RootLink> PeekJsonRoots(std::string_view json);

// The chain in a bundle's manifest, read *before* the bundle's signature is checked (the
// links authenticate themselves). Bounded by the header's manifest length. Empty if none.
std::vector<RootLink> PeekBundleRoots(std::string_view bundle_file);

}  // namespace fk::bundle
