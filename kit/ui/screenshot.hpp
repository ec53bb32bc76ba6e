// Reads the current back buffer and writes it as a PNG (for --screenshot).
#pragma once

#include <string>

namespace fk::ui {

// Call after rendering and before swapping. Returns an error message, or "" on success.
std::string WriteScreenshot(const std::string& path, int width, int height);

}  // namespace fk::ui
