// Delta files: build (publisher), verify and apply (client). Layout: bundle/FORMAT.md, "Delta".
#include "bundle/delta.hpp"

#include <cstring>
#include <nlohmann/json.hpp>

#include "bundle/bundle_file.hpp"
#include "bundle/json_int.hpp"
#include "bundle/pack_id.hpp"
#include "bundle/root_chain.hpp"
#include "bundle/signer.hpp"
#include "bundle/zstd_codec.hpp"
#include "platform/i18n.hpp"

namespace fk::bundle {
namespace {

constexpr char kMagic[8] = {'F', 'K', 'D', 'E', 'L', 'T', 'A', '\0'};

void PutLE(std::string& out, std::uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
std::uint64_t GetLE(std::string_view s, size_t at, int bytes) {
    std::uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(s[at + static_cast<size_t>(i)]);
    return v;
}

std::string DeltaComment(const DeltaManifest& m) {
    return "fieldkit delta pack=" + m.pack + " " + std::to_string(m.base_version) + "->" +
           std::to_string(m.result_version);
}

// The result head is the publisher's own signed bundle header: check it before any work, so
// a damaged head is refused up front rather than after decompressing and recompressing.
Status CheckResultHead(const VerifiedDelta& vd, std::span<const PublicKey> trusted) {
    const std::string_view head = vd.result_head;
    const DeltaManifest& m = vd.manifest;
    auto bad = [](const char* what) {
        return MakeError(ErrorCode::kCorrupt, Format(tr("delta result head: {reason}"), {{"reason", what}}));
    };
    if (head.size() < kBundleHeaderSize || head.substr(0, 8) != "FKBUNDLE") return bad(tr("not a bundle header"));
    if (GetLE(head, 8, 4) == 0 || GetLE(head, 8, 4) > kBundleFormat) return bad(tr("unsupported bundle format"));
    const std::uint64_t manifest_len = GetLE(head, 12, 4), sig_len = GetLE(head, 16, 4);
    if (manifest_len == 0 || sig_len < 138 || kBundleHeaderSize + manifest_len + sig_len != head.size() ||
        GetLE(head, 24, 8) != m.result_bundle_size - head.size())
        return bad(tr("lengths do not match the delta"));
    const std::string_view signed_part = head.substr(0, kBundleHeaderSize + manifest_len);
    auto sig = DecodeSignatureBlock(head.substr(signed_part.size(), sig_len));
    if (!sig) return sig.error();
    if (auto signer = FindSigner(trusted, *sig, signed_part, tr("delta result")); !signer) return signer.error();
    auto rm = ManifestFromJson(head.substr(kBundleHeaderSize, manifest_len));
    if (!rm) return rm.error();
    if (rm->pack != m.pack || rm->version != m.result_version || rm->raw_hash != m.result_raw_hash ||
        rm->raw_size != m.result_raw_size || rm->payload_size != m.result_bundle_size - head.size())
        return bad(tr("manifest does not match the delta (mixed versions?)"));
    return Ok{};
}

}  // namespace

std::string DeltaManifestToJson(const DeltaManifest& m) {
    nlohmann::json j = {{"format", m.format},
                        {"pack", m.pack},
                        {"base_version", m.base_version},
                        {"base_raw_hash", m.base_raw_hash},
                        {"base_raw_size", m.base_raw_size},
                        {"result_version", m.result_version},
                        {"result_raw_hash", m.result_raw_hash},
                        {"result_raw_size", m.result_raw_size},
                        {"result_bundle_hash", m.result_bundle_hash},
                        {"result_bundle_size", m.result_bundle_size},
                        {"patch_hash", m.patch_hash},
                        {"patch_size", m.patch_size}};
    return j.dump();
}

Result<DeltaManifest> DeltaManifestFromJson(std::string_view text) {
    try {
        auto j = nlohmann::json::parse(text);
        DeltaManifest m;
        m.format = JsonInt<int>(j, "format");
        m.pack = j.at("pack").get<std::string>();
        if (auto st = CheckPackId(m.pack); !st) return st.error();
        m.base_version = JsonInt<std::uint64_t>(j, "base_version");
        m.base_raw_hash = j.at("base_raw_hash").get<std::string>();
        m.base_raw_size = JsonInt<std::uint64_t>(j, "base_raw_size");
        m.result_version = JsonInt<std::uint64_t>(j, "result_version");
        m.result_raw_hash = j.at("result_raw_hash").get<std::string>();
        m.result_raw_size = JsonInt<std::uint64_t>(j, "result_raw_size");
        m.result_bundle_hash = j.at("result_bundle_hash").get<std::string>();
        m.result_bundle_size = JsonInt<std::uint64_t>(j, "result_bundle_size");
        m.patch_hash = j.at("patch_hash").get<std::string>();
        m.patch_size = JsonInt<std::uint64_t>(j, "patch_size");
        return m;
    } catch (const nlohmann::json::exception& e) {
        return MakeError(ErrorCode::kCorrupt,
                         Format(tr("delta manifest is malformed: {reason}"), {{"reason", e.what()}}));
    }
}

bool LooksLikeDelta(std::string_view file) {
    return file.size() >= sizeof kMagic && std::memcmp(file.data(), kMagic, sizeof kMagic) == 0;
}

Result<std::string> MakeDelta(std::string_view old_bundle, std::string_view new_bundle, const SecretKey& signer) {
    const PublicKey pub = signer.Public();
    auto new_vb = VerifyBundle(new_bundle, std::span<const PublicKey>(&pub, 1));
    if (!new_vb)
        return MakeError(new_vb.error().code, Format(tr("new bundle: {error}"), {{"error", new_vb.error().detail}}));
    // The old edition may be signed by a key the new one's rotation chain replaced.
    std::vector<PublicKey> old_keys = KeysNamedInRoots(new_vb->manifest.roots);
    old_keys.push_back(pub);
    auto old_vb = VerifyBundle(old_bundle, old_keys);
    if (!old_vb)
        return MakeError(old_vb.error().code, Format(tr("old bundle: {error}"), {{"error", old_vb.error().detail}}));
    const Manifest& om = old_vb->manifest;
    const Manifest& nm = new_vb->manifest;
    if (om.pack != nm.pack)
        return MakeError(ErrorCode::kUsage, Format(tr("bundles are of different packs ('{old}', '{new}')"),
                                                   {{"old", om.pack}, {"new", nm.pack}}));
    if (nm.version <= om.version)
        return MakeError(ErrorCode::kUsage,
                         Format(tr("new bundle version {new} is not newer than {old}"),
                                {{"new", std::to_string(nm.version)}, {"old", std::to_string(om.version)}}));
    auto old_raw = OpenPayload(*old_vb);
    if (!old_raw) return old_raw.error();
    auto new_raw = OpenPayload(*new_vb);
    if (!new_raw) return new_raw.error();
    const std::string patch = ZstdCompressWithReference(*new_raw, *old_raw);
    if (patch.empty()) return MakeError(ErrorCode::kInternal, tr("zstd could not compute the patch"));

    DeltaManifest d;
    d.pack = nm.pack;
    d.base_version = om.version;
    d.base_raw_hash = om.raw_hash;
    d.base_raw_size = om.raw_size;
    d.result_version = nm.version;
    d.result_raw_hash = nm.raw_hash;
    d.result_raw_size = nm.raw_size;
    d.result_bundle_hash = HashHex(new_bundle);
    d.result_bundle_size = new_bundle.size();
    d.patch_hash = HashHex(patch);
    d.patch_size = patch.size();

    const std::string_view head = new_bundle.substr(0, new_bundle.size() - new_vb->payload.size());
    const std::string json = DeltaManifestToJson(d);
    const std::string comment = DeltaComment(d);
    std::string out(kMagic, sizeof kMagic);
    PutLE(out, kDeltaFormat, 4);
    PutLE(out, json.size(), 4);
    PutLE(out, 138 + comment.size(), 4);
    PutLE(out, head.size(), 4);
    PutLE(out, patch.size(), 8);
    out += json;
    out += EncodeSignatureBlock(Sign(signer, out, comment));
    out += head;
    out += patch;

    // Verify-after-build: the delta must reproduce the new bundle exactly.
    auto vd = VerifyDelta(out, std::span<const PublicKey>(&pub, 1));
    if (!vd)
        return MakeError(ErrorCode::kInternal,
                         Format(tr("delta did not verify after building: {error}"), {{"error", vd.error().detail}}));
    auto applied = ApplyDeltaRecords(*vd, *old_raw);
    if (!applied)
        return MakeError(ErrorCode::kInternal, Format(tr("delta did not apply after building: {error}"),
                                                      {{"error", applied.error().detail}}));
    auto rebuilt = RebuildResultBundle(*vd, *applied);
    if (!rebuilt)
        return MakeError(ErrorCode::kInternal,
                         Format(tr("delta did not rebuild the bundle: {error}"), {{"error", rebuilt.error().detail}}));
    return out;
}

Result<VerifiedDelta> VerifyDelta(std::string_view file, std::span<const PublicKey> trusted) {
    if (!LooksLikeDelta(file)) return MakeError(ErrorCode::kNotABundle, tr("not a fieldkit delta"));
    if (file.size() < kDeltaHeaderSize) return MakeError(ErrorCode::kTruncated, tr("delta is truncated (header)"));
    const std::uint64_t format = GetLE(file, 8, 4);
    if (format > kDeltaFormat)
        return MakeError(ErrorCode::kTooNew, Format(tr("delta format {format} is newer than this fieldkit reads"),
                                                    {{"format", std::to_string(format)}}));
    if (format == 0) return MakeError(ErrorCode::kCorrupt, tr("delta header is corrupt (format 0)"));
    const std::uint64_t manifest_len = GetLE(file, 12, 4);
    const std::uint64_t sig_len = GetLE(file, 16, 4);
    const std::uint64_t head_len = GetLE(file, 20, 4);
    const std::uint64_t patch_len = GetLE(file, 24, 8);
    if (manifest_len == 0 || manifest_len > kMaxDeltaManifestSize || sig_len < 138 || sig_len > 4096 ||
        head_len < kBundleHeaderSize || head_len > kMaxManifestSize + 8192 || patch_len > kMaxRawPayloadSize)
        return MakeError(ErrorCode::kCorrupt, tr("delta header is corrupt"));
    const std::uint64_t total = kDeltaHeaderSize + manifest_len + sig_len + head_len + patch_len;
    if (file.size() < total)
        return MakeError(ErrorCode::kTruncated,
                         Format(tr("delta is truncated: {have} of {size} bytes"),
                                {{"have", std::to_string(file.size())}, {"size", std::to_string(total)}}));
    if (file.size() > total) return MakeError(ErrorCode::kCorrupt, tr("delta has unexpected bytes after its end"));

    const std::string_view signed_part = file.substr(0, kDeltaHeaderSize + manifest_len);
    auto sig = DecodeSignatureBlock(file.substr(signed_part.size(), sig_len));
    if (!sig) return sig.error();
    auto signer = FindSigner(trusted, *sig, signed_part, tr("delta"));
    if (!signer) return signer.error();
    auto m = DeltaManifestFromJson(file.substr(kDeltaHeaderSize, manifest_len));
    if (!m) return m.error();
    if (m->format != static_cast<int>(format))
        return MakeError(ErrorCode::kCorrupt, tr("delta manifest format differs from the header"));
    VerifiedDelta vd{*m, *signer, file.substr(signed_part.size() + sig_len, head_len),
                     file.substr(signed_part.size() + sig_len + head_len)};
    if (vd.patch.size() != m->patch_size || HashHex(vd.patch) != m->patch_hash)
        return MakeError(ErrorCode::kCorrupt, tr("delta patch does not match its signed hash (damaged copy?)"));
    if (m->result_raw_size > kMaxRawPayloadSize || m->result_bundle_size > kMaxRawPayloadSize ||
        m->result_bundle_size < head_len)
        return MakeError(ErrorCode::kCorrupt, tr("delta result sizes are out of range"));
    if (auto st = CheckResultHead(vd, trusted); !st) return st.error();
    return vd;
}

std::vector<RootLink> PeekDeltaRoots(std::string_view file) {
    if (!LooksLikeDelta(file) || file.size() < kDeltaHeaderSize) return {};
    const std::uint64_t head_at = kDeltaHeaderSize + GetLE(file, 12, 4) + GetLE(file, 16, 4);
    const std::uint64_t head_len = GetLE(file, 20, 4);
    if (head_at > file.size() || head_len > file.size() - head_at) return {};
    return PeekBundleRoots(file.substr(head_at, head_len));
}

Result<std::string> ApplyDeltaRecords(const VerifiedDelta& delta, std::string_view base_records) {
    const DeltaManifest& m = delta.manifest;
    if (base_records.size() != m.base_raw_size || HashHex(base_records) != m.base_raw_hash)
        return MakeError(ErrorCode::kInvalidContent,
                         Format(tr("delta for pack '{pack}' applies to version {version}, not to this content"),
                                {{"pack", m.pack}, {"version", std::to_string(m.base_version)}}));
    auto out = ZstdDecompressWithReference(delta.patch, base_records, m.result_raw_size);
    if (!out)
        return MakeError(ErrorCode::kCorrupt, Format(tr("delta patch: {error}"), {{"error", out.error().detail}}));
    if (HashHex(*out) != m.result_raw_hash)
        return MakeError(ErrorCode::kCorrupt, tr("delta result does not match its signed hash"));
    return out;
}

Result<std::string> RebuildResultBundle(const VerifiedDelta& delta, std::string_view result_records) {
    const DeltaManifest& m = delta.manifest;
    std::string bundle(delta.result_head);
    bundle += ZstdCompress(result_records);
    if (bundle.size() != m.result_bundle_size || HashHex(bundle) != m.result_bundle_hash)
        return MakeError(ErrorCode::kCorrupt,
                         tr("rebuilt bundle differs from the signed result (different zstd build?)"));
    return bundle;
}

}  // namespace fk::bundle
