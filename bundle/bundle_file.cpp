// Bundle layout: see bundle/FORMAT.md.
#include "bundle/bundle_file.hpp"

#include <cstring>

#include "bundle/signer.hpp"
#include "bundle/zstd_codec.hpp"
#include "platform/i18n.hpp"

namespace fk::bundle {
namespace {

constexpr char kMagic[8] = {'F', 'K', 'B', 'U', 'N', 'D', 'L', 'E'};

void PutU32(std::string& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void PutU64(std::string& out, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
std::uint64_t GetLE(std::string_view s, size_t at, int bytes) {
    std::uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(s[at + static_cast<size_t>(i)]);
    return v;
}

}  // namespace

std::string TrustedComment(const Manifest& m) {
    return "fieldkit pack=" + m.pack + " version=" + std::to_string(m.version) + " created=" + IsoTime(m.created);
}

std::string AssembleBundle(const Manifest& manifest, std::string_view payload, const SecretKey& key) {
    const std::string json = ManifestToJson(manifest);
    const std::string comment = TrustedComment(manifest);
    const std::uint32_t sig_len = static_cast<std::uint32_t>(138 + comment.size());
    std::string out(kMagic, sizeof kMagic);
    PutU32(out, kBundleFormat);
    PutU32(out, static_cast<std::uint32_t>(json.size()));
    PutU32(out, sig_len);
    PutU32(out, 0);  // reserved
    PutU64(out, payload.size());
    out += json;
    Signature sig = Sign(key, out, comment);
    out += EncodeSignatureBlock(sig);
    out += payload;
    return out;
}

namespace {

// The section lengths of a bundle, checked against each other and the file's size.
struct Layout {
    std::uint64_t format = 0, manifest_len = 0, sig_len = 0;
};

Result<Layout> ReadLayout(std::string_view file) {
    if (file.size() < sizeof kMagic || std::memcmp(file.data(), kMagic, sizeof kMagic) != 0)
        return MakeError(ErrorCode::kNotABundle, tr("not a fieldkit bundle"));
    if (file.size() < kBundleHeaderSize) return MakeError(ErrorCode::kTruncated, tr("bundle is truncated (header)"));
    const std::uint64_t format = GetLE(file, 8, 4);
    if (format > kBundleFormat)
        return MakeError(
            ErrorCode::kTooNew,
            Format(tr("bundle format {format} is newer than this fieldkit reads ({known}); update fieldkit"),
                   {{"format", std::to_string(format)}, {"known", std::to_string(kBundleFormat)}}));
    if (format == 0) return MakeError(ErrorCode::kCorrupt, tr("bundle header is corrupt (format 0)"));
    const std::uint64_t manifest_len = GetLE(file, 12, 4);
    const std::uint64_t sig_len = GetLE(file, 16, 4);
    const std::uint64_t reserved = GetLE(file, 20, 4);
    const std::uint64_t payload_len = GetLE(file, 24, 8);
    if (manifest_len == 0 || manifest_len > kMaxManifestSize || sig_len < 138 || sig_len > 4096 || reserved != 0 ||
        payload_len > kMaxRawPayloadSize)
        return MakeError(ErrorCode::kCorrupt, tr("bundle header is corrupt"));
    const std::uint64_t total = kBundleHeaderSize + manifest_len + sig_len + payload_len;
    if (file.size() < total)
        return MakeError(ErrorCode::kTruncated,
                         Format(tr("bundle is truncated: {have} of {size} bytes"),
                                {{"have", std::to_string(file.size())}, {"size", std::to_string(total)}}));
    if (file.size() > total) return MakeError(ErrorCode::kCorrupt, tr("bundle has unexpected bytes after its end"));
    return Layout{format, manifest_len, sig_len};
}

Result<Manifest> ReadManifest(std::string_view file, const Layout& layout) {
    auto manifest = ManifestFromJson(file.substr(kBundleHeaderSize, layout.manifest_len));
    if (!manifest) return manifest.error();
    if (manifest->format != static_cast<int>(layout.format))
        return MakeError(ErrorCode::kCorrupt, tr("manifest format differs from the header"));
    if (manifest->raw_size > kMaxRawPayloadSize) return MakeError(ErrorCode::kCorrupt, tr("payload is too large"));
    return manifest;
}

}  // namespace

Result<Manifest> PeekBundleManifest(std::string_view file) {
    auto layout = ReadLayout(file);
    if (!layout) return layout.error();
    return ReadManifest(file, *layout);
}

Result<VerifiedBundle> VerifyBundle(std::string_view file, std::span<const PublicKey> trusted) {
    auto layout = ReadLayout(file);
    if (!layout) return layout.error();
    const std::string_view signed_part = file.substr(0, kBundleHeaderSize + layout->manifest_len);
    auto sig = DecodeSignatureBlock(file.substr(signed_part.size(), layout->sig_len));
    if (!sig) return sig.error();
    // TRANSLATORS: what was signed, in "bundle signed by unknown key ...".
    auto signer = FindSigner(trusted, *sig, signed_part, tr("bundle"));
    if (!signer) return signer.error();
    auto manifest = ReadManifest(file, *layout);
    if (!manifest) return manifest.error();
    VerifiedBundle vb{*manifest, *sig, *signer, file.substr(signed_part.size() + layout->sig_len)};
    if (vb.payload.size() != vb.manifest.payload_size || HashHex(vb.payload) != vb.manifest.payload_hash)
        return MakeError(ErrorCode::kCorrupt, tr("payload does not match its signed hash (damaged copy?)"));
    return vb;
}

Result<std::string> OpenPayload(const VerifiedBundle& bundle) {
    auto raw = ZstdDecompress(bundle.payload, bundle.manifest.raw_size);
    if (!raw) return raw.error();
    if (HashHex(*raw) != bundle.manifest.raw_hash)
        return MakeError(ErrorCode::kCorrupt, tr("decompressed payload does not match its signed hash"));
    return raw;
}

}  // namespace fk::bundle
