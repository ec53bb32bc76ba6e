// Dark, light and high-contrast themes: ImGui style colours plus the reader's palette.
#pragma once

#include <string>

#include "kit/ui/view_state.hpp"

namespace fk::ui {

// Resets the style, applies `theme` (unknown names give dark) and scales sizes by `scale`.
void ApplyTheme(const std::string& theme, float scale, Palette& palette);

}  // namespace fk::ui
