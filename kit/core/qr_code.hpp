// QR codes for the "Share with this room" screen: a text (a URL of `fieldkit serve`) as a
// square matrix of modules, quiet zone included, for kit/ui/qr_view to draw. Uses libqrencode.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "platform/result.hpp"

namespace fk::core {

// How much of the symbol may be damaged or hidden and still scan (QR's levels L, M, Q, H).
enum class QrLevel { kLow, kMedium, kQuartile, kHigh };

struct QrMatrix {
    int size = 0;                       // modules per side, quiet zone included
    int quiet = 0;                      // light modules around the symbol on each side
    std::vector<std::uint8_t> modules;  // size * size, row by row; 1 = dark

    // Whether the module at column x, row y is dark; outside the matrix is light.
    bool Dark(int x, int y) const {
        return x >= 0 && y >= 0 && x < size && y < size && modules[static_cast<size_t>(y) * size + x] != 0;
    }
};

// The smallest QR symbol that holds `text` as bytes (8-bit mode, case kept), with `quiet`
// light modules around it (4 is what the standard asks; 0 for none).
// Errors: kUsage for an empty text, one with a NUL, or a quiet zone outside 0..16;
// kTooLarge when the text does not fit the largest symbol (about 2,300 bytes at kMedium);
// kInternal when libqrencode fails otherwise (out of memory). Thread-safe.
Result<QrMatrix> EncodeQr(std::string_view text, QrLevel level = QrLevel::kMedium, int quiet = 4);

}  // namespace fk::core
