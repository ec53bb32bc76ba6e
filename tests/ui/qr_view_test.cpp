// DrawQrCode: whole-pixel modules, one rectangle per run of dark modules, the cursor moved
// past the square, and the side never rounded below one pixel per module.
#include "kit/ui/qr_view.hpp"

#include <doctest/doctest.h>
#include <imgui.h>

using namespace fk;

namespace {

struct Frame {
    ImGuiContext* ctx = ImGui::CreateContext();
    Frame() {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = {800, 800};
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        ImGui::NewFrame();
        ImGui::SetNextWindowPos({0, 0});
        ImGui::SetNextWindowSize({800, 800});
        ImGui::Begin("qr");
    }
    ~Frame() {
        ImGui::End();
        ImGui::EndFrame();
        ImGui::DestroyContext(ctx);
    }
};

int DarkRuns(const core::QrMatrix& m) {
    int runs = 0;
    for (int y = 0; y < m.size; ++y)
        for (int x = 0; x < m.size; ++x) runs += m.Dark(x, y) && !m.Dark(x - 1, y) ? 1 : 0;
    return runs;
}

}  // namespace

TEST_CASE("a QR code is drawn as whole-pixel squares, one rectangle per dark run") {
    auto m = core::EncodeQr("http://192.168.8.20:8080/");
    REQUIRE(m.ok());
    Frame f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const int before = draw->VtxBuffer.Size;
    const float y0 = ImGui::GetCursorPosY();
    const float side = ui::DrawQrCode(*m, 300.5f);
    CHECK(side == static_cast<float>(m->size * (300 / m->size)));    // whole pixels per module
    CHECK(draw->VtxBuffer.Size - before == 4 * (1 + DarkRuns(*m)));  // the white square, then the runs
    CHECK(ImGui::GetCursorPosY() >= y0 + side);
    // Too small a square still gives every module a pixel.
    CHECK(ui::DrawQrCode(*m, 5) == static_cast<float>(m->size));
    CHECK(ui::DrawQrCode(core::QrMatrix{}, 100) == 0);
}
