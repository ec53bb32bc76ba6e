// `fieldkit serve`: a second kit syncs from a first; only the kit's mirror files are served.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <regex>
#include <thread>

#include "tests/support/process.hpp"
#include "tests/support/child.hpp"
#include "tests/sync/support/nginx.hpp"
#include "tests/sync/support/releases.hpp"

using fk::test::Fieldkit;
using fk::test::Releases;

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
    CHECK(r.out.find("via 1 delta(s)") != std::string::npos);
    CHECK(Releases::InstalledVersion(student) == 2);

    REQUIRE(fk::test::HaveProgram("curl"));
    for (std::string path : {"/", "/../library.json", "/%2e%2e/library.json", "/library.json", "/packs/",
                             "/sync/state.json", "/..%2flibrary.json", "/.%2e/lock", "//etc/passwd", "/lock"}) {
        auto c = fk::test::Run({"curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--path-as-is", url + path});
        INFO(path);
        CHECK(c.out == "404");
    }
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
    auto connect_idle = [&]() {
        int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = htons(static_cast<uint16_t>(port));
        REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
        return fd;
    };
    // Two idle connections take both slots (the server waits for their request lines) ...
    int a = connect_idle(), b = connect_idle();
    // (The server accepts in arrival order, so both are counted before the third arrives.)
    // ... so a third is turned away at once with 503 instead of piling up threads.
    auto busy = fk::test::Run({"curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "10",
                               "http://127.0.0.1:" + std::to_string(port) + "/release.json"});
    CHECK(busy.out == "503");
    close(a);
    close(b);
}
