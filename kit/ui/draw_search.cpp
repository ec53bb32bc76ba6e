// Search: filter chips, "did you mean", and the hit list (ImGuiListClipper, so 5,000 hits
// scroll as smoothly as 5) with keyboard selection.
#include <algorithm>

#include "kit/ui/bidi.hpp"
#include "kit/ui/rich_text.hpp"
#include "kit/ui/screens.hpp"

namespace fk::ui {
namespace {

// `field` is the filter's key (and widget id); `shown` the row's label as drawn. Each chip
// shows its name from `names` and, on hover, its label from `tips`.
void DrawChipRow(const char* field, const char* shown, const bundle::Labels& names, const bundle::Labels& tips,
                 const std::string& current, float label_w, const ViewState& view, ActionQueue& out) {
    ImGui::PushID(field);
    const ImGuiStyle& style = ImGui::GetStyle();
    // The row's label, then its chips wrapping under the first one; from the right in Arabic.
    const bool rtl = i18n::RightToLeft();
    const float left = ImGui::GetCursorPosX();
    const float right = ImGui::GetWindowContentRegionMax().x;
    ImGui::AlignTextToFramePadding();
    if (rtl) ImGui::SetCursorPosX(right - ImGui::CalcTextSize(shown).x);
    ImGui::TextColored(view.palette.muted, "%s", shown);
    bool first = true;
    float x = 0;  // where the next chip starts (left edge), or ends (right edge) when rtl
    for (const auto& [key, name] : names) {
        const std::string chip = Displayable(name) + "###" + key;
        const float w = ButtonWidth(chip.c_str());
        const float line_start = rtl ? right - label_w : left + label_w;
        ImGui::SameLine();
        if (first) {
            x = line_start;
        } else if (rtl ? x - w < left : x + w > right) {
            ImGui::NewLine();  // wrap the chips under the first one
            x = line_start;
        }
        ImGui::SetCursorPosX(rtl ? x - w : x);
        first = false;
        if (DrawChip(chip.c_str(), key == current, view))
            out.push_back({ActionType::kSetFilter, field, 0, key == current ? std::string() : key});
        const std::string tip = bundle::LabelOf(tips, key);
        if (ImGui::IsItemHovered() && tip != name) ImGui::SetTooltip("%s", Displayable(tip).c_str());
        x = rtl ? x - w - style.ItemSpacing.x : x + w + style.ItemSpacing.x;
    }
    ImGui::PopID();
}

void DrawFilters(const Model& model, const ViewState& view, ActionQueue& out) {
    const auto& t = model.Taxonomy();
    const auto& f = model.Search().filters;
    // The chips show language codes; hovering names the language (in logical order: the chip
    // row makes it drawable, as it does every label).
    bundle::Labels codes, langs;
    for (const char* code : {"en", "fr", "es", "ar", "uk"}) {
        codes.emplace_back(code, code);
        langs.emplace_back(code, core::LanguageName(code));
    }
    // TRANSLATORS: labels of the rows of filter chips on the search screen.
    const char* rows[] = {L("phase"), L("type"), L("audience"), L("lang")};
    float widest = 0;
    for (const char* r : rows) widest = std::max(widest, ImGui::CalcTextSize(r).x);
    const float label_w = widest + ImGui::GetStyle().ItemSpacing.x * 3;
    DrawChipRow("phase", rows[0], t.phase_names, t.phases, f.phase, label_w, view, out);
    DrawChipRow("type", rows[1], t.types, t.types, f.type, label_w, view, out);
    DrawChipRow("audience", rows[2], t.audiences, t.audiences, f.audience, label_w, view, out);
    DrawChipRow("lang", rows[3], codes, langs, f.lang, label_w, view, out);
}

}  // namespace

void DrawSearch(const Model& model, ViewState& view, ActionQueue& out) {
    const SearchState& s = model.Search();
    DrawFilters(model, view, out);
    if (!s.results.corrected_query.empty()) {
        ImGui::TextUnformatted(L("Did you mean:"));
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, view.palette.link);
        ImGui::TextUnformatted(s.results.corrected_query.c_str());
        ImGui::PopStyleColor();
        if (ImGui::IsItemClicked()) out.push_back({ActionType::kSetQuery, s.results.corrected_query + " "});
        ImGui::SameLine();
        DrawMuted(view, tr("(showing results for it)"));
    }
    const auto& hits = s.results.hits;
    if (hits.empty()) {
        DrawMuted(view, s.query.empty() ? tr("Type to search, or pick a phase or type above.")
                                        : tr("No articles match. Try fewer or other words."));
        return;
    }
    const std::string also_in = core::AlsoInLine(s.results);
    const auto n = static_cast<unsigned long>(hits.size());
    std::string line = Format(
        s.results.relaxed ? trn("{n} article (not every word matched)", "{n} articles (not every word matched)", n)
                          : trn("{n} article", "{n} articles", n),
        {{"n", std::to_string(n)}});
    if (!also_in.empty()) line += " \xC2\xB7 " + also_in;
    // TRANSLATORS: the arrows are the Up and Down keys.
    line += std::string("   ") + tr("↑↓ to choose, Enter to open");
    DrawMuted(view, line);
    if (!ImGui::GetIO().WantTextInput && model.CurrentScreen() == Screen::kSearch) {
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)))
            out.push_back({ActionType::kMoveSelection, {}, 1});
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow)))
            out.push_back({ActionType::kMoveSelection, {}, -1});
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) out.push_back({ActionType::kOpenSelected});
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) out.push_back({ActionType::kBack});
    }

    ImGui::BeginChild("hits", ImVec2(0, 0), false);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float row_h = ImGui::GetTextLineHeight() * 2 + style.ItemSpacing.y + style.FramePadding.y * 2;
    if (view.shown_selection != s.selected) {
        float y = s.selected * (row_h + style.ItemSpacing.y);
        if (y < ImGui::GetScrollY())
            ImGui::SetScrollY(y);
        else if (y + row_h > ImGui::GetScrollY() + ImGui::GetWindowHeight())
            ImGui::SetScrollY(y + row_h - ImGui::GetWindowHeight());
        view.shown_selection = s.selected;
    }
    const std::map<std::string, std::string> labels = model.PackLabels();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(hits.size()), row_h + style.ItemSpacing.y);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const core::SearchHit& h = hits[static_cast<size_t>(i)];
            ImGui::PushID(h.article.address.c_str());
            ImVec2 pos = ImGui::GetCursorScreenPos();
            if (ImGui::Selectable("##hit", i == s.selected, 0, ImVec2(0, row_h)))
                out.push_back({ActionType::kOpenArticle, h.article.address});
            view.Record("hit:" + std::to_string(i));
            ImVec2 after = ImGui::GetCursorScreenPos();
            ImGui::SetCursorScreenPos(ImVec2(pos.x + style.FramePadding.x, pos.y + style.FramePadding.y));
            ImGui::PushFont(view.fonts.bold);
            ImGui::TextUnformatted(Displayable(h.article.title).c_str());
            ImGui::PopFont();
            ImGui::SameLine();
            const bool other_language = !s.results.reader_lang.empty() && h.article.lang != s.results.reader_lang;
            // With several packs installed, each result names its pack (compact: its title, cut).
            const auto pack = labels.find(h.article.pack);
            DrawMuted(view, bundle::LabelOf(model.Taxonomy().types, h.article.type) +
                                (other_language ? " \xC2\xB7 " + core::LanguageName(h.article.lang) : "") +
                                (pack != labels.end() ? " \xC2\xB7 " + pack->second : ""));
            ImGui::SetCursorScreenPos(ImVec2(pos.x + style.FramePadding.x, ImGui::GetCursorScreenPos().y));
            ImGui::PushClipRect(pos, ImVec2(pos.x + ImGui::GetContentRegionAvail().x, after.y), true);
            DrawRuns(SnippetRuns(h.snippet), 1e6f, false, view.fonts.regular, view, out);
            ImGui::PopClipRect();
            ImGui::SetCursorScreenPos(after);
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

}  // namespace fk::ui
