// A hostile or broken mirror can do no harm: each case leaves the installed version intact
// and names what was refused. Everything runs on 127.0.0.1.
#include <doctest/doctest.h>

#include <sys/resource.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/support/process.hpp"
#include "tests/support/child.hpp"
#include "tests/sync/support/nginx.hpp"
#include "tests/sync/support/relay.hpp"
#include "tests/sync/support/releases.hpp"

namespace fs = std::filesystem;
using fk::test::Fieldkit;
using fk::test::Nginx;
using fk::test::Relay;
using fk::test::RelayMode;
using fk::test::Releases;

namespace {

void FlipByte(const fs::path& file, std::uint64_t at) {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(static_cast<std::streamoff>(at));
    char c = 0;
    f.read(&c, 1);
    c ^= 0x01;
    f.seekp(static_cast<std::streamoff>(at));
    f.write(&c, 1);
}

std::vector<fs::path> Files(const std::string& dir, const std::string& ext) {
    std::vector<fs::path> out;
    for (const auto& f : fs::directory_iterator(dir))
        if (f.path().extension() == ext) out.push_back(f.path());
    return out;
}

struct Mirror {
    Releases rel{2};
    std::string dir = rel.Dir() + "/mirror";
    Mirror() { REQUIRE(rel.Publish(dir, {1, 2}) == ""); }
};

}  // namespace

TEST_CASE("tampered artifacts are refused by hash, and the old version stays") {
    Mirror m;
    for (const auto& f : Files(m.dir, ".fkd")) FlipByte(f, fs::file_size(f) - 10);
    for (const auto& f : Files(m.dir, ".fkb")) FlipByte(f, fs::file_size(f) / 2);
    Nginx nginx(m.dir, m.rel.Dir() + "/nginx");
    REQUIRE(nginx.Running());
    const std::string kit = m.rel.NewKit("a", 1);
    auto r = Fieldkit(kit, {"sync", "--mirror", nginx.Url()});
    INFO(r.out, r.err);
    CHECK(r.status == 1);
    CHECK(r.err.find("does not match its signed hash") != std::string::npos);
    CHECK(r.err.find("[corrupt]") != std::string::npos);
    CHECK(Releases::InstalledVersion(kit) == 1);
}

TEST_CASE("a tampered delta alone falls back to the full bundle") {
    Mirror m;
    for (const auto& f : Files(m.dir, ".fkd")) FlipByte(f, fs::file_size(f) - 10);
    Nginx nginx(m.dir, m.rel.Dir() + "/nginx");
    REQUIRE(nginx.Running());
    const std::string kit = m.rel.NewKit("a", 1);
    auto r = Fieldkit(kit, {"sync", "--mirror", nginx.Url()});
    INFO(r.out, r.err);
    CHECK(r.status == 0);
    CHECK(r.err.find("does not match its signed hash") != std::string::npos);
    CHECK(r.out.find("via full bundle") != std::string::npos);
    CHECK(Releases::InstalledVersion(kit) == 2);
}

TEST_CASE("a tampered release manifest is refused by its signature") {
    Mirror m;
    {
        std::ifstream in(m.dir + "/release.json");
        std::stringstream s;
        s << in.rdbuf();
        std::string text = s.str();
        // One more space: the same JSON to a parser, other bytes to the signature.
        const size_t at = text.find("\"expires\":");
        REQUIRE(at != std::string::npos);
        text.replace(at, 10, "\"expires\": ");
        std::ofstream(m.dir + "/release.json") << text;
    }
    Nginx nginx(m.dir, m.rel.Dir() + "/nginx");
    REQUIRE(nginx.Running());
    const std::string kit = m.rel.NewKit("a", 1);
    auto r = Fieldkit(kit, {"sync", "--mirror", nginx.Url()});
    INFO(r.out, r.err);
    CHECK(r.status == 1);
    CHECK(r.err.find("[bad-signature]") != std::string::npos);
    CHECK(Releases::InstalledVersion(kit) == 1);
}

TEST_CASE("a mirror signed with an unknown key is refused") {
    Releases rel(2);
    const std::string other_pub = rel.Dir() + "/other.pub", other_sec = rel.Dir() + "/other.sec";
    REQUIRE(Fieldkit(rel.Dir() + "/scratch", {"bundle", "keygen", "-W", "-p", other_pub, "-s", other_sec}).status == 0);
    // The other key re-signs nothing of ours: its own build of v2 would not verify anyway, so
    // sign the release list of a mirror it publishes with its own bundle.
    const std::string other_bundle = rel.Dir() + "/other-v3.fkb";
    REQUIRE(Fieldkit(rel.Dir() + "/scratch", {"bundle", "build", FK_SOURCE_DIR "/content", "-o", other_bundle, "-s",
                                              other_sec, "--version", "3"})
                .status == 0);
    const std::string mirror = rel.Dir() + "/mirror";
    REQUIRE(Fieldkit(rel.Dir() + "/scratch", {"bundle", "publish", "--mirror", mirror, other_bundle, "-s", other_sec}).status == 0);
    Nginx nginx(mirror, rel.Dir() + "/nginx");
    REQUIRE(nginx.Running());
    const std::string kit = rel.NewKit("a", 1);
    auto r = Fieldkit(kit, {"sync", "--mirror", nginx.Url()});
    INFO(r.out, r.err);
    CHECK(r.status == 1);
    CHECK(r.err.find("[unknown-key]") != std::string::npos);
    CHECK(Releases::InstalledVersion(kit) == 1);
}

TEST_CASE("an older release list is refused after a newer one was seen (rollback)") {
    Releases rel(2);
    const std::string mirror = rel.Dir() + "/mirror", old_mirror = rel.Dir() + "/old";
    REQUIRE(rel.Publish(mirror, {1}) == "");
    fs::copy(mirror, old_mirror, fs::copy_options::recursive);
    REQUIRE(rel.Publish(mirror, {2}) == "");
    Nginx fresh(mirror, rel.Dir() + "/nginx1");
    Nginx stale(old_mirror, rel.Dir() + "/nginx2");
    REQUIRE(fresh.Running());
    REQUIRE(stale.Running());
    const std::string kit = rel.NewKit("a", 1);
    REQUIRE(Fieldkit(kit, {"sync", "--mirror", fresh.Url()}).status == 0);
    auto r = Fieldkit(kit, {"sync", "--mirror", stale.Url()});
    INFO(r.out, r.err);
    CHECK(r.status == 1);
    CHECK(r.err.find("older release") != std::string::npos);
    CHECK(r.err.find("[older-than-installed]") != std::string::npos);
    CHECK(Releases::InstalledVersion(kit) == 2);
}

TEST_CASE("mixed versions: an artifact swapped for another edition is refused") {
    Releases rel(3);
    const std::string mirror = rel.Dir() + "/mirror";
    REQUIRE(rel.Publish(mirror, {3}, 0) == "");
    std::ifstream in(mirror + "/release.json");
    auto j = nlohmann::json::parse(in);
    const std::string v3_name = j["packs"]["test-pack"]["releases"].back()["file"]["hash"].get<std::string>() + ".fkb";
    fs::copy_file(rel.Bundle(2), mirror + "/" + v3_name, fs::copy_options::overwrite_existing);
    Nginx nginx(mirror, rel.Dir() + "/nginx");
    REQUIRE(nginx.Running());
    const std::string kit = rel.NewKit("a", 1);
    auto r = Fieldkit(kit, {"sync", "--mirror", nginx.Url()});
    INFO(r.out, r.err);
    CHECK(r.status == 1);
    CHECK(Releases::InstalledVersion(kit) == 1);
}

TEST_CASE("an endless body is cut at the signed length") {
    Mirror m;
    Nginx nginx(m.dir, m.rel.Dir() + "/nginx");
    REQUIRE(nginx.Running());
    RelayMode mode;
    mode.match = ".fk";  // deltas and bundles
    mode.endless = true;
    Relay relay(nginx.Port(), mode);
    const std::string kit = m.rel.NewKit("a", 1);
    auto r = Fieldkit(kit, {"sync", "--mirror", relay.Url()});
    INFO(r.out, r.err);
    CHECK(r.status == 1);
    CHECK(r.err.find("[too-large]") != std::string::npos);
    // Bounded by what the client counted: the signed lengths plus the release list and at most
    // one socket read of slack per request, never endless.
    const auto at = r.err.find("received ");
    REQUIRE(at != std::string::npos);
    const std::uint64_t got = std::stoull(r.err.substr(at + 9));
    std::uint64_t signed_total = fs::file_size(m.dir + "/release.json") + fs::file_size(m.dir + "/release.json.minisig");
    for (const auto& f : Files(m.dir, ".fkd")) signed_total += fs::file_size(f);
    for (const auto& f : Files(m.dir, ".fkb")) signed_total += fs::file_size(f);
    MESSAGE("endless body: client received " << got << " bytes; signed lengths total " << signed_total);
    CHECK(got <= signed_total + 2 * 65536);
    CHECK(Releases::InstalledVersion(kit) == 1);
}

TEST_CASE("a stalled transfer times out and is reported as such") {
    Mirror m;
    Nginx nginx(m.dir, m.rel.Dir() + "/nginx");
    REQUIRE(nginx.Running());
    RelayMode mode;
    mode.match = ".fk";
    mode.stall_after = 400;
    Relay relay(nginx.Port(), mode);
    const std::string kit = m.rel.NewKit("a", 1);
    auto r = Fieldkit(kit, {"sync", "--mirror", relay.Url(), "--stall-seconds", "2", "--attempts", "2"});
    INFO(r.out, r.err);
    CHECK(r.status == 1);
    CHECK(r.err.find("[timeout]") != std::string::npos);
    CHECK(Releases::InstalledVersion(kit) == 1);
}

TEST_CASE("a redirect to file:// is refused") {
    Mirror m;
    Nginx nginx(m.dir, m.rel.Dir() + "/nginx");
    REQUIRE(nginx.Running());
    RelayMode mode;
    mode.match = "release.json";
    mode.redirect = "file:///etc/passwd";
    Relay relay(nginx.Port(), mode);
    const std::string kit = m.rel.NewKit("a", 1);
    auto r = Fieldkit(kit, {"sync", "--mirror", relay.Url()});
    INFO(r.out, r.err);
    CHECK(r.status == 1);
    CHECK(r.err.find("only http and https") != std::string::npos);
    CHECK(Releases::InstalledVersion(kit) == 1);
}

TEST_CASE("failover: a dead mirror and a hostile one, then a good one") {
    Mirror m;
    Nginx nginx(m.dir, m.rel.Dir() + "/nginx");
    REQUIRE(nginx.Running());
    RelayMode bad;
    bad.flip = true;  // every response damaged
    Relay hostile(nginx.Port(), bad);
    fk::test::DeadPort dead;  // nothing listens there
    const std::string kit = m.rel.NewKit("a", 1);
    auto r = Fieldkit(kit, {"sync", "--mirror", dead.Url(), "--mirror", hostile.Url(),
                            "--mirror", nginx.Url()});
    INFO(r.out, r.err);
    CHECK(r.status == 0);
    CHECK(r.err.find("cannot connect") != std::string::npos);
    CHECK(r.out.find("checked " + nginx.Url()) != std::string::npos);
    CHECK(Releases::InstalledVersion(kit) == 2);
}

TEST_CASE("an endless release list stops at 64 KiB and the next mirror is tried") {
    Mirror m;
    Nginx nginx(m.dir, m.rel.Dir() + "/nginx");
    REQUIRE(nginx.Running());
    RelayMode mode;
    mode.match = "release.json";
    mode.endless = true;
    Relay endless(nginx.Port(), mode);
    const std::string kit = m.rel.NewKit("a", 1);
    auto r = Fieldkit(kit, {"sync", "--mirror", endless.Url(), "--mirror", nginx.Url()});
    INFO(r.out, r.err);
    CHECK(r.status == 0);
    CHECK(r.err.find("mirror " + endless.Url() + ": '" + endless.Url() + "/release.json': larger than 65536 bytes") !=
          std::string::npos);
    CHECK(r.out.find("checked " + nginx.Url()) != std::string::npos);
    CHECK(Releases::InstalledVersion(kit) == 2);
    // What the client took in: the cap (plus one read of slack) and the good mirror's files.
    const auto at = r.err.find("received ");
    REQUIRE(at != std::string::npos);
    std::uint64_t good = fs::file_size(m.dir + "/release.json") + fs::file_size(m.dir + "/release.json.minisig");
    for (const auto& f : Files(m.dir, ".fkd")) good += fs::file_size(f);
    CHECK(std::stoull(r.err.substr(at + 9)) <= good + 65536 + 16384);
}

TEST_CASE("a mirror trickling at 20 B/s is given up on and the next is used") {
    Mirror m;
    Nginx nginx(m.dir, m.rel.Dir() + "/nginx");
    REQUIRE(nginx.Running());
    RelayMode mode;
    mode.rate = 20;  // above the old 16 B/s floor, far below 1 KiB/s
    Relay slow(nginx.Port(), mode);
    const std::string kit = m.rel.NewKit("a", 1);
    auto r = Fieldkit(kit, {"sync", "--mirror", slow.Url(), "--mirror", nginx.Url(), "--stall-seconds", "2"});
    INFO(r.out, r.err);
    CHECK(r.status == 0);
    CHECK(r.err.find("mirror " + slow.Url() + ": ") != std::string::npos);
    CHECK(r.err.find("timed out or stalled") != std::string::npos);
    CHECK(r.out.find("checked " + nginx.Url()) != std::string::npos);
    CHECK(Releases::InstalledVersion(kit) == 2);
}

TEST_CASE("a deeply nested release list from an unknown key is not parsed") {
    REQUIRE(fk::test::HaveProgram("minisign"));
    Releases rel(1);
    const std::string dir = rel.Dir() + "/nested", pub = rel.Dir() + "/x.pub", sec = rel.Dir() + "/x.sec";
    fs::create_directories(dir);
    REQUIRE(fk::test::Run({"minisign", "-G", "-W", "-p", pub, "-s", sec}).status == 0);
    Nginx nginx(dir, rel.Dir() + "/nginx");
    REQUIRE(nginx.Running());
    const std::string kit = rel.NewKit("a", 1);
    // Under the size cap: only the roots peek could read it, and it stops at depth 8.
    // Near the old 4 MiB cap: refused unread (the 333 MB case).
    for (const std::uint64_t size : {std::uint64_t{60000}, std::uint64_t{(4 << 20) - 4096}}) {
        std::ofstream(dir + "/release.json", std::ios::binary) << std::string(size, '[');
        REQUIRE(fk::test::Run({"minisign", "-S", "-s", sec, "-m", dir + "/release.json", "-x",
                               dir + "/release.json.minisig"})
                    .status == 0);
        auto r = Fieldkit(kit, {"sync", "--mirror", nginx.Url()});
        INFO(size, r.out, r.err);
        CHECK(r.status == 1);
        CHECK(r.err.find(size < 65536 ? "[unknown-key]" : "[too-large]") != std::string::npos);
    }
    // Peak memory of the largest child so far (fieldkit, minisign, nginx not yet reaped): a
    // functional bound, far below what parsing megabytes of '[' takes.
    rusage ru{};
    getrusage(RUSAGE_CHILDREN, &ru);
    MESSAGE("peak RSS of a child: " << ru.ru_maxrss << " KiB");
    CHECK(ru.ru_maxrss < 100 * 1024);
    CHECK(Releases::InstalledVersion(kit) == 1);
}

TEST_CASE("an expired or older list on the first mirror does not hide a newer one on the second") {
    Releases rel(2);
    const std::string expired = rel.Dir() + "/expired", older = rel.Dir() + "/older", fresh = rel.Dir() + "/fresh";
    auto pub = Fieldkit(rel.Dir() + "/scratch", {"bundle", "publish", "--mirror", expired, rel.Bundle(1), "-s", rel.Sec(),
                                                 "--expires-days", "-1"});
    REQUIRE(pub.status == 0);
    REQUIRE(rel.Publish(older, {1}) == "");
    REQUIRE(rel.Publish(fresh, {1, 2}) == "");
    Nginx expired_nginx(expired, rel.Dir() + "/nginx1");
    Nginx older_nginx(older, rel.Dir() + "/nginx2");
    Nginx fresh_nginx(fresh, rel.Dir() + "/nginx3");
    REQUIRE(expired_nginx.Running());
    REQUIRE(older_nginx.Running());
    REQUIRE(fresh_nginx.Running());

    const std::string a = rel.NewKit("a", 1);
    auto r = Fieldkit(a, {"sync", "--mirror", expired_nginx.Url(), "--mirror", fresh_nginx.Url()});
    INFO(r.out, r.err);
    CHECK(r.status == 0);
    CHECK(r.err.find("mirror " + expired_nginx.Url() + ": release list expired") != std::string::npos);
    CHECK(r.out.find("checked " + fresh_nginx.Url()) != std::string::npos);
    CHECK(Releases::InstalledVersion(a) == 2);

    const std::string b = rel.NewKit("b", 1);
    auto s = Fieldkit(b, {"sync", "--mirror", older_nginx.Url(), "--mirror", fresh_nginx.Url()});
    INFO(s.out, s.err);
    CHECK(s.status == 0);
    CHECK(s.out.find("checked " + fresh_nginx.Url()) != std::string::npos);
    CHECK(Releases::InstalledVersion(b) == 2);
    // The pack's floor is now the fresh list: the older one alone is refused as a rollback.
    auto t = Fieldkit(b, {"sync", "--mirror", older_nginx.Url()});
    CHECK(t.status == 1);
    CHECK(t.err.find("offers an older release") != std::string::npos);
}

TEST_CASE("a redirect to another host is refused, one on the same host is followed") {
    Mirror m;
    Nginx nginx(m.dir, m.rel.Dir() + "/nginx");
    REQUIRE(nginx.Running());
    // Another host, still loopback: the same nginx port on [::1].
    RelayMode away;
    away.match = "release.json.minisig";
    away.redirect = "http://[::1]:" + std::to_string(nginx.Port()) + "/release.json.minisig";
    Relay other_host(nginx.Port(), away);
    const std::string a = m.rel.NewKit("a", 1);
    auto r = Fieldkit(a, {"sync", "--mirror", other_host.Url()});
    INFO(r.out, r.err);
    CHECK(r.status == 1);
    CHECK(r.err.find("redirect to 'http://[::1]:") != std::string::npos);
    CHECK(r.err.find("refused") != std::string::npos);
    CHECK(Releases::InstalledVersion(a) == 1);

    RelayMode same;
    same.match = "release.json.minisig";
    same.redirect = nginx.Url() + "/release.json.minisig";  // same host, another port
    Relay same_host(nginx.Port(), same);
    const std::string b = m.rel.NewKit("b", 1);
    auto s = Fieldkit(b, {"sync", "--mirror", same_host.Url()});
    INFO(s.out, s.err);
    CHECK(s.status == 0);
    CHECK(Releases::InstalledVersion(b) == 2);
}
