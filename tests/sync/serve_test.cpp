// `fieldkit serve`: a second kit syncs from a first; only the kit's mirror files are served.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <poll.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <regex>
#include <thread>

#include "tests/support/process.hpp"
#include "tests/support/child.hpp"
#include "tests/sync/support/nginx.hpp"
#include "tests/sync/support/releases.hpp"

using fk::test::Fieldkit;
using fk::test::Releases;

namespace {

// Connects to the server on 127.0.0.1 from the loopback source address `source` (another
// 127.x address stands for another client on the LAN; the traffic never leaves loopback).
int ConnectFrom(const char* source, int port) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in s{};
    s.sin_family = AF_INET;
    inet_pton(AF_INET, source, &s.sin_addr);
    REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&s), sizeof s) == 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(static_cast<uint16_t>(port));
    REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    return fd;
}

}  // namespace

TEST_CASE("a second kit syncs from fieldkit serve, and traversal or listing gets 404") {
    Releases rel(2);
    const std::string mirror = rel.Dir() + "/mirror";
    REQUIRE(rel.Publish(mirror, {1, 2}) == "");
    fk::test::Nginx nginx(mirror, rel.Dir() + "/nginx");
    REQUIRE(nginx.Running());
    const std::string trainer = rel.NewKit("trainer", 1);
    REQUIRE(Fieldkit(trainer, {"sync", "--mirror", nginx.Url()}).status == 0);

    fk::test::Child serve({FK_BINARY, "--data-dir", trainer, "serve", "--bind", "127.0.0.1:0"});
    const std::string line = serve.ReadLine(10000);
    std::smatch m;
    REQUIRE(std::regex_search(line, m, std::regex("http://127\\.0\\.0\\.1:([0-9]+)/")));
    const std::string url = "http://127.0.0.1:" + m[1].str();

    const std::string student = rel.NewKit("student", 1);
    auto r = Fieldkit(student, {"sync", "--mirror", url});
    INFO(r.out, r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("via 1 delta,") != std::string::npos);
    CHECK(Releases::InstalledVersion(student) == 2);
    // Checked again with nothing new: the release list answers "not modified", no body.
    auto again = Fieldkit(student, {"sync", "--mirror", url});
    INFO(again.out, again.err);
    CHECK(again.status == 0);
    CHECK(again.out.find("everything is up to date") != std::string::npos);
    CHECK(again.out.find("bytes received: 0\n") != std::string::npos);

    REQUIRE(fk::test::HaveProgram("curl"));
    for (std::string path : {"/../library.json", "/%2e%2e/library.json", "/library.json", "/packs/", "/sync/state.json",
                             "/..%2flibrary.json", "/.%2e/lock", "//etc/passwd", "/lock"}) {
        auto c = fk::test::Run({"curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--path-as-is", url + path});
        INFO(path);
        CHECK(c.out == "404");
    }
    // "/" is the web reader's home page, not a listing of the files.
    auto home = fk::test::Run({"curl", "-s", url + "/"});
    CHECK(home.out.find("<!doctype html>") == 0);
    CHECK(home.out.find(".fkb") == std::string::npos);
    auto ok = fk::test::Run({"curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", url + "/release.json"});
    CHECK(ok.out == "200");
    auto ranged = fk::test::Run({"curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-r", "10-", url + "/release.json"});
    CHECK(ranged.out == "206");
}

TEST_CASE("export writes a mirror directory another kit can sync from") {
    Releases rel(2);
    const std::string mirror = rel.Dir() + "/mirror";
    REQUIRE(rel.Publish(mirror, {1, 2}) == "");
    fk::test::Nginx nginx(mirror, rel.Dir() + "/nginx");
    REQUIRE(nginx.Running());
    const std::string a = rel.NewKit("a", 1);
    REQUIRE(Fieldkit(a, {"sync", "--mirror", nginx.Url()}).status == 0);
    const std::string stick = rel.Dir() + "/usb";
    auto e = Fieldkit(a, {"export", stick});
    INFO(e.err);
    REQUIRE(e.status == 0);
    fk::test::Nginx usb(stick, rel.Dir() + "/nginx-usb");
    REQUIRE(usb.Running());
    const std::string b = rel.NewKit("b", 1);
    auto r = Fieldkit(b, {"sync", "--mirror", usb.Url()});
    INFO(r.out, r.err);
    CHECK(r.status == 0);
    CHECK(Releases::InstalledVersion(b) == 2);
    // And the plain copy imports from the stick without any server.
    const std::string c = rel.NewKit("c", 0);
    CHECK(Fieldkit(c, {"import", stick + "/test-pack-2.fkb"}).status == 0);
}

TEST_CASE("fieldkit serve bounds its connections and binds to loopback by default") {
    Releases rel(1);
    const std::string kit = rel.NewKit("a", 1);
    auto help = Fieldkit(kit, {"serve", "--help"});
    CHECK(help.out.find("127.0.0.1:8765") != std::string::npos);
    fk::test::Child serve({FK_BINARY, "--data-dir", kit, "serve", "--bind", "127.0.0.1:0", "--max-connections", "2"});
    const std::string line = serve.ReadLine(10000);
    std::smatch m;
    REQUIRE(std::regex_search(line, m, std::regex("http://127\\.0\\.0\\.1:([0-9]+)/")));
    const int port = std::stoi(m[1].str());
    // Two idle connections take both slots (the server waits for their request lines) ...
    int a = ConnectFrom("127.0.0.1", port), b = ConnectFrom("127.0.0.1", port);
    // (The server accepts in arrival order, so both are counted before the third arrives.)
    // ... so a third is turned away at once with 503 instead of piling up threads.
    auto busy = fk::test::Run({"curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "10",
                               "http://127.0.0.1:" + std::to_string(port) + "/release.json"});
    CHECK(busy.out == "503");
    close(a);
    close(b);
}

namespace {

// A kit that synced once (so it holds a signed release list) serving on 127.0.0.1.
struct ServedKit {
    Releases rel{2};
    std::unique_ptr<fk::test::Nginx> nginx;
    std::unique_ptr<fk::test::Child> serve;
    int port = -1;

    explicit ServedKit(std::vector<std::string> extra = {}) {
        const std::string mirror = rel.Dir() + "/mirror";
        REQUIRE(rel.Publish(mirror, {1, 2}) == "");
        nginx = std::make_unique<fk::test::Nginx>(mirror, rel.Dir() + "/nginx");
        REQUIRE(nginx->Running());
        const std::string kit = rel.NewKit("trainer", 1);
        REQUIRE(Fieldkit(kit, {"sync", "--mirror", nginx->Url()}).status == 0);
        std::vector<std::string> argv{FK_BINARY, "--data-dir", kit, "serve", "--bind", "127.0.0.1:0"};
        argv.insert(argv.end(), extra.begin(), extra.end());
        serve = std::make_unique<fk::test::Child>(argv);
        const std::string line = serve->ReadLine(10000);
        std::smatch m;
        REQUIRE(std::regex_search(line, m, std::regex("http://127\\.0\\.0\\.1:([0-9]+)/")));
        port = std::stoi(m[1].str());
    }
    std::string Url() const { return "http://127.0.0.1:" + std::to_string(port); }
};

}  // namespace

TEST_CASE("slow clients dribbling a request head cannot lock out another client") {
    ServedKit kit;
    // Sixteen clients from one address start a request head and never finish it.
    std::vector<int> slow;
    for (int i = 0; i < 16; ++i) {
        slow.push_back(ConnectFrom("127.0.0.2", kit.port));
        const std::string start = "GET /release.json HTTP/1.1\r\nX-Slow: ";
        send(slow.back(), start.data(), start.size(), MSG_NOSIGNAL);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    // Another client is still served: one address holds at most 4 slots (the default).
    auto ok = fk::test::Run({"curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "10",
                             kit.Url() + "/release.json"});
    CHECK(ok.out == "200");

    // Each slow client gets an answer: 429 at once beyond the cap, 408 once its head is
    // overdue, however steadily it dribbles (a byte a second; the per-read timeout is 30 s).
    std::vector<std::string> answer(slow.size());
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(25);
    size_t answered = 0;
    while (answered < slow.size() && std::chrono::steady_clock::now() < give_up) {
        for (size_t i = 0; i < slow.size(); ++i) {
            if (!answer[i].empty()) continue;
            pollfd p{slow[i], POLLIN, 0};
            if (poll(&p, 1, 0) == 1) {
                char buf[256];
                const ssize_t n = recv(slow[i], buf, sizeof buf, 0);
                answer[i] = n > 0 ? std::string(buf, static_cast<size_t>(n)).substr(0, 12) : "closed";
                ++answered;
            } else {
                send(slow[i], "a", 1, MSG_NOSIGNAL);
            }
        }
        std::this_thread::sleep_for(std::chrono::seconds(1));
    }
    int timed_out = 0, refused = 0;
    for (const auto& a : answer) {
        timed_out += a == "HTTP/1.1 408";
        refused += a == "HTTP/1.1 429";
    }
    CHECK(timed_out == 4);
    CHECK(refused == 12);
    for (int fd : slow) close(fd);
}

TEST_CASE("fieldkit serve answers 416 to invalid or unsatisfiable ranges") {
    ServedKit kit;
    auto size = fk::test::Run({"curl", "-s", "-o", "/dev/null", "-w", "%{size_download}", kit.Url() + "/release.json"});
    REQUIRE(!size.out.empty());
    for (std::string range : {"bytes=10-5", "bytes=999999999-", "bytes=18446744073709551616-", "bytes=0-1,4-5",
                              "bytes=x-", "bytes=-0", "lines=1-2"}) {
        auto r = fk::test::Run({"curl", "-s", "-D", "-", "-o", "/dev/null", "-H", "Range: " + range,
                                kit.Url() + "/release.json"});
        INFO(range, r.out);
        CHECK(r.out.rfind("HTTP/1.1 416", 0) == 0);
        CHECK(r.out.find("Content-Range: bytes */" + size.out + "\r\n") != std::string::npos);
    }
    auto good = fk::test::Run({"curl", "-s", "-D", "-", "-o", "/dev/null", "-H", "Range: bytes=-5",
                               kit.Url() + "/release.json"});
    CHECK(good.out.rfind("HTTP/1.1 206", 0) == 0);
    CHECK(good.out.find("Content-Length: 5\r\n") != std::string::npos);
}
