// A QR code drawn into the current ImGui window: for the "Share with this room" screen, where
// a phone or laptop in the room scans the URL of `fieldkit serve`.
#pragma once

#include "kit/core/qr_code.hpp"

namespace fk::ui {

// Draws `matrix` (quiet zone included) as a square of about `side` pixels at the cursor and
// advances the cursor past it, like an image. Modules are whole pixels, dark on white whatever
// the theme (scanners need the contrast), so the square may be a little smaller than `side`;
// never smaller than one pixel per module. Returns the side actually drawn, in pixels.
// UI thread only; the matrix is read, not kept.
float DrawQrCode(const core::QrMatrix& matrix, float side);

}  // namespace fk::ui
