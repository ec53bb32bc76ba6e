// OpenGL context creation with fallbacks, and the renderer calls for the chosen backend.
#include "kit/ui/gl_window.hpp"

#define GL_SILENCE_DEPRECATION
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_opengl2.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <cstdlib>

#include "platform/i18n.hpp"

namespace fk::ui {

GlWindow CreateGlWindow(int width, int height, const char* title, bool visible, std::string& error) {
    struct Try {
        int major, minor;
        bool core;
    };
    // FIELDKIT_GL_MAX=3.0 or 2.1 skips the newer contexts: how the fallbacks are tested.
    int max = 33;
    if (const char* v = std::getenv("FIELDKIT_GL_MAX"))
        max = std::string(v) == "2.1" ? 21 : std::string(v) == "3.0" ? 30 : 33;
    for (Try t : {Try{3, 3, true}, Try{3, 0, false}, Try{2, 1, false}}) {
        if (t.major * 10 + t.minor > max) continue;
        glfwDefaultWindowHints();
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, t.major);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, t.minor);
        if (t.core) {
            glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
            glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
        }
        glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
        glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_FALSE);
        GLFWwindow* w = glfwCreateWindow(width, height, title, nullptr, nullptr);
        if (!w) continue;
        glfwMakeContextCurrent(w);
        GlWindow out;
        out.window = w;
        out.legacy = t.major < 3;
        const char* v = reinterpret_cast<const char*>(glGetString(GL_VERSION));
        out.gl_version = v ? v : "?";
        return out;
    }
    error = tr("no OpenGL 3.3, 3.0 or 2.1 context is available (graphics driver)");
    return {};
}

bool RendererInit(const GlWindow& w) {
    // Device objects now, so NewFrame never uploads (and rebuilds) the font atlas itself.
    bool ok = w.legacy ? ImGui_ImplOpenGL2_Init() && ImGui_ImplOpenGL2_CreateDeviceObjects()
                       : ImGui_ImplOpenGL3_Init(nullptr) && ImGui_ImplOpenGL3_CreateDeviceObjects();
    ImGui::GetIO().Fonts->ClearTexData();
    return ok;
}

void RendererNewFrame(const GlWindow& w) {
    if (w.legacy)
        ImGui_ImplOpenGL2_NewFrame();
    else
        ImGui_ImplOpenGL3_NewFrame();
}

void RendererRender(const GlWindow& w) {
    if (w.legacy)
        ImGui_ImplOpenGL2_RenderDrawData(ImGui::GetDrawData());
    else
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void RendererRebuildFonts(const GlWindow& w) {
    if (w.legacy) {
        ImGui_ImplOpenGL2_DestroyFontsTexture();
        ImGui_ImplOpenGL2_CreateFontsTexture();
    } else {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    ImGui::GetIO().Fonts->ClearTexData();  // the GPU has it; free the CPU copy
}

void RendererShutdown(const GlWindow& w) {
    if (w.legacy)
        ImGui_ImplOpenGL2_Shutdown();
    else
        ImGui_ImplOpenGL3_Shutdown();
}

}  // namespace fk::ui
