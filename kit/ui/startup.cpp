// PrepareFonts: the reader's font size, then a font atlas built off the UI thread.
#include "kit/ui/startup.hpp"

#include "kit/core/reader_data.hpp"

namespace fk::ui {

PreparedFonts PrepareFonts(const std::filesystem::path& data_dir, float scale) {
    PreparedFonts p;
    p.font_size = core::ReaderSettings{}.font_size;
    if (auto reader = core::ReaderData::Open(data_dir)) p.font_size = reader->LoadSettings().font_size;
    p.scale = scale;
    p.atlas = std::make_unique<ImFontAtlas>();
    p.fonts = LoadFonts(*p.atlas, static_cast<float>(p.font_size) * scale);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    p.atlas->GetTexDataAsRGBA32(&pixels, &w, &h);
    return p;
}

}  // namespace fk::ui
