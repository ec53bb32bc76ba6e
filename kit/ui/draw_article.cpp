// Article: title and facts, bookmark, copy as Markdown, checklist progress and reset,
// the body, sources, related articles, and a notes panel saved as you type.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "kit/core/markdown_render.hpp"
#include "kit/ui/bidi.hpp"
#include "kit/ui/rich_text.hpp"
#include "kit/ui/screens.hpp"
#include "platform/passphrase.hpp"

namespace fk::ui {
namespace {

// The labels of `keys` in the interface language, joined.
std::string Names(const bundle::Labels& labels, const std::vector<std::string>& keys) {
    std::string s;
    for (const auto& k : keys) s += (s.empty() ? "" : ", ") + bundle::LabelOf(labels, k);
    return s;
}

void DrawHeader(const ArticleState& a, const bundle::Taxonomy& t, bool locked, ViewState& view, ActionQueue& out) {
    const auto& art = a.view.article;
    ImGui::PushFont(view.fonts.h1);
    Runs title{Run{art.title, 0, {}}};
    DrawRuns(title, ImGui::GetContentRegionAvail().x, StartsRightToLeft(art.title), view.fonts.h1, view, out);
    ImGui::PopFont();
    const char* dot = "  \xC2\xB7  ";
    std::string facts = bundle::LabelOf(t.types, art.type) + dot + Names(t.phase_names, art.phases);
    // TRANSLATORS: in an article's header, who it is for: "for Network operators, Trainers".
    facts += dot + Format(tr("for {audiences}"), {{"audiences", Names(t.audiences, art.audiences)}});
    // TRANSLATORS: in an article's header; {date} is like 2024-05-01.
    facts += dot + Format(tr("updated {date}"), {{"date", art.updated}});
    facts += dot + core::LanguageName(art.lang);
    // Another pack's article says where it comes from (core articles keep bare ids).
    if (a.view.address != art.id) facts += dot + Format(tr("from pack {pack}"), {{"pack", a.view.pack}});
    DrawMuted(view, facts);
    if (a.view.TranslationIsOlder()) {
        ImGui::PushStyleColor(ImGuiCol_Text, view.palette.accent);
        DrawText(core::OlderTranslationNote(a.view));
        ImGui::PopStyleColor();
        ImGui::SameLine();
        if (DrawChip(L("Read in English"), false, view))
            out.push_back({ActionType::kSetLanguage, core::kSourceLanguage});
    }
    // TRANSLATORS: "Bookmark" is a button (bookmark this article); "Bookmarked" its state once pressed.
    const char* bookmark = a.bookmarked ? L("Bookmarked") : L("Bookmark");
    std::vector<RowItem> row = {{ButtonWidth(bookmark),
                                 [&] {
                                     ImGui::BeginDisabled(locked);
                                     if (DrawChip(bookmark, a.bookmarked, view))
                                         out.push_back({ActionType::kToggleBookmark});
                                     ImGui::EndDisabled();
                                     view.Record("bookmark");
                                 }},
                                {ButtonWidth(L("Notes")),
                                 [&] {
                                     if (DrawChip(L("Notes"), view.show_notes, view))
                                         view.show_notes = !view.show_notes;
                                 }},
                                {ButtonWidth(L("Copy as Markdown")),
                                 [&] {
                                     if (ImGui::Button(L("Copy as Markdown")))
                                         ImGui::SetClipboardText(core::RenderMarkdown(art).c_str());
                                 }},
                                // TRANSLATORS: a button; saves the article (a workshop module with its
                                // checklists) as a printable file and says where in the status line.
                                {ButtonWidth(L("Print handout")),
                                 [&] {
                                     if (ImGui::Button(L("Print handout"))) out.push_back({ActionType::kPrintHandout});
                                     view.Record("print-handout");
                                 }},
                                {ButtonWidth(L("Report a problem")), [&] {
                                     if (DrawChip(L("Report a problem"), view.show_report, view))
                                         view.show_report = !view.show_report;
                                     view.Record("report-chip");
                                 }}};
    if (art.type == "workshop")
        row.push_back({ButtonWidth(L("Present")), [&] {
                           if (ImGui::Button(L("Present"))) out.push_back({ActionType::kPresent});
                           view.Record("present");
                           if (ImGui::IsItemHovered())
                               ImGui::SetTooltip("%s", L("Run this module full screen, one section at a time (Esc "
                                                         "returns here)"));
                       }});
    if (a.view.languages.size() > 1)
        for (const auto& lang : a.view.languages)
            row.push_back({ButtonWidth(lang.c_str()), [&] {
                               if (DrawChip(lang.c_str(), lang == art.lang, view))
                                   out.push_back({ActionType::kSetLanguage, lang});
                           }});
    DrawRow(row);
    if (!a.view.tasks.empty()) {
        int done = 0;
        for (const auto& t : a.view.tasks) done += a.ticked.count(t.key) ? 1 : 0;
        const int total = static_cast<int>(a.view.tasks.size());
        const std::string label = Displayable(
            // TRANSLATORS: checklist progress: "3 of 12 done".
            Format(trn("{done} of {total} done", "{done} of {total} done", static_cast<unsigned long>(total)),
                   {{"done", std::to_string(done)}, {"total", std::to_string(total)}}));
        const float bar_width = ImGui::GetFontSize() * 16;
        DrawRow({{bar_width,
                  [&] {
                      ImGui::PushStyleColor(ImGuiCol_PlotHistogram, view.palette.accent);
                      ImGui::ProgressBar(static_cast<float>(done) / static_cast<float>(total), ImVec2(bar_width, 0),
                                         label.c_str());
                      ImGui::PopStyleColor();
                  }},
                 {ButtonWidth(L("Reset checklist")), [&] {
                      ImGui::BeginDisabled(done == 0);
                      if (ImGui::Button(L("Reset checklist"))) out.push_back({ActionType::kResetChecklist});
                      ImGui::EndDisabled();
                  }}});
    }
    ImGui::Separator();
}

void DrawSourcesAndRelated(const ArticleState& a, ViewState& view, ActionQueue& out) {
    const auto& art = a.view.article;
    if (!art.sources.empty()) {
        ImGui::Separator();
        DrawHeading(view.fonts.h2, L("Sources"));
        for (const auto& s : art.sources) {
            Runs r{Run{s.title, kStyleBold, {}}};
            std::string rest;
            if (!s.publisher.empty()) rest += ", " + s.publisher;
            if (s.year) rest += ", " + std::to_string(s.year);
            r.push_back(Run{rest + " ", 0, {}});
            if (!s.url.empty()) r.push_back({s.url, kStyleLink, s.url});
            DrawRuns(r, ImGui::GetContentRegionAvail().x, false, view.fonts.regular, view, out);
        }
    }
    if (!a.related.empty()) {
        ImGui::Spacing();
        DrawHeading(view.fonts.h2, L("Related"));
        for (const auto& r : a.related) DrawArticleLink(r.address, r.title, view, out);
    }
}

void DrawNotes(const Model& model, const ArticleState& a, ViewState& view, ActionQueue& out) {
    if (model.Lock() == core::LockState::kLocked) {
        platform::WipeString(view.note);  // the text typed before locking leaves memory too
        view.note_article = -1;
        DrawHeading(view.fonts.h2, L("Notes"));
        DrawUnlockPrompt(model, view, out, "notes");
        return;
    }
    if (view.note_article != a.generation) {
        view.note = a.note;
        view.note_article = a.generation;
    }
    DrawHeading(view.fonts.h2, L("Notes"));
    DrawMuted(view, tr("Saved as you type, on this computer only."));
    std::string before = view.note;
    ImGui::InputTextMultiline("##note", &view.note, ImVec2(-1, -1));
    view.Record("notes");
    if (view.note != before) out.push_back({ActionType::kSetNote, view.note});
}

}  // namespace

void DrawArticle(const Model& model, ViewState& view, ActionQueue& out) {
    const ArticleState* a = model.Article();
    if (!a) return;
    const float total = ImGui::GetContentRegionAvail().x;
    const float notes_w = view.show_notes ? std::max(total * 0.28f, ImGui::GetFontSize() * 14) : 0;
    const float avail = total - notes_w;
    const float w = std::min(avail, ImGui::GetFontSize() * 50);  // a readable measure on wide screens
    const float x0 = ImGui::GetCursorPosX();
    ImGui::SetCursorPosX(x0 + (avail - w) / 2);
    ImGui::BeginChild("article", ImVec2(w, 0), false);
    if (view.scroll_to_top_for != a->generation) {
        ImGui::SetScrollY(0);
        view.scroll_to_top_for = a->generation;
    }
    DrawHeader(*a, model.Taxonomy(), model.Lock() == core::LockState::kLocked, view, out);
    if (view.show_report) DrawReportPanel(*a, view, out);
    DrawBlocks(*a, view, out);
    DrawSourcesAndRelated(*a, view, out);
    ImGui::EndChild();
    if (view.show_notes) {
        ImGui::SameLine(x0 + avail);
        ImGui::BeginChild("notes", ImVec2(0, 0), true);
        DrawNotes(model, *a, view, out);
        ImGui::EndChild();
    }
}

}  // namespace fk::ui
