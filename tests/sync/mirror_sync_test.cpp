// Publish with the real binary, serve with Debian's nginx on 127.0.0.1, sync with the real
// binary: delta, delta chain, full download, resume across cuts, a slow link, minisign -V.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "bundle/release_manifest.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/sync/support/nginx.hpp"
#include "tests/sync/support/publishers.hpp"
#include "tests/sync/support/relay.hpp"
#include "tests/sync/support/releases.hpp"

namespace fs = std::filesystem;
using fk::test::Fieldkit;
using fk::test::Nginx;
using fk::test::Relay;
using fk::test::RelayMode;
using fk::test::Releases;

namespace {

std::uint64_t BytesReceived(const std::string& out) {
    const auto at = out.find("bytes received: ");
    REQUIRE(at != std::string::npos);
    return std::stoull(out.substr(at + 16));
}

std::uint64_t FullSize(const std::string& mirror) {
    std::ifstream in(mirror + "/release.json");
    auto j = nlohmann::json::parse(in);
    return j["packs"]["test-pack"]["releases"].back()["file"]["size"].get<std::uint64_t>();
}

std::uint64_t ManifestBytes(const std::string& mirror) {
    return fs::file_size(mirror + "/release.json") + fs::file_size(mirror + "/release.json.minisig");
}

}  // namespace

TEST_CASE("v1 -> v2 by one delta from nginx, then nothing to do") {
    Releases rel(2);
    const std::string mirror = rel.Dir() + "/mirror";
    REQUIRE(rel.Publish(mirror, {1, 2}) == "");
    Nginx nginx(mirror, rel.Dir() + "/nginx");
    REQUIRE(nginx.Running());
    const std::string kit = rel.NewKit("a", 1);
    auto r = Fieldkit(kit, {"sync", "--mirror", nginx.Url()});
    INFO(r.out, r.err, nginx.Log());
    REQUIRE(r.status == 0);
    CHECK(r.out.find("updated test-pack 1 -> 2 via 1 delta,") != std::string::npos);
    CHECK(Releases::InstalledVersion(kit) == 2);
    CHECK(BytesReceived(r.out) < FullSize(mirror) / 20);  // a delta, not the bundle
    auto again = Fieldkit(kit, {"sync"});  // remembers the mirror
    CHECK(again.status == 0);
    CHECK(again.out.find("everything is up to date") != std::string::npos);
    // The installed pack is the publisher's bundle byte for byte, and searchable.
    CHECK(Fieldkit(kit, {"search", "fallback"}).status == 0);
}

// Access log lines (see Nginx::AccessLog) after the first `skip`.
std::vector<std::string> LogLines(const Nginx& nginx, size_t skip) {
    std::istringstream in(nginx.AccessLog());
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return {lines.begin() + static_cast<std::ptrdiff_t>(std::min(skip, lines.size())), lines.end()};
}

TEST_CASE("a check that finds nothing new costs headers only, and a new release still arrives") {
    Releases rel(3);
    const std::string mirror = rel.Dir() + "/mirror";
    REQUIRE(rel.Publish(mirror, {1, 2}) == "");
    Nginx nginx(mirror, rel.Dir() + "/nginx");
    REQUIRE(nginx.Running());
    const std::string kit = rel.NewKit("a", 1);
    REQUIRE(Fieldkit(kit, {"sync", "--mirror", nginx.Url()}).status == 0);
    REQUIRE(Releases::InstalledVersion(kit) == 2);

    // Nothing new: release.json answers 304 to its ETag, and nothing else is asked.
    size_t seen = LogLines(nginx, 0).size();
    auto again = Fieldkit(kit, {"sync"});
    INFO(again.out, again.err, nginx.AccessLog());
    CHECK(again.status == 0);
    CHECK(again.out.find("everything is up to date") != std::string::npos);
    auto lines = LogLines(nginx, seen);
    REQUIRE(lines.size() == 1);
    std::istringstream line(lines[0]);
    std::string uri;
    int status = 0;
    std::uint64_t sent = 0, asked = 0;
    line >> uri >> status >> sent >> asked;
    CHECK(uri == "/release.json");
    CHECK(status == 304);
    CHECK(sent + asked < 500);  // both directions, headers included
    MESSAGE("a check that finds nothing new: " << sent << " bytes from the mirror, " << asked << " to it");

    // The copy the kit holds went bad: it asks for the list itself and is still up to date.
    fs::path cached;
    for (const auto& e : fs::recursive_directory_iterator(kit + "/sync/mirrors"))
        if (e.path().filename() == "release.json") cached = e.path();
    REQUIRE(!cached.empty());
    std::string text = fk::test::Slurp(cached);
    text[text.size() / 2] ^= 1;
    fk::test::Spit(cached, text);
    seen = LogLines(nginx, 0).size();
    auto repaired = Fieldkit(kit, {"sync"});
    INFO(repaired.out, repaired.err);
    CHECK(repaired.status == 0);
    CHECK(repaired.out.find("everything is up to date") != std::string::npos);
    CHECK(LogLines(nginx, seen).size() == 3);  // 304, then release.json and its signature

    // A new release changes the ETag: it is fetched and installed.
    REQUIRE(rel.Publish(mirror, {3}) == "");
    auto newer = Fieldkit(kit, {"sync"});
    INFO(newer.out, newer.err);
    CHECK(newer.status == 0);
    CHECK(Releases::InstalledVersion(kit) == 3);
}

TEST_CASE("the release list stays small: the newest edition and deltas into it from the last few") {
    Releases rel(4);
    const std::string mirror = rel.Dir() + "/mirror";
    REQUIRE(rel.Publish(mirror, {1, 2, 3, 4}, 2) == "");
    auto list = fk::bundle::ReleaseManifestFromJson(fk::test::Slurp(mirror + "/release.json"));
    REQUIRE(list);
    const auto& pack = list->packs.at("test-pack");
    REQUIRE(pack.releases.size() == 1);
    CHECK(pack.releases.front().version == 4);
    std::set<std::uint64_t> bases;
    for (const auto& d : pack.deltas) {
        CHECK(d.result_version == 4);
        bases.insert(d.base_version);
    }
    CHECK(bases == std::set<std::uint64_t>{2, 3});
    Nginx nginx(mirror, rel.Dir() + "/nginx");
    REQUIRE(nginx.Running());
    const std::string near = rel.NewKit("near", 2), far = rel.NewKit("far", 1);
    auto r = Fieldkit(near, {"sync", "--mirror", nginx.Url()});
    INFO(r.out, r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("updated test-pack 2 -> 4 via 1 delta,") != std::string::npos);
    auto f = Fieldkit(far, {"sync", "--mirror", nginx.Url()});
    INFO(f.out, f.err);
    REQUIRE(f.status == 0);
    CHECK(f.out.find("updated test-pack 1 -> 4 via full bundle") != std::string::npos);
    CHECK(Releases::InstalledVersion(far) == 4);
}

TEST_CASE("a full download when no delta chain reaches the installed version") {
    Releases rel(3);
    const std::string mirror = rel.Dir() + "/mirror";
    REQUIRE(rel.Publish(mirror, {2, 3}) == "");  // v1 never published: no delta from it
    Nginx nginx(mirror, rel.Dir() + "/nginx");
    REQUIRE(nginx.Running());
    const std::string kit = rel.NewKit("a", 1);
    auto r = Fieldkit(kit, {"sync", "--mirror", nginx.Url()});
    INFO(r.out, r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("updated test-pack 1 -> 3 via full bundle") != std::string::npos);
    CHECK(Releases::InstalledVersion(kit) == 3);

    SUBCASE("metered deltas-only mode leaves the pack as it is") {
        const std::string kit2 = rel.NewKit("b", 1);
        auto m = Fieldkit(kit2, {"sync", "--mirror", nginx.Url(), "--metered", "deltas"});
        CHECK(m.status == 0);
        CHECK(m.out.find("skipped test-pack") != std::string::npos);
        CHECK(Releases::InstalledVersion(kit2) == 1);
    }
}

TEST_CASE("a full download resumes across connection cuts and fetches each byte about once") {
    Releases rel(2);
    const std::string mirror = rel.Dir() + "/mirror";
    REQUIRE(rel.Publish(mirror, {2}) == "");
    Nginx nginx(mirror, rel.Dir() + "/nginx");
    REQUIRE(nginx.Running());
    RelayMode mode;
    mode.match = ".fkb";
    mode.cut_after = 50000;  // every connection for the bundle is cut after 50 KB
    Relay relay(nginx.Port(), mode);
    REQUIRE(relay.Port() > 0);
    const std::string kit = rel.NewKit("a", 1);
    auto r = Fieldkit(kit, {"sync", "--mirror", relay.Url(), "--attempts", "20"});
    INFO(r.out, r.err);
    REQUIRE(r.status == 0);
    CHECK(Releases::InstalledVersion(kit) == 2);
    CHECK(r.err.find("resuming") != std::string::npos);
    const std::uint64_t full = FullSize(mirror);
    const std::uint64_t got = BytesReceived(r.out);
    MESSAGE("resume: artifact " << full << " bytes, received " << got << " bytes in total (incl. "
                                << ManifestBytes(mirror) << " of release list)");
    CHECK(got >= full);
    CHECK(static_cast<double>(got) <= 1.05 * static_cast<double>(full) + static_cast<double>(ManifestBytes(mirror)));
}

TEST_CASE("a delta arrives over an 8 KB/s link with added delay and cuts") {
    Releases rel(2);
    const std::string mirror = rel.Dir() + "/mirror";
    REQUIRE(rel.Publish(mirror, {1, 2}) == "");
    Nginx nginx(mirror, rel.Dir() + "/nginx");
    REQUIRE(nginx.Running());
    RelayMode mode;
    mode.rate = 8 * 1024;
    mode.delay_ms = 200;
    mode.match = ".fkd";
    mode.cut_after = 900;
    Relay relay(nginx.Port(), mode);
    const std::string kit = rel.NewKit("a", 1);
    auto r = Fieldkit(kit, {"sync", "--mirror", relay.Url(), "--attempts", "10"});
    INFO(r.out, r.err);
    REQUIRE(r.status == 0);
    CHECK(Releases::InstalledVersion(kit) == 2);
    CHECK(r.err.find("resuming") != std::string::npos);
}

TEST_CASE("stock minisign -V accepts every file of a published mirror") {
    REQUIRE(fk::test::HaveProgram("minisign"));
    Releases rel(3);
    const std::string mirror = rel.Dir() + "/mirror";
    REQUIRE(rel.Publish(mirror, {1, 2, 3}) == "");
    int checked = 0;
    for (const auto& f : fs::directory_iterator(mirror)) {
        if (f.path().extension() == ".minisig") continue;
        auto r = fk::test::Run({"minisign", "-Vm", f.path().string(), "-p", rel.Pub()});
        INFO(f.path().string(), r.err);
        CHECK(r.status == 0);
        ++checked;
    }
    CHECK(checked == 1 + 3 + 3);  // release.json, three bundles, deltas 1->2, 1->3, 2->3
}
