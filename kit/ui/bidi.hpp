// Right-to-left text for ImGui, which draws left to right only: fribidi reorders a line
// into visual order and joins Arabic letters into their presentation forms.
#pragma once

#include <string>
#include <string_view>

namespace fk::ui {

// One line (already wrapped) in visual order. `rtl` sets the paragraph direction.
std::string VisualLine(std::string_view logical, bool rtl);

// True if `text` holds any right-to-left character.
bool HasRightToLeft(std::string_view text);

// `text` ready to draw: unchanged unless it holds right-to-left characters.
std::string Displayable(std::string_view text);

}  // namespace fk::ui
