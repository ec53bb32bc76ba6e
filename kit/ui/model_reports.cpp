// Model: field reports (write one, delete one, send the waiting ones). See report_outbox.hpp.
#include "kit/ui/model.hpp"
#include "platform/i18n.hpp"

namespace fk::ui {

void Model::RefreshOutbox() { m_outbox = core::ListOutbox(*m_reader); }

int Model::WaitingReports() const {
    int n = 0;
    for (const auto& item : m_outbox) n += item.stored.sent_day == 0 ? 1 : 0;
    return n;
}

void Model::ApplyReports(Action& a) {
    switch (a.type) {
        case ActionType::kReportArticle:
        case ActionType::kReportPractice: {
            const bool practice = a.type == ActionType::kReportPractice;
            if (!practice && !m_article) break;
            const auto kind = practice ? std::optional(core::ReportKind::kPractice) : core::ParseReportKind(a.arg);
            if (!kind) break;
            auto r = core::QueueReport(*m_reader, m_data_dir, practice ? "" : m_article->view.address, *kind, a.text);
            if (!r) {
                SetMessage(Format(tr("The report was not saved: {error}"), {{"error", r.error().detail}}), true);
                break;
            }
            SetMessage(tr("Report put in your outbox. Nothing is sent until you press Send (Settings, Field reports)."),
                       false);
            break;
        }
        case ActionType::kDeleteReport:
            if (auto removed = m_reader->DeleteReport(a.text); !removed)
                SetMessage(Format(tr("The report was not deleted: {error}"), {{"error", removed.error().detail}}),
                           true);
            core::SettleAsked(*m_reader);
            break;
        case ActionType::kSendReports: {
            (void)core::AskToSend(*m_reader);
            if (m_sync_link) {
                // On the engine's thread, after a check: the window never waits on the network.
                m_sync_link->CheckNow();
                SetMessage(tr("Sending your reports with the next update check; they stay in the outbox until the "
                              "publisher's inbox has them."),
                           false);
                break;
            }
            core::SendOptions o = m_report_send;
            o.only = core::AskedToSend(*m_reader);
            const auto sent = core::SendOutbox(*m_reader, core::AdvertisedInboxes(*m_library), o);
            core::SettleAsked(*m_reader);
            if (sent.waiting == 0) {
                SetMessage(Format(trn("Sent {n} report.", "Sent {n} reports.", static_cast<unsigned long>(sent.sent)),
                                  {{"n", std::to_string(sent.sent)}}),
                           false);
            } else {
                // TRANSLATORS: {sent} reports were sent, {waiting} were not; {error} says why.
                SetMessage(Format(trn("Sent {sent}, {waiting} still waiting: {error}",
                                      "Sent {sent}, {waiting} still waiting: {error}",
                                      static_cast<unsigned long>(sent.waiting)),
                                  {{"sent", std::to_string(sent.sent)},
                                   {"waiting", std::to_string(sent.waiting)},
                                   {"error", sent.last_error}}),
                           true);
            }
            break;
        }
        default:
            break;
    }
    RefreshOutbox();
}

}  // namespace fk::ui
