// Font atlas set-up: glyph ranges per role, Arabic merged at a size that matches DejaVu.
#include "kit/ui/fonts.hpp"

#include <imgui.h>

#include "kit/ui/font_data.hpp"

namespace fk::ui {
namespace {

// Noto's line height is much taller than its letters; ImGui sizes merged fonts by line height.
constexpr float kArabicScale = 1.7f;

const ImWchar kExtraRanges[] = {
    0x0100, 0x024F,  // Latin Extended-A and -B
    0x0370, 0x03FF,  // Greek
    0x2010, 0x205E,  // dashes, quotes, bullet, ellipsis
    0x20AC, 0x20AC,  // euro
    0x2190, 0x2199,  // arrows
    0x2713, 0x2717,  // check marks
    0,
};
// Letters, and the presentation forms fribidi shapes them into (Forms-A only up to the
// Persian and Urdu letters: the ligature blocks beyond are never produced).
const ImWchar kArabicRanges[] = {0x0600, 0x06FF, 0xFB50, 0xFBFF, 0xFE70, 0xFEFF, 0};
const ImWchar kMonoRanges[] = {0x0020, 0x00FF, 0x2010, 0x205E, 0x2500, 0x257F, 0};

const ImWchar kLatinRanges[] = {0x0020, 0x00FF, 0x0100, 0x024F, 0x2010, 0x205E, 0x20AC, 0x20AC, 0};

const ImWchar* BodyRanges() {
    static ImVector<ImWchar> ranges;
    if (ranges.empty()) {
        ImFontGlyphRangesBuilder b;
        ImFontAtlas scratch;
        b.AddRanges(scratch.GetGlyphRangesCyrillic());  // includes Basic Latin and Latin-1
        b.AddRanges(kExtraRanges);
        b.BuildRanges(&ranges);
    }
    return ranges.Data;
}

ImFont* Add(ImFontAtlas& atlas, FontFile file, float px, const ImWchar* ranges, FontFile arabic) {
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;
    cfg.OversampleH = 1;  // glyphs are drawn at whole pixels; oversampling would double the atlas
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    ImFont* font = atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(file.data), static_cast<int>(file.size), px,
                                              &cfg, ranges);
    if (arabic.data) {
        ImFontConfig merge;
        merge.FontDataOwnedByAtlas = false;
        merge.MergeMode = true;
        merge.OversampleH = 1;
        merge.OversampleV = 1;
        merge.GlyphOffset.y = -px * 0.12f;
        atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(arabic.data), static_cast<int>(arabic.size),
                                   px * kArabicScale, &merge, kArabicRanges);
    }
    return font;
}

const ImWchar kPresenterLatin[] = {0x0020, 0x017F, 0x2010, 0x205E, 0x20AC, 0x20AC, 0x2190, 0x2199, 0x2212, 0x2212, 0};
const ImWchar kPresenterCyrillic[] = {0x0400, 0x04FF, 0};

const ImWchar* PresenterRanges(bool cyrillic) {
    static ImVector<ImWchar> with, without;
    ImVector<ImWchar>& ranges = cyrillic ? with : without;
    if (ranges.empty()) {
        ImFontGlyphRangesBuilder b;
        b.AddRanges(kPresenterLatin);
        if (cyrillic) b.AddRanges(kPresenterCyrillic);
        b.BuildRanges(&ranges);
    }
    return ranges.Data;
}

}  // namespace

Fonts AddPresenterFonts(ImFontAtlas& atlas, float px, bool cyrillic, bool arabic) {
    const FontFile none{nullptr, 0};
    const ImWchar* ranges = PresenterRanges(cyrillic);
    Fonts f;
    f.size = px;
    f.regular = Add(atlas, RegularFontFile(), px, ranges, arabic ? ArabicFontFile() : none);
    f.bold = Add(atlas, BoldFontFile(), px, ranges, arabic ? ArabicBoldFontFile() : none);
    f.h1 = Add(atlas, BoldFontFile(), px * 1.35f, ranges, arabic ? ArabicBoldFontFile() : none);
    f.italic = f.mono = f.regular;
    f.h2 = f.bold;
    return f;
}

Fonts LoadFonts(ImFontAtlas& atlas, float px) {
    atlas.Clear();
    const FontFile none{nullptr, 0};
    Fonts f;
    f.size = px;
    f.regular = Add(atlas, RegularFontFile(), px, BodyRanges(), ArabicFontFile());
    f.bold = Add(atlas, BoldFontFile(), px, BodyRanges(), ArabicBoldFontFile());
    f.italic = Add(atlas, ItalicFontFile(), px, kLatinRanges, none);
    f.mono = Add(atlas, MonoFontFile(), px, kMonoRanges, none);
    f.h1 = Add(atlas, BoldFontFile(), px * 1.6f, BodyRanges(), ArabicBoldFontFile());
    f.h2 = Add(atlas, BoldFontFile(), px * 1.25f, BodyRanges(), ArabicBoldFontFile());
    return f;
}

}  // namespace fk::ui
