// Home: "I am a ..." filter, the five phases as entry points, start-here guides,
// recently viewed, bookmarks (or the unlock prompt) and the state of the content.
#include "bundle/manifest.hpp"
#include "kit/ui/bidi.hpp"
#include "kit/ui/screens.hpp"

namespace fk::ui {
namespace {

void DrawAudience(const Model& model, ActionQueue& out) {
    const auto& audiences = model.Taxonomy().audiences;
    const std::string& current = model.Settings().audience;
    std::string shown = L("Anyone");
    for (const auto& [k, label] : audiences)
        if (k == current) shown = label;
    ImGui::AlignTextToFramePadding();
    // TRANSLATORS: before a list of roles: "I am [a network operator]".
    ImGui::TextUnformatted(L("I am"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
    if (ImGui::BeginCombo("##audience", shown.c_str())) {
        if (ImGui::Selectable(L("Anyone"), current.empty())) out.push_back({ActionType::kSetAudience, ""});
        for (const auto& [k, label] : audiences)
            if (ImGui::Selectable(label.c_str(), k == current)) out.push_back({ActionType::kSetAudience, k});
        ImGui::EndCombo();
    }
}

void DrawPhases(const Model& model, ViewState& view, ActionQueue& out) {
    ImGui::PushFont(view.fonts.h2);
    ImGui::TextUnformatted(L("Where are you in the crisis?"));
    ImGui::PopFont();
    const float w = ImGui::GetContentRegionAvail().x;
    for (const auto& [key, label] : model.Taxonomy().phases) {
        ImGui::PushID(key.c_str());
        std::string name = key;
        if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
        ImGui::PushFont(view.fonts.bold);
        bool go = ImGui::Button(name.c_str(), ImVec2(ImGui::GetFontSize() * 8, 0));
        ImGui::PopFont();
        view.Record("phase:" + key);
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::PushTextWrapPos(w);
        ImGui::TextUnformatted(label.c_str());
        ImGui::PopTextWrapPos();
        if (go) out.push_back({ActionType::kSetFilter, "phase", 0, key});
        ImGui::PopID();
    }
}

void DrawSaved(const char* title, const std::vector<core::SavedArticle>& list, const char* empty, ViewState& view,
               ActionQueue& out) {
    ImGui::PushFont(view.fonts.h2);
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
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
    ImGui::PushFont(view.fonts.h1);
    ImGui::TextUnformatted("fieldkit");
    ImGui::PopFont();
    DrawMuted(view, tr("Offline guidance for keeping networks and people connected during conflict and crisis."));
    DrawContentState(model, view, out);
    ImGui::Spacing();
    DrawAudience(model, out);
    ImGui::Spacing();
    DrawPhases(model, view, out);
    ImGui::Spacing();
    const HomeState& h = model.Home();
    if (ImGui::BeginTable("home-lists", 3, ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableNextColumn();
        ImGui::PushFont(view.fonts.h2);
        ImGui::TextUnformatted(L("Start here"));
        ImGui::PopFont();
        for (const auto& a : h.start_here) DrawArticleLink(a.address, a.title, view, out);
        ImGui::TableNextColumn();
        const bool locked = model.Lock() == core::LockState::kLocked;
        DrawSaved(L("Recently viewed"), h.recent,
                  locked              ? tr("Locked.")
                  : model.HistoryOn() ? tr("Nothing yet.")
                                      : tr("History is off (Settings can turn it on)."),
                  view, out);
        ImGui::TableNextColumn();
        if (locked) {
            ImGui::PushFont(view.fonts.h2);
            ImGui::TextUnformatted(L("Bookmarks"));
            ImGui::PopFont();
            DrawUnlockPrompt(model, view, out, "home");
        } else {
            DrawSaved(L("Bookmarks"), h.bookmarks, tr("Bookmark an article to find it here."), view, out);
        }
        ImGui::EndTable();
    }
    ImGui::EndChild();
}

}  // namespace fk::ui
