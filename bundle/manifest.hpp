// The signed manifest of a bundle: what the pack is, which edition, and the hashes that
// bind the payload to the signature.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "platform/result.hpp"

namespace fk::bundle {

// One link of the key-rotation chain: the publisher's key `key` (minisign public key, base64)
// follows the key `previous`, and both keys signed that. See bundle/root_chain.hpp.
struct RootLink {
    std::uint64_t root = 0;    // 2, 3, ... (root 1 is the key compiled into fieldkit)
    std::string key;           // minisign public key line (base64 of "Ed" || id || pk)
    std::string previous;      // the key it replaces, in the same form
    std::string sig_previous;  // base64 signature block by the previous key
    std::string sig_key;       // base64 signature block by the new key
};

struct Manifest {
    int format = 1;
    std::string pack;
    std::string title;
    std::string publisher;
    std::uint64_t version = 0;  // strictly increases from one edition of a pack to the next
    std::int64_t created = 0;   // Unix seconds
    std::vector<std::string> languages;
    std::uint64_t article_count = 0;
    std::string compression = "zstd";
    std::string payload_hash;  // BLAKE2b-256 (hex) of the compressed payload as stored
    std::uint64_t payload_size = 0;
    std::string raw_hash;  // BLAKE2b-256 (hex) of the record stream; deltas are computed on it
    std::uint64_t raw_size = 0;
    std::vector<RootLink> roots;  // the whole rotation chain; omitted from the JSON when empty
};

std::string ManifestToJson(const Manifest& m);
Result<Manifest> ManifestFromJson(std::string_view json);

// BLAKE2b-256 in lower-case hex.
std::string HashHex(std::string_view data);

// "2026-11-27T10:00:00Z"
std::string IsoTime(std::int64_t unix_seconds);

}  // namespace fk::bundle
