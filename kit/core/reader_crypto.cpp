// Reader passphrase cryptography with libsodium (see reader_crypto.hpp).
#include "kit/core/reader_crypto.hpp"

#include <sodium.h>

#include <utility>

#include "platform/i18n.hpp"

namespace fk::core {
namespace {

constexpr std::size_t kKeyBytes = 32;
constexpr std::size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kMacBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES + 1] = "fkreader";

static_assert(kKeyBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
static_assert(kKeyBytes == crypto_kdf_KEYBYTES);

bool SodiumReady() {
    static const bool ready = sodium_init() >= 0;
    return ready;
}

const unsigned char* Bytes(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}

std::string Le64(std::uint64_t v) {
    std::string out(8, '\0');
    for (int i = 0; i < 8; ++i) out[static_cast<size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xff);
    return out;
}

// Associated data binds a row's box to its kind and tag, and a wrapped key to its KDF inputs.
std::string RowAd(std::string_view kind, std::string_view tag) {
    std::string ad = "fieldkit row v1";
    ad.push_back('\0');
    ad.append(kind);
    ad.push_back('\0');
    ad.append(tag);
    return ad;
}

std::string WrapAd(const KeyWrap& w) {
    return "fieldkit key v1" + w.salt + Le64(w.opslimit) + Le64(w.memlimit);
}

std::string SealWith(const unsigned char* key, std::string_view ad, std::string_view plaintext) {
    std::string box(kNonceBytes + plaintext.size() + kMacBytes, '\0');
    auto* out = reinterpret_cast<unsigned char*>(box.data());
    randombytes_buf(out, kNonceBytes);
    unsigned long long len = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(out + kNonceBytes, &len, Bytes(plaintext), plaintext.size(), Bytes(ad),
                                               ad.size(), nullptr, out, key);
    return box;
}

bool OpenWith(const unsigned char* key, std::string_view ad, std::string_view box, unsigned char* out) {
    if (box.size() < kNonceBytes + kMacBytes) return false;
    unsigned long long len = 0;
    return crypto_aead_xchacha20poly1305_ietf_decrypt(out, &len, nullptr, Bytes(box) + kNonceBytes,
                                                      box.size() - kNonceBytes, Bytes(ad), ad.size(), Bytes(box),
                                                      key) == 0;
}

// Guarded memory for 3 keys; nullptr when the system refuses it.
unsigned char* AllocKeys() {
    if (!SodiumReady()) return nullptr;
    return static_cast<unsigned char*>(sodium_malloc(3 * kKeyBytes));
}

void DeriveSubkeys(unsigned char* bytes) {
    crypto_kdf_derive_from_key(bytes + kKeyBytes, kKeyBytes, 1, kKdfContext, bytes);
    crypto_kdf_derive_from_key(bytes + 2 * kKeyBytes, kKeyBytes, 2, kKdfContext, bytes);
}

Error NoMemory() {
    return MakeError(ErrorCode::kInternal, tr("cannot allocate protected memory for the reader's key"));
}

// The key-encryption key: Argon2id over the passphrase, in guarded memory.
struct Kek {
    unsigned char* bytes = nullptr;
    ~Kek() {
        if (bytes) sodium_free(bytes);
    }
};

Status DeriveKek(Kek& kek, std::string_view passphrase, const KeyWrap& w) {
    if (!SodiumReady() || !(kek.bytes = static_cast<unsigned char*>(sodium_malloc(kKeyBytes)))) return NoMemory();
    if (crypto_pwhash(kek.bytes, kKeyBytes, passphrase.data(), passphrase.size(), Bytes(w.salt), w.opslimit,
                      static_cast<size_t>(w.memlimit), crypto_pwhash_ALG_ARGON2ID13) != 0)
        return MakeError(ErrorCode::kInternal,
                         Format(tr("not enough memory to derive the key from the passphrase ({size} MiB needed)"),
                                {{"size", std::to_string(w.memlimit >> 20)}}));
    return Ok{};
}

}  // namespace

KdfCost KdfCost::Interactive() {
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}
KdfCost KdfCost::Moderate() {
    return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
}
KdfCost KdfCost::Sensitive() {
    return {crypto_pwhash_OPSLIMIT_SENSITIVE, crypto_pwhash_MEMLIMIT_SENSITIVE};
}

std::optional<KdfCost> KdfCost::Named(std::string_view name) {
    if (name == "interactive") return Interactive();
    if (name == "moderate") return Moderate();
    if (name == "sensitive") return Sensitive();
    return std::nullopt;
}

Result<DataKey> DataKey::Random() {
    unsigned char* bytes = AllocKeys();
    if (!bytes) return NoMemory();
    crypto_kdf_keygen(bytes);
    DeriveSubkeys(bytes);
    return DataKey(bytes);
}

DataKey::~DataKey() {
    if (m_bytes) sodium_free(m_bytes);  // wipes before freeing
}

DataKey::DataKey(DataKey&& other) noexcept : m_bytes(std::exchange(other.m_bytes, nullptr)) {}

DataKey& DataKey::operator=(DataKey&& other) noexcept {
    if (this != &other) {
        if (m_bytes) sodium_free(m_bytes);
        m_bytes = std::exchange(other.m_bytes, nullptr);
    }
    return *this;
}

std::string DataKey::Seal(std::string_view kind, std::string_view tag, std::string_view plaintext) const {
    return SealWith(m_bytes + kKeyBytes, RowAd(kind, tag), plaintext);
}

Result<std::string> DataKey::Open(std::string_view kind, std::string_view tag, std::string_view box) const {
    std::string out(box.size() > kNonceBytes + kMacBytes ? box.size() - kNonceBytes - kMacBytes : 0, '\0');
    if (!OpenWith(m_bytes + kKeyBytes, RowAd(kind, tag), box, reinterpret_cast<unsigned char*>(out.data())))
        return MakeError(
            ErrorCode::kCorrupt,
            // TRANSLATORS: {kind} is the stored name of a kind of row: "note", "bookmark" or "history".
            Format(tr("a locked {kind} row failed its integrity check (changed outside fieldkit)"), {{"kind", kind}}));
    return out;
}

std::string DataKey::Tag(std::string_view kind, std::string_view article) const {
    std::string in(kind);
    in.push_back('\0');
    in.append(article);
    std::string out(16, '\0');
    crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), out.size(), Bytes(in), in.size(),
                       m_bytes + 2 * kKeyBytes, kKeyBytes);
    return out;
}

Result<KeyWrap> KeyWrap::Make(const DataKey& key, std::string_view passphrase, KdfCost cost) {
    if (!SodiumReady()) return NoMemory();
    KeyWrap w;
    w.salt.assign(crypto_pwhash_SALTBYTES, '\0');
    randombytes_buf(w.salt.data(), w.salt.size());
    w.opslimit = cost.opslimit;
    w.memlimit = cost.memlimit;
    Kek kek;
    if (auto st = DeriveKek(kek, passphrase, w); !st) return st.error();
    w.wrapped = SealWith(kek.bytes, WrapAd(w), std::string_view(reinterpret_cast<const char*>(key.m_bytes), kKeyBytes));
    return w;
}

Result<DataKey> KeyWrap::Unwrap(std::string_view passphrase) const {
    // The stored cost comes from a file: bound it so a changed file cannot ask for 4 TiB.
    if (salt.size() != crypto_pwhash_SALTBYTES || wrapped.size() != kNonceBytes + kKeyBytes + kMacBytes ||
        opslimit < crypto_pwhash_OPSLIMIT_MIN || opslimit > 4 * crypto_pwhash_OPSLIMIT_SENSITIVE ||
        memlimit < crypto_pwhash_MEMLIMIT_MIN || memlimit > crypto_pwhash_MEMLIMIT_SENSITIVE)
        return MakeError(ErrorCode::kCorrupt, tr("the reader database's lock record is damaged"));
    Kek kek;
    if (auto st = DeriveKek(kek, passphrase, *this); !st) return st.error();
    unsigned char* bytes = AllocKeys();
    if (!bytes) return NoMemory();
    DataKey key(bytes);
    if (!OpenWith(kek.bytes, WrapAd(*this), wrapped, bytes))
        return MakeError(ErrorCode::kWrongPassphrase, tr("wrong passphrase"));
    DeriveSubkeys(bytes);
    return key;
}

}  // namespace fk::core
