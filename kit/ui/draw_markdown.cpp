// The article body: blocks drawn from the parsed list, with task items as checkboxes and
// GitHub tables; blocks measured in an earlier frame are skipped while off screen.
#include "kit/ui/rich_text.hpp"
#include "kit/ui/screens.hpp"

namespace fk::ui {
namespace {

ImFont* HeadingFont(int level, const Fonts& f) {
    return level <= 1 ? f.h1 : level == 2 ? f.h2 : f.bold;
}

void DrawCode(const Block& b, ViewState& view) {
    ImGui::PushFont(view.fonts.mono);
    const ImVec2 pad(ImGui::GetFontSize() * 0.5f, ImGui::GetFontSize() * 0.35f);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImVec2 size = ImGui::CalcTextSize(b.code.c_str());
    float w = std::max(size.x + pad.x * 2, ImGui::GetContentRegionAvail().x);
    ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + size.y + pad.y * 2),
                                              ImGui::GetColorU32(view.palette.code_bg), 4);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + pad.x, pos.y + pad.y));
    ImGui::TextUnformatted(b.code.c_str());
    ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + size.y + pad.y * 2));
    ImGui::Dummy(ImVec2(0, 0));
    ImGui::PopFont();
}

void DrawTable(const Block& b, size_t index, ViewState& view, ActionQueue& out) {
    size_t cols = 0;
    for (const auto& row : b.rows) cols = std::max(cols, row.size());
    if (cols == 0 || cols > 63) return;
    ImGui::PushID(static_cast<int>(index));
    if (ImGui::BeginTable("table", static_cast<int>(cols),
                          ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        for (size_t r = 0; r < b.rows.size(); ++r) {
            ImGui::TableNextRow(r == 0 ? ImGuiTableRowFlags_Headers : 0);
            for (size_t c = 0; c < cols; ++c) {
                ImGui::TableSetColumnIndex(static_cast<int>(c));
                if (c >= b.rows[r].size()) continue;
                const Runs& cell = b.rows[r][c];
                DrawRuns(cell, ImGui::GetContentRegionAvail().x, StartsRightToLeft(PlainText(cell)),
                         r == 0 ? view.fonts.bold : view.fonts.regular, view, out);
            }
        }
        ImGui::EndTable();
    }
    ImGui::PopID();
}

void DrawMarker(const Block& b, const ArticleState& article, ViewState& view, ActionQueue& out) {
    if (b.task < 0) {
        ImGui::TextUnformatted(b.marker.c_str());
        return;
    }
    const auto& tasks = article.view.tasks;
    std::string key = b.task < static_cast<int>(tasks.size()) ? tasks[static_cast<size_t>(b.task)].key : "";
    bool ticked = !key.empty() && article.ticked.count(key) > 0;
    ImGui::PushID(b.task);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(2, 2));
    if (ImGui::Checkbox("##task", &ticked) && !key.empty())
        out.push_back({ActionType::kSetTicked, key, ticked ? 1 : 0});
    ImGui::PopStyleVar();
    view.Record("task:" + std::to_string(b.task));
    ImGui::PopID();
}

void DrawListItem(const Block& b, const ArticleState& article, ViewState& view, ActionQueue& out) {
    if (b.rtl) {  // the marker goes on the right
        const float marker_w = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.x;
        const ImVec2 start = ImGui::GetCursorPos();
        const float avail = ImGui::GetContentRegionAvail().x;
        ImGui::BeginGroup();
        DrawRuns(b.runs, avail - marker_w, true, view.fonts.regular, view, out);
        ImGui::EndGroup();
        const ImVec2 end = ImGui::GetCursorPos();
        ImGui::SetCursorPos(ImVec2(start.x + avail - marker_w + ImGui::GetStyle().ItemSpacing.x, start.y));
        DrawMarker(b, article, view, out);
        ImGui::SetCursorPos(ImVec2(start.x, std::max(end.y, ImGui::GetCursorPosY())));
        return;
    }
    DrawMarker(b, article, view, out);
    ImGui::SameLine();
    ImGui::BeginGroup();
    DrawRuns(b.runs, ImGui::GetContentRegionAvail().x, b.rtl, view.fonts.regular, view, out);
    ImGui::EndGroup();
}

void DrawBlock(const Block& b, size_t index, const ArticleState& article, ViewState& view, ActionQueue& out) {
    const int depth = (b.kind == BlockKind::kHeading ? 0 : b.level) + b.quote;
    const float indent = ImGui::GetFontSize() * 1.4f * static_cast<float>(depth);
    if (indent > 0) ImGui::Indent(indent);
    const float y0 = ImGui::GetCursorScreenPos().y;
    switch (b.kind) {
        case BlockKind::kHeading:
            ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 0.4f));
            DrawRuns(b.runs, ImGui::GetContentRegionAvail().x, b.rtl, HeadingFont(b.level, view.fonts), view, out);
            break;
        case BlockKind::kParagraph:
            DrawRuns(b.runs, ImGui::GetContentRegionAvail().x, b.rtl, view.fonts.regular, view, out);
            break;
        case BlockKind::kListItem:
            DrawListItem(b, article, view, out);
            break;
        case BlockKind::kCode:
            DrawCode(b, view);
            break;
        case BlockKind::kTable:
            DrawTable(b, index, view, out);
            break;
        case BlockKind::kRule:
            ImGui::Separator();
            break;
    }
    if (b.quote > 0) {
        float x = ImGui::GetCursorScreenPos().x - ImGui::GetFontSize() * 0.7f;
        ImGui::GetWindowDrawList()->AddLine(ImVec2(x, y0), ImVec2(x, ImGui::GetCursorScreenPos().y),
                                            ImGui::GetColorU32(view.palette.quote_bar), 3);
    }
    if (b.kind != BlockKind::kListItem) ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 0.3f));
    if (indent > 0) ImGui::Unindent(indent);
}

}  // namespace

void DrawBlocks(const ArticleState& article, ViewState& view, ActionQueue& out) {
    const auto& blocks = article.blocks;
    const float width = ImGui::GetContentRegionAvail().x;
    if (view.layout_article != article.generation || view.layout_revision != article.revision ||
        view.layout_width != width || view.layout_font != view.fonts.size ||
        view.block_heights.size() != blocks.size()) {
        view.layout_article = article.generation;
        view.layout_revision = article.revision;
        view.layout_width = width;
        view.layout_font = view.fonts.size;
        view.block_heights.assign(blocks.size(), 0.0f);
    }
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    for (size_t i = 0; i < blocks.size(); ++i) {
        float h = view.block_heights[i];
        if (h > 0 && !ImGui::IsRectVisible(ImVec2(width, h)) && !view.record_items) {
            ImGui::Dummy(ImVec2(width, h - spacing));
            continue;
        }
        float y = ImGui::GetCursorPosY();
        DrawBlock(blocks[i], i, article, view, out);
        view.block_heights[i] = ImGui::GetCursorPosY() - y;
    }
}

}  // namespace fk::ui
