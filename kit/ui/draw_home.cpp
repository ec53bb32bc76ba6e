// Home: "I am a ..." filter, the five phases as entry points, start-here guides,
// recently viewed, bookmarks (or the unlock prompt) and the state of the content.
#include <algorithm>
#include <functional>

#include "bundle/manifest.hpp"
#include "kit/ui/bidi.hpp"
#include "kit/ui/screens.hpp"

namespace fk::ui {
namespace {

// "I am [anyone]": the combo sits after the words in reading order (to their left in Arabic).
void DrawAudience(const Model& model, ActionQueue& out) {
    const auto& audiences = model.Taxonomy().audiences;
    const std::string& current = model.Settings().audience;
    std::string shown = L("Anyone");
    for (const auto& [k, label] : audiences)
        if (k == current) shown = Displayable(label);
    // TRANSLATORS: before a list of roles: "I am [a network operator]".
    const char* i_am = L("I am");
    const float combo_width = ImGui::GetFontSize() * 18;
    auto combo = [&] {
        ImGui::SetNextItemWidth(combo_width);
        if (ImGui::BeginCombo("##audience", shown.c_str())) {
            if (ImGui::Selectable(L("Anyone"), current.empty())) out.push_back({ActionType::kSetAudience, ""});
            for (const auto& [k, label] : audiences)
                if (ImGui::Selectable(Displayable(label).c_str(), k == current))
                    out.push_back({ActionType::kSetAudience, k});
            ImGui::EndCombo();
        }
    };
    ImGui::AlignTextToFramePadding();
    if (i18n::RightToLeft()) {
        const float both = combo_width + ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize(i_am).x;
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetContentRegionAvail().x - both));
        combo();
        ImGui::SameLine();
        ImGui::TextUnformatted(i_am);
    } else {
        ImGui::TextUnformatted(i_am);
        ImGui::SameLine();
        combo();
    }
}

// Each phase: its name as a button, then what it means (mirrored in a right-to-left language).
void DrawPhases(const Model& model, ViewState& view, ActionQueue& out) {
    DrawHeading(view.fonts.h2, L("Where are you in the crisis?"));
    const bundle::Taxonomy& t = model.Taxonomy();
    const bool rtl = i18n::RightToLeft();
    const float x0 = ImGui::GetCursorPosX();
    const float w = ImGui::GetContentRegionAvail().x;
    const float button_width = ImGui::GetFontSize() * 8;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    for (const auto& [key, label] : t.phases) {
        ImGui::PushID(key.c_str());
        const std::string name = Displayable(bundle::LabelOf(t.phase_names, key));
        const std::string meaning = Displayable(label);
        if (rtl) ImGui::SetCursorPosX(x0 + w - button_width);
        ImGui::PushFont(view.fonts.bold);
        bool go = ImGui::Button(name.c_str(), ImVec2(button_width, 0));
        ImGui::PopFont();
        view.Record("phase:" + key);
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        if (rtl) {
            ImGui::SetCursorPosX(std::max(x0, x0 + w - button_width - gap - ImGui::CalcTextSize(meaning.c_str()).x));
            ImGui::TextUnformatted(meaning.c_str());
        } else {
            ImGui::PushTextWrapPos(w);
            ImGui::TextUnformatted(meaning.c_str());
            ImGui::PopTextWrapPos();
        }
        if (go) out.push_back({ActionType::kSetFilter, "phase", 0, key});
        ImGui::PopID();
    }
}

void DrawSaved(const char* title, const std::vector<core::SavedArticle>& list, const char* empty, ViewState& view,
               ActionQueue& out) {
    DrawHeading(view.fonts.h2, title);
    if (list.empty()) DrawMuted(view, empty);
    for (const auto& a : list) DrawArticleLink(a.id, a.title, view, out);
}

void DrawContentState(const Model& model, ViewState& view, ActionQueue& out) {
    std::int64_t newest = 0;
    for (const auto& [name, pack] : model.Library().State().packs) newest = std::max(newest, pack.created);
    const auto count = static_cast<unsigned long>(model.ArticleCount());
    // TRANSLATORS: {age} is "today", "3 days old" or similar; {date} is like 2024-05-01.
    DrawMuted(view, Format(trn("{n} article; content {age} (published {date}).",
                               "{n} articles; content {age} (published {date}).", count),
                           {{"n", std::to_string(count)},
                            {"age", AgeText(newest)},
                            {"date", bundle::IsoTime(newest).substr(0, 10)}}));
    DrawSyncState(model, view, out);
}

}  // namespace

void DrawHome(const Model& model, ViewState& view, ActionQueue& out) {
    ImGui::BeginChild("home", ImVec2(0, 0), false);
    DrawHeading(view.fonts.h1, "fieldkit");
    DrawMuted(view, tr("Offline guidance for keeping networks and people connected during conflict and crisis."));
    DrawContentState(model, view, out);
    ImGui::Spacing();
    DrawAudience(model, out);
    ImGui::Spacing();
    DrawPhases(model, view, out);
    ImGui::Spacing();
    const HomeState& h = model.Home();
    const bool locked = model.Lock() == core::LockState::kLocked;
    const std::function<void()> columns[] = {
        [&] {
            DrawHeading(view.fonts.h2, L("Start here"));
            for (const auto& a : h.start_here) DrawArticleLink(a.address, a.title, view, out);
        },
        [&] {
            DrawSaved(L("Recently viewed"), h.recent,
                      locked              ? tr("Locked.")
                      : model.HistoryOn() ? tr("Nothing yet.")
                                          : tr("History is off (Settings can turn it on)."),
                      view, out);
        },
        [&] {
            if (locked) {
                DrawHeading(view.fonts.h2, L("Bookmarks"));
                DrawUnlockPrompt(model, view, out, "home");
            } else {
                DrawSaved(L("Bookmarks"), h.bookmarks, tr("Bookmark an article to find it here."), view, out);
            }
        }};
    if (ImGui::BeginTable("home-lists", 3, ImGuiTableFlags_SizingStretchSame)) {
        // In a right-to-left language the first list is the rightmost.
        for (int i = 0; i < 3; ++i) {
            ImGui::TableNextColumn();
            columns[i18n::RightToLeft() ? 2 - i : i]();
        }
        ImGui::EndTable();
    }
    ImGui::EndChild();
}

}  // namespace fk::ui
