// The reader's side of field reports: write one into the outbox (signed at once by the kit's
// report key), and the ways out, each run only when the reader asks: POST to the inboxes that
// verified release lists advertise, report files for a USB stick, and armored text lines.
// A report is marked sent only when an inbox acknowledged it; sending again after a crash is
// harmless because inboxes drop duplicates by report id.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "kit/core/field_report.hpp"
#include "kit/core/library.hpp"
#include "kit/core/reader_data.hpp"
#include "platform/http_client.hpp"
#include "platform/result.hpp"

namespace fk::core {

// Makes, signs and queues a report. Errors: kUsage (bad kind, address or note), key and
// database errors.
Result<FieldReport> QueueReport(ReaderData& reader, const std::filesystem::path& data_dir, std::string_view article,
                                ReportKind kind, std::string_view note);

// An outbox entry as the reader sees it (the signed text parsed back).
struct OutboxItem {
    OutboxReport stored;
    FieldReport report;  // empty fields if the stored text no longer verifies
    bool valid = false;
};
std::vector<OutboxItem> ListOutbox(ReaderData& reader);

// The inbox URLs advertised by the release lists this kit holds, each verified again here with
// the keys it trusts now (a list that no longer verifies advertises nothing).
std::vector<std::string> AdvertisedInboxes(const Library& library);

struct SendOptions {
    platform::HttpLimits limits{10, 256, 15, 30};
    std::set<std::string> only;          // these report ids; empty: every waiting report
    int attempts = 3;                    // per inbox, with back-off between rounds
    std::function<void(int)> sleep_s;    // waits between rounds (tests and the window pass their own)
    std::function<void(const std::string&)> on_note;
    const std::atomic<bool>* cancel = nullptr;
};

struct SendReport {
    int sent = 0;     // acknowledged now
    int waiting = 0;  // still in the outbox, unsent
    std::string last_error;  // empty when every report went
};

// POSTs every unsent report to the inboxes in turn; marks each one sent the moment an inbox
// acknowledges it (201 stored or 200 already had it).
SendReport SendOutbox(ReaderData& reader, const std::vector<std::string>& inboxes, const SendOptions& options);

// Writes every unsent report as <dir>/<ReportFileName> (atomically); the number written.
// Nothing is marked sent: a stick may never arrive.
Result<int> WriteReportFiles(ReaderData& reader, const std::filesystem::path& dir);

// One "FKR1:..." line per unsent report.
std::vector<std::string> ArmorOutbox(ReaderData& reader);

// The reader's "send": the ids of the reports waiting at that moment, kept (in a setting) until
// they went. The sync engine tries again after each check that reaches a mirror, and only
// those: a report written later waits for its own Send.
inline constexpr const char* kReportsSendPending = "reports_send_pending";
Status AskToSend(ReaderData& reader);
std::set<std::string> AskedToSend(ReaderData& reader);
// Drops the ids that are no longer waiting (sent or deleted).
void SettleAsked(ReaderData& reader);

// For the sync engine after a check that reached a mirror: one round over the advertised
// inboxes with the reports the reader asked to send that still wait. Opens its own ReaderData and Library (the engine's thread).
void SendPendingReports(const std::filesystem::path& data_dir, const BuiltIn& built_in,
                        const std::atomic<bool>* cancel);

}  // namespace fk::core
