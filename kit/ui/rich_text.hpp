// Styled, wrapped text for ImGui 1.86 (which has no rich text): each run is drawn with
// TextUnformatted + SameLine(0, 0), breaking lines by hand; right-to-left paragraphs are
// wrapped first, then reordered line by line and right-aligned.
#pragma once

#include "kit/ui/actions.hpp"
#include "kit/ui/markdown_blocks.hpp"
#include "kit/ui/view_state.hpp"

namespace fk::ui {

// Draws `runs` wrapped at `wrap_width` from the cursor. `base` is the font of plain runs
// (the heading font for headings). Link clicks post kOpenLink.
void DrawRuns(const Runs& runs, float wrap_width, bool rtl, ImFont* base, ViewState& view, ActionQueue& out);

// Plain text wrapped at `wrap_width` in the current font, each line in visual order and,
// when `rtl`, aligned right: the window's own words in Arabic.
void DrawPlainBidi(const std::string& text, float wrap_width, bool rtl);

// A search snippet: text with matched words between kMarkOpen and kMarkClose.
Runs SnippetRuns(const std::string& snippet);

}  // namespace fk::ui
