// Signed manifests of third-party packs, as JSON.
#include "bundle/manifest.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    const auto json = fk::fuzz::Bytes(data, size);
    if (auto m = fk::bundle::ManifestFromJson(json))
        if (!fk::bundle::ManifestFromJson(fk::bundle::ManifestToJson(*m))) __builtin_trap();
    return 0;
}
