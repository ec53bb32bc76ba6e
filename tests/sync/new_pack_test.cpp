// Packs a kit does not have yet, from trusted publishers: a trainer's pack made with
// `fieldkit pack new`, linted, built, published and served by `fieldkit serve --dir` reaches
// a second kit by sync once its key is trusted (on --yes, or asked on a terminal). A list
// signed by one trusted key cannot bring a pack signed by another, an untrusted key's pack
// never installs, and metered "deltas only" never fetches one. Real minisign keys, real
// servers on 127.0.0.1 only.
#include <doctest/doctest.h>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>

#include "tests/support/child.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/sync/support/publishers.hpp"

namespace fs = std::filesystem;
using fk::test::BuildPack;
using fk::test::Fieldkit;
using fk::test::InstalledVersion;
using fk::test::Run;
using fk::test::Slurp;
using fk::test::Spit;

namespace {

// `fieldkit serve --dir MIRROR` on a free loopback port, stopped when it goes away.
struct ServedDir {
    explicit ServedDir(const fs::path& mirror, const fs::path& kit)
        : child(std::make_unique<fk::test::Child>(std::vector<std::string>{
              FK_BINARY, "--data-dir", kit.string(), "serve", "--dir", mirror.string(), "--bind", "127.0.0.1:0"})) {
        const std::string line = child->ReadLine(10000);
        std::smatch m;
        if (std::regex_search(line, m, std::regex("http://127\\.0\\.0\\.1:([0-9]+)/")))
            url = "http://127.0.0.1:" + m[1].str() + "/";
    }
    std::unique_ptr<fk::test::Child> child;
    std::string url;
};

// Signs a mirror's release.json again with another key (a trusted publisher gone bad).
void Resign(const fs::path& mirror, const fs::path& sec) {
    fs::remove(mirror / "release.json.minisig");
    auto s = Run({"minisign", "-S", "-s", sec, "-m", mirror / "release.json", "-x", mirror / "release.json.minisig",
                  "-t", "fieldkit release"});
    INFO(s.err);
    REQUIRE(s.status == 0);
}

// Runs `fieldkit sync` on a pseudo-terminal, answers `answer` to the new-pack question, and
// returns everything it printed.
std::string SyncOnTerminal(const fs::path& kit, const std::string& url, const std::string& answer) {
    int master = -1;
    const pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::execl(FK_BINARY, FK_BINARY, "--data-dir", kit.c_str(), "sync", "--mirror", url.c_str(), nullptr);
        ::_exit(127);
    }
    std::string seen;
    bool answered = false;
    char buf[512];
    for (int i = 0; i < 300; ++i) {
        pollfd p{master, POLLIN, 0};
        if (::poll(&p, 1, 100) <= 0) continue;
        const ssize_t n = ::read(master, buf, sizeof buf);
        if (n <= 0) break;  // the child exited and closed the terminal
        seen.append(buf, static_cast<size_t>(n));
        if (!answered && seen.find("[y/N]") != std::string::npos) {
            const std::string line = answer + "\n";
            REQUIRE(::write(master, line.data(), line.size()) == static_cast<ssize_t>(line.size()));
            answered = true;
        }
    }
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    ::close(master);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    return seen;
}

}  // namespace

TEST_CASE("a trainer's pack from pack new reaches a second kit by trust add and sync, as a new pack") {
    if (!fk::test::HaveProgram("minisign")) FAIL("minisign is not installed (apt-get install minisign)");
    fk::test::TempDir dir;
    const fs::path trainer = dir / "trainer", student = dir / "student", pack = dir / "room-pack";
    Spit(dir / "pass", "room passphrase\n");
    const std::map<std::string, std::string> env{{"FIELDKIT_PASSPHRASE_FILE", dir / "pass"}};

    auto made = Fieldkit(trainer, {"pack", "new", pack, "--title", "Room 3: fibre drill"}, env);
    INFO(made.out, made.err);
    REQUIRE(made.status == 0);
    CHECK(made.out.find("fieldkit bundle lint") != std::string::npos);  // next steps
    const fs::path pub = pack / "keys" / "room-3-fibre-drill.pub", sec = pack / "keys" / "room-3-fibre-drill.sec";
    CHECK((fs::status(sec).permissions() & fs::perms::others_read) == fs::perms::none);
    // Encrypted as minisign does it: the key's algorithm bytes say "Ed" then "Sc" (scrypt),
    // base64 "RWRTY..." (an unencrypted key would start "RWQAAA"). Build below needs the passphrase.
    const std::string sec_text = Slurp(sec);
    CHECK(sec_text.substr(sec_text.find('\n') + 1, 5) == "RWRTY");

    // Never over an existing pack, and nothing changed by trying.
    const std::string kit_yaml = Slurp(pack / "kit.yaml");
    auto again = Fieldkit(trainer, {"pack", "new", pack, "--title", "Other"}, env);
    CHECK(again.status == 1);
    CHECK(again.err.find("not empty") != std::string::npos);
    CHECK(Slurp(pack / "kit.yaml") == kit_yaml);

    // Lint, build and publish accept it unchanged.
    auto lint = Fieldkit(trainer, {"bundle", "lint", pack});
    INFO(lint.out);
    REQUIRE(lint.status == 0);
    CHECK(lint.out.find("2 articles, no problems") != std::string::npos);
    REQUIRE(Fieldkit(trainer, {"bundle", "build", pack, "-o", dir / "room.fkb", "-s", sec}, env).status == 0);
    CHECK(fk::test::MinisignAccepts(dir / "room.fkb", pub));
    const fs::path mirror = dir / "mirror";
    REQUIRE(Fieldkit(trainer, {"bundle", "publish", "--mirror", mirror, dir / "room.fkb", "-s", sec}, env).status == 0);
    ServedDir served(mirror, trainer);
    REQUIRE(!served.url.empty());

    // Not trusted yet: refused, nothing installed.
    auto untrusted = Fieldkit(student, {"sync", "--mirror", served.url, "--yes"});
    CHECK(untrusted.status == 1);
    CHECK(untrusted.err.find("unknown key") != std::string::npos);
    CHECK(InstalledVersion(student, "room-3-fibre-drill") == 0);

    REQUIRE(Fieldkit(student, {"trust", "add", pub}).status == 0);
    // Nobody to ask (not a terminal) and no --yes: listed with how to install it, not installed.
    auto listed = Fieldkit(student, {"sync", "--mirror", served.url});
    INFO(listed.out, listed.err);
    CHECK(listed.status == 0);
    CHECK(listed.out.find("new pack offered: room-3-fibre-drill") != std::string::npos);
    CHECK(listed.out.find("fieldkit sync --yes") != std::string::npos);
    CHECK(listed.out.find("everything is up to date") == std::string::npos);
    CHECK(InstalledVersion(student, "room-3-fibre-drill") == 0);
    auto json = Fieldkit(student, {"sync", "--json"});
    REQUIRE(json.status == 0);
    auto j = nlohmann::json::parse(json.out);
    REQUIRE(j["new_packs"].size() == 1);
    CHECK(j["new_packs"][0]["pack"] == "room-3-fibre-drill");
    CHECK(j["new_packs"][0]["title"] == "Room 3: fibre drill");
    CHECK(j["new_packs"][0]["status"] == "offered");
    // A metered link that takes deltas only never fetches a whole new pack, even with --yes.
    auto metered = Fieldkit(student, {"sync", "--metered", "deltas", "--yes"});
    CHECK(metered.status == 0);
    CHECK(metered.out.find("metered mode takes deltas only") != std::string::npos);
    CHECK(InstalledVersion(student, "room-3-fibre-drill") == 0);

    // --yes installs it (the mirror remembered from the last sync).
    auto yes = Fieldkit(student, {"sync", "--yes", "--json"});
    INFO(yes.out, yes.err);
    REQUIRE(yes.status == 0);
    j = nlohmann::json::parse(yes.out);
    CHECK(j["new_packs"][0]["status"] == "installed");
    CHECK(j["updated"][0]["new_pack"] == true);
    CHECK(InstalledVersion(student, "room-3-fibre-drill") > 0);
    CHECK(Fieldkit(student, {"sync"}).out.find("everything is up to date") != std::string::npos);

    // Searched together with the built-in library; each result names its pack.
    auto search = Fieldkit(student, {"search", "contact sheet", "--limit", "20"});
    CHECK(search.out.find("[guide] \u00b7 Room 3: fibre drill") != std::string::npos);
    CHECK(search.out.find("\u00b7 fieldkit core library") != std::string::npos);
    CHECK(search.out.find("fieldkit show room-3-fibre-drill/sample-site-contacts") != std::string::npos);
    auto list = Fieldkit(student, {"list", "--type", "workshop"});
    CHECK(list.out.find("room-3-fibre-drill/workshop-sample-site-outage") != std::string::npos);
    // One pack installed: results say nothing of packs.
    CHECK(Fieldkit(trainer, {"search", "contact sheet"}).out.find("\u00b7 fieldkit core library") == std::string::npos);
}

TEST_CASE("on a terminal sync asks once per new pack: no keeps it out, yes installs it") {
    fk::test::TempDir dir;
    const fs::path kit = dir / "kit", scratch = dir / "scratch";
    REQUIRE(Fieldkit(scratch, {"bundle", "keygen", "-W", "-p", dir / "t.pub", "-s", dir / "t.sec"}).status == 0);
    BuildPack(dir.path(), "asked-pack", 1, dir / "t.sec", 3, dir / "asked.fkb");
    REQUIRE(Fieldkit(scratch, {"bundle", "publish", "--mirror", dir / "m", dir / "asked.fkb", "-s", dir / "t.sec"})
                .status == 0);
    ServedDir served(dir / "m", scratch);
    REQUIRE(!served.url.empty());
    REQUIRE(Fieldkit(kit, {"trust", "add", dir / "t.pub"}).status == 0);

    std::string seen = SyncOnTerminal(kit, served.url, "n");
    INFO(seen);
    CHECK(seen.find("Install new pack asked-pack (Test pack, publisher key ") != std::string::npos);
    CHECK(seen.find("you said no") != std::string::npos);
    CHECK(InstalledVersion(kit, "asked-pack") == 0);

    seen = SyncOnTerminal(kit, served.url, "y");
    CHECK(seen.find("installed new pack asked-pack version 3") != std::string::npos);
    CHECK(InstalledVersion(kit, "asked-pack") == 3);
}

TEST_CASE("a list signed by one trusted key cannot bring a pack another key signed, nor an untrusted key's") {
    if (!fk::test::HaveProgram("minisign")) FAIL("minisign is not installed (apt-get install minisign)");
    fk::test::TempDir dir;
    const fs::path kit = dir / "kit", scratch = dir / "scratch";
    for (const char* who : {"a", "b", "c"})
        REQUIRE(Fieldkit(scratch, {"bundle", "keygen", "-W", "-p", dir / (std::string(who) + ".pub"), "-s",
                                   dir / (std::string(who) + ".sec")})
                    .status == 0);
    REQUIRE(Fieldkit(kit, {"trust", "add", dir / "a.pub"}).status == 0);
    REQUIRE(Fieldkit(kit, {"trust", "add", dir / "b.pub"}).status == 0);  // c is never trusted

    // B's own pack, listed by a release list that A signed.
    BuildPack(dir.path(), "b-pack", 1, dir / "b.sec", 1, dir / "b.fkb");
    REQUIRE(
        Fieldkit(scratch, {"bundle", "publish", "--mirror", dir / "ab", dir / "b.fkb", "-s", dir / "b.sec"}).status ==
        0);
    Resign(dir / "ab", dir / "a.sec");
    // C's pack, listed by A; and C's pack listed by C.
    BuildPack(dir.path(), "c-pack", 2, dir / "c.sec", 1, dir / "c.fkb");
    REQUIRE(
        Fieldkit(scratch, {"bundle", "publish", "--mirror", dir / "cc", dir / "c.fkb", "-s", dir / "c.sec"}).status ==
        0);
    fs::copy(dir / "cc", dir / "ac", fs::copy_options::recursive);
    Resign(dir / "ac", dir / "a.sec");

    ServedDir ab(dir / "ab", scratch), ac(dir / "ac", scratch), cc(dir / "cc", scratch);
    REQUIRE((!ab.url.empty() && !ac.url.empty() && !cc.url.empty()));

    auto r = Fieldkit(kit, {"sync", "--mirror", ab.url, "--yes"});
    INFO(r.out, r.err);
    CHECK(r.status == 1);
    CHECK(r.err.find("is offered by a release list signed by key") != std::string::npos);
    CHECK(InstalledVersion(kit, "b-pack") == 0);

    r = Fieldkit(kit, {"sync", "--mirror", ac.url, "--yes"});
    CHECK(r.status == 1);
    CHECK(r.err.find("unknown key") != std::string::npos);
    CHECK(InstalledVersion(kit, "c-pack") == 0);

    r = Fieldkit(kit, {"sync", "--mirror", cc.url, "--yes"});
    CHECK(r.status == 1);
    CHECK(r.err.find("unknown key") != std::string::npos);
    CHECK(InstalledVersion(kit, "c-pack") == 0);
    CHECK(fs::exists(kit / "library.json"));
    for (const auto& f : fs::directory_iterator(kit / "packs"))
        CHECK(f.path().filename().string().find("pack-") == std::string::npos);
}
