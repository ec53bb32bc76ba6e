// A GLFW window with an OpenGL context and the matching ImGui renderer: 3.3 core, else
// 3.0, else 2.1 with the OpenGL2 backend (old laptops' drivers).
#pragma once

#include <string>

struct GLFWwindow;

namespace fk::ui {

struct GlWindow {
    GLFWwindow* window = nullptr;
    bool legacy = false;     // OpenGL 2.1 backend
    std::string gl_version;  // what the driver gave us
};

// glfwInit must have succeeded. Returns a window with a current context, or one with
// window == nullptr and `error` set.
GlWindow CreateGlWindow(int width, int height, const char* title, bool visible, std::string& error);

// The ImGui renderer for that context. RendererInit uploads the current font atlas.
bool RendererInit(const GlWindow& w);
void RendererNewFrame(const GlWindow& w);
void RendererRender(const GlWindow& w);
void RendererRebuildFonts(const GlWindow& w);
void RendererShutdown(const GlWindow& w);

}  // namespace fk::ui
