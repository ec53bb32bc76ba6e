// Signatures from a mirror: the detached .minisig text and the binary block inside bundles.
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    const auto in = fk::fuzz::Bytes(data, size);
    const auto& trusted = fk::fuzz::TrustedKeys();
    if (auto sig = fk::bundle::ParseSignatureFile(in); sig && !trusted.empty())
        (void)fk::bundle::Verify(trusted[0], *sig, "fuzz");
    if (auto sig = fk::bundle::DecodeSignatureBlock(in)) {
        // What is decoded must survive its own encoding unchanged.
        auto again = fk::bundle::DecodeSignatureBlock(fk::bundle::EncodeSignatureBlock(*sig));
        if (!again || again->trusted_comment != sig->trusted_comment || again->sig != sig->sig) __builtin_trap();
    }
    return 0;
}
