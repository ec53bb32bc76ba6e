// Library: install flow and start-up repair. See library.hpp for the guarantees.
#include "kit/core/library.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <deque>

#include "bundle/bundle_file.hpp"
#include "bundle/delta.hpp"
#include "bundle/pack_id.hpp"
#include "bundle/records.hpp"
#include "bundle/root_chain.hpp"
#include "bundle/signer.hpp"
#include "kit/core/content_index.hpp"
#include "kit/core/index_builder.hpp"
#include "platform/file_lock.hpp"
#include "platform/files.hpp"
#include "platform/i18n.hpp"
#include "platform/utf8_path.hpp"

namespace fk::core {
namespace fs = std::filesystem;
namespace {

constexpr const char* kStateFile = "library.json";
constexpr const char* kPacksDir = "packs";
constexpr const char* kKeysDir = "trusted-keys";

std::int64_t Now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Serialises changes between processes (a CLI import while the window runs).
class DirLock {
public:
    explicit DirLock(const fs::path& dir) : m_lock(platform::LockFileWaiting(dir / "lock")) {}

private:
    std::unique_ptr<platform::WaitingFileLock> m_lock;
};

std::string PublicKeyBase64(const bundle::PublicKey& k) {
    std::string text = bundle::FormatPublicKey(k);
    size_t nl = text.find('\n');
    return text.substr(nl + 1, text.size() - nl - 2);
}

}  // namespace

Result<Library> Library::Open(const fs::path& data_dir, const BuiltIn& built_in) {
    Library lib(data_dir, built_in);
    if (auto st = platform::MakeDirs(data_dir / kPacksDir, tr("data directory")); !st) return st.error();
    if (auto st = platform::MakeDirs(data_dir / kKeysDir, tr("data directory")); !st) return st.error();
    DirLock lock(data_dir);
    auto state = LoadLibraryState(data_dir / kStateFile);
    if (!state) {
        // Keep the damaged file for inspection and start again from the built-in pack.
        std::error_code ec;
        fs::rename(data_dir / kStateFile, data_dir / "library.json.damaged", ec);
        state = LibraryState{};
    }
    lib.m_state = std::move(*state);
    lib.RemoveUnreferencedFiles();
    std::optional<bundle::Manifest> built_in_manifest;
    std::vector<bundle::PublicKey> built_in_keys;
    if (!built_in.default_bundle.empty()) {
        auto key = bundle::ParsePublicKey(built_in.default_bundle_key);
        if (!key) return MakeError(ErrorCode::kInternal, tr("built-in bundle key is unreadable"));
        built_in_keys.push_back(*key);
        // Its pack and version decide whether to install it; Install verifies it all first.
        auto manifest = bundle::PeekBundleManifest(built_in.default_bundle);
        if (!manifest)
            return MakeError(ErrorCode::kInternal, Format(tr("built-in bundle does not verify: {error}"),
                                                          {{"error", manifest.error().detail}}));
        lib.m_core_pack = manifest->pack;
        built_in_manifest = std::move(*manifest);
    }

    bool index_ok = false;
    if (!lib.m_state.index_file.empty()) index_ok = ContentIndex::Usable(lib.IndexPath());
    if (!index_ok && !lib.m_state.packs.empty()) {
        LibraryState next = lib.m_state;
        if (auto st = lib.RebuildIndex(next, "", ""); st) {
            if (auto saved = SaveLibraryState(data_dir / kStateFile, next); saved) lib.m_state = std::move(next);
        }
    }

    if (built_in_manifest) {
        auto floor = lib.m_state.floors.find(built_in_manifest->pack);
        if (floor == lib.m_state.floors.end() || floor->second < built_in_manifest->version) {
            auto r = lib.Install(built_in.default_bundle, built_in_keys, true);
            if (!r) return r.error();
        }
    }
    lib.RemoveUnreferencedFiles();
    return lib;
}

std::filesystem::path Library::StateFile(const std::filesystem::path& data_dir) {
    return data_dir / kStateFile;
}

std::vector<bundle::PublicKey> Library::RetiredKeys() const {
    std::vector<bundle::PublicKey> keys;
    for (const auto& [origin, r] : m_state.roots)
        for (const auto& line : r.retired)
            if (auto k = bundle::ParsePublicKey(line)) keys.push_back(*k);
    return keys;
}

std::vector<bundle::PublicKey> Library::TrustedKeys() const {
    std::vector<bundle::PublicKey> keys;
    if (auto k = bundle::ParsePublicKey(m_built_in.release_key)) keys.push_back(*k);
    std::error_code ec;
    for (const auto& f : fs::directory_iterator(m_dir / kKeysDir, ec)) {
        if (f.path().extension() != ".pub") continue;
        if (auto text = platform::ReadFile(f.path(), tr("trusted key"), 4096))
            if (auto k = bundle::ParsePublicKey(*text)) keys.push_back(*k);
    }
    return keys;
}

Result<bundle::PublicKey> Library::TrustKey(std::string_view text) {
    auto key = bundle::ParsePublicKey(text);
    if (!key) return MakeError(ErrorCode::kInvalidContent, tr("not a minisign public key"));
    DirLock lock(m_dir);
    auto known = TrustedKeys();
    if (auto k = bundle::ParsePublicKey(m_built_in.default_bundle_key)) known.push_back(*k);
    if (bundle::ContainsKey(known, *key)) return *key;  // already trusted: nothing to do
    // Ids are chosen by whoever makes the key: a second key under a trusted id is refused, not
    // allowed to stand in for (or shadow) the first.
    for (const auto& k : known)
        if (k.id == key->id)
            return MakeError(
                ErrorCode::kInvalidContent,
                Format(tr("key {key} (fingerprint {fingerprint}) has the id of the already trusted key {trusted} "
                          "(fingerprint {trusted_fingerprint}), but is a different key: not trusted"),
                       {{"key", bundle::KeyIdHex(key->id)},
                        {"fingerprint", bundle::KeyFingerprint(*key).substr(0, 16)},
                        {"trusted", bundle::KeyIdHex(k.id)},
                        {"trusted_fingerprint", bundle::KeyFingerprint(k).substr(0, 16)}}));
    auto st = platform::WriteFileAtomic(KeyFile(*key), bundle::FormatPublicKey(*key), tr("trusted key"));
    if (!st) return st.error();
    return *key;
}

Result<bundle::PublicKey> Library::UntrustKey(std::string_view name) {
    std::string want(name);
    for (auto& c : want) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    DirLock lock(m_dir);
    std::vector<std::pair<fs::path, bundle::PublicKey>> files;  // a key may sit under its old and new name
    std::vector<bundle::PublicKey> matches;
    std::error_code ec;
    for (const auto& f : fs::directory_iterator(m_dir / kKeysDir, ec)) {
        if (f.path().extension() != ".pub") continue;
        auto text = platform::ReadFile(f.path(), tr("trusted key"), 4096);
        auto k = text ? bundle::ParsePublicKey(*text) : Result<bundle::PublicKey>(text.error());
        if (!k) continue;
        std::string id = bundle::KeyIdHex(k->id);
        for (auto& c : id) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const bool by_fingerprint = want.size() >= 16 && bundle::KeyFingerprint(*k).starts_with(want);
        if (id != want && !by_fingerprint) continue;
        files.emplace_back(f.path(), *k);
        if (!bundle::ContainsKey(matches, *k)) matches.push_back(*k);
    }
    if (matches.empty())
        return MakeError(ErrorCode::kNotFound,
                         Format(tr("no added key has the id or fingerprint '{name}'"), {{"name", name}}));
    if (matches.size() > 1)
        return MakeError(
            ErrorCode::kUsage,
            Format(trn("{n} trusted key has the id {name}; name one by its fingerprint (`fieldkit trust list`)",
                       "{n} trusted keys have the id {name}; name one by its fingerprint (`fieldkit trust list`)",
                       matches.size()),
                   {{"n", std::to_string(matches.size())}, {"name", name}}));
    for (const auto& [path, k] : files) {
        fs::remove(path, ec);
        if (ec) return platform::ErrnoError(ec.value(), tr("trusted key"), path);
    }
    return matches.front();
}

fs::path Library::KeyFile(const bundle::PublicKey& key) const {
    return m_dir / kKeysDir / (bundle::KeyFingerprint(key) + ".pub");
}

Result<ImportReport> Library::ImportFile(const fs::path& file) {
    auto bytes = platform::ReadFile(file, tr("bundle"), bundle::kMaxRawPayloadSize);
    if (!bytes) return bytes.error();
    if (bundle::LooksLikeDelta(*bytes)) return ImportDeltas({std::move(*bytes)});
    return ImportBundle(*bytes);
}

Status ExpectedRelease::Check(const std::string& what, const std::string& held_pack, std::uint64_t held_version) const {
    if (held_pack == pack && held_version == version) return Ok{};
    return MakeError(
        ErrorCode::kCorrupt,
        // TRANSLATORS: {what} is "bundle" or "delta", {who} names who named the release ("the
        // release list", "the parts' header").
        Format(tr("{what} holds pack '{held_pack}' version {held_version} where {who} names '{pack}' version "
                  "{version}; nothing installed"),
               {{"what", what},
                {"held_pack", held_pack},
                {"held_version", std::to_string(held_version)},
                {"who", named_by.empty() ? std::string(tr("the release list")) : named_by},
                {"pack", pack},
                {"version", std::to_string(version)}}));
}

Status ExpectedRelease::CheckSigner(const bundle::PublicKey& actual, const std::vector<bundle::RootLink>& roots) const {
    if (!signer || bundle::SameKey(*signer, actual)) return Ok{};
    if (bundle::ContainsKey(bundle::KeysReachedByRoots(std::span(&*signer, 1), roots), actual))
        return Ok{};  // the list's publisher rotated its key
    return MakeError(ErrorCode::kUnknownKey,
                     Format(tr("pack '{pack}' is offered by a release list signed by key {key}, but the bundle is "
                               "signed by key {other} (fingerprint {fingerprint}); nothing installed"),
                            {{"pack", pack},
                             {"key", bundle::KeyIdHex(signer->id)},
                             {"other", bundle::KeyIdHex(actual.id)},
                             {"fingerprint", bundle::KeyFingerprint(actual).substr(0, 16)}}));
}

Result<ImportReport> Library::ImportBundle(std::string_view bytes, const std::optional<ExpectedRelease>& expected) {
    DirLock lock(m_dir);
    // Another process may have installed something since we opened.
    if (auto fresh = LoadLibraryState(m_dir / kStateFile)) m_state = std::move(*fresh);
    return Install(bytes, TrustedKeys(), false, expected);
}

bool Library::MayPublish(const std::string& pack, const bundle::PublicKey& signer,
                         const std::vector<bundle::RootLink>& roots) const {
    auto installed = m_state.packs.find(pack);
    if (installed == m_state.packs.end()) return true;
    const auto publisher = bundle::ParsePublicKey(installed->second.public_key);
    if (publisher && bundle::SameKey(*publisher, signer)) return true;
    if (publisher && bundle::ContainsKey(bundle::KeysReachedByRoots(std::span(&*publisher, 1), roots), signer))
        return true;  // the publisher rotated its key
    const auto release_key = bundle::ParsePublicKey(m_built_in.release_key);
    return installed->second.embedded && release_key && bundle::SameKey(*release_key, signer);
}

Result<ImportReport> Library::Install(std::string_view bytes, const std::vector<bundle::PublicKey>& keys,
                                      bool embedded, const std::optional<ExpectedRelease>& expected) {
    // A publisher that rotated its key ships the chain: keys it reaches from trusted ones count.
    // Keys a followed rotation retired start no walk and sign nothing more.
    std::vector<bundle::PublicKey> retired = RetiredKeys(), active;
    for (const auto& k : keys)
        if (!bundle::ContainsKey(retired, k)) active.push_back(k);
    const bundle::RootWalk walk = bundle::WalkRoots(active, bundle::PeekBundleRoots(bytes));
    std::vector<bundle::PublicKey> all_keys = keys;
    all_keys.insert(all_keys.end(), walk.reached.begin(), walk.reached.end());
    auto vb = bundle::VerifyBundle(bytes, all_keys);
    if (!vb) return vb.error();
    retired.insert(retired.end(), walk.retired.begin(), walk.retired.end());
    if (auto st = bundle::CheckNotRetired(retired, vb->signer, tr("bundle")); !st) return st.error();
    const bundle::Manifest& m = vb->manifest;
    if (expected) {
        if (auto st = expected->Check(tr("bundle"), m.pack, m.version); !st) return st.error();
        if (auto st = expected->CheckSigner(vb->signer, m.roots); !st) return st.error();
    }
    ImportReport report{m, 0, {}};
    const bool learned_key = bundle::ContainsKey(walk.reached, vb->signer);

    auto installed = m_state.packs.find(m.pack);
    if (installed != m_state.packs.end()) {
        report.previous_version = installed->second.version;
        const auto old_key = bundle::ParsePublicKey(installed->second.public_key);
        if (!embedded && !MayPublish(m.pack, vb->signer, m.roots))  // fingerprints too: the ids may be the same
        {
            const std::string new_key = bundle::KeyIdHex(vb->signer.id);
            const std::string new_fingerprint = bundle::KeyFingerprint(vb->signer).substr(0, 16);
            if (old_key)
                return MakeError(
                    ErrorCode::kUnknownKey,
                    Format(tr("pack '{pack}' is installed from key {key} (fingerprint {fingerprint}) but this copy "
                              "is signed by {new_key} (fingerprint {new_fingerprint})"),
                           {{"pack", m.pack},
                            {"key", installed->second.key_id},
                            {"fingerprint", bundle::KeyFingerprint(*old_key).substr(0, 16)},
                            {"new_key", new_key},
                            {"new_fingerprint", new_fingerprint}}));
            return MakeError(ErrorCode::kUnknownKey,
                             Format(tr("pack '{pack}' is installed from key {key} but this copy is signed by {new_key} "
                                       "(fingerprint {new_fingerprint})"),
                                    {{"pack", m.pack},
                                     {"key", installed->second.key_id},
                                     {"new_key", new_key},
                                     {"new_fingerprint", new_fingerprint}}));
        }
    }
    if (auto floor = m_state.floors.find(m.pack); floor != m_state.floors.end() && m.version <= floor->second) {
        if (m.version == floor->second)
            return MakeError(ErrorCode::kOlderThanInstalled,
                             Format(tr("pack '{pack}' version {version} is already installed"),
                                    {{"pack", m.pack}, {"version", std::to_string(m.version)}}));
        return MakeError(
            ErrorCode::kOlderThanInstalled,
            Format(tr("pack '{pack}': you already have version {installed}, newer than this version {version}"),
                   {{"pack", m.pack},
                    {"installed", std::to_string(floor->second)},
                    {"version", std::to_string(m.version)}}));
    }

    auto raw = bundle::OpenPayload(*vb);
    if (!raw) return raw.error();

    if (auto st = bundle::CheckPackId(m.pack); !st) return st.error();  // checked when read; it becomes a path
    const std::string rel_file = std::string(kPacksDir) + "/" + m.pack + "-" + std::to_string(m.version) + ".fkb";
    if (auto st = platform::WriteFileAtomic(m_dir / rel_file, bytes, tr("installed bundle")); !st) return st.error();

    LibraryState next = m_state;
    InstalledPack& p = next.packs[m.pack];
    p = InstalledPack{m.pack, m.version, m.title, m.publisher, m.created, m.article_count, rel_file,
                      PublicKeyBase64(vb->signer), bundle::KeyIdHex(vb->signer.id), embedded, Now()};
    next.floors[m.pack] = m.version;
    next.clock_floor = std::max(next.clock_floor, m.created);
    if (walk.root > 0) {  // remembered, so the old key stays refused when a later file omits the chain
        RootState& chain = next.roots[walk.origin];
        chain.root = std::max(chain.root, walk.root);
        for (const auto& k : walk.retired)
            if (const std::string line = PublicKeyBase64(k);
                std::find(chain.retired.begin(), chain.retired.end(), line) == chain.retired.end())
                chain.retired.push_back(line);
    }
    if (auto st = RebuildIndex(next, m.pack, *raw); !st) {
        std::error_code ec;
        fs::remove(m_dir / rel_file, ec);
        return st.error();
    }
    if (auto st = SaveLibraryState(m_dir / kStateFile, next); !st) return st.error();  // the commit point
    m_state = std::move(next);
    if (auto index = ContentIndex::Open(IndexPath())) report.shared_ids = index->SharedIds(m.pack);
    if (learned_key)  // later deltas and release lists are signed by it too
        (void)platform::WriteFileAtomic(KeyFile(vb->signer), bundle::FormatPublicKey(vb->signer), tr("trusted key"));
    RemoveUnreferencedFiles();
    return report;
}

Status Library::RebuildIndex(LibraryState& next, const std::string& replaced_pack, std::string_view new_payload) {
    std::vector<PackContent> packs;
    std::deque<std::string> payloads;  // the other packs' record streams (a deque never moves them)
    for (const auto& [id, p] : next.packs) {
        std::string_view raw = new_payload;
        PackContent pc;
        if (id != replaced_pack) {
            auto bytes = platform::ReadFile(m_dir / p.file, tr("installed bundle"), bundle::kMaxRawPayloadSize);
            if (!bytes) return bytes.error();
            auto key = bundle::ParsePublicKey(p.public_key);
            if (!key)
                return MakeError(ErrorCode::kCorrupt,
                                 Format(tr("library state: key of pack '{pack}' is damaged"), {{"pack", id}}));
            std::vector<bundle::PublicKey> keys{*key};
            auto vb = bundle::VerifyBundle(*bytes, keys);
            if (!vb)
                return MakeError(vb.error().code, Format(tr("installed pack '{pack}': {error}"),
                                                         {{"pack", id}, {"error", vb.error().detail}}));
            auto opened = bundle::OpenPayload(*vb);
            if (!opened) return opened.error();
            raw = payloads.emplace_back(std::move(*opened));
            pc.manifest = vb->manifest;
        } else {
            pc.manifest.pack = p.pack;
            pc.manifest.version = p.version;
            pc.manifest.title = p.title;
            pc.manifest.publisher = p.publisher;
            pc.manifest.created = p.created;
        }
        pc.core = id == m_core_pack;
        pc.records = raw;  // decoded while the index is built, one article at a time
        packs.push_back(std::move(pc));
    }
    next.generation = m_state.generation + 1;
    next.index_file = "index-" + std::to_string(next.generation) + ".sqlite";
    const fs::path final_path = m_dir / next.index_file;
    // An unpredictable name: nothing can be planted there in advance. Leftovers of a crash start
    // with "index-" and RemoveUnreferencedFiles clears them.
    const fs::path tmp_path = platform::UniqueTempPath(final_path, ".building-");
    std::error_code ec;
    if (auto st = BuildIndex(tmp_path, packs); !st) {
        fs::remove(tmp_path, ec);
        return st;
    }
    fs::rename(tmp_path, final_path, ec);
    if (ec) return platform::ErrnoError(ec.value(), tr("search index"), final_path);
    if (auto st = platform::SyncDirectory(m_dir); !st) return st;
    // The new version must open and answer before it replaces the old one.
    auto check = ContentIndex::Open(final_path);
    if (!check || check->CountArticles() != check->ArticleCount() || (check->ArticleCount() == 0 && !packs.empty())) {
        fs::remove(final_path, ec);
        return MakeError(ErrorCode::kCorrupt, tr("new search index failed its check"));
    }
    return Ok{};
}

void Library::RemoveUnreferencedFiles() const {
    std::error_code ec;
    auto referenced = [&](const fs::path& p) {
        const std::string rel = platform::GenericUtf8FromPath(fs::relative(p, m_dir, ec));
        if (rel == m_state.index_file) return true;
        for (const auto& [id, pack] : m_state.packs)
            if (pack.file == rel) return true;
        return false;
    };
    for (const auto& dir : {m_dir, m_dir / kPacksDir}) {
        for (const auto& f : fs::directory_iterator(dir, ec)) {
            const std::string name = platform::Utf8FromPath(f.path().filename());
            const bool ours = dir == m_dir ? (name.starts_with("index-") || name.starts_with(std::string(kStateFile) + ".tmp"))
                                           : true;
            if (ours && f.is_regular_file() && !referenced(f.path())) fs::remove(f.path(), ec);
        }
    }
}

Result<std::string> Library::ReadInstalledBundle(const std::string& pack) const {
    auto it = m_state.packs.find(pack);
    if (it == m_state.packs.end())
        return MakeError(ErrorCode::kNotFound, Format(tr("pack '{pack}' is not installed"), {{"pack", pack}}));
    return platform::ReadFile(m_dir / it->second.file, tr("installed bundle"), bundle::kMaxRawPayloadSize);
}

}  // namespace fk::core
