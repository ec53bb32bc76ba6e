// Small widgets shared by the screens: muted text, filter chips, article links, ages.
#include <algorithm>
#include <chrono>

#include "kit/ui/bidi.hpp"
#include "kit/ui/rich_text.hpp"
#include "kit/ui/screens.hpp"

namespace fk::ui {

void DrawText(const std::string& text) {
    if (i18n::RightToLeft() || HasRightToLeft(text))
        DrawPlainBidi(text, ImGui::GetContentRegionAvail().x, i18n::RightToLeft());
    else
        ImGui::TextWrapped("%s", text.c_str());
}

void DrawMuted(const ViewState& view, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, view.palette.muted);
    DrawText(text);
    ImGui::PopStyleColor();
}

void DrawHeading(ImFont* font, const char* text) {
    ImGui::PushFont(font);
    if (i18n::RightToLeft())
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() +
                             std::max(0.0f, ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(text).x));
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

float ButtonWidth(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

// Items that do not fit on one line go on to the next (a translated label can be twice the
// English); right to left, each line is right-aligned and runs from the right.
void DrawRow(const std::vector<RowItem>& items) {
    const float spacing = ImGui::GetStyle().ItemSpacing.x, avail = ImGui::GetContentRegionAvail().x;
    const float start_x = ImGui::GetCursorPosX();
    for (size_t first = 0, end = 0; first < items.size(); first = end) {
        float width = items[first].width;
        for (end = first + 1; end < items.size() && width + spacing + items[end].width <= avail; ++end)
            width += spacing + items[end].width;
        if (i18n::RightToLeft()) {
            ImGui::SetCursorPosX(start_x + std::max(0.0f, avail - width));
            for (size_t i = end; i-- > first;) {
                if (i + 1 != end) ImGui::SameLine();
                items[i].draw();
            }
        } else {
            ImGui::SetCursorPosX(start_x);
            for (size_t i = first; i < end; ++i) {
                if (i > first) ImGui::SameLine();
                items[i].draw();
            }
        }
    }
}

bool DrawChip(const char* label, bool active, const ViewState& view) {
    if (active) {
        ImVec4 a = view.palette.accent;
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(a.x, a.y, a.z, 0.45f));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(a.x, a.y, a.z, 0.6f));
    }
    bool pressed = ImGui::Button(label);
    if (active) ImGui::PopStyleColor(2);
    return pressed;
}

void DrawArticleLink(const std::string& address, const std::string& title, ViewState& view, ActionQueue& out) {
    ImGui::PushID(address.c_str());
    std::string shown = Displayable(title.empty() ? address : title);
    if (ImGui::Selectable(shown.c_str())) out.push_back({ActionType::kOpenArticle, address});
    view.Record("article:" + address);
    ImGui::PopID();
}

std::string AgeText(std::int64_t t) {
    // TRANSLATORS: the age of content whose publication date is not known.
    if (t <= 0) return tr("unknown");
    auto now =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    std::int64_t days = (now - t) / 86400;
    if (days < 0) return tr("from the future (check this computer's clock)");
    // TRANSLATORS: the age of content published today.
    if (days == 0) return tr("today");
    return Format(trn("{n} day old", "{n} days old", static_cast<unsigned long>(days)), {{"n", std::to_string(days)}});
}

}  // namespace fk::ui
