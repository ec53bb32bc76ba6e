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
};
using CellRow = std::vector<Cell>;

size_t Letters(const std::string& s) {
    return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// Rows of plain cells; row 0 is the header. Columns run right to left in a right-to-left
// article. `current` (a body row, or -1) is tinted. Columns share the width by their longest
// text (the last at least `last_letters`, so a clock that starts empty has room).
void DrawCells(const char* id, const std::vector<CellRow>& rows, int current, bool rtl, ViewState& view,
               size_t last_letters = 4) {
    size_t cols = 0;
    for (const auto& r : rows) cols = std::max(cols, r.size());
    if (cols == 0 || cols > 63) return;
    if (!ImGui::BeginTable(id, static_cast<int>(cols), ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg))
        return;
    for (size_t c = 0; c < cols; ++c) {
        const size_t col = rtl ? cols - 1 - c : c;  // the table's own order, left to right
        size_t letters = col + 1 == cols ? last_letters : 4;
        for (const auto& r : rows)
            if (col < r.size()) letters = std::max(letters, std::min<size_t>(Letters(r[col].text), 60));
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, static_cast<float>(letters));
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
            ImGui::PushFont(r == 0 ? view.fonts.bold : view.fonts.regular);
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
    rows.push_back({{std::to_string(p.plan.total_minutes)},
                    {tr("Total")},
                    {s.Started() ? LeftOrOver(s.TotalLeftMs()) : "", s.TotalLeftMs() < 0 ? &view.palette.error : nullptr}});
    DrawCells("agenda", rows, s.Started() ? s.Block() : -1, p.rtl, view, 12);
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
        DrawMuted(view, Format(trn("{n} more inject to come", "{n} more injects to come", static_cast<unsigned long>(left)),
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
