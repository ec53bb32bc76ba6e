// Field reports from the command line: the reader's outbox (report new, list, delete, send)
// and the publisher's inbox (inbox DIR).
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "bundle/pack_id.hpp"
#include "kit/cli/command.hpp"
#include "kit/core/content_index.hpp"
#include "kit/core/report_inbox.hpp"
#include "kit/core/report_outbox.hpp"
#include "platform/i18n.hpp"
#include "platform/utf8_path.hpp"

namespace fk::cli {
namespace {

using nlohmann::json;

// A note as one line on a terminal: line breaks shown as " / ", other controls never occur.
std::string OneLine(std::string text, size_t max = 60) {
    for (auto& c : text)
        if (c == '\n' || c == '\t') c = ' ';
    if (text.size() > max) {
        text.resize(max);
        while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
        if (!text.empty() && static_cast<unsigned char>(text.back()) >= 0xC0) text.pop_back();
        text += "...";
    }
    return text;
}

std::string Subject(const core::FieldReport& r) {
    return r.article.empty() ? tr("(new practice)") : r.article;
}

int RunReportNew(Context& ctx, const Args& a) {
    const bool practice = a.Flag("--practice");
    const std::string note = a.OptionOr("--note", "");
    std::string address;
    core::ReportKind kind = core::ReportKind::kPractice;
    if (practice) {
        if (!a.Positional().empty() || a.Option("--kind"))
            return Usage(tr("a new practice takes --note only, no article or --kind"));
        if (note.empty()) return Usage(tr("a new practice needs --note TEXT describing it"));
    } else {
        if (a.Positional().size() != 1) return Usage(tr("report new needs one article id (or --practice)"));
        auto k = core::ParseReportKind(a.OptionOr("--kind", ""));
        if (!k || *k == core::ReportKind::kPractice)
            return Usage(tr("--kind must be wrong, outdated, missing or worked"));
        kind = *k;
        auto lib = OpenLibrary(ctx);
        if (!lib) return Fail(lib.error().detail);
        auto index = core::ContentIndex::Open(lib->IndexPath());
        if (!index) return Fail(index.error().detail);
        auto resolved = index->Resolve(a.Positional()[0]);
        if (!resolved)
            return Fail(Format(tr("no article '{id}' (try fieldkit search)"),
                               {{"id", bundle::EscapeForMessage(a.Positional()[0])}}));
        address = *resolved;
    }
    auto reader = core::ReaderData::Open(ctx.data_dir);
    if (!reader) return Fail(reader.error().detail);
    auto r = core::QueueReport(*reader, ctx.data_dir, address, kind, note);
    if (!r) return r.error().code == ErrorCode::kUsage ? Usage(r.error().detail) : Fail(r.error().detail);
    // TRANSLATORS: {n} is the report's number, {kind} one of wrong, outdated, missing, worked, practice (as typed
    // after --kind), {subject} an article id or "(new practice)".
    std::cout << Format(tr("report {n} ({kind}, {subject}) is in your outbox; nothing is sent until you run: "
                           "fieldkit report send"),
                        {{"n", std::to_string(reader->Outbox().size())},
                         {"kind", core::ReportKindName(r->kind)},
                         {"subject", Subject(*r)}})
              << "\n";
    return 0;
}

int RunReportList(Context& ctx, const Args& a) {
    auto reader = core::ReaderData::Open(ctx.data_dir);
    if (!reader) return Fail(reader.error().detail);
    const auto items = core::ListOutbox(*reader);
    if (a.Flag("--json")) {
        json arr = json::array();
        int n = 0;
        for (const auto& i : items) {
            json j = {{"number", ++n},
                      {"id", i.stored.id},
                      {"valid", i.valid},
                      {"sent", i.stored.sent_day != 0},
                      {"sent_day", i.stored.sent_day ? core::UtcDay(i.stored.sent_day) : ""},
                      {"sent_via", i.stored.sent_via}};
            if (i.valid)
                j.update({{"article", i.report.article},
                          {"kind", core::ReportKindName(i.report.kind)},
                          {"note", i.report.note},
                          {"day", i.report.day}});
            arr.push_back(j);
        }
        std::cout << arr.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
        return 0;
    }
    if (items.empty()) {
        std::cout << tr("the outbox is empty") << "\n";
        return 0;
    }
    int n = 0, waiting = 0;
    for (const auto& i : items) {
        ++n;
        const bool sent = i.stored.sent_day != 0;
        waiting += sent ? 0 : 1;
        std::cout << n << "  "
                  << (sent ? Format(tr("sent {day}"), {{"day", core::UtcDay(i.stored.sent_day)}})
                           // TRANSLATORS: a report not sent yet (one word in a list).
                           : std::string(tr("waiting")))
                  << "  ";
        if (!i.valid) {
            std::cout << tr("(damaged: delete it)") << "\n";
            continue;
        }
        std::cout << core::ReportKindName(i.report.kind) << "  " << Subject(i.report) << "  " << i.report.day;
        if (!i.report.note.empty()) std::cout << "  \"" << OneLine(i.report.note) << "\"";
        std::cout << "\n";
    }
    std::cout << Format(trn("{n} waiting; each report is signed by this kit's own report key, which says nothing about "
                            "who you are. Delete one with: fieldkit report delete N",
                            "{n} waiting; each report is signed by this kit's own report key, which says nothing about "
                            "who you are. Delete one with: fieldkit report delete N",
                            static_cast<unsigned long>(waiting)),
                        {{"n", std::to_string(waiting)}})
              << "\n";
    return 0;
}

int RunReportDelete(Context& ctx, const Args& a) {
    if (a.Positional().size() != 1)
        return Usage(tr("report delete needs the report's number (see fieldkit report list)"));
    auto reader = core::ReaderData::Open(ctx.data_dir);
    if (!reader) return Fail(reader.error().detail);
    const auto items = reader->Outbox();
    const std::string& which = a.Positional()[0];
    std::string id;
    if (which.size() <= 6 && !which.empty() && which.find_first_not_of("0123456789") == std::string::npos) {
        const size_t n = std::stoul(which);
        if (n == 0 || n > items.size())
            return Fail(Format(trn("no report {number} (the outbox has {n})", "no report {number} (the outbox has {n})",
                                   static_cast<unsigned long>(items.size())),
                               {{"number", which}, {"n", std::to_string(items.size())}}));
        id = items[n - 1].id;
    } else {
        for (const auto& i : items)
            if (i.id == which) id = i.id;
        if (id.empty())
            return Fail(Format(tr("no report '{id}' in the outbox"), {{"id", bundle::EscapeForMessage(which)}}));
    }
    auto removed = reader->DeleteReport(id);
    if (!removed) return Fail(removed.error().detail);
    core::SettleAsked(*reader);
    std::cout << Format(tr("deleted report {number}"), {{"number", which}}) << "\n";
    return 0;
}

int RunReportSend(Context& ctx, const Args& a) {
    auto reader = core::ReaderData::Open(ctx.data_dir);
    if (!reader) return Fail(reader.error().detail);
    if (a.Flag("--text")) {
        const auto lines = core::ArmorOutbox(*reader);
        if (lines.empty()) return Fail(tr("no report is waiting"));
        for (const auto& l : lines) std::cout << l << "\n";
        const auto n = static_cast<unsigned long>(lines.size());
        std::cerr << Format(trn("{n} report as text, one line each: send them by e-mail or message to the publisher; "
                                "they stay in your outbox (fieldkit report delete N once they arrived)",
                                "{n} reports as text, one line each: send them by e-mail or message to the publisher; "
                                "they stay in your outbox (fieldkit report delete N once they arrived)",
                                n),
                            {{"n", std::to_string(n)}})
                  << "\n";
        return 0;
    }
    if (auto dir = a.PathOption("--to")) {
        auto n = core::WriteReportFiles(*reader, *dir);
        if (!n) return Fail(n.error().detail);
        if (*n == 0) return Fail(tr("no report is waiting"));
        std::cout << Format(trn("wrote {n} report file to {dir}; they stay in your outbox until an inbox "
                                "acknowledges them",
                                "wrote {n} report files to {dir}; they stay in your outbox until an inbox "
                                "acknowledges them",
                                static_cast<unsigned long>(*n)),
                            {{"n", std::to_string(*n)}, {"dir", platform::Utf8FromPath(*dir)}})
                  << "\n";
        return 0;
    }
    core::SendOptions o;
    if (auto n = a.Option("--attempts")) {
        try {
            o.attempts = std::stoi(*n);
            if (o.attempts < 1 || o.attempts > 20) throw 0;
        } catch (...) {
            return Usage(tr("--attempts must be a whole number from 1 to 20"));
        }
    }
    o.on_note = [](const std::string& line) { std::cerr << "fieldkit: " << line << "\n"; };
    auto lib = OpenLibrary(ctx);
    if (!lib) return Fail(lib.error().detail);
    const auto inboxes = core::AdvertisedInboxes(*lib);
    bool any = false;
    for (const auto& r : reader->Outbox()) any |= r.sent_day == 0;
    if (!any) {
        std::cout << tr("no report is waiting") << "\n";
        return 0;
    }
    // Asked once, kept until all went: the sync engine tries again whenever it reaches a mirror.
    (void)core::AskToSend(*reader);
    o.only = core::AskedToSend(*reader);
    const auto sent = core::SendOutbox(*reader, inboxes, o);
    core::SettleAsked(*reader);
    std::cout << Format(trn("sent {n} report; {waiting} waiting", "sent {n} reports; {waiting} waiting",
                            static_cast<unsigned long>(sent.sent)),
                        {{"n", std::to_string(sent.sent)}, {"waiting", std::to_string(sent.waiting)}})
              << "\n";
    if (sent.waiting == 0) return 0;
    return Fail(Format(tr("{error}. Other ways out: fieldkit report send --to DIR (a USB stick), "
                          "fieldkit report send --text (e-mail, SMS)"),
                       {{"error", sent.last_error}}));
}

int RunInbox(Context& ctx, const Args& a) {
    if (a.Positional().size() != 1) return Usage(tr("inbox needs the directory the reports are in"));
    auto scan = core::ScanInbox(a.PathAt(0));
    if (!scan) return Fail(scan.error().detail);
    // Whether the publisher still has an article: the packs installed in this kit.
    std::optional<core::ContentIndex> index;
    if (auto lib = OpenLibrary(ctx))
        if (auto opened = core::ContentIndex::Open(lib->IndexPath())) index.emplace(std::move(*opened));
    auto exists = [&](const std::string& address) { return index && index->Resolve(address).has_value(); };
    const auto groups = core::GroupByArticle(scan->reports, exists);
    for (const auto& line : scan->refused)
        std::cerr << "fieldkit: " << Format(tr("refused {report}"), {{"report", line}}) << "\n";
    if (a.Flag("--json")) {
        json arr = json::array();
        for (const auto& g : groups) {
            json reports = json::array();
            for (const auto* r : g.reports)
                reports.push_back({{"id", r->id}, {"kind", core::ReportKindName(r->kind)}, {"note", r->note},
                                   {"day", r->day}, {"key", r->key}});
            arr.push_back({{"article", g.article}, {"known", g.known}, {"kinds", g.kinds}, {"reports", reports}});
        }
        std::cout << json{{"articles", arr},
                          {"reports", scan->reports.size()},
                          {"duplicates", scan->duplicates},
                          {"refused", scan->refused}}
                         .dump(2, ' ', false, json::error_handler_t::replace)
                  << "\n";
        return 0;
    }
    std::set<std::string> keys;
    for (const auto& r : scan->reports) keys.insert(r.key);
    // TRANSLATORS: {kits} counts the kits (installations) the reports came from; all four are numbers.
    std::cout << Format(trn("{n} report (kits: {kits}; duplicates dropped: {duplicates}; refused: {refused})",
                            "{n} reports (kits: {kits}; duplicates dropped: {duplicates}; refused: {refused})",
                            static_cast<unsigned long>(scan->reports.size())),
                        {{"n", std::to_string(scan->reports.size())},
                         {"kits", std::to_string(keys.size())},
                         {"duplicates", std::to_string(scan->duplicates)},
                         {"refused", std::to_string(scan->refused.size())}})
              << "\n";
    for (const auto& g : groups) {
        const std::string article = g.article.empty() ? std::string(tr("new practices")) : g.article;
        std::cout << "\n"
                  << (g.known ? article + ":"
                              : Format(tr("{article}  (no longer in your packs):"), {{"article", article}}));
        for (const auto& [kind, n] : g.kinds) std::cout << " " << kind << " " << n;
        std::cout << "\n";
        for (const auto* r : g.reports)
            std::cout << "  " << r->day << "  " << core::ReportKindName(r->kind) << "  "
                      << Format(tr("kit {key}"), {{"key", r->key.substr(0, 16)}})
                      << (r->note.empty() ? "" : "  \"" + OneLine(r->note, 200) + "\"") << "\n";
    }
    return 0;
}

}  // namespace

std::vector<Command> ReportCommands() {
    return {
        {"report new",
         "ID --kind wrong|outdated|missing|worked [--note TEXT] | --practice --note TEXT",
         N_("write a field report about an article, or a new practice, into your outbox"),
         N_("The report waits in your outbox (fieldkit report list) until you send it. It holds the\n"
            "article, the kind, your note and the day, signed by a key this kit made for reports:\n"
            "the publisher can tell reports from the same kit apart, not who wrote them.\n"
            "  --note TEXT   at most 1000 bytes\n"),
         {{"--practice"}, {"--kind", "--note"}, {}},
         RunReportNew},
        {"report list",
         "[--json]",
         N_("show every report in your outbox, waiting or sent"),
         "",
         {{"--json"}, {}, {}},
         RunReportList},
        {"report delete",
         "N",
         N_("delete report N (its number in `report list`) from your outbox"),
         "",
         {{}, {}, {}},
         RunReportDelete},
        {"report send",
         "[--to DIR | --text] [--attempts N]",
         N_("send the waiting reports to the publisher"),
         N_("Without options, POSTs each waiting report to the inbox the publisher's signed release\n"
            "list names (sync once first); a report is marked sent when the inbox acknowledged it.\n"
            "What did not go is tried again by the window's sync whenever it reaches a mirror.\n"
            "  --to DIR      write the waiting reports as files into DIR (a USB stick for the publisher)\n"
            "  --text        print them as text lines (FKR1:...) to send by e-mail or message\n"
            "  --attempts N  rounds over the inboxes, waiting 1, 2, 4 ... seconds between (default 3)\n"),
         {{"--text"}, {"--to", "--attempts"}, {}},
         RunReportSend},
        {"inbox",
         "DIR [--json]",
         N_("the publisher's side: check and count field reports in DIR"),
         N_("Reads report files (from `fieldkit serve --inbox`, a USB stick, or text with FKR1: lines)\n"
            "in DIR and DIR/reports, verifies each signature, drops duplicates and lists them by article\n"
            "with counts per kind. An article none of your installed packs has is marked as such.\n"),
         {{"--json"}, {}, {}},
         RunInbox},
    };
}

}  // namespace fk::cli
