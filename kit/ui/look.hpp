// Keeps fonts and theme in step with the reader's settings; shared by the window, the
// headless tests and the benchmark.
#pragma once

#include <string>

#include "kit/ui/model.hpp"
#include "kit/ui/view_state.hpp"

namespace fk::ui {

struct Look {
    int font_size = 0;
    std::string theme;
    float scale = 0;
    int presenter_size = 0;  // 0: not presenting (no large fonts in the atlas)
    bool presenter_cyrillic = false, presenter_arabic = false;
};

// Applies the theme and reloads the fonts into ImGui's atlas when the settings (or the
// scale) changed since `applied`. Returns true when the atlas must be built and uploaded.
bool UpdateLook(const Model& model, const std::string& theme_override, float scale, ViewState& view, Look& applied);

}  // namespace fk::ui
