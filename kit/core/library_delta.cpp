// Library: installing from deltas (a chain of .fkd files applied to the installed records).
#include "bundle/bundle_file.hpp"
#include "bundle/delta.hpp"
#include "bundle/root_chain.hpp"
#include "bundle/signer.hpp"
#include "kit/core/library.hpp"
#include "platform/files.hpp"
#include "platform/i18n.hpp"

namespace fk::core {

Result<std::string> Library::ReadInstalledRecords(const std::string& pack) const {
    auto it = m_state.packs.find(pack);
    if (it == m_state.packs.end())
        return MakeError(ErrorCode::kNotFound, Format(tr("pack '{pack}' is not installed"), {{"pack", pack}}));
    auto bytes = ReadInstalledBundle(pack);
    if (!bytes) return bytes.error();
    auto key = bundle::ParsePublicKey(it->second.public_key);
    if (!key)
        return MakeError(ErrorCode::kCorrupt,
                         Format(tr("library state: key of pack '{pack}' is damaged"), {{"pack", pack}}));
    auto vb = bundle::VerifyBundle(*bytes, std::span<const bundle::PublicKey>(&*key, 1));
    if (!vb)
        return MakeError(vb.error().code, Format(tr("installed pack '{pack}': {error}"),
                                                 {{"pack", pack}, {"error", vb.error().detail}}));
    return bundle::OpenPayload(*vb);
}

Result<std::string> Library::InstalledRawHash(const std::string& pack) const {
    auto bytes = ReadInstalledBundle(pack);
    if (!bytes) return bytes.error();
    auto it = m_state.packs.find(pack);
    auto key = bundle::ParsePublicKey(it->second.public_key);
    if (!key)
        return MakeError(ErrorCode::kCorrupt,
                         Format(tr("library state: key of pack '{pack}' is damaged"), {{"pack", pack}}));
    auto vb = bundle::VerifyBundle(*bytes, std::span<const bundle::PublicKey>(&*key, 1));
    if (!vb)
        return MakeError(vb.error().code, Format(tr("installed pack '{pack}': {error}"),
                                                 {{"pack", pack}, {"error", vb.error().detail}}));
    return vb->manifest.raw_hash;
}

Result<ImportReport> Library::ImportDeltas(const std::vector<std::string>& deltas,
                                          const std::optional<ExpectedRelease>& expected) {
    if (deltas.empty()) return MakeError(ErrorCode::kUsage, tr("no deltas to apply"));
    if (auto fresh = LoadLibraryState(m_dir / "library.json")) m_state = std::move(*fresh);  // retired keys
    const auto trusted = TrustedKeys();
    const auto retired = RetiredKeys();
    std::vector<bundle::PublicKey> active;  // retired keys start no walk
    for (const auto& k : trusted)
        if (!bundle::ContainsKey(retired, k)) active.push_back(k);
    std::vector<bundle::VerifiedDelta> verified;
    for (const auto& d : deltas) {
        const bundle::RootWalk walk = bundle::WalkRoots(active, bundle::PeekDeltaRoots(d));
        std::vector<bundle::PublicKey> keys = trusted;  // plus a rotated key its chain reaches
        keys.insert(keys.end(), walk.reached.begin(), walk.reached.end());
        auto vd = bundle::VerifyDelta(d, keys);
        if (!vd) return vd.error();
        std::vector<bundle::PublicKey> refused = retired;
        refused.insert(refused.end(), walk.retired.begin(), walk.retired.end());
        if (auto st = bundle::CheckNotRetired(refused, vd->signer, tr("delta")); !st) return st.error();
        verified.push_back(*vd);
    }
    const std::string& pack = verified.front().manifest.pack;
    for (size_t i = 1; i < verified.size(); ++i) {
        const auto& prev = verified[i - 1].manifest;
        const auto& cur = verified[i].manifest;
        if (cur.pack != pack || cur.base_raw_hash != prev.result_raw_hash || cur.base_version != prev.result_version)
            return MakeError(ErrorCode::kInvalidContent, tr("deltas do not form a chain (mixed versions?)"));
    }
    const auto& last = verified.back().manifest;
    if (expected)  // checked before any work: a smuggled delta of another pack changes nothing
        if (auto st = expected->Check(tr("delta"), pack, last.result_version); !st) return st.error();
    // Read under no lock: ImportBundle takes the lock and re-checks the floor before installing.
    if (auto fresh = LoadLibraryState(m_dir / "library.json")) m_state = std::move(*fresh);
    auto installed = m_state.packs.find(pack);
    if (installed == m_state.packs.end())
        return MakeError(
            ErrorCode::kNotFound,
            Format(tr("delta for pack '{pack}', which is not installed (import the full bundle)"), {{"pack", pack}}));
    if (last.result_version <= installed->second.version)
        return MakeError(
            ErrorCode::kOlderThanInstalled,
            Format(tr("pack '{pack}': you already have version {installed}; this delta leads to {version}"),
                   {{"pack", pack},
                    {"installed", std::to_string(installed->second.version)},
                    {"version", std::to_string(last.result_version)}}));
    auto records = ReadInstalledRecords(pack);
    if (!records) return records.error();
    std::string current = std::move(*records);
    for (const auto& vd : verified) {
        auto next = bundle::ApplyDeltaRecords(vd, current);
        if (!next) return next.error();
        current = std::move(*next);
    }
    auto bundle_bytes = bundle::RebuildResultBundle(verified.back(), current);
    if (!bundle_bytes) return bundle_bytes.error();
    return ImportBundle(*bundle_bytes, expected);
}

}  // namespace fk::core
