// minisign-compatible signing with libsodium. See ../shared notes in bundle/FORMAT.md.
#include "bundle/minisign.hpp"

#include <sodium.h>

#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "platform/i18n.hpp"

namespace fk::bundle {
namespace {

void EnsureSodium() {
    static const bool ready = [] {
        if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
        return true;
    }();
    (void)ready;
}

// Splits text into lines without the line ends (CRLF tolerated).
std::vector<std::string_view> Lines(std::string_view text) {
    std::vector<std::string_view> out;
    while (!text.empty()) {
        size_t nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        out.push_back(line);
        if (nl == std::string_view::npos) break;
        text.remove_prefix(nl + 1);
    }
    return out;
}

Error BadKey(const char* what) { return MakeError(ErrorCode::kCorrupt, what); }

}  // namespace

std::string Base64Encode(std::string_view bytes) {
    EnsureSodium();
    std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::strlen(out.c_str()));
    return out;
}

Result<std::string> Base64Decode(std::string_view text) {
    EnsureSodium();
    std::string out(text.size(), '\0');
    size_t len = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), " \t",
                          &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
        return MakeError(ErrorCode::kCorrupt, tr("invalid base64"));
    out.resize(len);
    return out;
}

std::string KeyIdHex(const KeyId& id) {
    std::uint64_t n = 0;
    for (int i = 7; i >= 0; --i) n = (n << 8) | id[static_cast<size_t>(i)];
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llX", static_cast<unsigned long long>(n));
    return buf;
}

PublicKey SecretKey::Public() const {
    PublicKey pub;
    pub.id = id;
    std::memcpy(pub.key.data(), key.data() + 32, 32);
    return pub;
}

KeyPair GenerateKeyPair() {
    EnsureSodium();
    KeyPair kp;
    randombytes_buf(kp.sec.id.data(), kp.sec.id.size());
    crypto_sign_keypair(kp.pub.key.data(), kp.sec.key.data());
    kp.pub.id = kp.sec.id;
    return kp;
}

std::string FormatPublicKey(const PublicKey& key) {
    std::string raw = "Ed";
    raw.append(reinterpret_cast<const char*>(key.id.data()), key.id.size());
    raw.append(reinterpret_cast<const char*>(key.key.data()), key.key.size());
    return "untrusted comment: minisign public key " + KeyIdHex(key.id) + "\n" + Base64Encode(raw) + "\n";
}

namespace {

// The packed secret key: "Ed" || kdf[2] || "B2" || salt[32] || opslimit u64le || memlimit u64le ||
// then, encrypted as one block, key_id[8] || sk[64] || checksum[32].
constexpr size_t kSecretKeySize = 158, kSaltAt = 6, kOpsAt = 38, kMemAt = 46, kSecretAt = 54, kSecretSize = 104;

// BLAKE2b-256("Ed" || key_id || sk), the check minisign stores with the key.
std::array<unsigned char, 32> KeyChecksum(const KeyId& id, const std::array<std::uint8_t, 64>& sk) {
    std::array<unsigned char, 32> chk{};
    crypto_generichash_state st;
    crypto_generichash_init(&st, nullptr, 0, chk.size());
    crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>("Ed"), 2);
    crypto_generichash_update(&st, id.data(), id.size());
    crypto_generichash_update(&st, sk.data(), sk.size());
    crypto_generichash_final(&st, chk.data(), chk.size());
    return chk;
}

void PutLe64(std::string& out, size_t at, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out[at + static_cast<size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xff);
}

std::uint64_t GetLe64(std::string_view in, size_t at) {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(in[at + static_cast<size_t>(i)]);
    return v;
}

// XORs the secret block of `raw` with scrypt(passphrase, salt) under the stored limits, as
// minisign does (libsodium's crypto_pwhash_scryptsalsa208sha256 picks N, r, p from them).
Status XorWithPassphrase(std::string& raw, std::string_view passphrase) {
    const std::uint64_t ops = GetLe64(raw, kOpsAt), mem = GetLe64(raw, kMemAt);
    if (ops > kMaxScrypt.opslimit || mem > kMaxScrypt.memlimit)
        return MakeError(ErrorCode::kCorrupt,
                         Format(tr("secret key asks for more scrypt work or memory than allowed ({size} MiB)"),
                                {{"size", std::to_string(mem >> 20)}}));
    std::array<unsigned char, kSecretSize> stream{};
    if (crypto_pwhash_scryptsalsa208sha256(stream.data(), stream.size(), passphrase.data(), passphrase.size(),
                                           reinterpret_cast<const unsigned char*>(raw.data() + kSaltAt), ops,
                                           static_cast<size_t>(mem)) != 0)
        return MakeError(ErrorCode::kNoSpace,
                         Format(tr("not enough memory to derive the key from the passphrase ({size} MiB)"),
                                {{"size", std::to_string(mem >> 20)}}));
    for (size_t i = 0; i < kSecretSize; ++i) raw[kSecretAt + i] = static_cast<char>(raw[kSecretAt + i] ^ stream[i]);
    sodium_memzero(stream.data(), stream.size());
    return Ok{};
}

std::string PackSecretKey(const SecretKey& key, const char kdf[2], ScryptLimits limits) {
    std::string raw(kSecretKeySize, '\0');
    raw[0] = 'E', raw[1] = 'd', raw[2] = kdf[0], raw[3] = kdf[1], raw[4] = 'B', raw[5] = '2';
    PutLe64(raw, kOpsAt, limits.opslimit);
    PutLe64(raw, kMemAt, limits.memlimit);
    const auto chk = KeyChecksum(key.id, key.key);
    std::memcpy(raw.data() + kSecretAt, key.id.data(), 8);
    std::memcpy(raw.data() + kSecretAt + 8, key.key.data(), 64);
    std::memcpy(raw.data() + kSecretAt + 72, chk.data(), 32);
    return raw;
}

std::string SecretKeyText(std::string& raw, const char* comment) {
    std::string text = std::string("untrusted comment: ") + comment + "\n" + Base64Encode(raw) + "\n";
    sodium_memzero(raw.data(), raw.size());
    return text;
}

}  // namespace

std::string FormatSecretKey(const SecretKey& key) {
    EnsureSodium();
    std::string raw = PackSecretKey(key, "\0\0", {});
    return SecretKeyText(raw, "minisign secret key (unencrypted; keep this file offline)");
}

std::string FormatEncryptedSecretKey(const SecretKey& key, std::string_view passphrase, ScryptLimits limits) {
    EnsureSodium();
    std::string raw = PackSecretKey(key, "Sc", limits);
    randombytes_buf(raw.data() + kSaltAt, 32);
    if (auto st = XorWithPassphrase(raw, passphrase); !st) throw std::runtime_error(st.error().detail);
    return SecretKeyText(raw, "minisign encrypted secret key");
}

void Wipe(std::string& secret) {
    sodium_memzero(secret.data(), secret.size());
}

bool IsEncryptedSecretKey(std::string_view text) {
    auto lines = Lines(text);
    if (lines.size() < 2) return false;
    auto raw = Base64Decode(lines[1]);
    return raw && raw->size() == kSecretKeySize && raw->compare(2, 2, "Sc") == 0;
}

Result<PublicKey> ParsePublicKey(std::string_view text) {
    auto lines = Lines(text);
    // Accept both the two-line file and a bare base64 line (as `minisign -P` takes).
    std::string_view b64 = lines.size() >= 2 ? lines[1] : (lines.empty() ? "" : lines[0]);
    auto raw = Base64Decode(b64);
    if (!raw || raw->size() != 42 || raw->compare(0, 2, "Ed") != 0) return BadKey(tr("not a minisign public key"));
    PublicKey key;
    std::memcpy(key.id.data(), raw->data() + 2, 8);
    std::memcpy(key.key.data(), raw->data() + 10, 32);
    return key;
}

Result<SecretKey> ParseSecretKey(std::string_view text, std::string_view passphrase) {
    EnsureSodium();
    auto lines = Lines(text);
    if (lines.size() < 2) return BadKey(tr("not a minisign secret key"));
    auto raw = Base64Decode(lines[1]);
    if (!raw || raw->size() != kSecretKeySize || raw->compare(0, 2, "Ed") != 0 || raw->compare(4, 2, "B2") != 0)
        return BadKey(tr("not a minisign secret key"));
    const bool encrypted = raw->compare(2, 2, "Sc") == 0;
    if (!encrypted && raw->compare(2, 2, std::string_view("\0\0", 2)) != 0)
        return BadKey(tr("secret key uses an unknown key derivation"));
    if (encrypted)
        if (auto st = XorWithPassphrase(*raw, passphrase); !st) return st.error();
    SecretKey key;
    std::memcpy(key.id.data(), raw->data() + kSecretAt, 8);
    std::memcpy(key.key.data(), raw->data() + kSecretAt + 8, 64);
    // minisign -W leaves the checksum zero, so only an encrypted key's checksum is checked.
    const auto chk = KeyChecksum(key.id, key.key);
    const bool sum_ok = sodium_memcmp(chk.data(), raw->data() + kSecretAt + 72, chk.size()) == 0;
    sodium_memzero(raw->data(), raw->size());
    if (encrypted && !sum_ok)
        return MakeError(ErrorCode::kBadSignature, tr("wrong passphrase (or a damaged key file)"));
    // The second half of an Ed25519 secret key is its public key: it must belong to the seed.
    std::array<std::uint8_t, 32> pk{};
    std::array<std::uint8_t, 64> sk{};
    crypto_sign_seed_keypair(pk.data(), sk.data(), key.key.data());
    const bool pair_ok = sodium_memcmp(sk.data(), key.key.data(), sk.size()) == 0;
    sodium_memzero(sk.data(), sk.size());
    if (!pair_ok) return BadKey(tr("secret key is damaged (its halves do not match)"));
    return key;
}

std::array<std::uint8_t, 64> Prehash(std::string_view data) {
    EnsureSodium();
    std::array<std::uint8_t, 64> h{};
    crypto_generichash(h.data(), h.size(), reinterpret_cast<const unsigned char*>(data.data()), data.size(), nullptr,
                       0);
    return h;
}

Signature SignPrehashed(const SecretKey& key, const std::array<std::uint8_t, 64>& prehash,
                        std::string_view trusted_comment) {
    EnsureSodium();
    Signature s;
    s.key_id = key.id;
    s.trusted_comment = std::string(trusted_comment);
    crypto_sign_detached(s.sig.data(), nullptr, prehash.data(), prehash.size(), key.key.data());
    std::string global(reinterpret_cast<const char*>(s.sig.data()), s.sig.size());
    global += s.trusted_comment;
    crypto_sign_detached(s.global_sig.data(), nullptr, reinterpret_cast<const unsigned char*>(global.data()),
                         global.size(), key.key.data());
    return s;
}

Signature Sign(const SecretKey& key, std::string_view data, std::string_view trusted_comment) {
    return SignPrehashed(key, Prehash(data), trusted_comment);
}

Status VerifyPrehashed(const PublicKey& key, const Signature& sig, const std::array<std::uint8_t, 64>& prehash) {
    EnsureSodium();
    if (sig.key_id != key.id)
        return MakeError(ErrorCode::kUnknownKey,
                         Format(tr("signed by key {key}, not by key {expected}"),
                                {{"key", KeyIdHex(sig.key_id)}, {"expected", KeyIdHex(key.id)}}));
    if (crypto_sign_verify_detached(sig.sig.data(), prehash.data(), prehash.size(), key.key.data()) != 0)
        return MakeError(ErrorCode::kBadSignature, tr("signature does not match the content"));
    std::string global(reinterpret_cast<const char*>(sig.sig.data()), sig.sig.size());
    global += sig.trusted_comment;
    if (crypto_sign_verify_detached(sig.global_sig.data(), reinterpret_cast<const unsigned char*>(global.data()),
                                    global.size(), key.key.data()) != 0)
        return MakeError(ErrorCode::kBadSignature, tr("trusted comment signature does not match"));
    return Ok{};
}

Status Verify(const PublicKey& key, const Signature& sig, std::string_view data) {
    return VerifyPrehashed(key, sig, Prehash(data));
}

std::string FormatSignatureFile(const Signature& sig) {
    std::string raw = "ED";
    raw.append(reinterpret_cast<const char*>(sig.key_id.data()), sig.key_id.size());
    raw.append(reinterpret_cast<const char*>(sig.sig.data()), sig.sig.size());
    std::string global(reinterpret_cast<const char*>(sig.global_sig.data()), sig.global_sig.size());
    return "untrusted comment: signature from fieldkit\n" + Base64Encode(raw) +
           "\ntrusted comment: " + sig.trusted_comment + "\n" + Base64Encode(global) + "\n";
}

Result<Signature> ParseSignatureFile(std::string_view text) {
    auto lines = Lines(text);
    constexpr std::string_view kTrusted = "trusted comment: ";
    if (lines.size() < 4 || lines[2].substr(0, kTrusted.size()) != kTrusted)
        return MakeError(ErrorCode::kCorrupt, tr("not a minisign signature file"));
    auto raw = Base64Decode(lines[1]);
    auto global = Base64Decode(lines[3]);
    if (!raw || raw->size() != 74 || !global || global->size() != 64)
        return MakeError(ErrorCode::kCorrupt, tr("not a minisign signature file"));
    if (raw->compare(0, 2, "ED") != 0)
        return MakeError(ErrorCode::kBadSignature, tr("legacy (non-prehashed) signatures are not accepted"));
    Signature s;
    std::memcpy(s.key_id.data(), raw->data() + 2, 8);
    std::memcpy(s.sig.data(), raw->data() + 10, 64);
    std::memcpy(s.global_sig.data(), global->data(), 64);
    s.trusted_comment = std::string(lines[2].substr(kTrusted.size()));
    return s;
}

std::string EncodeSignatureBlock(const Signature& sig) {
    std::string out = "ED";
    out.append(reinterpret_cast<const char*>(sig.key_id.data()), 8);
    out.append(reinterpret_cast<const char*>(sig.sig.data()), 64);
    out.append(reinterpret_cast<const char*>(sig.global_sig.data()), 64);
    out += sig.trusted_comment;
    return out;
}

Result<Signature> DecodeSignatureBlock(std::string_view block) {
    if (block.size() < 138 || block.substr(0, 2) != "ED")
        return MakeError(ErrorCode::kCorrupt, tr("signature block is malformed"));
    Signature s;
    std::memcpy(s.key_id.data(), block.data() + 2, 8);
    std::memcpy(s.sig.data(), block.data() + 10, 64);
    std::memcpy(s.global_sig.data(), block.data() + 74, 64);
    s.trusted_comment = std::string(block.substr(138));
    return s;
}

}  // namespace fk::bundle
