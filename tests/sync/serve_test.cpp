// `fieldkit serve`: a second kit syncs from a first; only the kit's mirror files are served.
#include <doctest/doctest.h>

#include <regex>

#include "tests/support/process.hpp"
#include "tests/sync/support/child.hpp"
#include "tests/sync/support/nginx.hpp"
#include "tests/sync/support/releases.hpp"

using fk::test::Fieldkit;
using fk::test::Releases;

TEST_CASE("a second kit syncs from fieldkit serve; traversal and listing get 404") {
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
