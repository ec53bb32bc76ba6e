// A mirror's release.json and release.json.minisig (input: json "\n--\n" minisig): the
// signature check with the list's own root chain, then the list as a trusted publisher wrote it.
#include "bundle/release_manifest.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    const auto [json, minisig] = fk::fuzz::SplitTwo(fk::fuzz::Bytes(data, size));
    (void)fk::bundle::VerifyReleaseManifest(json, minisig, fk::fuzz::TrustedKeys());
    auto list = fk::bundle::ReleaseManifestFromJson(json);
    if (list) (void)fk::bundle::ReleaseManifestFromJson(fk::bundle::ReleaseManifestToJson(*list));
    return 0;
}
