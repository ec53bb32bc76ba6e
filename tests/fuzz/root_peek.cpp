// Key-rotation chains read before any signature check: from a bundle's or a delta's manifest,
// from the publisher's roots file, and the walk that checks each link's two signatures.
#include "bundle/delta.hpp"
#include "bundle/root_chain.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    const auto in = fk::fuzz::Bytes(data, size);
    const auto& trusted = fk::fuzz::TrustedKeys();
    (void)fk::bundle::KeysReachedByRoots(trusted, fk::bundle::PeekBundleRoots(in));
    (void)fk::bundle::KeysReachedByRoots(trusted, fk::bundle::PeekDeltaRoots(in));
    if (auto roots = fk::bundle::RootsFromJson(in)) {
        (void)fk::bundle::KeysReachedByRoots(trusted, *roots);
        (void)fk::bundle::KeysNamedInRoots(*roots);
    }
    return 0;
}
