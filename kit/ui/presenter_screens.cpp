// PresenterScreens: GLFW monitors, a shared-context projector window, full screen and back.
#include "kit/ui/presenter_screens.hpp"

#define GL_SILENCE_DEPRECATION
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>

#include "kit/ui/screens.hpp"

namespace fk::ui {
namespace {

// The monitor showing most of `w` (GLFW has no call for it), else the primary one.
GLFWmonitor* MonitorOf(GLFWwindow* w) {
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    int wx, wy, ww, wh;
    glfwGetWindowPos(w, &wx, &wy);
    glfwGetWindowSize(w, &ww, &wh);
    GLFWmonitor* best = glfwGetPrimaryMonitor();
    long best_area = 0;
    for (int i = 0; i < count; ++i) {
        const GLFWvidmode* mode = glfwGetVideoMode(monitors[i]);
        if (!mode) continue;
        int mx, my;
        glfwGetMonitorPos(monitors[i], &mx, &my);
        const long ox = std::max(0, std::min(wx + ww, mx + mode->width) - std::max(wx, mx));
        const long oy = std::max(0, std::min(wy + wh, my + mode->height) - std::max(wy, my));
        if (ox * oy > best_area) {
            best_area = ox * oy;
            best = monitors[i];
        }
    }
    return best;
}

}  // namespace

void PresenterScreens::Follow(bool presenting) {
    if (presenting && !m_active) Enter();
    if (!presenting && m_active) Leave();
}

void PresenterScreens::Enter() {
    m_active = true;
    GLFWwindow* main = m_main.window;
    GLFWmonitor* here = MonitorOf(main);
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    GLFWmonitor* other = nullptr;
    for (int i = 0; i < count && !other; ++i)
        if (monitors[i] != here) other = monitors[i];
    if (other) {
        // The projector: same kind of context as this window's, sharing its textures and buffers.
        const GLFWvidmode* mode = glfwGetVideoMode(other);
        glfwDefaultWindowHints();
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, glfwGetWindowAttrib(main, GLFW_CONTEXT_VERSION_MAJOR));
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, glfwGetWindowAttrib(main, GLFW_CONTEXT_VERSION_MINOR));
        glfwWindowHint(GLFW_OPENGL_PROFILE, glfwGetWindowAttrib(main, GLFW_OPENGL_PROFILE));
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, glfwGetWindowAttrib(main, GLFW_OPENGL_FORWARD_COMPAT));
        glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);  // stays up while the trainer works in the other window
        glfwWindowHint(GLFW_FOCUS_ON_SHOW, GLFW_FALSE);
        glfwWindowHint(GLFW_FOCUSED, GLFW_FALSE);
        m_projector = glfwCreateWindow(mode->width, mode->height, "fieldkit", other, main);
        if (m_projector) {
            // A clicker's keys reach the presenter whichever window has the focus.
            glfwSetKeyCallback(m_projector, ImGui_ImplGlfw_KeyCallback);
            glfwSetCharCallback(m_projector, ImGui_ImplGlfw_CharCallback);
            glfwMakeContextCurrent(m_projector);
            glfwSwapInterval(0);  // the main window's swap already waits for the screen
            glfwMakeContextCurrent(main);
            glfwFocusWindow(main);
            return;
        }
    }
    // One monitor (or no projector window): this window, full screen where it is.
    if (const GLFWvidmode* mode = here ? glfwGetVideoMode(here) : nullptr) {
        glfwGetWindowPos(main, &m_x, &m_y);
        glfwGetWindowSize(main, &m_w, &m_h);
        glfwSetWindowMonitor(main, here, 0, 0, mode->width, mode->height, mode->refreshRate);
        m_fullscreen = true;
    }
}

void PresenterScreens::Leave() {
    m_active = false;
    if (m_projector) {
        glfwDestroyWindow(m_projector);
        m_projector = nullptr;
        glfwMakeContextCurrent(m_main.window);
    }
    if (m_fullscreen) {
        glfwSetWindowMonitor(m_main.window, nullptr, m_x, m_y, m_w, m_h, 0);
        m_fullscreen = false;
    }
}

void PresenterScreens::DrawProjector(const Model& model, ViewState& view) {
    if (!m_projector || !model.Presenter()) return;
    glfwMakeContextCurrent(m_projector);
    int fw = 0, fh = 0;
    glfwGetFramebufferSize(m_projector, &fw, &fh);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(fw), static_cast<float>(fh));
    io.DisplayFramebufferScale = ImVec2(1, 1);
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    // The same ImGui context draws a second frame: key presses were taken by the first.
    ActionQueue ignored;
    const PresenterRole role = view.presenter_role;
    view.presenter_role = PresenterRole::kAudience;
    ImGui::NewFrame();
    DrawFrame(model, view, ignored);
    ImGui::Render();
    view.presenter_role = role;
    glViewport(0, 0, fw, fh);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    RendererRender(m_main);
    glfwSwapBuffers(m_projector);
    glfwMakeContextCurrent(m_main.window);
}

}  // namespace fk::ui
