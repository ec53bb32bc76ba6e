// The kit's report key file (see report_key.hpp).
#include "kit/core/report_key.hpp"

#include <sodium.h>

#include "platform/files.hpp"
#include "platform/i18n.hpp"
#include "platform/utf8_path.hpp"

namespace fk::core {
namespace {

constexpr std::string_view kHeader = "fieldkit report key v1\n";

Result<ReportSigningKey> Parse(std::string text, const std::filesystem::path& path) {
    ReportSigningKey key;
    unsigned char seed[crypto_sign_SEEDBYTES];
    size_t got = 0;
    const bool ok = text.starts_with(kHeader) && text.size() == kHeader.size() + 65 && text.back() == '\n' &&
                    sodium_hex2bin(seed, sizeof seed, text.data() + kHeader.size(), 64, nullptr, &got, nullptr) == 0 &&
                    got == sizeof seed;
    sodium_memzero(text.data(), text.size());
    if (!ok)
        return MakeError(ErrorCode::kCorrupt,
                         Format(tr("report key '{path}' is damaged; move it away and a new one is made"),
                                {{"path", platform::Utf8FromPath(path)}}));
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    crypto_sign_seed_keypair(pk, key.secret.data(), seed);
    sodium_memzero(seed, sizeof seed);
    return key;
}

}  // namespace

Result<ReportSigningKey> LoadOrMakeReportKey(const std::filesystem::path& data_dir) {
    const auto path = data_dir / kReportKeyFile;
    auto existing = platform::ReadFile(path, tr("report key"), 256);
    if (existing) return Parse(std::move(*existing), path);
    if (existing.error().code != ErrorCode::kNotFound) return existing.error();
    if (auto st = platform::MakeDirs(data_dir, tr("data directory")); !st) return st.error();
    unsigned char seed[crypto_sign_SEEDBYTES];
    randombytes_buf(seed, sizeof seed);
    std::string text(kHeader);
    char hex[2 * sizeof seed + 1];
    sodium_bin2hex(hex, sizeof hex, seed, sizeof seed);
    text += hex;
    text += '\n';
    sodium_memzero(seed, sizeof seed);
    sodium_memzero(hex, sizeof hex);
    // Written whole under a private name, then linked into place: a crash never leaves half a
    // key, and linking fails rather than replacing a key another process made meanwhile.
    const auto temp = platform::UniqueTempPath(path, ".new");
    auto written = platform::WriteNewFile(temp, text, tr("report key"), 0600);
    sodium_memzero(text.data(), text.size());
    if (!written) return written.error();
    std::error_code ec;
    std::filesystem::create_hard_link(temp, path, ec);
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);
    if (ec && ec != std::errc::file_exists) return platform::ErrnoError(ec.value(), tr("report key"), path);
    if (auto st = platform::SyncDirectory(data_dir); !st) return st.error();
    auto stored = platform::ReadFile(path, tr("report key"), 256);
    if (!stored) return stored.error();
    return Parse(std::move(*stored), path);
}

}  // namespace fk::core
