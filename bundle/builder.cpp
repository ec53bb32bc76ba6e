// Bundle builder: content -> records -> zstd -> signed bundle file.
#include "bundle/builder.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <set>

#include "bundle/bundle_file.hpp"
#include "bundle/records.hpp"
#include "bundle/zstd_codec.hpp"
#include "platform/files.hpp"
#include "platform/i18n.hpp"
#include "platform/utf8_path.hpp"

namespace fk::bundle {

namespace {

std::uint64_t DefaultVersion(const Content& content) {
    std::string newest;
    for (const auto& a : content.articles) newest = std::max(newest, a.updated);
    newest.erase(std::remove(newest.begin(), newest.end(), '-'), newest.end());
    return newest.empty() ? 1 : std::stoull(newest);
}

std::int64_t DefaultCreated() {
    if (const char* sde = std::getenv("SOURCE_DATE_EPOCH"); sde && *sde) return std::atoll(sde);
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace

BuiltBundle BuildFromContent(const Content& content, const SecretKey& key, const BuildOptions& options) {
    const std::string raw = EncodeRecords(content, options.threads);
    const std::string payload = ZstdCompress(raw, 19, options.threads);
    Manifest m;
    m.pack = content.kit.pack;
    m.title = content.kit.title;
    m.publisher = content.kit.publisher;
    m.version = options.version.value_or(DefaultVersion(content));
    m.created = options.created.value_or(DefaultCreated());
    std::set<std::string> langs;
    for (const auto& a : content.articles) langs.insert(a.lang);
    m.languages.assign(langs.begin(), langs.end());
    m.article_count = content.articles.size();
    m.payload_hash = HashHex(payload);
    m.payload_size = payload.size();
    m.raw_hash = HashHex(raw);
    m.raw_size = raw.size();
    m.roots = options.roots;
    return BuiltBundle{AssembleBundle(m, payload, key), m};
}

Result<BuiltBundle> BuildFromDirectory(const std::filesystem::path& content_dir, const SecretKey& key,
                                       const BuildOptions& options, std::vector<Problem>& problems) {
    auto loaded = LoadContentDir(content_dir, options.threads);
    if (!loaded) return loaded.error();
    problems = loaded->problems;
    if (!problems.empty())
        return MakeError(
            ErrorCode::kInvalidContent,
            Format(trn("{n} problem in '{dir}'", "{n} problems in '{dir}'", problems.size()),
                   {{"n", std::to_string(problems.size())}, {"dir", platform::Utf8FromPath(content_dir)}}));
    if (loaded->content.articles.empty())
        return MakeError(ErrorCode::kInvalidContent,
                         Format(tr("no articles in '{dir}'"), {{"dir", platform::Utf8FromPath(content_dir)}}));
    return BuildFromContent(loaded->content, key, options);
}

Status WriteBundleFiles(const BuiltBundle& bundle, const SecretKey& key, const std::filesystem::path& out) {
    std::filesystem::path sig_path = out;
    sig_path += ".minisig";
    const std::string sig_text = FormatSignatureFile(Sign(key, bundle.bytes, TrustedComment(bundle.manifest)));
    // TRANSLATORS: this and the other short nouns passed to file functions name a thing in an
    // error message of the form "<what> '<path>': <reason>".
    if (auto st = platform::WriteFileAtomic(out, bundle.bytes, tr("bundle")); !st) return st;
    if (auto st = platform::WriteFileAtomic(sig_path, sig_text, tr("signature file")); !st) return st;

    // Verify what actually landed on disk, as a reader would.
    auto back = platform::ReadFile(out, tr("bundle"));
    if (!back) return back.error();
    const PublicKey pub = key.Public();
    auto vb = VerifyBundle(*back, std::span<const PublicKey>(&pub, 1));
    if (!vb)
        return MakeError(ErrorCode::kIo, Format(tr("bundle '{path}' did not verify after writing: {error}"),
                                                {{"path", platform::Utf8FromPath(out)}, {"error", vb.error().detail}}));
    auto sig_back = platform::ReadFile(sig_path, tr("signature file"));
    if (!sig_back) return sig_back.error();
    auto sig = ParseSignatureFile(*sig_back);
    if (!sig || !Verify(pub, *sig, *back))
        return MakeError(ErrorCode::kIo, Format(tr("signature file '{path}' did not verify after writing"),
                                                {{"path", platform::Utf8FromPath(sig_path)}}));
    return Ok{};
}

}  // namespace fk::bundle
