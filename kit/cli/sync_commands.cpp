// Reader commands that move packs between machines: sync (mirrors over HTTP), export (a
// mirror directory on a USB stick), serve (this kit as a LAN mirror and web reader), feedback export.

#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "bundle/manifest.hpp"
#include "bundle/release_manifest.hpp"
#include "kit/cli/command.hpp"
#include "kit/cli/output.hpp"
#include "kit/cli/sync_watch.hpp"
#include "kit/core/mirror_export.hpp"
#include "kit/core/reader_data.hpp"
#include "kit/core/report_outbox.hpp"
#include "kit/core/room_server.hpp"
#include "kit/core/sync_check.hpp"
#include "kit/core/transfer_meter.hpp"
#include "kit/core/workshop_feedback.hpp"
#include "platform/files.hpp"
#include "platform/i18n.hpp"
#include "platform/stop_requests.hpp"
#include "platform/terminal.hpp"
#include "platform/utf8_path.hpp"

namespace fk::cli {
namespace {

using Clock = std::chrono::steady_clock;

// Draws one progress line on a terminal (bytes, rate, time left), plain lines otherwise.
class ProgressView {
public:
    explicit ProgressView(bool tty) : m_tty(tty) {}

    void Update(const core::SyncProgress& p) {
        if (p.phase != core::SyncPhase::kDownloading) return;
        const auto now = Clock::now();
        if (p.artifact != m_artifact) {
            EndLine();
            m_artifact = p.artifact;
            m_last_draw = {};
            m_next_pct = 25;
            if (!m_tty)
                std::cerr << (p.have > 0 ? Format(tr("downloading {file} ({size}) resuming at {have}"),
                                                  {{"file", p.artifact.substr(0, 16)},
                                                   {"size", HumanBytes(p.total)},
                                                   {"have", HumanBytes(p.have)}})
                                         : Format(tr("downloading {file} ({size})"),
                                                  {{"file", p.artifact.substr(0, 16)}, {"size", HumanBytes(p.total)}}))
                          << "\n";
        }
        const core::TransferFigures f = m_meter.Update(p.artifact, p.have, p.total, now);  // as the window
        const double rate = f.rate;
        if (m_tty) {
            if (now - m_last_draw < std::chrono::milliseconds(100) && p.have != p.total) return;
            m_last_draw = now;
            const int width = 24;
            const int filled = p.total ? static_cast<int>(width * p.have / p.total) : 0;
            std::string bar(static_cast<size_t>(filled), '#');
            bar.resize(width, '.');
            const std::string left = core::FormatTimeLeft(f.seconds_left);
            // TRANSLATORS: a progress line: bytes so far of all, bytes a second, and e.g. "2 min" left.
            const std::string figures = Format(tr("{have} / {total}  {rate}/s  {left} left"),
                                               {{"have", HumanBytes(p.have)},
                                                {"total", HumanBytes(p.total)},
                                                {"rate", HumanBytes(static_cast<std::uint64_t>(rate))},
                                                {"left", left}});
            std::fprintf(stderr, "\r[%s] %s \x1b[K", bar.c_str(), figures.c_str());
            m_open_line = true;
        } else if (p.total && p.have * 100 >= m_next_pct * p.total) {
            std::cerr << "  "
                      // xgettext:no-c-format
                      << Format(tr("{percent}% {have} of {total}, {rate}/s"),
                                {{"percent", std::to_string(p.have * 100 / p.total)},
                                 {"have", HumanBytes(p.have)},
                                 {"total", HumanBytes(p.total)},
                                 {"rate", HumanBytes(static_cast<std::uint64_t>(rate))}})
                      << "\n";
            while (p.have * 100 >= m_next_pct * p.total && m_next_pct <= 100) m_next_pct += 25;
        }
    }
    void Note(const std::string& line) {
        EndLine();
        std::cerr << line << "\n";
    }
    void EndLine() {
        if (m_open_line) std::cerr << "\n";
        m_open_line = false;
    }

private:
    bool m_tty;
    bool m_open_line = false;
    std::string m_artifact;
    Clock::time_point m_last_draw;
    core::TransferMeter m_meter;
    std::uint64_t m_next_pct = 25;
};

// `sync --json`: one object, English, for scripts.
void PrintSyncJson(const core::SyncReport& r) {
    using nlohmann::json;
    json updated = json::array(), new_packs = json::array();
    for (const auto& u : r.updated)
        updated.push_back({{"pack", u.pack},
                           {"from", u.from_version},
                           {"to", u.to_version},
                           {"via_delta", u.via_delta},
                           {"steps", u.steps},
                           {"bytes", u.bytes},
                           {"new_pack", u.new_pack}});
    for (const auto& n : r.new_packs)
        new_packs.push_back({{"pack", n.offer.pack},
                             {"title", n.offer.title},
                             {"version", n.offer.version},
                             {"bytes", n.offer.bytes},
                             {"key_id", n.offer.key_id},
                             {"fingerprint", n.offer.fingerprint},
                             {"mirror", n.offer.mirror},
                             {"status", core::NewPackOutcomeName(n.outcome)},
                             {"error", n.error}});
    const json out = {{"mirror", r.mirror},
                      {"release_created", r.release_created},
                      {"release_expires", r.release_expires},
                      {"updated", updated},
                      {"new_packs", new_packs},
                      {"skipped", r.skipped},
                      {"bytes_received", r.bytes_received}};
    std::cout << out.dump(2) << "\n";
}

std::optional<long> PositiveNumber(const Args& a, const std::string& name) {
    auto v = a.Option(name);
    if (!v) return std::nullopt;
    try {
        long n = std::stol(*v);
        if (n > 0) return n;
    } catch (...) {
    }
    return -1;
}

int RunSync(Context& ctx, const Args& a) {
    core::SyncOptions o;
    o.mirrors = a.All("--mirror");
    for (const auto& m : o.mirrors)
        if (!platform::IsHttpUrl(m))
            return Usage(Format(tr("mirror '{url}': only http:// and https:// URLs"), {{"url", m}}));
    for (const char* opt : {"--stall-seconds", "--connect-timeout", "--attempts"}) {
        auto n = PositiveNumber(a, opt);
        if (n && *n < 0) return Fail(Format(tr("{option} must be a positive whole number"), {{"option", opt}}));
    }
    if (auto n = PositiveNumber(a, "--stall-seconds")) o.limits.low_speed_s = *n;
    if (auto n = PositiveNumber(a, "--connect-timeout")) o.limits.connect_timeout_s = *n;
    if (auto n = PositiveNumber(a, "--attempts")) o.attempts_per_artifact = static_cast<int>(*n);
    if (auto m = a.Option("--metered")) {
        if (*m == "deltas") {
            o.metered = core::Metered::kDeltasOnly;
        } else {
            try {
                o.ask_above_bytes = std::stoull(*m);
                o.metered = core::Metered::kAskAbove;
            } catch (...) {
                return Usage(tr("--metered takes 'deltas' or a size in bytes"));
            }
        }
    }
    const bool yes = a.Flag("--yes");
    if (a.Flag("--watch")) return RunSyncWatch(ctx, std::move(o), a.Option("--metered").has_value(), yes);
    const bool json_out = a.Flag("--json");
    const bool ask_tty = platform::IsTerminal(platform::StdStream::kIn) && ctx.stderr_is_tty && !json_out;
    auto ask_line = [&](const std::string& question) {
        std::cerr << question;
        std::string answer;
        std::getline(std::cin, answer);
        return answer == "y" || answer == "Y" || answer == "yes";
    };
    o.ask = [&](const std::string& pack, std::uint64_t bytes) {
        if (yes) return true;
        if (!ask_tty) return false;
        // TRANSLATORS: the answer is read as y or yes whatever the language: keep [y/N].
        return ask_line(Format(tr("pack {pack} needs {size} over a metered link. Download? [y/N] "),
                               {{"pack", pack}, {"size", HumanBytes(bytes)}}));
    };
    // A pack the kit lacks is installed on --yes, asked about on a terminal, else only listed.
    o.new_packs.yes = yes;
    o.new_packs.can_ask = ask_tty;
    o.ask_new_pack = [&](const core::NewPackOffer& offer) { return ask_line(NewPackQuestion(offer)); };
    ProgressView view(ctx.stderr_is_tty);
    o.on_progress = [&](const core::SyncProgress& p) { view.Update(p); };
    o.on_note = [&](const std::string& line) { view.Note(line); };
    auto r = core::SyncOnce(ctx.data_dir, ctx.built_in, o);
    view.EndLine();
    if (!r) return Fail("sync: " + r.error().detail + " [" + ErrorCodeName(r.error().code) + "]");
    if (json_out) {
        PrintSyncJson(*r);
        return 0;
    }
    std::cout << Format(tr("checked {mirror}: release made {time}"),
                        {{"mirror", r->mirror}, {"time", bundle::IsoTime(r->release_created)}})
              << "\n";
    for (const auto& u : r->updated) {
        if (!u.new_pack)
            std::cout << UpdatedLine(u.pack, u.from_version, u.to_version, u.via_delta,
                                     static_cast<std::uint64_t>(u.steps), u.bytes)
                      << "\n";
        std::cerr << SharedIdsWarning(u.pack, u.shared_ids);
    }
    for (const auto& n : r->new_packs) std::cout << NewPackLine(n) << "\n";
    for (const auto& s : r->skipped) std::cout << Format(tr("skipped {pack}"), {{"pack", s}}) << "\n";
    if (r->updated.empty() && r->skipped.empty() && r->new_packs.empty())
        std::cout << tr("everything is up to date") << "\n";
    std::cout << Format(tr("bytes received: {n}"), {{"n", std::to_string(r->bytes_received)}}) << "\n";
    return 0;
}

int RunExport(Context& ctx, const Args& a) {
    if (a.Positional().size() != 1) return Usage(tr("export needs exactly one directory"));
    auto lib = OpenLibrary(ctx);
    if (!lib) return Fail(lib.error().detail);
    const std::filesystem::path out_dir = a.PathAt(0);
    auto r = core::ExportMirror(*lib, out_dir);
    if (!r) return Fail(r.error().detail);
    std::cout << Format(trn("exported {n} file ({size}) to {dir}", "exported {n} files ({size}) to {dir}",
                            static_cast<unsigned long>(r->files)),
                        {{"n", std::to_string(r->files)},
                         {"size", HumanBytes(r->bytes)},
                         {"dir", platform::Utf8FromPath(out_dir)}})
              << "\n";
    if (!r->has_release_manifest)
        std::cout << tr("no signed release list held yet (sync once first): other kits can `fieldkit import` the "
                        "bundles, but not `fieldkit sync` from this directory")
                  << "\n";
    if (!a.Flag("--no-reports")) {
        // The reader's waiting field reports travel with the stick, for the publisher's inbox.
        auto reader = core::ReaderData::Open(ctx.data_dir);
        if (!reader) return Fail(reader.error().detail);
        const auto dir = out_dir / "reports";
        auto n = core::WriteReportFiles(*reader, dir);
        if (!n) return Fail(n.error().detail);
        if (*n > 0)
            std::cout << Format(trn("wrote {n} waiting field report to {dir} (it stays in your outbox; "
                                    "--no-reports leaves it out)",
                                    "wrote {n} waiting field reports to {dir} (they stay in your outbox; "
                                    "--no-reports leaves them out)",
                                    static_cast<unsigned long>(*n)),
                                {{"n", std::to_string(*n)}, {"dir", platform::Utf8FromPath(dir)}})
                      << "\n";
    }
    return 0;
}

// The files of a mirror directory written by `bundle publish` (or `export`): only names a
// mirror uses (release.json, <hash>.fkb, <hash>.fkd, their .minisig), regular files, no subfolders.
Result<std::map<std::string, std::filesystem::path>> MirrorDirFiles(const std::filesystem::path& dir) {
    auto mirror_name = [](const std::string& name) {
        std::string base = name.ends_with(".minisig") ? name.substr(0, name.size() - 8) : name;
        if (base == bundle::kReleaseFile) return true;
        if (!(base.ends_with(".fkb") || base.ends_with(".fkd")) || base.size() != 64 + 4) return false;
        return base.find_first_not_of("0123456789abcdef") == 64;
    };
    std::map<std::string, std::filesystem::path> files;
    std::error_code ec;
    for (const auto& f : std::filesystem::directory_iterator(dir, ec)) {
        const std::string name = platform::Utf8FromPath(f.path().filename());
        if (f.is_regular_file() && !f.is_symlink() && mirror_name(name)) files[name] = f.path();
    }
    if (ec) return platform::ErrnoError(ec.value(), tr("mirror directory"), dir);
    if (!files.count(bundle::kReleaseFile))
        return MakeError(ErrorCode::kNotFound,
                         Format(tr("'{dir}' has no release.json: write it with `fieldkit bundle publish --mirror {dir} "
                                   "PACK.fkb -s KEY.sec`"),
                                {{"dir", platform::Utf8FromPath(dir)}}));
    return files;
}

int RunServe(Context& ctx, const Args& a) {
    core::RoomOptions options;
    options.bind = a.OptionOr("--bind", "127.0.0.1:8765");
    if (auto n = PositiveNumber(a, "--max-connections"); n && *n > 0)
        options.limits.max_connections = static_cast<int>(*n);
    if (auto n = PositiveNumber(a, "--max-per-address"); n && *n > 0)
        options.limits.max_per_address = static_cast<int>(*n);
    const auto inbox = a.PathOption("--inbox");
    if (inbox) options.inbox = *inbox;
    options.on_event = [](const std::string& line, bool problem) {
        if (problem)
            std::cerr << "fieldkit: " << line << std::endl;
        else
            std::cout << line << std::endl;
    };
    if (auto dir = a.PathOption("--dir")) {
        auto files = MirrorDirFiles(*dir);  // a trainer's published pack, as `bundle publish` wrote it
        if (!files) return Fail(files.error().detail);
        options.mirror_files = std::move(*files);
    }
    auto lib = OpenLibrary(ctx);
    if (!lib) return Fail(lib.error().detail);
    // Block the stop signals before any server thread exists, then wait for one here.
    platform::HoldStopRequests(/*hangup=*/false);
    auto room = core::RoomServer::Start(*lib, std::move(options));
    if (!room) return Fail(room.error().detail);
    if (auto module = a.Option("--feedback"))
        if (auto st = (*room)->OpenFeedback(*module); !st) return Fail(st.error().detail);
    const std::string url = "http://" + (*room)->Address() + "/";
    const auto count = static_cast<unsigned long>((*room)->FileCount());
    std::cout << ((*room)->HasReleaseList()
                      ? Format(trn("serving {n} file on {url}", "serving {n} files on {url}", count),
                               {{"n", std::to_string(count)}, {"url", url}})
                      : Format(trn("serving {n} file on {url} (no signed release list held: sync once first)",
                                   "serving {n} files on {url} (no signed release list held: sync once first)", count),
                               {{"n", std::to_string(count)}, {"url", url}}))
              << std::endl;
    if (inbox)
        std::cout << Format(tr("field reports: POST {url}, stored in {dir}"),
                            {{"url", url + "inbox"}, {"dir", platform::Utf8FromPath(*inbox)}})
                  << std::endl;
    // TRANSLATORS: {url} is the address a browser in the room opens.
    std::cout << Format(tr("web reader: {url} (open it in any browser)"), {{"url", url}}) << std::endl;
    if (const std::string module = (*room)->FeedbackModule(); !module.empty())
        std::cout << Format(tr("workshop feedback on {module}: {url} (fieldkit feedback export)"),
                            {{"module", module}, {"url", url + "feedback"}})
                  << std::endl;
    platform::WaitForStopRequest();
    (*room)->Stop();
    std::cout << tr("stopped") << std::endl;
    return 0;
}

int RunFeedbackExport(Context& ctx, const Args& a) {
    if (!a.Positional().empty()) return Usage(tr("feedback export takes no arguments (-o FILE.csv, --module ID)"));
    auto store = core::FeedbackStore::Open(ctx.data_dir);
    if (!store) return Fail(store.error().detail);
    auto entries = (*store)->List(a.OptionOr("--module", ""));
    if (!entries) return Fail(entries.error().detail);
    const std::string csv = core::FeedbackCsv(*entries);
    const auto out = a.PathOption("-o");
    if (!out) {
        std::cout << csv;
        return 0;
    }
    if (auto st = platform::WriteFileAtomic(*out, csv, "CSV file"); !st) return Fail(st.error().detail);
    std::cerr << Format(trn("wrote {n} answer to {file}", "wrote {n} answers to {file}", entries->size()),
                        {{"n", std::to_string(entries->size())}, {"file", platform::Utf8FromPath(*out)}})
              << "\n";
    return 0;
}

}  // namespace

std::vector<Command> SyncCommands() {
    return {
        {"sync",
         "[--mirror URL]... [--metered deltas|BYTES] [--yes] [--json] [--watch]",
         N_("check mirrors now (or keep watching), fetch and apply updates"),
         N_("Mirrors are tried in order (the signed release list may add more); without --mirror the\n"
            "mirrors of the last sync are used. Only signed releases newer than what is installed are\n"
            "applied, by the cheapest path (a chain of deltas or the full bundle); cut downloads resume.\n"
            "A pack this kit does not have yet, offered by a trusted publisher's own signed release list\n"
            "(after `fieldkit trust add KEY.pub`), is installed only if you say so: on a terminal sync\n"
            "asks once per new pack; otherwise it lists what is offered and installs nothing.\n"
            "  --yes                install new packs and large updates without asking\n"
            "  --json               print the outcome as one JSON object (updates, new packs offered\n"
            "                       or installed); asks nothing\n"
            "  --metered deltas     never download a full bundle (so no new pack)\n"
            "  --metered BYTES      ask before downloading more than BYTES (--yes: do not ask)\n"
            "  --stall-seconds N    give up on a transfer below 1 KiB/s for N seconds (default 20)\n"
            "  --connect-timeout N  seconds (default 20)\n"
            "  --attempts N         resumed attempts per file and mirror (default 6)\n"
            "  --watch              keep running, as the window does: check at start, again about 2 s\n"
            "                       after a network address or default route appears, and on a\n"
            "                       schedule (6 h; after failures a back-off from about a minute to an\n"
            "                       hour). One line per check on stdout. Uses the window's metered\n"
            "                       setting (read before every check) unless --metered is given; in\n"
            "                       its \"ask\" mode large updates wait for `fieldkit sync --yes`.\n"
            "                       New packs are only listed, never installed, unless --yes.\n"
            "                       Ctrl-C, SIGTERM or SIGHUP stop it (exit 0). One watcher per data\n"
            "                       directory: a second one says so and exits 1. As a service, off\n"
            "                       until enabled: systemctl --user enable --now fieldkit-sync\n"),
         {{"--yes", "--json", "--watch"},
          {"--mirror", "--metered", "--stall-seconds", "--connect-timeout", "--attempts"},
          {}},
         RunSync},
        {"export",
         "DIR [--no-reports]",
         N_("write the installed packs as a mirror directory (a USB stick)"),
         N_("Writes the signed release list this kit last verified, the installed bundles (named by\n"
            "hash, and as PACK-VERSION.fkb for `fieldkit import`) and the deltas it holds. Another kit\n"
            "can `fieldkit import` a bundle, or serve the directory with any web server.\n"
            "Your waiting field reports (fieldkit report list) go into DIR/reports, for the publisher's\n"
            "`fieldkit inbox`, unless you pass --no-reports.\n"),
         {{"--no-reports"}, {}, {}},
         RunExport},
        {"serve",
         "[--bind ADDR:PORT] [--dir MIRROR] [--max-connections N] [--max-per-address N] [--inbox DIR] [--feedback ID]",
         N_("share this kit with the room: a LAN mirror and a read-only web reader"),
         N_("Serves the files `fieldkit export` would write (no directory listing, no paths), and on\n"
            "the same port a read-only web reader of the installed library for any browser: home by\n"
            "phase and audience, search, articles, printable checklists, ?lang=fr|es|uk|ar|en. No\n"
            "JavaScript. Binds to 127.0.0.1:8765 unless told otherwise (--bind 0.0.0.0:8765 for the\n"
            "room). Other kits run `fieldkit sync --mirror http://HOST:PORT`. Stops on Ctrl-C.\n"
            "  --dir MIRROR         serve a mirror directory written by `fieldkit bundle publish` (a\n"
            "                       trainer's own pack) instead of this kit's packs\n"
            "  --max-connections N  open connections in all (default 16)\n"
            "  --max-per-address N  open connections from one address (default 4)\n"
            "  --inbox DIR          also take field reports: POST /inbox (8 KiB at most, 20 a minute\n"
            "                       per address), each verified and stored in DIR for `fieldkit inbox DIR`\n"
            "  --feedback ID        open the feedback form of workshop module ID at /feedback while\n"
            "                       serving: a 1-5 rating, what worked, what to change (5 answers a\n"
            "                       minute per address); kept in feedback.sqlite with the day only, no\n"
            "                       address or browser. `fieldkit feedback export` writes them as CSV.\n"
            "A request head must arrive within 10 seconds.\n"),
         {{}, {"--bind", "--dir", "--max-connections", "--max-per-address", "--inbox", "--feedback"}, {}},
         RunServe},
        {"feedback export",
         "[-o FILE.csv] [--module ID]",
         N_("write the workshop feedback answers as CSV"),
         N_("One row per answer: module, day, rating, worked, change (RFC 4180, UTF-8). A cell that\n"
            "begins with = + - or @ gets a leading apostrophe, so a spreadsheet never runs it.\n"
            "Without -o the CSV goes to standard output.\n"),
         {{}, {"-o", "--module"}, {{"--output", "-o"}}},
         RunFeedbackExport},
    };
}

}  // namespace fk::cli
