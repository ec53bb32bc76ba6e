// The reader's side of field reports (see report_outbox.hpp).
#include "kit/core/report_outbox.hpp"

#include <algorithm>
#include <chrono>
#include <set>
#include <thread>

#include "bundle/manifest.hpp"
#include "bundle/release_manifest.hpp"
#include "kit/core/report_key.hpp"
#include "kit/core/sync_state.hpp"
#include "platform/files.hpp"
#include "platform/i18n.hpp"

namespace fk::core {
namespace fs = std::filesystem;
namespace {

std::int64_t NowSeconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// The inbox of one held list, if it verifies with the keys trusted now.
std::string InboxOf(const Library& library, const fs::path& dir) {
    const std::string name = bundle::kReleaseFile;
    auto json = platform::ReadFile(dir / name, tr("held release list"), bundle::kMaxReleaseFileSize);
    auto sig =
        platform::ReadFile(dir / (name + ".minisig"), tr("held release signature"), bundle::kMaxSignatureFileSize);
    if (!json || !sig) return "";
    const auto keys = library.TrustedKeys();
    auto rm = bundle::VerifyReleaseManifest(*json, *sig, keys, library.RetiredKeys());
    if (!rm || !platform::IsHttpUrl(rm->inbox) || rm->inbox.size() > 2048) return "";
    return rm->inbox;
}

}  // namespace

Result<FieldReport> QueueReport(ReaderData& reader, const fs::path& data_dir, std::string_view article, ReportKind kind,
                                std::string_view note) {
    auto key = LoadOrMakeReportKey(data_dir);
    if (!key) return key.error();
    auto report = MakeReport(article, kind, note, NowSeconds(), *key);
    if (!report) return report.error();
    const std::string text = SignReport(*report, *key);
    if (auto st = reader.AddReport(report->id, text); !st) return st.error();
    return report;
}

std::vector<OutboxItem> ListOutbox(ReaderData& reader) {
    std::vector<OutboxItem> items;
    for (auto& stored : reader.Outbox()) {
        OutboxItem item{std::move(stored), {}, false};
        if (auto r = ParseSignedReport(item.stored.signed_json)) {
            item.report = std::move(*r);
            item.valid = true;
        }
        items.push_back(std::move(item));
    }
    return items;
}

std::vector<std::string> AdvertisedInboxes(const Library& library) {
    std::vector<std::string> inboxes;
    std::set<std::string> seen;
    const fs::path sync = SyncDir(library.DataDir());
    std::vector<fs::path> dirs{sync / "held"};
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(sync / "mirrors", ec))
        if (entry.is_directory(ec)) dirs.push_back(entry.path());
    for (const auto& dir : dirs)
        if (auto url = InboxOf(library, dir); !url.empty() && seen.insert(url).second) inboxes.push_back(url);
    return inboxes;
}

SendReport SendOutbox(ReaderData& reader, const std::vector<std::string>& inboxes, const SendOptions& o) {
    SendReport result;
    auto note = [&](const std::string& line) {
        if (o.on_note) o.on_note(line);
    };
    auto waiting = [&] {
        std::vector<OutboxReport> out;
        for (auto& r : reader.Outbox())
            if (r.sent_day == 0 && (o.only.empty() || o.only.count(r.id))) out.push_back(std::move(r));
        return out;
    };
    if (inboxes.empty()) {
        result.waiting = static_cast<int>(waiting().size());
        result.last_error = tr("no inbox known: no release list this kit holds advertises one");
        return result;
    }
    for (int round = 0; round < std::max(1, o.attempts); ++round) {
        if (round > 0) {
            const int delay = 1 << std::min(round - 1, 5);  // 1, 2, 4 ... seconds
            note(Format(tr("trying again in {seconds} s"), {{"seconds", std::to_string(delay)}}));
            if (o.sleep_s) o.sleep_s(delay);
            else std::this_thread::sleep_for(std::chrono::seconds(delay));
        }
        for (const auto& inbox : inboxes) {
            auto pending = waiting();
            if (pending.empty()) break;
            for (const auto& r : pending) {
                if (o.cancel && o.cancel->load()) return result;
                if (!o.only.empty() && !o.only.count(r.id)) continue;
                long status = 0;
                auto answer = platform::HttpPost(inbox, r.signed_json, "application/json", 1024, o.limits, &status, o.cancel);
                if (!answer) {
                    result.last_error =
                        Format(tr("{url}: {error}"), {{"url", inbox}, {"error", answer.error().detail}});
                    note(result.last_error);
                    break;  // this inbox is down or refusing: the next one, or the next round
                }
                if (auto st = reader.MarkReportSent(r.id, inbox); !st) {
                    result.last_error = st.error().detail;
                    return result;
                }
                ++result.sent;
            }
        }
        if (waiting().empty()) break;
    }
    result.waiting = static_cast<int>(waiting().size());
    if (result.waiting == 0) result.last_error.clear();
    return result;
}

Result<int> WriteReportFiles(ReaderData& reader, const fs::path& dir) {
    int written = 0;
    for (const auto& item : ListOutbox(reader)) {
        if (item.stored.sent_day != 0 || !item.valid) continue;
        if (written == 0)
            if (auto st = platform::MakeDirs(dir, tr("report directory")); !st) return st.error();
        if (auto st = platform::WriteFileAtomic(dir / ReportFileName(item.report), item.stored.signed_json + "\n",
                                                tr("field report"));
            !st)
            return st.error();
        ++written;
    }
    return written;
}

std::vector<std::string> ArmorOutbox(ReaderData& reader) {
    std::vector<std::string> lines;
    for (const auto& item : ListOutbox(reader))
        if (item.stored.sent_day == 0 && item.valid) lines.push_back(ArmorReport(item.stored.signed_json));
    return lines;
}

Status AskToSend(ReaderData& reader) {
    std::string ids;
    for (const auto& r : reader.Outbox())
        if (r.sent_day == 0) ids += (ids.empty() ? "" : " ") + r.id;
    return reader.SetSetting(kReportsSendPending, ids);
}

std::set<std::string> AskedToSend(ReaderData& reader) {
    std::set<std::string> ids;
    const std::string text = reader.Setting(kReportsSendPending);
    for (size_t at = 0; at < text.size();) {
        size_t end = text.find(' ', at);
        if (end == std::string::npos) end = text.size();
        if (end > at) ids.insert(text.substr(at, end - at));
        at = end + 1;
    }
    return ids;
}

void SettleAsked(ReaderData& reader) {
    const auto asked = AskedToSend(reader);
    if (asked.empty()) return;
    std::string ids;
    for (const auto& r : reader.Outbox())
        if (r.sent_day == 0 && asked.count(r.id)) ids += (ids.empty() ? "" : " ") + r.id;
    (void)reader.SetSetting(kReportsSendPending, ids);
}

void SendPendingReports(const fs::path& data_dir, const BuiltIn& built_in, const std::atomic<bool>* cancel) {
    auto reader = ReaderData::Open(data_dir);
    if (!reader) return;
    SendOptions o;
    o.only = AskedToSend(*reader);
    if (o.only.empty()) return;
    auto library = Library::Open(data_dir, built_in);
    if (!library) return;
    o.attempts = 1;  // the engine's own back-off paces the next try
    o.cancel = cancel;
    (void)SendOutbox(*reader, AdvertisedInboxes(*library), o);
    SettleAsked(*reader);
}

}  // namespace fk::core
