// The presenter's tables: the live agenda (minutes, block, time left or taken; never the
// trainer's column), the injects revealed so far, and a section's other tables.
#include <imgui.h>

#include <algorithm>

#include "kit/ui/bidi.hpp"
#include "kit/ui/presenter_draw.hpp"
#include "kit/ui/rich_text.hpp"
#include "kit/ui/screens.hpp"

namespace fk::ui {
namespace {

struct Cell {
    std::string text;
    const ImVec4* colour = nullptr;  // nullptr: the text colour
    bool bold = false;
};
using CellRow = std::vector<Cell>;

float LongestWord(const std::string& text) {
    float widest = 0;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        widest = std::max(widest, ImGui::CalcTextSize(text.data() + start, text.data() + end).x);
        start = end + 1;
    }
    return widest;
}

// Rows of plain cells; row 0 is the header. Columns run right to left in a right-to-left
// article. `current` (a body row, or -1) is tinted. A column of short cells (times, minutes)
// gets their width and the header's longest word; the others share the rest by their text.
// `last_sample` is the widest text the last column will hold (a clock that starts empty).
void DrawCells(const char* id, const std::vector<CellRow>& rows, int current, bool rtl, ViewState& view,
               const std::string& last_sample = "") {
    size_t cols = 0;
    for (const auto& r : rows) cols = std::max(cols, r.size());
    if (cols == 0 || cols > 63) return;
    const float avail = ImGui::GetContentRegionAvail().x;
    std::vector<float> body(cols, 0), header(cols, 0);
    ImGui::PushFont(view.fonts.bold);
    for (size_t c = 0; c < cols && !rows.empty(); ++c)
        if (c < rows[0].size()) header[c] = LongestWord(rows[0][c].text);
    ImGui::PopFont();
    for (size_t r = 1; r < rows.size(); ++r)
        for (size_t c = 0; c < rows[r].size(); ++c)
            body[c] = std::max(body[c], ImGui::CalcTextSize(Displayable(rows[r][c].text).c_str()).x);
    if (!last_sample.empty()) body[cols - 1] = std::max(body[cols - 1], ImGui::CalcTextSize(last_sample.c_str()).x);
    if (!ImGui::BeginTable(id, static_cast<int>(cols), ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) return;
    for (size_t i = 0; i < cols; ++i) {
        const size_t c = rtl ? cols - 1 - i : i;  // the table's columns from the left
        const float want = std::max(body[c], header[c]);
        if (body[c] < avail * 0.18f)
            ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, want);
        else
            ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, std::min(want, avail));
    }
    const ImVec4 a = view.palette.accent;
    for (size_t r = 0; r < rows.size(); ++r) {
        ImGui::TableNextRow(r == 0 ? ImGuiTableRowFlags_Headers : 0);
        if (static_cast<int>(r) - 1 == current && current >= 0)
            ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::GetColorU32(ImVec4(a.x, a.y, a.z, 0.3f)));
        for (size_t c = 0; c < cols; ++c) {
            ImGui::TableSetColumnIndex(static_cast<int>(rtl ? cols - 1 - c : c));
            if (c >= rows[r].size()) continue;
            const Cell& cell = rows[r][c];
            ImGui::PushFont(r == 0 || cell.bold ? view.fonts.bold : view.fonts.regular);
            if (cell.colour) ImGui::PushStyleColor(ImGuiCol_Text, *cell.colour);
            DrawPlainBidi(cell.text, ImGui::GetContentRegionAvail().x, rtl || StartsRightToLeft(cell.text));
            if (cell.colour) ImGui::PopStyleColor();
            ImGui::PopFont();
        }
    }
    ImGui::EndTable();
}

std::string HeaderText(const std::vector<Runs>& header, size_t i, const std::string& fallback) {
    return i < header.size() ? PlainText(header[i]) : fallback;
}

}  // namespace

void DrawAgendaTable(const PresenterState& p, const std::vector<Runs>& header, ViewState& view) {
    const auto& s = p.session;
    const auto& agenda = p.plan.agenda;
    std::vector<CellRow> rows;
    rows.push_back({{HeaderText(header, 0, "")}, {HeaderText(header, 1, "")}, {tr("Time")}});
    for (size_t i = 0; i < agenda.size(); ++i) {
        const int block = static_cast<int>(i);
        std::string status;
        const ImVec4* colour = nullptr;
        if (block < s.Block()) {
            const std::int64_t taken = s.BlockElapsedMs(block);
            // TRANSLATORS: how long an agenda block took that is over ("took 12:30").
            status = Format(tr("took {time}"), {{"time", ClockText(taken)}});
            if (taken > std::int64_t{agenda[i].minutes} * 60000) colour = &view.palette.error;
        } else if (block == s.Block() && s.Started()) {
            status = LeftOrOver(s.BlockLeftMs());
            if (s.BlockLeftMs() < 0) colour = &view.palette.error;
        }
        rows.push_back({{std::to_string(agenda[i].minutes)}, {agenda[i].name}, {status, colour}});
    }
    rows.push_back(
        {{std::to_string(p.plan.total_minutes), nullptr, true},
         {tr("Total"), nullptr, true},
         {s.Started() ? LeftOrOver(s.TotalLeftMs()) : "", s.TotalLeftMs() < 0 ? &view.palette.error : nullptr, true}});
    DrawCells("agenda", rows, s.Started() ? s.Block() : -1, p.rtl, view, LeftOrOver(-36000000 + 1000));
}

void DrawInjectsTable(const PresenterState& p, const std::vector<Runs>& header, ViewState& view) {
    const auto& injects = p.plan.injects;
    const int shown = p.session.Revealed();
    std::vector<CellRow> rows;
    CellRow head;
    for (size_t c = 0; c < std::max<size_t>(header.size(), 2); ++c) head.push_back({HeaderText(header, c, "")});
    rows.push_back(head);
    for (int i = 0; i < shown; ++i) {
        const auto& inject = injects[static_cast<size_t>(i)];
        CellRow row{{inject.time}, {inject.what}};
        if (head.size() > 2) row.push_back({inject.decide});
        rows.push_back(std::move(row));
    }
    DrawCells("injects", rows, shown - 1, p.rtl, view);
    const int left = static_cast<int>(injects.size()) - shown;
    if (left > 0)
        DrawMuted(view,
                  Format(trn("{n} more inject to come", "{n} more injects to come", static_cast<unsigned long>(left)),
                         {{"n", std::to_string(left)}}));
}

void DrawPlainTable(const Block& b, size_t index, bool rtl, ViewState& view) {
    std::vector<CellRow> rows;
    for (const auto& r : b.rows) {
        CellRow row;
        for (const auto& cell : r) row.push_back({PlainText(cell)});
        rows.push_back(std::move(row));
    }
    ImGui::PushID(static_cast<int>(index));
    DrawCells("table", rows, -1, rtl, view);
    ImGui::PopID();
}

}  // namespace fk::ui
