// The fonts the window draws with: DejaVu (Latin, Latin Extended, Greek, Cyrillic) with
// Noto Sans Arabic merged in, embedded at build time from Debian's font packages.
#pragma once

struct ImFont;
struct ImFontAtlas;

namespace fk::ui {

struct Fonts {
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;
    ImFont* italic = nullptr;
    ImFont* mono = nullptr;
    ImFont* h1 = nullptr;
    ImFont* h2 = nullptr;
    float size = 16;  // regular size in pixels, after scaling
};

// Clears `atlas` and adds every font at `pixel_size` (the user's size times the content
// scale). The caller builds and uploads the atlas.
Fonts LoadFonts(ImFontAtlas& atlas, float pixel_size);

// Adds the presenter view's large fonts to `atlas` (after LoadFonts): regular and bold at
// `pixel_size`, headings larger. Large glyphs fill the atlas quickly, so only Latin and the
// scripts asked for are included; italic and mono fall back to regular.
Fonts AddPresenterFonts(ImFontAtlas& atlas, float pixel_size, bool cyrillic, bool arabic);

}  // namespace fk::ui
