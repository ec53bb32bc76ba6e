// Theme colours: calm defaults, and a high-contrast theme (black, white, yellow) for
// sunlight and tired eyes.
#include "kit/ui/theme.hpp"

namespace fk::ui {

void ApplyTheme(const std::string& theme, float scale, Palette& p) {
    ImGuiStyle style;
    ImVec4* c = style.Colors;
    if (theme == "light") {
        ImGui::StyleColorsLight(&style);
        c[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.95f, 1);
        c[ImGuiCol_ChildBg] = ImVec4(0.94f, 0.94f, 0.91f, 1);
        p = {ImVec4(0.10f, 0.10f, 0.12f, 1), ImVec4(0.38f, 0.38f, 0.42f, 1), ImVec4(0.05f, 0.33f, 0.70f, 1),
             ImVec4(0.10f, 0.45f, 0.35f, 1), ImVec4(1.00f, 0.87f, 0.40f, 1), ImVec4(0.88f, 0.88f, 0.85f, 1),
             ImVec4(0.70f, 0.70f, 0.66f, 1), ImVec4(0.75f, 0.10f, 0.10f, 1), ImVec4(0.10f, 0.50f, 0.20f, 1)};
    } else if (theme == "high-contrast") {
        ImGui::StyleColorsDark(&style);
        const ImVec4 black(0, 0, 0, 1), white(1, 1, 1, 1), yellow(1, 0.95f, 0, 1), dim(0.15f, 0.15f, 0.15f, 1);
        for (int i = 0; i < ImGuiCol_COUNT; ++i) c[i] = black;
        c[ImGuiCol_Text] = white;
        c[ImGuiCol_TextDisabled] = ImVec4(0.85f, 0.85f, 0.85f, 1);
        c[ImGuiCol_Border] = white;
        for (int i : {ImGuiCol_FrameBg, ImGuiCol_Button, ImGuiCol_Header, ImGuiCol_TableHeaderBg, ImGuiCol_Tab,
                      ImGuiCol_ScrollbarBg, ImGuiCol_PopupBg, ImGuiCol_MenuBarBg})
            c[i] = dim;
        for (int i : {ImGuiCol_FrameBgHovered, ImGuiCol_ButtonHovered, ImGuiCol_HeaderHovered, ImGuiCol_TabHovered})
            c[i] = ImVec4(0.25f, 0.25f, 0.0f, 1);
        for (int i : {ImGuiCol_FrameBgActive, ImGuiCol_ButtonActive, ImGuiCol_HeaderActive, ImGuiCol_TabActive})
            c[i] = ImVec4(0.45f, 0.42f, 0.0f, 1);
        for (int i : {ImGuiCol_CheckMark, ImGuiCol_SliderGrab, ImGuiCol_PlotHistogram, ImGuiCol_NavHighlight,
                      ImGuiCol_ScrollbarGrab, ImGuiCol_SeparatorActive})
            c[i] = yellow;
        c[ImGuiCol_Separator] = white;
        c[ImGuiCol_TableBorderStrong] = white;
        c[ImGuiCol_TableBorderLight] = ImVec4(0.6f, 0.6f, 0.6f, 1);
        c[ImGuiCol_TextSelectedBg] = ImVec4(0.2f, 0.4f, 1, 0.6f);
        style.FrameBorderSize = 1;
        style.ChildBorderSize = 1;
        p = {white,  ImVec4(0.9f, 0.9f, 0.9f, 1), ImVec4(0.4f, 0.9f, 1, 1), yellow, ImVec4(0.55f, 0.5f, 0, 1), dim,
             yellow, ImVec4(1, 0.4f, 0.4f, 1),    ImVec4(0.4f, 1, 0.4f, 1)};
    } else {
        ImGui::StyleColorsDark(&style);
        c[ImGuiCol_WindowBg] = ImVec4(0.11f, 0.12f, 0.13f, 1);
        c[ImGuiCol_ChildBg] = ImVec4(0.14f, 0.15f, 0.16f, 1);
        p = {ImVec4(0.90f, 0.90f, 0.88f, 1), ImVec4(0.62f, 0.63f, 0.65f, 1), ImVec4(0.45f, 0.70f, 1.00f, 1),
             ImVec4(0.40f, 0.80f, 0.65f, 1), ImVec4(0.55f, 0.45f, 0.10f, 1), ImVec4(0.20f, 0.21f, 0.23f, 1),
             ImVec4(0.40f, 0.42f, 0.45f, 1), ImVec4(1.00f, 0.45f, 0.40f, 1), ImVec4(0.45f, 0.85f, 0.50f, 1)};
    }
    c[ImGuiCol_Text] = p.text;
    style.WindowRounding = 0;
    style.FrameRounding = 4;
    style.GrabRounding = 4;
    style.FramePadding = ImVec2(8, 5);
    style.ItemSpacing = ImVec2(8, 5);
    style.WindowPadding = ImVec2(14, 10);
    style.ScrollbarSize = 16;
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

}  // namespace fk::ui
