// fribidi wrapper: UTF-8 in, visual-order UTF-8 out (bidi + Arabic shaping).
#include "kit/ui/bidi.hpp"

#include <fribidi.h>

#include <vector>

#include "kit/ui/markdown_blocks.hpp"

namespace fk::ui {

std::string VisualLine(std::string_view logical, bool rtl) {
    if (logical.empty()) return {};
    std::vector<FriBidiChar> u(logical.size() + 1);
    FriBidiStrIndex n = fribidi_charset_to_unicode(FRIBIDI_CHAR_SET_UTF8, logical.data(),
                                                   static_cast<FriBidiStrIndex>(logical.size()), u.data());
    std::vector<FriBidiChar> v(static_cast<size_t>(n) + 1);
    FriBidiParType base = rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
    if (!fribidi_log2vis(u.data(), n, &base, v.data(), nullptr, nullptr, nullptr)) return std::string(logical);
    // Lam-alef ligatures leave a U+FEFF filler where the alef was: drop it (no glyph).
    FriBidiStrIndex kept = 0;
    for (FriBidiStrIndex i = 0; i < n; ++i)
        if (v[static_cast<size_t>(i)] != 0xFEFF) v[static_cast<size_t>(kept++)] = v[static_cast<size_t>(i)];
    n = kept;
    std::string out(static_cast<size_t>(n) * 4 + 1, '\0');
    FriBidiStrIndex m = fribidi_unicode_to_charset(FRIBIDI_CHAR_SET_UTF8, v.data(), n, out.data());
    out.resize(static_cast<size_t>(m));
    return out;
}

bool HasRightToLeft(std::string_view text) {
    for (size_t i = 0; i + 1 < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        // UTF-8 lead bytes of U+0590..U+08FF are 0xD6..0xE0 (0xE0 covers U+0800..U+08FF);
        // presentation forms start with 0xEF 0xAC..0xBB.
        if (c >= 0xD6 && c <= 0xDF) return true;
        if (c == 0xE0 && static_cast<unsigned char>(text[i + 1]) <= 0xA3) return true;
        if (c == 0xEF && static_cast<unsigned char>(text[i + 1]) >= 0xAC &&
            static_cast<unsigned char>(text[i + 1]) <= 0xBB)
            return true;
    }
    return false;
}

std::string Displayable(std::string_view text) {
    if (!HasRightToLeft(text)) return std::string(text);
    return VisualLine(text, StartsRightToLeft(text));
}

}  // namespace fk::ui
