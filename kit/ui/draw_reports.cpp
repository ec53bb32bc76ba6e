// Field reports in the window: the "Report a problem" panel of an article, and the Settings
// section with the outbox (each report can be deleted before it leaves) and Send.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <iterator>

#include "kit/ui/bidi.hpp"
#include "kit/ui/screens.hpp"

namespace fk::ui {
namespace {

constexpr std::pair<core::ReportKind, const char*> kKinds[] = {
    {core::ReportKind::kWrong, N_("Something is wrong")},
    // TRANSLATORS: a kind of report on an article: it is out of date.
    {core::ReportKind::kOutdated, N_("Outdated")},
    {core::ReportKind::kMissing, N_("Something is missing")},
    {core::ReportKind::kWorked, N_("This worked for us")},
};

std::string Subject(const core::OutboxItem& item) {
    if (!item.valid) return tr("(damaged report)");
    // The kind's name is the report format's word for it (as `fieldkit report` shows it).
    return std::string(core::ReportKindName(item.report.kind)) + "  " +
           (item.report.article.empty() ? std::string(tr("new practice")) : item.report.article);
}

}  // namespace

void DrawReportPanel(const ArticleState& a, ViewState& view, ActionQueue& out) {
    ImGui::Separator();
    ImGui::PushFont(view.fonts.bold);
    ImGui::TextUnformatted(L("Report a problem with this article"));
    ImGui::PopFont();
    DrawMuted(view, tr("The report waits in your outbox (Settings, Field reports) until you press Send. It carries "
                       "the article, what you choose here, your note and today's date, signed by a key this kit made "
                       "for reports: the publisher can tell reports from one kit apart, not who wrote them."));
    for (int i = 0; i < static_cast<int>(std::size(kKinds)); ++i) {
        if (i > 0) ImGui::SameLine();
        if (ImGui::RadioButton(L(kKinds[i].second), view.report_kind == i)) view.report_kind = i;
        view.Record(std::string("report-kind:") + std::string(core::ReportKindName(kKinds[i].first)));
    }
    ImGui::InputTextMultiline("##report-note", &view.report_note, ImVec2(-1, ImGui::GetFontSize() * 4));
    view.Record("report-note");
    const bool too_long = view.report_note.size() > core::kMaxReportNote;
    if (too_long) DrawMuted(view, tr("The note is too long (1000 bytes at most)."));
    ImGui::BeginDisabled(too_long);
    if (ImGui::Button(L("Put in outbox"))) {
        out.push_back({ActionType::kReportArticle, view.report_note, 0,
                       std::string(core::ReportKindName(kKinds[view.report_kind].first))});
        view.report_note.clear();
        view.show_report = false;
    }
    ImGui::EndDisabled();
    view.Record("report-queue");
    ImGui::SameLine();
    if (ImGui::Button((std::string(L("Cancel")) + "##report").c_str())) view.show_report = false;
    (void)a;
    ImGui::Separator();
}

void DrawReportSettings(const Model& model, ViewState& view, ActionQueue& out) {
    DrawHeading(view.fonts.h2, L("Field reports"));
    DrawMuted(view, tr("Reports you wrote about articles (\"Report a problem\") or new practices. Nothing leaves "
                       "this computer until you press Send; you can delete any report first. Other ways out: "
                       "`fieldkit export DIR` (a USB stick) and `fieldkit report send --text` (e-mail, SMS)."));
    const auto& outbox = model.Outbox();
    if (outbox.empty()) DrawMuted(view, tr("The outbox is empty."));
    for (size_t i = 0; i < outbox.size(); ++i) {
        const auto& item = outbox[i];
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::SmallButton(L("Delete"))) out.push_back({ActionType::kDeleteReport, item.stored.id});
        view.Record("report-delete:" + std::to_string(i));
        ImGui::SameLine();
        std::string state;
        if (item.stored.sent_day)
            // TRANSLATORS: the state of a report in the outbox; {day} is like 2024-05-01.
            state = Format(tr("sent {day}"), {{"day", core::UtcDay(item.stored.sent_day)}});
        else
            // TRANSLATORS: the state of a report in the outbox: not sent yet.
            state = tr("waiting");
        std::string line = state + "  " + Subject(item);
        if (item.valid && !item.report.note.empty()) line += "  \xE2\x80\x94  " + item.report.note;
        DrawText(line);
        ImGui::PopID();
    }
    const int waiting = model.WaitingReports();
    ImGui::BeginDisabled(waiting == 0);
    const auto n = static_cast<unsigned long>(waiting);
    const std::string send =
        Displayable(Format(trn("Send {n} waiting report", "Send {n} waiting reports", n), {{"n", std::to_string(n)}})) +
        "###report-send";
    if (ImGui::Button(send.c_str())) out.push_back({ActionType::kSendReports});
    ImGui::EndDisabled();
    view.Record("report-send");

    DrawMuted(view, tr("A practice that worked for you and is not in the library yet:"));
    ImGui::InputTextMultiline("##practice-note", &view.practice_note, ImVec2(-1, ImGui::GetFontSize() * 3));
    view.Record("practice-note");
    ImGui::BeginDisabled(view.practice_note.empty() || view.practice_note.size() > core::kMaxReportNote);
    if (ImGui::Button((std::string(L("Put in outbox")) + "##practice").c_str())) {
        out.push_back({ActionType::kReportPractice, view.practice_note});
        view.practice_note.clear();
    }
    ImGui::EndDisabled();
    view.Record("practice-queue");
}

}  // namespace fk::ui
