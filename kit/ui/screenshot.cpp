// glReadPixels of the back buffer, flipped to top-down rows, written with stb_image_write.
#include "kit/ui/screenshot.hpp"

#define GL_SILENCE_DEPRECATION
#include <GLFW/glfw3.h>
#include <stb_image_write.h>

#include <algorithm>
#include <vector>

#include "platform/i18n.hpp"

namespace fk::ui {

std::string WriteScreenshot(const std::string& path, int width, int height) {
    if (width <= 0 || height <= 0) return tr("the window has no size");
    std::vector<unsigned char> pixels(static_cast<size_t>(width) * static_cast<size_t>(height) * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    const size_t stride = static_cast<size_t>(width) * 3;
    std::vector<unsigned char> flipped(pixels.size());
    for (int y = 0; y < height; ++y)
        std::copy_n(pixels.data() + static_cast<size_t>(height - 1 - y) * stride, stride,
                    flipped.data() + static_cast<size_t>(y) * stride);
    if (!stbi_write_png(path.c_str(), width, height, 3, flipped.data(), static_cast<int>(stride)))
        return Format(tr("screenshot '{file}': cannot write the file"), {{"file", path}});
    return "";
}

}  // namespace fk::ui
