// Where the presenter view is shown. With a second monitor, a full-screen projector window
// there draws the audience view only, and this window stays the trainer's, with the pane.
// With one monitor, this window goes full screen on its monitor. Both end with presenting:
// the projector window closes, or this window gets back its size and place.
#pragma once

#include "kit/ui/gl_window.hpp"
#include "kit/ui/model.hpp"
#include "kit/ui/view_state.hpp"

struct GLFWwindow;
struct GLFWmonitor;

namespace fk::ui {

class PresenterScreens {
public:
    explicit PresenterScreens(const GlWindow& main) : m_main(main) {}
    ~PresenterScreens() { Follow(false); }
    PresenterScreens(const PresenterScreens&) = delete;
    PresenterScreens& operator=(const PresenterScreens&) = delete;

    // Opens or closes the presenter's screens as the model starts or stops presenting.
    void Follow(bool presenting);
    // The role of the frames this window draws.
    PresenterRole MainRole() const { return m_projector ? PresenterRole::kTrainer : PresenterRole::kSingle; }
    // Draws and shows the audience view on the projector, if there is one; call after the
    // main window's frame was rendered. Leaves the main window's context current.
    void DrawProjector(const Model& model, ViewState& view);

private:
    void Enter();
    void Leave();

    GlWindow m_main;
    bool m_active = false;
    GLFWwindow* m_projector = nullptr;
    bool m_fullscreen = false;               // this window was made full screen (one monitor)
    int m_x = 0, m_y = 0, m_w = 0, m_h = 0;  // its place before
};

}  // namespace fk::ui
