// Interface text in the window: translated, and ready to draw in the interface language.
#pragma once

namespace fk::ui {

// tr(english) in visual order (Arabic joined and reordered), for a label without
// placeholders handed straight to ImGui. Formatted text goes through Format(tr(...)) and
// then Displayable() (bidi.hpp), or through a widget that does it (DrawMuted, DrawText...).
const char* L(const char* english);

}  // namespace fk::ui
