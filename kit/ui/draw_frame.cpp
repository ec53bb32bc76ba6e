// The window frame: top bar with back/forward, screen tabs and the search box, global
// shortcuts (Ctrl+K, /, Alt+Left/Right, mouse back/forward, Ctrl+= and Ctrl+-), messages.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <functional>
#include <vector>

#include "kit/ui/bidi.hpp"
#include "kit/ui/screens.hpp"

namespace fk::ui {
namespace {

void HandleShortcuts(const Model& model, ViewState& view, ActionQueue& out) {
    ImGuiIO& io = ImGui::GetIO();
    if ((io.KeyCtrl && ImGui::IsKeyPressed('K', false)) || (!io.WantTextInput && ImGui::IsKeyPressed('/', false))) {
        view.focus_search = true;
        if (model.CurrentScreen() != Screen::kSearch)
            out.push_back({ActionType::kShowScreen, {}, int(Screen::kSearch)});
    }
    if ((io.KeyAlt && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow), false)) || ImGui::IsMouseClicked(3))
        out.push_back({ActionType::kBack});
    if ((io.KeyAlt && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow), false)) || ImGui::IsMouseClicked(4))
        out.push_back({ActionType::kForward});
    if (io.KeyCtrl && (ImGui::IsKeyPressed('=', true) || ImGui::IsKeyPressed(334 /* keypad + */, true)))
        out.push_back({ActionType::kChangeFontSize, {}, 1});
    if (io.KeyCtrl && (ImGui::IsKeyPressed('-', true) || ImGui::IsKeyPressed(333 /* keypad - */, true)))
        out.push_back({ActionType::kChangeFontSize, {}, -1});
}

void DrawSearchBox(const Model& model, ViewState& view, ActionQueue& out, float width) {
    const SearchState& s = model.Search();
    if (!view.search_active) view.query = s.query;  // mirror the model unless the reader is typing
    if (view.focus_search) {
        ImGui::SetKeyboardFocusHere();
        view.focus_search = false;
    }
    ImGui::SetNextItemWidth(width);
    std::string before = view.query;
    // ImGui 1.86 draws a field's hint at the left only: a right-to-left one is drawn by hand.
    const bool rtl = i18n::RightToLeft();
    const char* hint = L("Search the kit  (Ctrl+K)");
    // Nor does it reorder or join right-to-left text: while the field is not being edited, the
    // query is drawn by hand in visual order over a transparent copy.
    const bool drawn_by_hand = !view.search_active && HasRightToLeft(view.query);
    if (drawn_by_hand) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0, 0, 0, 0));
    bool enter =
        ImGui::InputTextWithHint("##search", rtl ? "" : hint, &view.query, ImGuiInputTextFlags_EnterReturnsTrue);
    if (drawn_by_hand) ImGui::PopStyleColor();
    if ((rtl && view.query.empty() && !ImGui::IsItemActive()) || drawn_by_hand) {
        const std::string shown = view.query.empty() ? std::string(hint) : Displayable(view.query);
        const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
        const ImVec2 pad = ImGui::GetStyle().FramePadding;
        const float x = rtl ? max.x - pad.x - ImGui::CalcTextSize(shown.c_str()).x : min.x + pad.x;
        ImGui::GetWindowDrawList()->AddText(
            ImVec2(x, min.y + pad.y), ImGui::GetColorU32(view.query.empty() ? ImGuiCol_TextDisabled : ImGuiCol_Text),
            shown.c_str());
    }
    view.search_active = ImGui::IsItemActive();
    view.Record("search-box");
    if (view.query != before) out.push_back({ActionType::kSetQuery, view.query});
    if (ImGui::IsItemActive()) {
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)))
            out.push_back({ActionType::kMoveSelection, {}, 1});
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow)))
            out.push_back({ActionType::kMoveSelection, {}, -1});
        if (model.CurrentScreen() != Screen::kSearch && view.query != before) view.focus_search = true;
    }
    if (enter && !s.results.hits.empty()) out.push_back({ActionType::kOpenSelected});
    if (enter && model.CurrentScreen() != Screen::kSearch)
        out.push_back({ActionType::kShowScreen, {}, int(Screen::kSearch)});
}

// Back, forward, the screens and the lock state in reading order, then the search box filling
// the rest. In a right-to-left language the row starts at the right and the arrows swap.
void DrawTopBar(const Model& model, ViewState& view, ActionQueue& out) {
    const bool rtl = i18n::RightToLeft();
    const ImGuiStyle& style = ImGui::GetStyle();
    std::vector<RowItem> items;

    const char* back_arrow = rtl ? "\xE2\x86\x92" : "\xE2\x86\x90";
    items.push_back({ButtonWidth(back_arrow), [&] {
                         ImGui::BeginDisabled(!model.CanGoBack());
                         if (ImGui::Button(back_arrow)) out.push_back({ActionType::kBack});
                         ImGui::EndDisabled();
                         if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
                             ImGui::SetTooltip("%s", L("Back (Alt+Left)"));
                     }});
    const char* forward_arrow = rtl ? "\xE2\x86\x90" : "\xE2\x86\x92";
    items.push_back({ButtonWidth(forward_arrow), [&] {
                         ImGui::BeginDisabled(!model.CanGoForward());
                         if (ImGui::Button(forward_arrow)) out.push_back({ActionType::kForward});
                         ImGui::EndDisabled();
                         if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
                             ImGui::SetTooltip("%s", L("Forward (Alt+Right)"));
                     }});
    static const std::pair<const char*, Screen> kTabs[] = {
        {N_("Home"), Screen::kHome}, {N_("Library"), Screen::kLibrary}, {N_("Settings"), Screen::kSettings}};
    for (const auto& [label, screen] : kTabs)
        items.push_back({ButtonWidth(L(label)), [&, label = label, screen = screen] {
                             if (DrawChip(L(label), model.CurrentScreen() == screen, view))
                                 out.push_back({ActionType::kShowScreen, {}, int(screen)});
                             view.Record(std::string("tab:") + label);
                         }});
    // The lock state is always in sight: one click locks, or leads to the unlock prompt.
    if (model.Lock() == core::LockState::kUnlocked)
        items.push_back({ButtonWidth(L("Lock notes")), [&] {
                             if (DrawChip(L("Lock notes"), false, view)) out.push_back({ActionType::kLockNow});
                             view.Record("lock-chip");
                             if (ImGui::IsItemHovered())
                                 ImGui::SetTooltip("%s", L("Forget the passphrase until it is typed again"));
                         }});
    else if (model.Lock() == core::LockState::kLocked)
        items.push_back({ButtonWidth(L("Notes locked")), [&] {
                             if (DrawChip(L("Notes locked"), true, view))
                                 out.push_back({ActionType::kShowScreen, {}, int(Screen::kSettings)});
                             view.Record("lock-chip");
                         }});

    float used = 0;
    for (const auto& item : items) used += item.width + style.ItemSpacing.x;
    const float search_width = std::max(ImGui::GetFontSize() * 8, ImGui::GetContentRegionAvail().x - used);
    items.push_back({search_width, [&] { DrawSearchBox(model, view, out, search_width); }});
    DrawRow(items);
    ImGui::Separator();
}

void DrawMessage(const Model& model, ViewState& view, ActionQueue& out) {
    if (model.Message().empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, model.MessageIsError() ? view.palette.error : view.palette.ok);
    DrawText(model.Message());
    ImGui::PopStyleColor();
    ImGui::SameLine();
    if (ImGui::SmallButton(L("Dismiss"))) out.push_back({ActionType::kDismissMessage});
}

}  // namespace

void DrawFrame(const Model& model, ViewState& view, ActionQueue& out) {
    view.items.clear();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::Begin("fieldkit", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollbar);
    // Lists (Selectable) read from the right in a right-to-left interface.
    ImGui::GetStyle().SelectableTextAlign.x = i18n::RightToLeft() ? 1.0f : 0.0f;
    if (model.Presenter()) {  // over the article, which keeps its place underneath
        DrawPresenter(model, view, out);
        ImGui::End();
        return;
    }
    HandleShortcuts(model, view, out);
    DrawTopBar(model, view, out);
    DrawMessage(model, view, out);
    switch (model.CurrentScreen()) {
        case Screen::kHome:
            DrawHome(model, view, out);
            break;
        case Screen::kSearch:
            DrawSearch(model, view, out);
            break;
        case Screen::kArticle:
            DrawArticle(model, view, out);
            break;
        case Screen::kLibrary:
            DrawLibrary(model, view, out);
            break;
        case Screen::kSettings:
            DrawSettings(model, view, out);
            break;
    }
    ImGui::End();
}

}  // namespace fk::ui
