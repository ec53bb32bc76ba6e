// The record stream of a third-party pack (JSON lines), as decompressed from a verified bundle.
#include "bundle/records.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    auto content = fk::bundle::DecodeRecords(fk::fuzz::Bytes(data, size));
    // What was accepted once must be accepted again after encoding.
    if (content && !fk::bundle::DecodeRecords(fk::bundle::EncodeRecords(*content))) __builtin_trap();
    return 0;
}
