// Release manifest JSON (canonical: sorted keys) and its detached-signature check.
#include "bundle/release_manifest.hpp"

#include <nlohmann/json.hpp>

#include "bundle/json_int.hpp"
#include "bundle/manifest.hpp"
#include "bundle/pack_id.hpp"
#include "bundle/root_chain.hpp"
#include "bundle/signer.hpp"
#include "platform/i18n.hpp"

namespace fk::bundle {
namespace {

using nlohmann::json;

// The file name is not written: it is always the hash and the kind's extension (".fkb" for a
// release, ".fkd" for a delta), and every byte of the list is paid for on each check.
json ArtifactJson(const Artifact& a) { return {{"hash", a.hash}, {"size", a.size}}; }

Artifact ArtifactFrom(const json& j, const char* extension) {
    Artifact a{"", j.at("hash").get<std::string>(), JsonInt<std::uint64_t>(j, "size")};
    // Names are used as URL path segments and file names: only "<hex>.<ext>".
    if (a.hash.size() != 64 || a.hash.find_first_not_of("0123456789abcdef") != std::string::npos)
        throw json::other_error::create(501, "artifact hash '" + a.hash + "' is not 64 hex digits", nullptr);
    a.name = a.hash + extension;
    if (j.contains("name") && j.at("name").get<std::string>() != a.name)  // lists written before 0.2 name it
        throw json::other_error::create(501, "artifact name is not <hash>" + std::string(extension), nullptr);
    return a;
}

}  // namespace

std::string ReleaseComment(const ReleaseManifest& m) {
    return "fieldkit release created=" + IsoTime(m.created) + " expires=" + IsoTime(m.expires);
}

std::string ReleaseManifestToJson(const ReleaseManifest& m) {
    json packs = json::object();
    for (const auto& [id, p] : m.packs) {
        json releases = json::array();
        for (const auto& r : p.releases)
            releases.push_back({{"version", r.version}, {"raw_hash", r.raw_hash}, {"file", ArtifactJson(r.file)}});
        json deltas = json::array();
        for (const auto& d : p.deltas)
            deltas.push_back({{"base_version", d.base_version},
                              {"base_raw_hash", d.base_raw_hash},
                              {"result_version", d.result_version},
                              {"result_raw_hash", d.result_raw_hash},
                              {"file", ArtifactJson(d.file)}});
        packs[id] = {{"title", p.title}, {"version", p.version}, {"releases", releases}, {"deltas", deltas}};
    }
    // Compact, and no readable copy of the date (the signature's trusted comment has it): every
    // check that finds a new list downloads it, so each byte is paid for on metered links.
    json j = {
        {"format", m.format}, {"created", m.created}, {"expires", m.expires}, {"mirrors", m.mirrors}, {"packs", packs}};
    if (!m.roots.empty()) j["roots"] = json::parse(RootsToJson(m.roots));
    if (!m.inbox.empty()) j["inbox"] = m.inbox;
    return j.dump() + "\n";
}

Result<ReleaseManifest> ReleaseManifestFromJson(std::string_view text) {
    try {
        auto j = json::parse(text);
        ReleaseManifest m;
        m.format = JsonInt<int>(j, "format");
        if (m.format != 1)
            return MakeError(ErrorCode::kTooNew, Format(tr("release manifest format {format} is not supported"),
                                                        {{"format", std::to_string(m.format)}}));
        m.created = JsonInt<std::int64_t>(j, "created");
        m.expires = JsonInt<std::int64_t>(j, "expires");
        m.mirrors = j.at("mirrors").get<std::vector<std::string>>();
        if (j.contains("inbox")) m.inbox = j.at("inbox").get<std::string>();
        if (j.contains("roots")) {
            auto roots = RootsFromJson(j.at("roots").dump());
            if (!roots) return roots.error();
            m.roots = *roots;
        }
        for (const auto& [id, pj] : j.at("packs").items()) {
            // One bad entry refuses the whole list: a signed list that lies about one pack is not
            // trusted about the others.
            if (auto st = CheckPackId(id); !st)
                return MakeError(st.error().code,
                                 Format(tr("release manifest: {error}"), {{"error", st.error().detail}}));
            PackRelease p;
            p.pack = id;
            p.title = pj.at("title").get<std::string>();
            p.version = JsonInt<std::uint64_t>(pj, "version");
            for (const auto& r : pj.at("releases"))
                p.releases.push_back({JsonInt<std::uint64_t>(r, "version"), r.at("raw_hash").get<std::string>(),
                                      ArtifactFrom(r.at("file"), ".fkb")});
            for (const auto& d : pj.at("deltas"))
                p.deltas.push_back({JsonInt<std::uint64_t>(d, "base_version"), d.at("base_raw_hash").get<std::string>(),
                                    JsonInt<std::uint64_t>(d, "result_version"),
                                    d.at("result_raw_hash").get<std::string>(), ArtifactFrom(d.at("file"), ".fkd")});
            if (p.releases.empty() || p.releases.back().version != p.version)
                return MakeError(ErrorCode::kCorrupt,
                                 Format(tr("release manifest: pack '{pack}' does not list its newest release last"),
                                        {{"pack", id}}));
            m.packs[id] = std::move(p);
        }
        return m;
    } catch (const json::exception& e) {
        return MakeError(ErrorCode::kCorrupt,
                         Format(tr("release manifest is malformed: {reason}"), {{"reason", e.what()}}));
    }
}

Result<ReleaseManifest> VerifyReleaseManifest(std::string_view text, std::string_view minisig,
                                              std::span<const PublicKey> trusted, std::span<const PublicKey> retired,
                                              PublicKey* signer_out) {
    auto sig = ParseSignatureFile(minisig);
    if (!sig) return MakeError(ErrorCode::kBadSignature, tr("release manifest signature is unreadable"));
    std::vector<PublicKey> keys(trusted.begin(), trusted.end());
    auto signer = FindSigner(keys, *sig, text, tr("release manifest"));
    if (!signer) {
        // A rotated key: the chain in the (still unverified) manifest authenticates itself.
        // Retired keys start no walk: a link the old key signs after its retirement counts for nothing.
        // Only the roots are read (depth- and size-limited), nothing else before the check.
        std::vector<PublicKey> active;
        for (const auto& k : keys)
            if (!ContainsKey(retired, k)) active.push_back(k);
        for (const auto& k : KeysReachedByRoots(active, PeekJsonRoots(text))) keys.push_back(k);
        signer = FindSigner(keys, *sig, text, tr("release manifest"));
    }
    if (!signer) {
        if (signer.error().code == ErrorCode::kUnknownKey) return signer.error();
        return MakeError(ErrorCode::kBadSignature,
                         Format(tr("release manifest: {error}"), {{"error", signer.error().detail}}));
    }
    if (auto st = CheckNotRetired(retired, *signer, tr("release manifest")); !st) return st.error();
    if (signer_out) *signer_out = *signer;
    return ReleaseManifestFromJson(text);
}

}  // namespace fk::bundle
