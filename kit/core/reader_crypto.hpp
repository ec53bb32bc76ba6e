// The cryptography behind the reader's passphrase (libsodium): Argon2id turns the passphrase
// into a key that wraps a random data key; rows are sealed with XChaCha20-Poly1305 under a
// key derived from the data key, with the row's identity as associated data.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "platform/result.hpp"

namespace fk::core {

// Argon2id work factors, stored beside the salt so a file keeps the cost it was made with.
struct KdfCost {
    std::uint64_t opslimit = 0;
    std::uint64_t memlimit = 0;    // bytes
    static KdfCost Interactive();  // 64 MiB: old laptops with little memory
    static KdfCost Moderate();     // 256 MiB: the default
    static KdfCost Sensitive();    // 1 GiB
    // "interactive" | "moderate" | "sensitive"
    static std::optional<KdfCost> Named(std::string_view name);
};

// The data key and the two keys derived from it, in guarded memory that is locked against
// swapping where the system allows (sodium_malloc) and wiped when freed.
class DataKey {
public:
    static Result<DataKey> Random();
    ~DataKey();
    DataKey(DataKey&& other) noexcept;
    DataKey& operator=(DataKey&& other) noexcept;
    DataKey(const DataKey&) = delete;
    DataKey& operator=(const DataKey&) = delete;

    // Seals `plaintext` as nonce || ciphertext; `kind` and `tag` name the row it belongs to.
    std::string Seal(std::string_view kind, std::string_view tag, std::string_view plaintext) const;
    // kCorrupt if the box was changed or belongs to another row.
    Result<std::string> Open(std::string_view kind, std::string_view tag, std::string_view box) const;
    // A row's identity: a keyed hash of kind and article, so the file does not name the article.
    std::string Tag(std::string_view kind, std::string_view article) const;

private:
    friend struct KeyWrap;
    explicit DataKey(unsigned char* bytes) : m_bytes(bytes) {}
    unsigned char* m_bytes = nullptr;  // master (32) | seal key (32) | tag key (32)
};

// The data key wrapped under a passphrase, as stored in reader.sqlite.
struct KeyWrap {
    std::string salt;
    std::uint64_t opslimit = 0;
    std::uint64_t memlimit = 0;
    std::string wrapped;  // nonce || XChaCha20-Poly1305(master key)

    static Result<KeyWrap> Make(const DataKey& key, std::string_view passphrase, KdfCost cost);
    // kWrongPassphrase if the passphrase does not open it; kCorrupt if the stored cost is absurd.
    Result<DataKey> Unwrap(std::string_view passphrase) const;
};

}  // namespace fk::core
