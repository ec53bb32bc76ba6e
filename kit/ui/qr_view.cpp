// DrawQrCode: one filled rectangle per run of dark modules in a row, snapped to whole pixels
// so the edges stay sharp at any size (blurred edges are what make a phone fail to scan).
#include "kit/ui/qr_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace fk::ui {

float DrawQrCode(const core::QrMatrix& m, float side) {
    if (m.size <= 0) return 0;
    const float module = std::max(1.0f, std::floor(side / static_cast<float>(m.size)));
    const float drawn = module * static_cast<float>(m.size);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    origin = {std::floor(origin.x + 0.5f), std::floor(origin.y + 0.5f)};
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, {origin.x + drawn, origin.y + drawn}, IM_COL32(255, 255, 255, 255));
    for (int y = 0; y < m.size; ++y) {
        for (int x = 0; x < m.size;) {
            if (!m.Dark(x, y)) {
                ++x;
                continue;
            }
            int end = x;
            while (end < m.size && m.Dark(end, y)) ++end;
            draw->AddRectFilled(
                {origin.x + module * static_cast<float>(x), origin.y + module * static_cast<float>(y)},
                {origin.x + module * static_cast<float>(end), origin.y + module * static_cast<float>(y + 1)},
                IM_COL32(0, 0, 0, 255));
            x = end;
        }
    }
    ImGui::Dummy({drawn, drawn});
    return drawn;
}

}  // namespace fk::ui
