// Mirror publishing: artifacts first, release.json last, so a client reading the directory
// during a publish sees either the old or the new release, each complete.
#include "bundle/publish.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <optional>

#include "bundle/bundle_file.hpp"
#include "bundle/delta.hpp"
#include "bundle/manifest.hpp"
#include "bundle/root_chain.hpp"
#include "platform/files.hpp"
#include "platform/i18n.hpp"
#include "platform/utf8_path.hpp"

namespace fk::bundle {
namespace fs = std::filesystem;
namespace {

std::int64_t Now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// The manifest of a bundle file, read from its first bytes only (the payload may be large).
std::optional<Manifest> ManifestOfFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string head(kBundleHeaderSize, '\0');
    if (!in.read(head.data(), static_cast<std::streamsize>(head.size())) || head.substr(0, 8) != "FKBUNDLE")
        return std::nullopt;
    std::uint64_t len = 0;
    for (int i = 3; i >= 0; --i) len = (len << 8) | static_cast<unsigned char>(head[12 + static_cast<size_t>(i)]);
    if (len == 0 || len > kMaxManifestSize) return std::nullopt;
    std::string json(len, '\0');
    if (!in.read(json.data(), static_cast<std::streamsize>(len))) return std::nullopt;
    auto m = ManifestFromJson(json);
    return m ? std::optional<Manifest>(*m) : std::nullopt;
}

// Earlier editions of `pack` in the mirror directory, newest first. The directory keeps every
// bundle ever published; the release list names only the newest, because every kit downloads
// the list whenever it changes. Which files are really ours is checked when a delta is made.
std::vector<ReleaseEntry> EarlierReleases(const fs::path& dir, const std::string& pack, std::uint64_t below) {
    std::vector<ReleaseEntry> found;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = platform::Utf8FromPath(entry.path().filename());
        if (name.size() != 64 + 4 || !name.ends_with(".fkb") ||
            name.find_first_not_of("0123456789abcdef") != 64)
            continue;
        auto m = ManifestOfFile(entry.path());
        if (!m || m->pack != pack || m->version >= below) continue;
        found.push_back(ReleaseEntry{m->version, m->raw_hash, Artifact{name, name.substr(0, 64), 0}});
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.version > b.version; });
    return found;
}

}  // namespace

Status WriteSignedFile(const fs::path& dir, const std::string& name, const std::string& bytes, const SecretKey& key,
                       const std::string& comment) {
    const fs::path path = dir / name;
    const fs::path sig_path = dir / (name + ".minisig");
    const Signature sig = Sign(key, bytes, comment);
    // TRANSLATORS: this and the other short nouns passed to file functions name a thing in an
    // error message of the form "<what> '<path>': <reason>".
    if (auto st = platform::WriteFileAtomic(path, bytes, tr("mirror file")); !st) return st;
    if (auto st = platform::WriteFileAtomic(sig_path, FormatSignatureFile(sig), tr("signature file")); !st) return st;
    auto back = platform::ReadFile(path, tr("mirror file"), kMaxRawPayloadSize + (1 << 20));
    if (!back) return back.error();
    auto sig_back = platform::ReadFile(sig_path, tr("signature file"), kMaxSignatureFileSize);
    if (!sig_back) return sig_back.error();
    auto parsed = ParseSignatureFile(*sig_back);
    if (*back != bytes || !parsed || !Verify(key.Public(), *parsed, *back))
        return MakeError(ErrorCode::kIo, Format(tr("mirror file '{path}' did not verify after writing"),
                                                {{"path", platform::Utf8FromPath(path)}}));
    return Ok{};
}

Result<PublishReport> PublishRelease(const fs::path& dir, const std::string& bytes, const SecretKey& key,
                                     const PublishOptions& options) {
    const PublicKey pub = key.Public();
    auto vb = VerifyBundle(bytes, std::span<const PublicKey>(&pub, 1));
    if (!vb)
        return MakeError(vb.error().code,
                         Format(tr("bundle: {error} (is it signed with this key?)"), {{"error", vb.error().detail}}));
    const Manifest& m = vb->manifest;
    if (auto st = platform::MakeDirs(dir, tr("mirror directory")); !st) return st.error();

    ReleaseManifest rm;
    auto old_json = platform::ReadFile(dir / kReleaseFile, tr("release manifest"), kMaxReleaseFileSize);
    if (old_json) {
        auto old_sig = platform::ReadFile(dir / (std::string(kReleaseFile) + ".minisig"), tr("release signature"),
                                          kMaxSignatureFileSize);
        if (!old_sig) return old_sig.error();
        std::vector<PublicKey> own = KeysNamedInRoots(m.roots);  // the publisher's earlier keys
        own.push_back(pub);
        auto parsed = VerifyReleaseManifest(*old_json, *old_sig, own);
        if (!parsed)
            return MakeError(parsed.error().code, Format(tr("existing '{path}' does not verify with this key: {error}"),
                                                         {{"path", platform::Utf8FromPath(dir / kReleaseFile)},
                                                          {"error", parsed.error().detail}}));
        rm = std::move(*parsed);
    } else if (old_json.error().code != ErrorCode::kNotFound) {
        return old_json.error();
    }

    PackRelease& pr = rm.packs[m.pack];
    pr.pack = m.pack;
    pr.title = m.title;
    if (m.version <= pr.version)
        return MakeError(
            ErrorCode::kUsage,
            Format(
                tr("pack '{pack}' version {version} is not newer than the published version {published}"),
                {{"pack", m.pack}, {"version", std::to_string(m.version)}, {"published", std::to_string(pr.version)}}));

    PublishReport report;
    const std::string hash = HashHex(bytes);
    Artifact full{hash + ".fkb", hash, bytes.size()};
    if (auto st = WriteSignedFile(dir, full.name, bytes, key, TrustedComment(m)); !st) return st.error();
    report.full = full;

    // Deltas from the newest earlier editions straight to this one. The list then names only
    // this edition and its deltas: it stays the same small size however many releases there were.
    pr.deltas.clear();
    int made = 0;
    std::uint64_t last_base = 0;
    for (const ReleaseEntry& base : EarlierReleases(dir, m.pack, m.version)) {
        if (made >= options.delta_bases) break;
        if (base.version == last_base) continue;  // one delta per edition
        auto old_bytes = platform::ReadFile(dir / base.file.name, tr("previous release"), kMaxRawPayloadSize);
        if (!old_bytes) return old_bytes.error();
        if (HashHex(*old_bytes) != base.file.hash)
            return MakeError(ErrorCode::kCorrupt, Format(tr("previous release '{name}' in the mirror is damaged"),
                                                         {{"name", base.file.name}}));
        auto delta = MakeDelta(*old_bytes, bytes, key);
        if (!delta && delta.error().code == ErrorCode::kUnknownKey) continue;  // another publisher's edition
        if (!delta)
            return MakeError(delta.error().code,
                             Format(tr("delta from version {version}: {error}"),
                                    {{"version", std::to_string(base.version)}, {"error", delta.error().detail}}));
        const std::string dh = HashHex(*delta);
        DeltaEdge e{base.version, base.raw_hash, m.version, m.raw_hash, Artifact{dh + ".fkd", dh, delta->size()}};
        const std::string comment = "fieldkit delta pack=" + m.pack + " " + std::to_string(base.version) + "->" +
                                    std::to_string(m.version);
        if (auto st = WriteSignedFile(dir, e.file.name, *delta, key, comment); !st) return st.error();
        pr.deltas.push_back(e);
        report.new_deltas.push_back(e);
        last_base = base.version;
        ++made;
    }
    pr.releases = {ReleaseEntry{m.version, m.raw_hash, full}};
    pr.version = m.version;

    rm.created = std::max(options.created.value_or(Now()), rm.created + 1);
    rm.expires = rm.created + options.expiry_seconds;
    if (options.mirrors) rm.mirrors = *options.mirrors;
    if (options.inbox) rm.inbox = *options.inbox;
    if (!m.roots.empty()) rm.roots = m.roots;  // the newest chain, for kits that meet the new key here first
    const std::string json = ReleaseManifestToJson(rm);
    if (json.size() > kMaxReleaseFileSize)  // kits would refuse it unread
        return MakeError(ErrorCode::kTooLarge,
                         Format(tr("release list would be {size} bytes; kits accept at most {max}"),
                                {{"size", std::to_string(json.size())}, {"max", std::to_string(kMaxReleaseFileSize)}}));
    if (auto st = WriteSignedFile(dir, kReleaseFile, json, key, ReleaseComment(rm)); !st) return st.error();
    report.manifest = std::move(rm);
    return report;
}

}  // namespace fk::bundle
