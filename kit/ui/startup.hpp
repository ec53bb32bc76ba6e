// Start-up work that needs no window, run on worker threads while the window and its
// OpenGL context are created: opening the model, and building the font atlas.
#pragma once

#include <imgui.h>

#include <filesystem>
#include <memory>

#include "kit/ui/fonts.hpp"

namespace fk::ui {

struct PreparedFonts {
    std::unique_ptr<ImFontAtlas> atlas;  // built (pixels ready to upload); owned by the caller
    Fonts fonts;
    int font_size = 0;  // the reader's setting it was built for
    float scale = 1;
};

// Reads the reader's font size from <data_dir>/reader.sqlite and builds the atlas at
// size * scale. Needs no ImGui context; safe on any thread.
PreparedFonts PrepareFonts(const std::filesystem::path& data_dir, float scale);

}  // namespace fk::ui
