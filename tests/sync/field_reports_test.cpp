// Field reports end to end with the real binary: a reader's kit sends them to the publisher's
// `fieldkit serve --inbox` (advertised in the signed release list served by nginx), by USB
// stick and as text; replays, bad bodies, a vanished article, and kill -9 while sending.
#include <doctest/doctest.h>
#include <signal.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <regex>
#include <thread>

#include "tests/support/child.hpp"
#include "tests/support/process.hpp"
#include "tests/sync/support/nginx.hpp"
#include "tests/sync/support/relay.hpp"
#include "tests/sync/support/releases.hpp"

using fk::test::Fieldkit;
using fk::test::Releases;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr const char* kArticle = "test-pack/after-action-reviews";

// The publisher: its own kit running `serve --inbox`, a mirror (nginx) whose signed release
// list names that inbox, and a reader's kit that synced once from it.
struct Setup {
    Releases rel{1};
    std::string inbox_dir = rel.Dir() + "/inbox";
    std::string publisher = rel.NewKit("publisher", 1);
    std::unique_ptr<fk::test::Child> serve;
    std::unique_ptr<fk::test::Nginx> nginx;
    std::unique_ptr<fk::test::Relay> relay;
    int port = -1;
    std::string reader;

    // `slow_ms`: the inbox is reached through a relay that holds each answer this long, after
    // the inbox has stored the report.
    explicit Setup(int slow_ms = 0) {
        serve = std::make_unique<fk::test::Child>(std::vector<std::string>{
            FK_BINARY, "--data-dir", publisher, "serve", "--bind", "127.0.0.1:0", "--inbox", inbox_dir});
        const std::string line = serve->ReadLine(10000);
        std::smatch m;
        REQUIRE(std::regex_search(line, m, std::regex("http://127\\.0\\.0\\.1:([0-9]+)/")));
        REQUIRE(serve->ReadLine(5000).find("/inbox") != std::string::npos);
        port = std::stoi(m[1].str());
        std::string inbox_url = InboxUrl();
        if (slow_ms) {
            fk::test::RelayMode mode;
            mode.answer_delay_ms = slow_ms;
            relay = std::make_unique<fk::test::Relay>(port, mode);
            inbox_url = relay->Url() + "/inbox";
        }
        const std::string mirror = rel.Dir() + "/mirror";
        auto p = Fieldkit(rel.Dir() + "/scratch",
                          {"bundle", "publish", "--mirror", mirror, rel.Bundle(1), "-s", rel.Sec(), "--inbox", inbox_url});
        INFO(p.err);
        REQUIRE(p.status == 0);
        nginx = std::make_unique<fk::test::Nginx>(mirror, rel.Dir() + "/nginx");
        REQUIRE(nginx->Running());
        reader = rel.NewKit("reader", 1);
        auto s = Fieldkit(reader, {"sync", "--mirror", nginx->Url()});
        INFO(s.err);
        REQUIRE(s.status == 0);
    }
    std::string InboxUrl() const { return "http://127.0.0.1:" + std::to_string(port) + "/inbox"; }
};

json InboxJson(const std::string& kit, const std::string& dir) {
    auto r = Fieldkit(kit, {"inbox", dir, "--json"});
    INFO(r.err);
    REQUIRE(r.status == 0);
    return json::parse(r.out);
}

int StoredFiles(const std::string& dir) {
    int n = 0;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) n += e.path().extension() == ".fkr" ? 1 : 0;
    return n;
}

fk::test::ProcessResult Post(const std::string& url, const std::string& body_file) {
    return fk::test::Run({"curl", "-s", "-w", "\n%{http_code}", "--max-time", "10", "-H", "Content-Type: application/json",
                          "--data-binary", "@" + body_file, url});
}

std::string Status(const fk::test::ProcessResult& r) { return r.out.substr(r.out.rfind('\n') + 1); }

}  // namespace

TEST_CASE("reports reach the publisher by POST, USB stick and text, each counted once") {
    Setup s;
    auto none = Fieldkit(s.reader, {"report", "send"});
    CHECK(none.out == "no report is waiting\n");
    REQUIRE(Fieldkit(s.reader, {"report", "new", kArticle, "--kind", "outdated", "--note", "the form moved"}).status == 0);
    REQUIRE(Fieldkit(s.reader, {"report", "new", "--practice", "--note", "we hand out printed checklists"}).status == 0);
    auto list = Fieldkit(s.reader, {"report", "list"});
    CHECK(list.out.find("2 waiting") != std::string::npos);
    CHECK(StoredFiles(s.inbox_dir) == 0);  // nothing left before the reader asked

    auto sent = Fieldkit(s.reader, {"report", "send"});
    INFO(sent.out, sent.err);
    CHECK(sent.status == 0);
    CHECK(sent.out.find("sent 2 reports; 0 waiting") != std::string::npos);
    CHECK(StoredFiles(s.inbox_dir) == 2);
    auto listed = json::parse(Fieldkit(s.reader, {"report", "list", "--json"}).out);
    REQUIRE(listed.size() == 2);
    CHECK(listed[0]["sent"] == true);
    CHECK(listed[0]["sent_via"] == s.InboxUrl());

    // A replayed report is acknowledged but stored once.
    std::string one;
    for (const auto& e : fs::directory_iterator(s.inbox_dir)) one = e.path().string();
    auto replay = Post(s.InboxUrl(), one);
    CHECK(Status(replay) == "200");
    CHECK(StoredFiles(s.inbox_dir) == 2);

    // The stick: `export` puts the waiting report beside the packs.
    REQUIRE(Fieldkit(s.reader, {"report", "new", kArticle, "--kind", "wrong", "--note", "port 53 not 35"}).status == 0);
    const std::string stick = s.rel.Dir() + "/stick";
    auto e = Fieldkit(s.reader, {"export", stick});
    INFO(e.out, e.err);
    REQUIRE(e.status == 0);
    CHECK(e.out.find("wrote 1 waiting field report to") != std::string::npos);
    // Text: one FKR1: line per report, pasted into a mail and quoted.
    REQUIRE(Fieldkit(s.reader, {"report", "new", kArticle, "--kind", "worked"}).status == 0);
    auto text = Fieldkit(s.reader, {"report", "send", "--text"});
    REQUIRE(text.status == 0);
    CHECK(text.out.starts_with("FKR1:"));
    const std::string pasted_dir = s.rel.Dir() + "/pasted";
    fs::create_directories(pasted_dir);
    std::string quoted = "Subject: reports from the valley\n\n";
    for (size_t at = 0, eol; (eol = text.out.find('\n', at)) != std::string::npos; at = eol + 1)
        quoted += "> " + text.out.substr(at, eol - at) + "\n";
    std::ofstream(pasted_dir + "/mail.txt") << quoted;
    // All of it in one place, as a publisher would gather it.
    for (const auto& f : fs::directory_iterator(stick + "/reports")) fs::copy(f.path(), s.inbox_dir + "/stick-" + f.path().filename().string());
    fs::copy(pasted_dir + "/mail.txt", s.inbox_dir + "/mail.txt");
    auto j = InboxJson(s.publisher, s.inbox_dir);
    INFO(j.dump());
    CHECK(j["reports"] == 4);
    CHECK(j["duplicates"] == 1);  // the stick's report is in the mail too
    CHECK(j["refused"].empty());
    REQUIRE(j["articles"].size() == 2);
    CHECK(j["articles"][0]["article"] == "");
    CHECK(j["articles"][1]["article"] == kArticle);
    CHECK(j["articles"][1]["known"] == true);
    CHECK(j["articles"][1]["kinds"] == json{{"outdated", 1}, {"worked", 1}, {"wrong", 1}});
    auto human = Fieldkit(s.publisher, {"inbox", s.inbox_dir});
    CHECK(human.out.find("4 reports (kits: 1; duplicates dropped: 1; refused: 0)") != std::string::npos);
}

TEST_CASE("an oversized or malformed POST is refused with one line and the inbox keeps running") {
    Setup s;
    const std::string big = s.rel.Dir() + "/big.json", junk = s.rel.Dir() + "/junk.json";
    std::ofstream(big) << std::string(9000, 'x');
    std::ofstream(junk) << "{\"v\":1,\"id\":\"../../etc/passwd\"}";
    CHECK(Status(Post(s.InboxUrl(), big)) == "413");
    CHECK(Status(Post(s.InboxUrl(), junk)) == "400");
    auto get_only = fk::test::Run({"curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "PUT", "--data", "x", s.InboxUrl()});
    CHECK(get_only.out == "405");
    auto elsewhere = fk::test::Run({"curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--data", "x",
                                    "http://127.0.0.1:" + std::to_string(s.port) + "/release.json"});
    CHECK(elsewhere.out == "404");
    CHECK(StoredFiles(s.inbox_dir) == 0);
    REQUIRE(Fieldkit(s.reader, {"report", "new", kArticle, "--kind", "missing"}).status == 0);
    auto sent = Fieldkit(s.reader, {"report", "send"});
    INFO(sent.err);
    CHECK(sent.status == 0);
    CHECK(StoredFiles(s.inbox_dir) == 1);
}

TEST_CASE("a report about an article the publisher no longer has is listed as such") {
    Setup s;
    REQUIRE(Fieldkit(s.reader, {"report", "new", kArticle, "--kind", "wrong"}).status == 0);
    REQUIRE(Fieldkit(s.reader, {"report", "send"}).status == 0);
    // A publisher whose kit carries only the core pack: test-pack's article is gone there.
    const std::string later = s.rel.NewKit("later", 0);
    auto j = InboxJson(later, s.inbox_dir);
    REQUIRE(j["articles"].size() == 1);
    CHECK(j["articles"][0]["article"] == kArticle);
    CHECK(j["articles"][0]["known"] == false);
    auto human = Fieldkit(later, {"inbox", s.inbox_dir});
    CHECK(human.out.find(std::string(kArticle) + "  (no longer in your packs): wrong 1") != std::string::npos);
}

TEST_CASE("kill -9 of report send against a slow inbox loses no report and counts none twice") {
    Setup s(700);  // each answer comes back 0.7 s after the report was stored
    constexpr int kReports = 6;
    for (int i = 0; i < kReports; ++i)
        REQUIRE(Fieldkit(s.reader, {"report", "new", kArticle, "--kind", "wrong", "--note", "n" + std::to_string(i)})
                    .status == 0);
    std::mt19937 rng(12);
    int kills = 0;
    for (int round = 0; round < 8; ++round) {
        const pid_t pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            const int null = ::open("/dev/null", O_WRONLY);
            dup2(null, 1);
            dup2(null, 2);
            execl(FK_BINARY, FK_BINARY, "--data-dir", s.reader.c_str(), "report", "send", static_cast<char*>(nullptr));
            _exit(127);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(100, 1600)(rng)));
        kills += ::kill(pid, SIGKILL) == 0 ? 1 : 0;
        int status = 0;
        waitpid(pid, &status, 0);
    }
    CHECK(kills > 0);
    // Then one that runs to the end: everything that was not acknowledged goes again.
    auto last = Fieldkit(s.reader, {"report", "send"});
    INFO(last.out, last.err);
    CHECK(last.status == 0);
    auto listed = json::parse(Fieldkit(s.reader, {"report", "list", "--json"}).out);
    REQUIRE(listed.size() == kReports);
    for (const auto& r : listed) CHECK(r["sent"] == true);
    CHECK(StoredFiles(s.inbox_dir) == kReports);
    auto j = InboxJson(s.publisher, s.inbox_dir);
    CHECK(j["reports"] == kReports);
    CHECK(j["duplicates"] == 0);
    CHECK(j["articles"][0]["kinds"]["wrong"] == kReports);
    // The inbox's own account: each report stored once, and some sent again after a kill that
    // came between storing and the answer (acknowledged, not stored twice).
    int stored = 0, again = 0;
    for (std::string line; !(line = s.serve->ReadLine(500)).empty();) {
        stored += line.find("stored a field report") != std::string::npos ? 1 : 0;
        again += line.find("already had") != std::string::npos ? 1 : 0;
    }
    CHECK(stored == kReports);
    CHECK(again >= 1);
}
