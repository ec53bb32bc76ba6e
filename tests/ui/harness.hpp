// A headless window for UI tests: an ImGui context with no backend, the real model on a
// temporary data directory, a built font atlas and simulated keyboard and mouse.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "kit/ui/look.hpp"
#include "kit/ui/model.hpp"
#include "kit/ui/view_state.hpp"

namespace fk::test {

class UiHarness {
public:
    explicit UiHarness(const std::filesystem::path& data_dir, float width = 1280, float height = 4000);
    ~UiHarness();
    UiHarness(const UiHarness&) = delete;
    UiHarness& operator=(const UiHarness&) = delete;

    // Draws `n` frames, applying the queued actions after each (as the window does).
    void Frame(int n = 1);
    void Type(const std::string& text);                        // characters, then two frames
    void Press(int key, bool ctrl = false, bool alt = false, bool shift = false);  // held one frame, released one frame
    bool Click(const std::string& item);                       // hover, press, release; false if not drawn
    void PressMouseButton(int button);
    // Draws one frame and returns the text it drew, as ImGui's log captures it: the items of
    // one row on one line, separated by spaces.
    std::string DrawnText();

    ui::Model& model() { return *m_model; }
    ui::ViewState& view() { return m_view; }
    // Closes the model and opens a new one on the same data directory (a restart).
    void Restart();

private:
    std::filesystem::path m_dir;
    std::unique_ptr<ui::Model> m_model;
    ui::ViewState m_view;
    ui::Look m_look;
    ui::ActionQueue m_actions;
    ImGuiContext* m_ctx = nullptr;
};

}  // namespace fk::test
