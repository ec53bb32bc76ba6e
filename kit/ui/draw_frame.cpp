// The window frame: top bar with back/forward, screen tabs and the search box, global
// shortcuts (Ctrl+K, /, Alt+Left/Right, mouse back/forward, Ctrl+= and Ctrl+-), messages.
#include <imgui.h>
#include <imgui_stdlib.h>

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
    bool enter = ImGui::InputTextWithHint("##search", L("Search the kit  (Ctrl+K)"), &view.query,
                                          ImGuiInputTextFlags_EnterReturnsTrue);
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

void DrawTopBar(const Model& model, ViewState& view, ActionQueue& out) {
    ImGui::BeginDisabled(!model.CanGoBack());
    if (ImGui::Button("\xE2\x86\x90")) out.push_back({ActionType::kBack});
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", L("Back (Alt+Left)"));
    ImGui::SameLine(0, 2);
    ImGui::BeginDisabled(!model.CanGoForward());
    if (ImGui::Button("\xE2\x86\x92")) out.push_back({ActionType::kForward});
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", L("Forward (Alt+Right)"));
    const std::pair<const char*, Screen> tabs[] = {
        {N_("Home"), Screen::kHome}, {N_("Library"), Screen::kLibrary}, {N_("Settings"), Screen::kSettings}};
    for (const auto& [label, screen] : tabs) {
        ImGui::SameLine();
        if (DrawChip(L(label), model.CurrentScreen() == screen, view))
            out.push_back({ActionType::kShowScreen, {}, int(screen)});
        view.Record(std::string("tab:") + label);
    }
    // The lock state is always in sight: one click locks, or leads to the unlock prompt.
    ImGui::SameLine();
    if (model.Lock() == core::LockState::kUnlocked) {
        if (DrawChip(L("Lock notes"), false, view)) out.push_back({ActionType::kLockNow});
        view.Record("lock-chip");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", L("Forget the passphrase until it is typed again"));
        ImGui::SameLine();
    } else if (model.Lock() == core::LockState::kLocked) {
        if (DrawChip(L("Notes locked"), true, view))
            out.push_back({ActionType::kShowScreen, {}, int(Screen::kSettings)});
        view.Record("lock-chip");
        ImGui::SameLine();
    }
    DrawSearchBox(model, view, out, ImGui::GetContentRegionAvail().x);
    ImGui::Separator();
}

void DrawMessage(const Model& model, ViewState& view, ActionQueue& out) {
    if (model.Message().empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, model.MessageIsError() ? view.palette.error : view.palette.ok);
    ImGui::TextWrapped("%s", Displayable(model.Message()).c_str());
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
