// zstd wrapper: compression parameters chosen for small, rarely-built payloads.
#include "bundle/zstd_codec.hpp"

#include <zstd.h>

#include <memory>

#include "bundle/parallel.hpp"
#include "platform/i18n.hpp"

namespace fk::bundle {
namespace {

constexpr int kWindowLogMax = 27;  // 128 MiB, as `zstd --long=27`
// A payload larger than this is cut into jobs of this size that compress side by side. The
// output then depends on the job size, never on the number of threads; smaller payloads keep
// the single-threaded encoding every earlier bundle has (readers rebuild bundles from deltas
// byte for byte: see RebuildResultBundle).
constexpr size_t kJobSize = size_t{64} << 20;

struct CCtxFree {
    void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};
struct DCtxFree {
    void operator()(ZSTD_DCtx* d) const { ZSTD_freeDCtx(d); }
};

std::string Compress(std::string_view raw, std::string_view reference, int level, unsigned threads) {
    std::unique_ptr<ZSTD_CCtx, CCtxFree> cctx(ZSTD_createCCtx());
    if (reference.empty() && raw.size() > kJobSize) {
        ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_nbWorkers, static_cast<int>(ThreadCount(threads)));
        ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_jobSize, static_cast<int>(kJobSize));
    }
    ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_compressionLevel, level);
    ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_enableLongDistanceMatching, 1);
    ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_windowLog, kWindowLogMax);
    ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_checksumFlag, 1);
    if (!reference.empty()) ZSTD_CCtx_refPrefix(cctx.get(), reference.data(), reference.size());
    std::string out(ZSTD_compressBound(raw.size()), '\0');
    size_t n = ZSTD_compress2(cctx.get(), out.data(), out.size(), raw.data(), raw.size());
    if (ZSTD_isError(n)) return {};  // only on allocation failure; callers treat empty as failure
    out.resize(n);
    return out;
}

Result<std::string> Decompress(std::string_view frame, std::string_view reference, std::uint64_t expected) {
    unsigned long long declared = ZSTD_getFrameContentSize(frame.data(), frame.size());
    if (declared == ZSTD_CONTENTSIZE_ERROR) return MakeError(ErrorCode::kCorrupt, tr("payload is not a zstd frame"));
    if (declared != expected)
        return MakeError(ErrorCode::kCorrupt, tr("payload size differs from the signed manifest"));
    std::unique_ptr<ZSTD_DCtx, DCtxFree> dctx(ZSTD_createDCtx());
    ZSTD_DCtx_setParameter(dctx.get(), ZSTD_d_windowLogMax, kWindowLogMax);
    if (!reference.empty()) ZSTD_DCtx_refPrefix(dctx.get(), reference.data(), reference.size());
    std::string out(expected, '\0');
    size_t n = ZSTD_decompressDCtx(dctx.get(), out.data(), out.size(), frame.data(), frame.size());
    if (ZSTD_isError(n))
        return MakeError(ErrorCode::kCorrupt, Format(tr("payload: {reason}"), {{"reason", ZSTD_getErrorName(n)}}));
    if (n != expected) return MakeError(ErrorCode::kCorrupt, tr("payload decompressed to the wrong size"));
    return out;
}

}  // namespace

std::string ZstdCompress(std::string_view raw, int level, unsigned threads) {
    return Compress(raw, {}, level, threads);
}

Result<std::string> ZstdDecompress(std::string_view frame, std::uint64_t expected_size) {
    return Decompress(frame, {}, expected_size);
}

std::string ZstdCompressWithReference(std::string_view raw, std::string_view reference, int level) {
    return Compress(raw, reference, level, 1);
}

Result<std::string> ZstdDecompressWithReference(std::string_view frame, std::string_view reference,
                                                std::uint64_t expected_size) {
    return Decompress(frame, reference, expected_size);
}

}  // namespace fk::bundle
