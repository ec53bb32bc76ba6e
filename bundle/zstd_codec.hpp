// zstd in one wrapper: raw codes never leave this file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "platform/result.hpp"

namespace fk::bundle {

// Level 19 with long-distance matching: payloads are built once and read many times. A
// large payload compresses on up to `threads` threads (0: one per core); the bytes are the
// same for any number.
std::string ZstdCompress(std::string_view raw, int level = 19, unsigned threads = 0);

// Decompresses one frame whose content size must be exactly `expected_size` (taken from
// signed metadata, never from the frame). kCorrupt on any mismatch or decoding error.
Result<std::string> ZstdDecompress(std::string_view frame, std::uint64_t expected_size);

// Delta compression against a reference ("zstd --patch-from"): the reference acts as a
// dictionary for the frame.
std::string ZstdCompressWithReference(std::string_view raw, std::string_view reference, int level = 19);
Result<std::string> ZstdDecompressWithReference(std::string_view frame, std::string_view reference,
                                                std::uint64_t expected_size);

}  // namespace fk::bundle
