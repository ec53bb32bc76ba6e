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

// Text files in minisign's format.
std::string FormatPublicKey(const PublicKey& key);
Result<PublicKey> ParsePublicKey(std::string_view text);

// Secret keys are encrypted as `minisign -G` does (kdf "Sc"): scrypt (salsa20/8, SHA-256) of the
// passphrase with a random salt and the limits below, XORed over key id, key and checksum.
// FormatSecretKey writes the unencrypted form of `minisign -G -W` (kdf "\0\0").
struct ScryptLimits {
    std::uint64_t opslimit = 0;
    std::uint64_t memlimit = 0;
};
// What minisign 0.11 writes: libsodium's "sensitive" scrypt limits (1 GiB, a few seconds).
inline constexpr ScryptLimits kMinisignScrypt{33554432, 1073741824};
// Files asking for more memory or work than this are refused rather than run.
inline constexpr ScryptLimits kMaxScrypt{1ull << 36, 4ull << 30};

std::string FormatSecretKey(const SecretKey& key);
std::string FormatEncryptedSecretKey(const SecretKey& key, std::string_view passphrase,
                                     ScryptLimits limits = kMinisignScrypt);
// Whether a secret key file is encrypted (false for anything that is not a secret key).
bool IsEncryptedSecretKey(std::string_view text);
// Reads either form; `passphrase` is used only for an encrypted key. A wrong passphrase (or a
// damaged file) fails the key's checksum and is refused with kBadSignature.
Result<SecretKey> ParseSecretKey(std::string_view text, std::string_view passphrase = {});

// Overwrites a string that held a passphrase or key text (a plain clear may be optimised away).
void Wipe(std::string& secret);

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
