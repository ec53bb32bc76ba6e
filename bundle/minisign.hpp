// minisign-compatible Ed25519 keys and signatures (libsodium), so that the stock
// `minisign -V` accepts what fieldkit signs. Only the prehashed "ED" form is produced.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "platform/result.hpp"

namespace fk::bundle {

using KeyId = std::array<std::uint8_t, 8>;

struct PublicKey {
    KeyId id{};
    std::array<std::uint8_t, 32> key{};
};

struct SecretKey {
    KeyId id{};
    std::array<std::uint8_t, 64> key{};  // libsodium layout: seed || public key
    PublicKey Public() const;
};

struct Signature {
    KeyId key_id{};
    std::array<std::uint8_t, 64> sig{};         // Ed25519 over BLAKE2b-512(data)
    std::string trusted_comment;                // signed, shown to the verifier
    std::array<std::uint8_t, 64> global_sig{};  // Ed25519 over sig || trusted_comment
};

// Key ids print as minisign prints them: 16 upper-case hex digits of the little-endian number.
std::string KeyIdHex(const KeyId& id);

struct KeyPair {
    PublicKey pub;
    SecretKey sec;
};
KeyPair GenerateKeyPair();

// Text files in minisign's format. The secret key is written unencrypted (kdf "\0\0"),
// as `minisign -G -W` does: protect the file itself.
std::string FormatPublicKey(const PublicKey& key);
std::string FormatSecretKey(const SecretKey& key);
Result<PublicKey> ParsePublicKey(std::string_view text);
Result<SecretKey> ParseSecretKey(std::string_view text);

// BLAKE2b-512 of the data, the prehash minisign signs.
std::array<std::uint8_t, 64> Prehash(std::string_view data);

Signature Sign(const SecretKey& key, std::string_view data, std::string_view trusted_comment);
Signature SignPrehashed(const SecretKey& key, const std::array<std::uint8_t, 64>& prehash,
                        std::string_view trusted_comment);

// Checks both signatures; kBadSignature on mismatch, kUnknownKey if the key id differs.
Status Verify(const PublicKey& key, const Signature& sig, std::string_view data);
Status VerifyPrehashed(const PublicKey& key, const Signature& sig, const std::array<std::uint8_t, 64>& prehash);

// The detached `.minisig` text, and its parser.
std::string FormatSignatureFile(const Signature& sig);
Result<Signature> ParseSignatureFile(std::string_view text);

// Compact binary form used inside a bundle: "ED" || key_id || sig || global_sig || comment.
std::string EncodeSignatureBlock(const Signature& sig);
Result<Signature> DecodeSignatureBlock(std::string_view block);

std::string Base64Encode(std::string_view bytes);
Result<std::string> Base64Decode(std::string_view text);

}  // namespace fk::bundle
