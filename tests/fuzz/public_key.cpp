// Public keys handed over by people (`trust add`, release roots): minisign's text form.
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    auto key = fk::bundle::ParsePublicKey(fk::fuzz::Bytes(data, size));
    if (!key) return 0;
    auto again = fk::bundle::ParsePublicKey(fk::bundle::FormatPublicKey(*key));
    if (!again || again->id != key->id || again->key != key->key) __builtin_trap();
    return 0;
}
