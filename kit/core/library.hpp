// The installed library: verifies and installs packs, keeps the trusted keys, and owns the
// search index file. Every install writes beside the old files and commits by replacing
// the state file, so a crash or pulled plug at any point leaves the old version usable.
// Not thread-safe; one process at a time holds the data directory's lock while changing it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bundle/manifest.hpp"
#include "bundle/minisign.hpp"
#include "kit/core/library_state.hpp"
#include "platform/result.hpp"

namespace fk::core {

// What the binary carries: the default pack (trusted because it is compiled in, with the
// throw-away key that signed it) and the publisher's release key.
struct BuiltIn {
    std::string_view default_bundle;
    std::string_view default_bundle_key;  // minisign public key text
    std::string_view release_key;         // minisign public key text
};

struct ImportReport {
    bundle::Manifest manifest;
    std::uint64_t previous_version = 0;   // 0 when the pack is new here
    std::vector<std::string> shared_ids;  // article ids another installed pack has too
};

// What a signed release list named for an artifact. Sync passes it so that an artifact holding
// another pack (or another version), though validly signed, is refused before anything is written.
struct ExpectedRelease {
    std::string pack;
    std::uint64_t version = 0;
    std::string named_by{};  // who named them, for the message; empty: the release list
    // For a pack new to this kit: the key that signed the release list offering it. The bundle
    // must be signed by that key (or a key its root chain reaches), so a list signed by one
    // trusted publisher cannot bring in a pack signed by another.
    std::optional<bundle::PublicKey> signer{};
    // Ok, or kUnknownKey when `signer` is set and neither it nor a key it reached through
    // `roots` signed the artifact.
    Status CheckSigner(const bundle::PublicKey& actual, const std::vector<bundle::RootLink>& roots) const;
    // Ok, or kCorrupt naming what the artifact (`what`: "bundle", "delta") holds and what was named.
    Status Check(const std::string& what, const std::string& held_pack, std::uint64_t held_version) const;
};

class Library {
public:
    // Creates the data directory if needed, removes leftovers of interrupted installs,
    // installs the built-in pack when it is newer than what is installed, and rebuilds
    // the search index if it is missing or damaged.
    static Result<Library> Open(const std::filesystem::path& data_dir, const BuiltIn& built_in);

    // Verifies and installs a bundle. Errors: the bundle errors of VerifyBundle, and
    // kOlderThanInstalled when this version (or a newer one) was already accepted, kCorrupt
    // when it is not the `expected` pack and version.
    Result<ImportReport> ImportBundle(std::string_view bytes, const std::optional<ExpectedRelease>& expected = {});
    // Bundles and deltas (.fkd) alike: sniffed by their magic.
    Result<ImportReport> ImportFile(const std::filesystem::path& file);

    // Applies a chain of deltas to the installed version of their pack: each delta verified
    // (trusted key), the first based on the installed record stream, each next one on the
    // previous result; the last rebuilds the publisher's bundle byte for byte, which is then
    // installed exactly like ImportBundle (the old version stays until the new one opened).
    // Errors: the delta errors of VerifyDelta, kInvalidContent (does not apply to what is
    // installed), kCorrupt (result differs from its signed hash, or the chain does not lead to
    // the `expected` pack and version), and ImportBundle's errors.
    Result<ImportReport> ImportDeltas(const std::vector<std::string>& deltas,
                                      const std::optional<ExpectedRelease>& expected = {});

    // The record-stream hash of an installed pack (the node deltas start from).
    Result<std::string> InstalledRawHash(const std::string& pack) const;

    // Adds a publisher's public key (minisign format) to the trusted keys. Already trusted: no
    // change. A different key with the id of a trusted (or the built-in pack's) key is refused
    // with kInvalidContent. Key files are named by their fingerprint (any *.pub is read).
    Result<bundle::PublicKey> TrustKey(std::string_view public_key_text);
    // Removes an added key named by its id (refused when several keys share it) or by its
    // fingerprint (16 hex digits or more). The built-in release key cannot be removed.
    Result<bundle::PublicKey> UntrustKey(std::string_view id_or_fingerprint);
    std::vector<bundle::PublicKey> TrustedKeys() const;  // release key + added keys
    // Keys a followed root chain replaced: whatever they sign is refused (kRetiredKey).
    std::vector<bundle::PublicKey> RetiredKeys() const;
    // Whether a trusted `signer` may publish `pack` here: any may bring a pack this kit does not
    // have; an installed pack takes only its publisher's key, a key that key reached through
    // `roots` (its rotation), and for the built-in pack also the release key.
    bool MayPublish(const std::string& pack, const bundle::PublicKey& signer,
                    const std::vector<bundle::RootLink>& roots) const;

    const LibraryState& State() const { return m_state; }
    // The file that commits every install (library.json), for readers in other processes.
    static std::filesystem::path StateFile(const std::filesystem::path& data_dir);
    std::filesystem::path IndexPath() const { return m_dir / m_state.index_file; }
    const std::filesystem::path& DataDir() const { return m_dir; }

    // Reads an installed pack's bundle back (for export and for deltas).
    Result<std::string> ReadInstalledBundle(const std::string& pack) const;
    // The verified record stream of an installed pack.
    Result<std::string> ReadInstalledRecords(const std::string& pack) const;

private:
    Library(std::filesystem::path dir, BuiltIn built_in) : m_dir(std::move(dir)), m_built_in(built_in) {}
    Result<ImportReport> Install(std::string_view bytes, const std::vector<bundle::PublicKey>& keys, bool embedded,
                                 const std::optional<ExpectedRelease>& expected = {});
    Status RebuildIndex(LibraryState& next, const std::string& replaced_pack, std::string_view new_payload);
    void RemoveUnreferencedFiles() const;
    std::filesystem::path KeyFile(const bundle::PublicKey& key) const;

    std::filesystem::path m_dir;
    BuiltIn m_built_in;
    std::string m_core_pack;  // the built-in bundle's pack, whose article ids win (empty: none)
    LibraryState m_state;
};

}  // namespace fk::core
