// UiHarness: NewFrame/DrawFrame/Render/Apply in a loop with simulated input (ImGui 1.86
// has no input queue, so every state is held for a whole frame).
#include "tests/ui/harness.hpp"

#include <doctest/doctest.h>

#include "kit/cli/built_in.hpp"
#include "kit/ui/screens.hpp"

namespace fk::test {

UiHarness::UiHarness(const std::filesystem::path& data_dir, float width, float height) : m_dir(data_dir) {
    m_ctx = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = 1.0f / 60;
    for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = k;
    m_view.record_items = true;
    Restart();
}

UiHarness::~UiHarness() {
    m_model.reset();
    ImGui::DestroyContext(m_ctx);
}

void UiHarness::Restart() {
    m_model.reset();
    auto m = ui::Model::Open(m_dir, cli::BuiltInContent());
    REQUIRE_MESSAGE(m.ok(), (m.ok() ? "" : m.error().detail));
    m_model = std::move(*m);
    m_actions.clear();
    m_view = ui::ViewState{};
    m_view.record_items = true;
    m_look = {};
}

void UiHarness::Frame(int n) {
    ImGuiIO& io = ImGui::GetIO();
    for (int i = 0; i < n; ++i) {
        m_model->Apply(m_actions);
        if (ui::UpdateLook(*m_model, "", 1.0f, m_view, m_look)) {
            unsigned char* pixels = nullptr;
            int w = 0, h = 0;
            io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        }
        ImGui::NewFrame();
        ui::DrawFrame(*m_model, m_view, m_actions);
        ImGui::Render();
    }
    m_model->Apply(m_actions);
}

std::string UiHarness::DrawnText() {
    Frame();
    // The log ends (LogFinish) when the top-level window ends; logged "to the clipboard", the
    // text outlives it (in ImGui's own clipboard: this harness has no backend).
    ImGui::SetClipboardText("");
    ImGui::NewFrame();
    ImGui::LogToClipboard();
    ui::DrawFrame(*m_model, m_view, m_actions);
    ImGui::LogFinish();
    ImGui::Render();
    m_model->Apply(m_actions);
    return ImGui::GetClipboardText();
}

void UiHarness::Type(const std::string& text) {
    ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
    Frame(2);
}

void UiHarness::Press(int key, bool ctrl, bool alt, bool shift) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = ctrl;
    io.KeyAlt = alt;
    io.KeyShift = shift;
    io.KeysDown[key] = true;
    Frame();
    io.KeysDown[key] = false;
    Frame();
    io.KeyCtrl = io.KeyAlt = io.KeyShift = false;
    Frame();
}

bool UiHarness::Click(const std::string& item) {
    ImGuiIO& io = ImGui::GetIO();
    // Layout can settle over a few frames (tables size columns from the last frame):
    // hover until the item stays put.
    for (int i = 0; i < 5; ++i) {
        auto it = m_view.items.find(item);
        if (it == m_view.items.end()) return false;
        ImVec2 target = it->second.Center();
        bool same = io.MousePos.x == target.x && io.MousePos.y == target.y;
        io.MousePos = target;
        Frame();
        if (same) break;
    }
    io.MouseDown[0] = true;
    Frame();
    io.MouseDown[0] = false;
    Frame(2);
    return true;
}

void UiHarness::PressMouseButton(int button) {
    ImGuiIO& io = ImGui::GetIO();
    io.MouseDown[button] = true;
    Frame();
    io.MouseDown[button] = false;
    Frame();
}

}  // namespace fk::test
