// Finding the signer among trusted keys: see signer.hpp.
#include "bundle/signer.hpp"

#include <sodium.h>

#include <optional>

#include "platform/i18n.hpp"

namespace fk::bundle {

bool SameKey(const PublicKey& a, const PublicKey& b) { return a.id == b.id && a.key == b.key; }

bool ContainsKey(std::span<const PublicKey> keys, const PublicKey& key) {
    for (const auto& k : keys)
        if (SameKey(k, key)) return true;
    return false;
}

std::string KeyFingerprint(const PublicKey& key) {
    std::array<unsigned char, 40> whole{};
    std::copy(key.id.begin(), key.id.end(), whole.begin());
    std::copy(key.key.begin(), key.key.end(), whole.begin() + 8);
    std::array<unsigned char, 32> h{};
    crypto_generichash(h.data(), h.size(), whole.data(), whole.size(), nullptr, 0);
    std::string hex(h.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), h.data(), h.size());
    hex.pop_back();
    return hex;
}

Result<PublicKey> FindSigner(std::span<const PublicKey> keys, const Signature& sig, std::string_view data,
                             std::string_view what) {
    std::optional<Error> failure;
    std::optional<std::array<std::uint8_t, 64>> prehash;
    for (const auto& k : keys) {
        if (k.id != sig.key_id) continue;
        if (!prehash) prehash = Prehash(data);
        auto st = VerifyPrehashed(k, sig, *prehash);
        if (st) return k;
        failure = st.error();
    }
    if (failure) return *failure;
    return MakeError(ErrorCode::kUnknownKey,
                     // TRANSLATORS: {what} names the signed thing ("bundle", "release manifest"), {key} is a key id.
                     Format(tr("{what} signed by unknown key {key}; trust it with `fieldkit trust add KEY.pub`"),
                            {{"what", what}, {"key", KeyIdHex(sig.key_id)}}));
}

Status CheckNotRetired(std::span<const PublicKey> retired, const PublicKey& signer, std::string_view what) {
    if (!ContainsKey(retired, signer)) return Ok{};
    return MakeError(ErrorCode::kRetiredKey,
                     Format(tr("{what} signed by retired key {key}: its publisher rotated to a newer key (root chain)"),
                            {{"what", what}, {"key", KeyIdHex(signer.id)}}));
}

}  // namespace fk::bundle
