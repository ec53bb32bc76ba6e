// libqrencode behind EncodeQr: its errno codes become ours here and nowhere else.
#include "kit/core/qr_code.hpp"

#include <qrencode.h>

#include <cerrno>
#include <memory>
#include <string>

#include "platform/i18n.hpp"

namespace fk::core {
namespace {

QRecLevel LevelOf(QrLevel level) {
    switch (level) {
        case QrLevel::kLow:
            return QR_ECLEVEL_L;
        case QrLevel::kMedium:
            return QR_ECLEVEL_M;
        case QrLevel::kQuartile:
            return QR_ECLEVEL_Q;
        case QrLevel::kHigh:
            return QR_ECLEVEL_H;
    }
    return QR_ECLEVEL_M;
}

struct FreeQr {
    void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

Result<QrMatrix> EncodeQr(std::string_view text, QrLevel level, int quiet) {
    if (text.empty() || text.find('\0') != std::string_view::npos)
        return MakeError(ErrorCode::kUsage, tr("a QR code needs a text without NUL bytes"));
    if (quiet < 0 || quiet > 16)
        return MakeError(ErrorCode::kUsage, tr("a QR code's quiet zone must be 0 to 16 modules"));
    const std::string nul_terminated(text);
    errno = 0;
    // Version 0: the smallest symbol the text fits in.
    std::unique_ptr<QRcode, FreeQr> code(QRcode_encodeString8bit(nul_terminated.c_str(), 0, LevelOf(level)));
    if (!code) {
        if (errno == ERANGE)
            return MakeError(ErrorCode::kTooLarge,
                             Format(tr("{n} bytes are too many for a QR code"), {{"n", std::to_string(text.size())}}));
        return MakeError(ErrorCode::kInternal, "libqrencode failed: errno " + std::to_string(errno));
    }
    QrMatrix m;
    m.quiet = quiet;
    m.size = code->width + 2 * quiet;
    m.modules.assign(static_cast<size_t>(m.size) * m.size, 0);
    for (int y = 0; y < code->width; ++y)
        for (int x = 0; x < code->width; ++x)  // bit 0 of each byte is the module's colour
            m.modules[static_cast<size_t>(y + quiet) * m.size + (x + quiet)] =
                code->data[static_cast<size_t>(y) * code->width + x] & 1;
    return m;
}

}  // namespace fk::core
