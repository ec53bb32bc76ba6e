// Manual line breaking of styled runs (see rich_text.hpp).
#include "kit/ui/rich_text.hpp"

#include <cfloat>

#include "kit/core/content_index.hpp"
#include "kit/ui/bidi.hpp"

namespace fk::ui {
namespace {

size_t Utf8Len(unsigned char c) {
    return c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
}

ImFont* FontFor(std::uint8_t style, ImFont* base, const Fonts& f) {
    if (style & kStyleCode) return f.mono;
    if (base != f.regular) return base;
    if (style & (kStyleBold | kStyleMark)) return f.bold;
    if (style & kStyleItalic) return f.italic;
    return f.regular;
}

void DrawSegment(const char* s, const char* e, const Run& run, const Palette& p, ViewState& view, ActionQueue& out) {
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImVec2 size = ImGui::CalcTextSize(s, e);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (run.style & kStyleCode)
        dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), ImGui::GetColorU32(p.code_bg), 3);
    if (run.style & kStyleMark)
        dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), ImGui::GetColorU32(p.mark_bg), 2);
    bool link = (run.style & kStyleLink) != 0;
    if (link) ImGui::PushStyleColor(ImGuiCol_Text, p.link);
    ImGui::TextUnformatted(s, e);
    if (link) {
        ImGui::PopStyleColor();
        view.Record("link:" + run.href);
        if (ImGui::IsItemHovered()) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            ImGui::SetTooltip("%s", run.href.c_str());
        }
        float y = pos.y + size.y - 1;
        dl->AddLine(ImVec2(pos.x, y), ImVec2(pos.x + size.x, y), ImGui::GetColorU32(p.link), 1);
        if (ImGui::IsItemClicked()) {
            if (run.href.find("://") != std::string::npos || run.href.starts_with("mailto:"))
                ImGui::SetClipboardText(run.href.c_str());
            out.push_back({ActionType::kOpenLink, run.href});
        }
    }
    if (run.style & kStyleStrike) {
        float y = pos.y + size.y * 0.55f;
        dl->AddLine(ImVec2(pos.x, y), ImVec2(pos.x + size.x, y), ImGui::GetColorU32(p.text), 1);
    }
}

void DrawBidi(const Runs& runs, float wrap_width, bool rtl, ImFont* base) {
    std::string text = PlainText(runs);
    ImGui::PushFont(base);
    const float x0 = ImGui::GetCursorPosX();
    const char* s = text.data();
    const char* end = s + text.size();
    while (s < end) {
        while (s < end && *s == ' ') ++s;
        const char* line_end = s;
        while (line_end < end && *line_end != '\n') ++line_end;
        const char* brk = base->CalcWordWrapPositionA(1.0f, s, line_end, wrap_width);
        if (brk == s && s < line_end) brk = s + Utf8Len(static_cast<unsigned char>(*s));
        std::string visual = VisualLine(std::string_view(s, static_cast<size_t>(brk - s)), rtl);
        float w = ImGui::CalcTextSize(visual.c_str()).x;
        ImGui::SetCursorPosX(rtl ? x0 + std::max(0.0f, wrap_width - w) : x0);
        ImGui::TextUnformatted(visual.c_str());
        s = brk;
        if (s < end && *s == '\n') ++s;
    }
    ImGui::PopFont();
}

}  // namespace

void DrawPlainBidi(const std::string& text, float wrap_width, bool rtl) {
    DrawBidi(Runs{Run{text, 0, ""}}, wrap_width, rtl, ImGui::GetFont());
}

void DrawRuns(const Runs& runs, float wrap_width, bool rtl, ImFont* base, ViewState& view, ActionQueue& out) {
    // Paragraphs that are right-to-left, or mix in right-to-left words, go through fribidi
    // line by line (losing inline styles: ImGui cannot reorder styled runs).
    bool mixed = rtl;
    for (size_t i = 0; i < runs.size() && !mixed; ++i) mixed = HasRightToLeft(runs[i].text);
    if (mixed) {
        DrawBidi(runs, wrap_width, rtl, base);
        return;
    }
    const Palette& p = view.palette;
    bool line_start = true;
    float used = 0;
    for (const Run& run : runs) {
        ImFont* font = FontFor(run.style, base, view.fonts);
        ImGui::PushFont(font);
        const char* s = run.text.data();
        const char* end = s + run.text.size();
        while (s < end) {
            if (*s == '\n') {
                line_start = true;
                used = 0;
                ++s;
                continue;
            }
            if (line_start)
                while (s < end && *s == ' ') ++s;
            if (s >= end) break;
            const char* seg_end = s;
            while (seg_end < end && *seg_end != '\n') ++seg_end;
            // ImGui cuts a first word that does not fit mid-word: move it to a new line first.
            const char* word_end = s;
            while (word_end < seg_end && *word_end != ' ') ++word_end;
            if (!line_start && word_end > s &&
                font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, s, word_end).x > wrap_width - used) {
                line_start = true;
                used = 0;
                continue;
            }
            const char* brk = font->CalcWordWrapPositionA(1.0f, s, seg_end, wrap_width - used);
            if (brk == s) {
                if (!line_start) {  // the first word does not fit the rest of this line
                    line_start = true;
                    used = 0;
                    continue;
                }
                brk = s + Utf8Len(static_cast<unsigned char>(*s));
            }
            if (!line_start) ImGui::SameLine(0, 0);
            DrawSegment(s, brk, run, p, view, out);
            used += ImGui::GetItemRectSize().x;
            line_start = false;
            if (brk < seg_end) {  // wrapped inside this run
                line_start = true;
                used = 0;
            }
            s = brk;
        }
        ImGui::PopFont();
    }
    if (line_start && runs.empty()) ImGui::NewLine();
}

Runs SnippetRuns(const std::string& snippet) {
    Runs runs;
    Run cur;
    for (char c : snippet) {
        if (c == core::kMarkOpen || c == core::kMarkClose) {
            if (!cur.text.empty()) runs.push_back(cur);
            cur.text.clear();
            cur.style = c == core::kMarkOpen ? kStyleMark : 0;
        } else if (c == '\n') {
            cur.text.push_back(' ');
        } else {
            cur.text.push_back(c);
        }
    }
    if (!cur.text.empty()) runs.push_back(cur);
    return runs;
}

}  // namespace fk::ui
