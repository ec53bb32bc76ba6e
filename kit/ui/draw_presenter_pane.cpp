// The trainer's pane of the presenter view: the block running now with the trainer's notes,
// what comes next, the next inject's due time, the module's brief and the keys. The window
// never draws it into the projector's frame.
#include <imgui.h>

#include <cstdlib>

#include "kit/ui/presenter_draw.hpp"
#include "kit/ui/rich_text.hpp"
#include "kit/ui/screens.hpp"

namespace fk::ui {

std::string ClockText(std::int64_t ms) {
    const std::int64_t s = std::llabs(ms) / 1000;
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", static_cast<long long>(s / 3600),
                      static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60));
    else
        std::snprintf(buf, sizeof buf, "%lld:%02lld", static_cast<long long>(s / 60), static_cast<long long>(s % 60));
    return buf;
}

std::string LeftOrOver(std::int64_t left_ms) {
    // TRANSLATORS: a countdown in the presenter view: "12:05 left" or "2:30 over" (overrun).
    return Format(left_ms < 0 ? tr("{time} over") : tr("{time} left"), {{"time", ClockText(left_ms)}});
}

namespace {

// The article's own words (notes, the brief) in the article's direction, whatever the interface's.
void DrawArticleText(const PresenterState& p, const std::string& text) {
    DrawPlainBidi(text, ImGui::GetContentRegionAvail().x, p.rtl || StartsRightToLeft(text));
}

}  // namespace

void DrawTrainerPane(const PresenterState& p, PresenterRole role, float width, ViewState& view) {
    const ImVec4 a = view.palette.accent;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(a.x, a.y, a.z, 0.10f));
    ImGui::PushStyleColor(ImGuiCol_Border, a);
    ImGui::BeginChild("trainer-pane", ImVec2(width, 0), true);
    ImGui::PushStyleColor(ImGuiCol_Text, a);
    DrawHeading(view.fonts.h2, L("Trainer only"));
    ImGui::PopStyleColor();
    DrawMuted(view, role == PresenterRole::kTrainer ? tr("The projector does not show this pane.")
                                                    : tr("This screen shows it to the room: N hides it."));
    ImGui::Separator();

    const auto& s = p.session;
    const auto& agenda = p.plan.agenda;
    if (!agenda.empty()) {
        const auto& now = agenda[static_cast<size_t>(s.Block())];
        const std::string minutes = std::to_string(now.minutes);
        // TRANSLATORS: the agenda block running now in the presenter's trainer pane.
        const char* line = tr("Now: {block} ({minutes} min), {left}");
        DrawText(Format(line, {{"block", now.name}, {"minutes", minutes}, {"left", LeftOrOver(s.BlockLeftMs())}}));
        if (!now.notes.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, view.palette.accent);
            DrawArticleText(p, now.notes);
            ImGui::PopStyleColor();
        }
        if (s.Block() + 1 < static_cast<int>(agenda.size())) {
            const auto& next = agenda[static_cast<size_t>(s.Block()) + 1];
            DrawMuted(view, Format(tr("Next: {block} ({minutes} min)"),
                                   {{"block", next.name}, {"minutes", std::to_string(next.minutes)}}));
        }
    }
    if (!s.Started()) DrawMuted(view, tr("The clock starts with S."));
    const auto& injects = p.plan.injects;
    if (!injects.empty()) {
        ImGui::Spacing();
        const int shown = s.Revealed();
        DrawText(Format(tr("Injects shown: {shown} of {total}"),
                        {{"shown", std::to_string(shown)}, {"total", std::to_string(injects.size())}}));
        if (shown < static_cast<int>(injects.size())) {
            const auto& next = injects[static_cast<size_t>(shown)];
            DrawMuted(view, Format(tr("Next inject ({time}): {what}"), {{"time", next.time}, {"what", next.what}}));
            if (auto due = s.NextInjectInMs())
                DrawText(*due < 0 ? Format(tr("due {time} ago"), {{"time", ClockText(*due)}})
                                  : Format(tr("due in {time}"), {{"time", ClockText(*due)}}));
        }
    }
    if (!p.plan.intro.empty()) {
        ImGui::Spacing();
        DrawHeading(view.fonts.bold, L("Brief for the trainer"));
        DrawArticleText(p, core::PlainCell(p.plan.intro));
    }
    bool any_notes = false;
    for (const auto& b : agenda) any_notes = any_notes || !b.notes.empty();
    if (any_notes) {
        ImGui::Spacing();
        DrawHeading(view.fonts.bold, L("Notes for each block"));
        for (const auto& b : agenda)
            if (!b.notes.empty()) DrawArticleText(p, b.name + ": " + b.notes);
    }
    ImGui::Spacing();
    ImGui::Separator();
    DrawMuted(view, tr("Keys: Page Down, Right or Space next; Page Up or Left back; S start or pause the clock; "
                       "B next block (Shift+B back); I or Enter reveal an inject (Shift+I hide); N trainer's pane; "
                       "Ctrl+= and Ctrl+- text size; Esc back to the article."));
    ImGui::EndChild();
    ImGui::PopStyleColor(2);
}

}  // namespace fk::ui
