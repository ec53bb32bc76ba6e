// Base64 as it appears in keys, signatures and root links.
#include <string>

#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    const auto in = fk::fuzz::Bytes(data, size);
    if (auto bytes = fk::bundle::Base64Decode(in)) {
        auto again = fk::bundle::Base64Decode(fk::bundle::Base64Encode(*bytes));
        if (!again || *again != *bytes) __builtin_trap();
    }
    auto back = fk::bundle::Base64Decode(fk::bundle::Base64Encode(in));
    if (!back || *back != in) __builtin_trap();
    return 0;
}
