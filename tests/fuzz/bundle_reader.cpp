// A .fkb from a USB stick or a mirror: header and lengths before the signature check, then,
// for inputs signed by the seed key, the payload and its record stream.
#include "bundle/bundle_file.hpp"
#include "bundle/records.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    auto bundle = fk::bundle::VerifyBundle(fk::fuzz::Bytes(data, size), fk::fuzz::TrustedKeys());
    if (!bundle) return 0;
    auto records = fk::bundle::OpenPayload(*bundle);
    if (records) (void)fk::bundle::DecodeRecords(*records);
    return 0;
}
