// Secret key files, unencrypted (`-W`) and encrypted (scrypt). Encrypted inputs asking for
// more than a little scrypt work are skipped: the parser's cap is tested in the unit tests,
// and a fuzzer spending seconds per input on scrypt finds nothing.
#include <string>

#include "tests/fuzz/fuzz_input.hpp"

namespace {

bool CheapToDerive(std::string_view text) {
    const size_t start = text.find('\n');
    if (start == std::string_view::npos) return true;
    auto raw = fk::bundle::Base64Decode(text.substr(start + 1, text.find('\n', start + 1) - start - 1));
    if (!raw || raw->size() < 54) return true;
    auto le64 = [&](size_t at) {
        std::uint64_t v = 0;
        for (size_t i = 8; i-- > 0;) v = (v << 8) | static_cast<unsigned char>((*raw)[at + i]);
        return v;
    };
    return le64(38) <= (1u << 15) && le64(46) <= (16u << 20);  // opslimit, memlimit
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    const auto text = fk::fuzz::Bytes(data, size);
    const bool encrypted = fk::bundle::IsEncryptedSecretKey(text);
    if (encrypted && !CheapToDerive(text)) return 0;
    auto key = fk::bundle::ParseSecretKey(text, "fuzz");
    if (key && !encrypted) {
        auto again = fk::bundle::ParseSecretKey(fk::bundle::FormatSecretKey(*key));
        if (!again || again->key != key->key) __builtin_trap();
    }
    return 0;
}
