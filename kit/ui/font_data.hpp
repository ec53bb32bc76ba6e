// Font files embedded in the binary (generated font_data.cpp, see kit/ui/CMakeLists.txt).
#pragma once

#include <cstddef>

namespace fk::ui {

struct FontFile {
    const unsigned char* data;
    std::size_t size;
};

FontFile RegularFontFile();
FontFile BoldFontFile();
FontFile ItalicFontFile();
FontFile MonoFontFile();
FontFile ArabicFontFile();
FontFile ArabicBoldFontFile();

}  // namespace fk::ui
