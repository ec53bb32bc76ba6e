// A .fkd from a USB stick or a mirror: sniffing, header and lengths before the signature check.
#include "bundle/delta.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    const auto file = fk::fuzz::Bytes(data, size);
    (void)fk::bundle::LooksLikeDelta(file);
    auto delta = fk::bundle::VerifyDelta(file, fk::fuzz::TrustedKeys());
    // The patch itself is fuzzed by zstd_reference; here only what the header makes of it.
    if (delta) (void)fk::bundle::ApplyDeltaRecords(*delta, {});
    return 0;
}
