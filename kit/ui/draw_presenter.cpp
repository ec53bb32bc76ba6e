// The presenter view of a workshop module: one section at a time in large type, the agenda's
// clocks in a footer, the keys a trainer (or a clicker) uses, and the trainer's pane beside
// the page when it may be seen (never in the projector's frame).
#include <imgui.h>

#include <algorithm>

#include "kit/ui/bidi.hpp"
#include "kit/ui/presenter_draw.hpp"
#include "kit/ui/qr_view.hpp"
#include "kit/ui/rich_text.hpp"
#include "kit/ui/screens.hpp"

namespace fk::ui {
namespace {

bool Pressed(ImGuiKey key) {
    return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), false);
}

void HandlePresenterKeys(const PresenterState& p, const ViewState& view, ActionQueue& out) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    // Clickers send Page Down / Page Up; in a right-to-left interface "next" is to the left.
    const bool rtl = i18n::RightToLeft();
    const ImGuiKey forward = rtl ? ImGuiKey_LeftArrow : ImGuiKey_RightArrow;
    const ImGuiKey backward = rtl ? ImGuiKey_RightArrow : ImGuiKey_LeftArrow;
    if (io.KeyCtrl) {
        if (ImGui::IsKeyPressed('=', true) || ImGui::IsKeyPressed(334 /* keypad + */, true))
            out.push_back({ActionType::kChangePresenterFontSize, {}, 1});
        if (ImGui::IsKeyPressed('-', true) || ImGui::IsKeyPressed(333 /* keypad - */, true))
            out.push_back({ActionType::kChangePresenterFontSize, {}, -1});
        return;
    }
    if (Pressed(forward) || Pressed(ImGuiKey_DownArrow) || Pressed(ImGuiKey_PageDown) || Pressed(ImGuiKey_Space))
        out.push_back({ActionType::kPresentPage, {}, 1});
    if (Pressed(backward) || Pressed(ImGuiKey_UpArrow) || Pressed(ImGuiKey_PageUp))
        out.push_back({ActionType::kPresentPage, {}, -1});
    if (ImGui::IsKeyPressed('S', false) || ImGui::IsKeyPressed('P', false)) out.push_back({ActionType::kPresentClock});
    if (ImGui::IsKeyPressed('B', false)) out.push_back({ActionType::kPresentBlock, {}, io.KeyShift ? -1 : 1});
    if ((ImGui::IsKeyPressed('I', false) && !io.KeyShift) || Pressed(ImGuiKey_Enter) || Pressed(ImGuiKey_KeyPadEnter))
        out.push_back({ActionType::kPresentReveal, {}, 1});
    if ((ImGui::IsKeyPressed('I', false) && io.KeyShift) || Pressed(ImGuiKey_Backspace))
        out.push_back({ActionType::kPresentReveal, {}, -1});
    if (ImGui::IsKeyPressed('N', false) && view.presenter_role == PresenterRole::kSingle)
        out.push_back({ActionType::kPresentNotes});
    if (ImGui::IsKeyPressed('F', false)) out.push_back({ActionType::kCollectFeedback, p.address});
    if (Pressed(ImGuiKey_Escape)) out.push_back({ActionType::kEndPresenting});
}

void DrawTitle(const std::string& text, bool rtl, ViewState& view, ActionQueue& scratch) {
    DrawRuns(Runs{Run{text, 0, {}}}, ImGui::GetContentRegionAvail().x, rtl, view.fonts.h1, view, scratch);
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 0.4f));
}

void DrawListItem(const Block& b, ViewState& view, ActionQueue& scratch) {
    const float em = ImGui::GetFontSize();
    const float marker_w = em * 1.2f;
    const float avail = ImGui::GetContentRegionAvail().x;
    const ImVec2 start = ImGui::GetCursorPos();
    const float marker_x = b.rtl ? start.x + avail - marker_w * 0.8f : start.x;
    ImGui::SetCursorPosX(b.rtl ? start.x : start.x + marker_w);
    ImGui::BeginGroup();
    DrawRuns(b.runs, avail - marker_w, b.rtl, view.fonts.regular, view, scratch);
    ImGui::EndGroup();
    const ImVec2 end = ImGui::GetCursorPos();
    const ImVec2 origin = ImGui::GetWindowPos();
    const float y = origin.y + start.y - ImGui::GetScrollY();
    const float x = origin.x + marker_x - ImGui::GetScrollX();
    if (b.task >= 0) {  // a debrief item: an empty box, ticked on the trainer's own copy later
        const float s = em * 0.6f;
        ImGui::GetWindowDrawList()->AddRect(ImVec2(x, y + em * 0.25f), ImVec2(x + s, y + em * 0.25f + s),
                                            ImGui::GetColorU32(ImGuiCol_Text), 2, 0, std::max(1.0f, em / 16));
    } else {
        ImGui::GetWindowDrawList()->AddText(ImVec2(x, y), ImGui::GetColorU32(ImGuiCol_Text), b.marker.c_str());
    }
    ImGui::SetCursorPos(end);
}

// The section's blocks; its agenda and injects tables are drawn live instead of as written.
void DrawSection(const PresenterState& p, int section, ViewState& view, ActionQueue& scratch) {
    const auto& plan = p.plan;
    int table = -1;
    const auto& blocks = p.sections[static_cast<size_t>(section)];
    for (size_t i = 0; i < blocks.size(); ++i) {
        const Block& b = blocks[i];
        const float indent =
            ImGui::GetFontSize() * 1.2f * static_cast<float>(b.kind == BlockKind::kListItem ? b.level : 0);
        if (indent > 0) ImGui::Indent(indent);
        switch (b.kind) {
            case BlockKind::kHeading:
                DrawRuns(b.runs, ImGui::GetContentRegionAvail().x, b.rtl, view.fonts.bold, view, scratch);
                break;
            case BlockKind::kParagraph:
                DrawRuns(b.runs, ImGui::GetContentRegionAvail().x, b.rtl, view.fonts.regular, view, scratch);
                break;
            case BlockKind::kListItem:
                DrawListItem(b, view, scratch);
                break;
            case BlockKind::kCode:
                ImGui::TextUnformatted(b.code.c_str());
                break;
            case BlockKind::kRule:
                ImGui::Separator();
                break;
            case BlockKind::kTable: {
                ++table;
                std::vector<Runs> header = b.rows.empty() ? std::vector<Runs>{} : b.rows[0];
                if (plan.agenda_at && plan.agenda_at->section == section && plan.agenda_at->table == table)
                    DrawAgendaTable(p, header, view);
                else if (plan.injects_at && plan.injects_at->section == section && plan.injects_at->table == table)
                    DrawInjectsTable(p, header, view);
                else
                    DrawPlainTable(b, i, p.rtl, view);
                break;
            }
        }
        if (indent > 0) ImGui::Unindent(indent);
        ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 0.25f));
    }
}

// Extension point at the end of a module: a later change offers "Collect feedback" here (a
// workshop feedback form served to the participants). Today it only says the module ends.
// Under the module's last section: the way to the feedback form (F, or the button, which the
// projector's frame does not draw).
void DrawModuleEnd(const Model& model, const PresenterState& p, ViewState& view, ActionQueue& out, bool controls) {
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize()));
    ImGui::Separator();
    DrawMuted(view, tr("End of the module. Esc returns to the article."));
    if (controls) {
        if (ImGui::Button(L("Collect feedback (F)"))) out.push_back({ActionType::kCollectFeedback, p.address});
        view.Record("collect-feedback");
        DrawMuted(view, tr("Shares this kit with the room and opens a short form (a 1-5 rating, what worked, what to "
                           "change) that participants fill in from a browser."));
    }
    if (const auto& error = model.Share().error; !error.empty())
        ImGui::TextColored(view.palette.error, "%s", Displayable(error).c_str());
}

// Once the form is open, the last page is the room's way to it: the address and a QR code
// as large as the page allows.
void DrawFeedbackPage(const Model& model, ViewState& view, ActionQueue& out, bool controls, ActionQueue& scratch) {
    const ShareState& share = model.Share();
    DrawTitle(tr("Your feedback, please"), i18n::RightToLeft(), view, scratch);
    DrawText(
        tr("Open this address on your phone or laptop: a 1-5 rating, what worked, what to change. Nothing "
           "that names you is kept."));
    const std::string url = share.url + "feedback";
    ImGui::PushFont(view.fonts.h1);
    DrawText(url);
    ImGui::PopFont();
    const float button = controls ? ImGui::GetFrameHeightWithSpacing() : 0;
    const float side = std::min(ImGui::GetContentRegionAvail().x, ImGui::GetContentRegionAvail().y - button);
    if (side > 0) {
        if (i18n::RightToLeft()) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - side);
        DrawQrCode(share.feedback_qr, side);
    }
    if (controls) {
        if (ImGui::Button(L("Close the feedback form"))) out.push_back({ActionType::kStopFeedback});
        view.Record("feedback-stop");
    }
}

void DrawOpeningPage(const PresenterState& p, ViewState& view, ActionQueue& scratch) {
    ImGui::Dummy(ImVec2(0, ImGui::GetContentRegionAvail().y * 0.15f));
    DrawTitle(p.title, p.rtl, view, scratch);
    DrawRuns(Runs{Run{p.summary, 0, {}}}, ImGui::GetContentRegionAvail().x, p.rtl, view.fonts.regular, view, scratch);
    if (p.plan.total_minutes > 0) {
        ImGui::Dummy(ImVec2(0, ImGui::GetFontSize()));
        const auto n = static_cast<unsigned long>(p.plan.total_minutes);
        DrawMuted(view, Format(trn("{n} minute", "{n} minutes", n), {{"n", std::to_string(n)}}));
    }
}

// Text at the reading start (`start`) and end of one line.
void DrawEnds(const std::string& start, const ImVec4& start_colour, const std::string& end, const ImVec4& end_colour) {
    const bool rtl = i18n::RightToLeft();
    const std::string a = Displayable(start), b = Displayable(end);
    const float x0 = ImGui::GetCursorPosX(), w = ImGui::GetContentRegionAvail().x;
    const float y = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(rtl ? x0 + w - ImGui::CalcTextSize(a.c_str()).x : x0, y));
    ImGui::TextColored(start_colour, "%s", a.c_str());
    ImGui::SetCursorPos(ImVec2(rtl ? x0 : x0 + w - ImGui::CalcTextSize(b.c_str()).x, y));
    ImGui::TextColored(end_colour, "%s", b.c_str());
}

// The clocks, in large type for everyone: the current block and the whole module.
void DrawFooter(const PresenterState& p, ViewState& view) {
    const auto& s = p.session;
    const Palette& pal = view.palette;
    ImGui::Separator();
    std::string block;
    ImVec4 block_colour = pal.text;
    if (!p.plan.agenda.empty()) {
        const auto& b = p.plan.agenda[static_cast<size_t>(s.Block())];
        block = b.name + "  " + LeftOrOver(s.BlockLeftMs());
        if (s.BlockLeftMs() < 0) block_colour = pal.error;
    }
    if (!s.Started()) {
        block = tr("Clock not started (S starts it)");
        block_colour = pal.muted;
    } else if (!s.Running()) {
        block = tr("Paused") + std::string("  ·  ") + block;
        block_colour = pal.muted;
    }
    // TRANSLATORS: the presenter's footer: the time left for the whole module, then the page.
    std::string total = Format(tr("Total {left}  ·  {page}/{pages}"), {{"left", LeftOrOver(s.TotalLeftMs())},
                                                                       {"page", std::to_string(s.Page() + 1)},
                                                                       {"pages", std::to_string(s.PageCount())}});
    DrawEnds(block, block_colour, total, s.TotalLeftMs() < 0 ? pal.error : pal.text);
}

void DrawAudience(const Model& model, const PresenterState& p, float width, ViewState& view, ActionQueue& out) {
    ActionQueue scratch;  // links are not followed from the presenter
    const Fonts normal = view.fonts;
    if (view.presenter_fonts.regular) view.fonts = view.presenter_fonts;
    ImGui::PushFont(view.fonts.regular);
    const float em = ImGui::GetFontSize();
    ImGui::BeginChild("audience", ImVec2(width, 0), false, ImGuiWindowFlags_NoScrollbar);
    const float footer = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y * 2;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em, em * 0.5f));
    ImGui::BeginChild("page", ImVec2(0, -footer), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    const int page = p.session.Page();
    if (view.presenter_page_shown != page) {
        ImGui::SetScrollY(0);
        view.presenter_page_shown = page;
    }
    const bool controls = view.presenter_role != PresenterRole::kAudience;
    if (page == 0) {
        DrawOpeningPage(p, view, scratch);
    } else if (p.session.AtLastPage() && !model.Share().feedback_module.empty()) {
        DrawFeedbackPage(model, view, out, controls, scratch);
    } else {
        DrawTitle(core::PlainCell(p.plan.sections[static_cast<size_t>(page - 1)].title), p.rtl, view, scratch);
        DrawSection(p, page - 1, view, scratch);
        if (p.session.AtLastPage()) DrawModuleEnd(model, p, view, out, controls);
    }
    ImGui::EndChild();
    DrawFooter(p, view);
    ImGui::EndChild();
    ImGui::PopFont();
    view.fonts = normal;
}

}  // namespace

void DrawPresenter(const Model& model, ViewState& view, ActionQueue& out) {
    const PresenterState& p = *model.Presenter();
    const PresenterRole role = view.presenter_role;
    if (role != PresenterRole::kAudience) HandlePresenterKeys(p, view, out);
    const bool pane = role == PresenterRole::kTrainer || (role == PresenterRole::kSingle && p.show_notes);
    const float total = ImGui::GetContentRegionAvail().x;
    const float pane_w = pane ? std::max(total * 0.3f, ImGui::GetFontSize() * 18) : 0;
    // The trainer's pane sits at the end of the line: the right, or the left in Arabic.
    const bool pane_first = pane && i18n::RightToLeft();
    if (pane_first) {
        DrawTrainerPane(p, role, pane_w, view);
        ImGui::SameLine();
    }
    DrawAudience(model, p, total - pane_w - (pane ? ImGui::GetStyle().ItemSpacing.x : 0), view, out);
    if (pane && !pane_first) {
        ImGui::SameLine();
        DrawTrainerPane(p, role, pane_w, view);
    }
}

}  // namespace fk::ui
