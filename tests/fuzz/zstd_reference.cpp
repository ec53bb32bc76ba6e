// A delta's patch: a frame decoded against the base record stream (input: the expected size as
// 3 little-endian bytes, then reference "\n--\n" frame).
#include "bundle/zstd_codec.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    if (size < 3) return 0;
    const std::uint64_t expected = data[0] | (data[1] << 8) | (data[2] << 16);
    const auto [reference, frame] = fk::fuzz::SplitTwo(fk::fuzz::Bytes(data + 3, size - 3));
    (void)fk::bundle::ZstdDecompressWithReference(frame, reference, expected);
    return 0;
}
