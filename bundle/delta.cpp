// Delta files: build (publisher), verify and apply (client). Layout: bundle/FORMAT.md, "Delta".
#include "bundle/delta.hpp"

#include <cstring>
#include <sodium.h>

#include "bundle/bundle_file.hpp"
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

std::string HexOf(std::string_view bytes) {
    std::string hex(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    hex.pop_back();
    return hex;
}

std::string BytesOfHex(std::string_view hex) {
    std::string bytes(hex.size() / 2, '\0');
    size_t len = 0;
    sodium_hex2bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), hex.data(), hex.size(), nullptr,
                   &len, nullptr);
    bytes.resize(len);
    return bytes;
}

struct Layout {
    std::uint64_t head_len = 0, patch_len = 0;
};

// Magic, format and lengths: everything that can be checked without a key.
Result<Layout> ReadLayout(std::string_view file) {
    if (!LooksLikeDelta(file)) return MakeError(ErrorCode::kNotABundle, tr("not a fieldkit delta"));
    if (file.size() < 12) return MakeError(ErrorCode::kTruncated, tr("delta is truncated (header)"));
    const std::uint64_t format = GetLE(file, 8, 4);
    if (format > kDeltaFormat)
        return MakeError(ErrorCode::kTooNew, Format(tr("delta format {format} is newer than this fieldkit reads"),
                                                    {{"format", std::to_string(format)}}));
    if (format < kDeltaFormat)  // format 1 carried its own signed manifest; its mirrors also offer the full bundle
        return MakeError(ErrorCode::kCorrupt, Format(tr("delta format {format} is no longer read: use the full bundle"),
                                                     {{"format", std::to_string(format)}}));
    if (file.size() < kDeltaHeaderSize) return MakeError(ErrorCode::kTruncated, tr("delta is truncated (header)"));
    const Layout l{GetLE(file, 12, 4), GetLE(file, 64, 8)};
    if (l.head_len < kBundleHeaderSize || l.head_len > kMaxManifestSize + 8192 || l.patch_len > kMaxRawPayloadSize ||
        GetLE(file, 24, 8) > kMaxRawPayloadSize)
        return MakeError(ErrorCode::kCorrupt, tr("delta header is corrupt"));
    const std::uint64_t total = kDeltaHeaderSize + l.head_len + l.patch_len;
    if (file.size() < total)
        return MakeError(ErrorCode::kTruncated,
                         Format(tr("delta is truncated: {have} of {size} bytes"),
                                {{"have", std::to_string(file.size())}, {"size", std::to_string(total)}}));
    if (file.size() > total) return MakeError(ErrorCode::kCorrupt, tr("delta has unexpected bytes after its end"));
    return l;
}

Error BadHead(const char* what) {
    return MakeError(ErrorCode::kCorrupt, Format(tr("delta result head: {reason}"), {{"reason", what}}));
}

// The result head is the publisher's own bundle header, manifest and signature block. Returns
// the manifest's length and the signature block's; nothing is verified yet.
Result<std::pair<std::uint64_t, std::uint64_t>> HeadLengths(std::string_view head) {
    if (head.size() < kBundleHeaderSize || head.substr(0, 8) != "FKBUNDLE") return BadHead(tr("not a bundle header"));
    if (GetLE(head, 8, 4) == 0 || GetLE(head, 8, 4) > kBundleFormat) return BadHead(tr("unsupported bundle format"));
    const std::uint64_t manifest_len = GetLE(head, 12, 4), sig_len = GetLE(head, 16, 4);
    if (manifest_len == 0 || sig_len < 138 || kBundleHeaderSize + manifest_len + sig_len != head.size())
        return BadHead(tr("lengths do not match the delta"));
    return std::pair{manifest_len, sig_len};
}

// The description from the header and the head's manifest as given, signed or not.
Result<DeltaManifest> Describe(std::string_view file, const Layout& l) {
    const std::string_view head = file.substr(kDeltaHeaderSize, l.head_len);
    auto lens = HeadLengths(head);
    if (!lens) return lens.error();
    auto rm = ManifestFromJson(head.substr(kBundleHeaderSize, lens->first));
    if (!rm) return rm.error();
    if (rm->payload_size != GetLE(head, 24, 8)) return BadHead(tr("lengths do not match the delta"));
    DeltaManifest m;
    m.pack = rm->pack;
    m.base_version = GetLE(file, 16, 8);
    m.base_raw_size = GetLE(file, 24, 8);
    m.base_raw_hash = HexOf(file.substr(32, 32));
    m.result_version = rm->version;
    m.result_raw_hash = rm->raw_hash;
    m.result_raw_size = rm->raw_size;
    m.result_payload_hash = rm->payload_hash;
    m.result_payload_size = rm->payload_size;
    if (m.base_version >= m.result_version || m.result_raw_size > kMaxRawPayloadSize)
        return MakeError(ErrorCode::kCorrupt, tr("delta header is corrupt"));
    return m;
}

}  // namespace

bool LooksLikeDelta(std::string_view file) {
    return file.size() >= sizeof kMagic && std::memcmp(file.data(), kMagic, sizeof kMagic) == 0;
}

Result<DeltaManifest> PeekDelta(std::string_view file) {
    auto layout = ReadLayout(file);
    if (!layout) return layout.error();
    return Describe(file, *layout);
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

    const std::string_view head = new_bundle.substr(0, new_bundle.size() - new_vb->payload.size());
    std::string out(kMagic, sizeof kMagic);
    PutLE(out, kDeltaFormat, 4);
    PutLE(out, head.size(), 4);
    PutLE(out, om.version, 8);
    PutLE(out, om.raw_size, 8);
    out += BytesOfHex(om.raw_hash);
    PutLE(out, patch.size(), 8);
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
    auto layout = ReadLayout(file);
    if (!layout) return layout.error();
    auto m = Describe(file, *layout);
    if (!m) return m.error();
    const std::string_view head = file.substr(kDeltaHeaderSize, layout->head_len);
    const auto lens = HeadLengths(head);
    const std::string_view signed_part = head.substr(0, kBundleHeaderSize + lens->first);
    auto sig = DecodeSignatureBlock(head.substr(signed_part.size()));
    if (!sig) return sig.error();
    auto signer = FindSigner(trusted, *sig, signed_part, tr("delta result"));
    if (!signer) return signer.error();
    return VerifiedDelta{*m, *signer, head, file.substr(kDeltaHeaderSize + layout->head_len)};
}

std::vector<RootLink> PeekDeltaRoots(std::string_view file) {
    auto layout = ReadLayout(file);
    if (!layout) return {};
    return PeekBundleRoots(file.substr(kDeltaHeaderSize, layout->head_len));
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
    const std::string_view payload = std::string_view(bundle).substr(delta.result_head.size());
    if (payload.size() != m.result_payload_size || HashHex(payload) != m.result_payload_hash)
        return MakeError(ErrorCode::kCorrupt,
                         tr("rebuilt bundle differs from the signed result (different zstd build?)"));
    return bundle;
}

}  // namespace fk::bundle
