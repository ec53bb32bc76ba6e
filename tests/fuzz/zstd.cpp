// A bundle's payload frame (input: the expected size as 3 little-endian bytes, then the frame).
#include "bundle/zstd_codec.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    if (size < 3) return 0;
    const std::uint64_t expected = data[0] | (data[1] << 8) | (data[2] << 16);  // up to 16 MiB
    (void)fk::bundle::ZstdDecompress(fk::fuzz::Bytes(data + 3, size - 3), expected);
    return 0;
}
