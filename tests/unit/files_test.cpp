// Files written beside a target (atomic replace, partial downloads, new secret keys) never
// follow a symlink someone planted there, as on a foreign USB stick.
#include "platform/files.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "platform/http_client.hpp"
#include "tests/support/temp_dir.hpp"

using namespace fk;
namespace fs = std::filesystem;

namespace {
std::string Slurp(const fs::path& p) {
    return *platform::ReadFile(p, "test file");
}
}  // namespace

TEST_CASE("atomic replace does not write through a symlink planted at a temporary name") {
    test::TempDir dir;
    const fs::path victim = dir.path() / "authorized_keys", target = dir.path() / "release.json";
    std::ofstream(victim) << "ssh-ed25519 AAAA mine\n";
    // The names the old code used: "<target>.tmp-<pid>".
    for (const auto& tag : {".tmp-", ".tmp"})
        fs::create_symlink(victim, target.string() + tag + std::to_string(::getpid()));
    REQUIRE(platform::WriteFileAtomic(target, "{\"hostile\": true}\n", "mirror file").ok());
    CHECK(Slurp(victim) == "ssh-ed25519 AAAA mine\n");
    CHECK(Slurp(target) == "{\"hostile\": true}\n");
    CHECK_FALSE(fs::is_symlink(target));
    // Only the planted links remain beside the target: the temporary was renamed away.
    int others = 0;
    for (const auto& f : fs::directory_iterator(dir.path()))
        if (f.path().filename().string().starts_with("release.json.tmp") && !fs::is_symlink(f.symlink_status()))
            ++others;
    CHECK(others == 0);
}

TEST_CASE("temporary names beside a target are unpredictable") {
    const fs::path a = platform::UniqueTempPath("/x/library.json", ".tmp-");
    const fs::path b = platform::UniqueTempPath("/x/library.json", ".tmp-");
    CHECK(a != b);
    CHECK(a.string().starts_with("/x/library.json.tmp-"));
    CHECK(a.string().size() == std::string("/x/library.json.tmp-").size() + 16);
}

TEST_CASE("a new file is created 0600 and never over an existing file or symlink") {
    test::TempDir dir;
    const fs::path victim = dir.path() / "victim", key = dir.path() / "key.sec";
    std::ofstream(victim) << "keep me";
    REQUIRE(platform::WriteNewFile(key, "secret", "secret key", 0600).ok());
    struct stat st {};
    REQUIRE(::stat(key.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    auto again = platform::WriteNewFile(key, "other", "secret key", 0600);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().detail.find("already exists") != std::string::npos);
    CHECK(Slurp(key) == "secret");
    const fs::path link = dir.path() / "link.sec", dangling = dir.path() / "dangling.sec";
    fs::create_symlink(victim, link);
    fs::create_symlink(dir.path() / "nowhere", dangling);
    CHECK_FALSE(platform::WriteNewFile(link, "x", "secret key", 0600).ok());
    CHECK_FALSE(platform::WriteNewFile(dangling, "x", "secret key", 0600).ok());
    CHECK(Slurp(victim) == "keep me");
    CHECK_FALSE(fs::exists(dir.path() / "nowhere"));
}

TEST_CASE("a partial download that is a symlink is not opened, so its target is not truncated") {
    test::TempDir dir;
    const fs::path victim = dir.path() / "victim", part = dir.path() / "abc.fkb.part";
    const std::string precious(100, 'v');
    std::ofstream(victim) << precious;
    fs::create_symlink(victim, part);
    // Nothing listens on 127.0.0.1:9 here; the old code truncated the victim before connecting
    // (it was longer than the 10 bytes expected).
    platform::HttpLimits limits;
    limits.connect_timeout_s = 2;
    auto st = platform::HttpDownload("http://127.0.0.1:9/abc.fkb", part, 10, limits,
                                     [](std::uint64_t, std::uint64_t) { return true; });
    CHECK_FALSE(st.ok());
    CHECK(Slurp(victim) == precious);
}

TEST_CASE("a file saved under a free name never replaces one already there, nor a symlink's target") {
    test::TempDir dir;
    std::ofstream(dir.path() / "module.html") << "the trainer's own edits";
    const fs::path victim = dir.path() / "victim";
    std::ofstream(victim) << "keep";
    fs::create_symlink(victim, dir.path() / "module-2.html");
    auto first = platform::WriteFileUnderFreeName(dir.path(), "module", ".html", "<p>one</p>", "handout");
    REQUIRE(first.ok());
    CHECK(*first == dir.path() / "module-3.html");
    auto second = platform::WriteFileUnderFreeName(dir.path(), "module", ".html", "<p>two</p>", "handout");
    REQUIRE(second.ok());
    CHECK(*second == dir.path() / "module-4.html");
    CHECK(Slurp(*first) == "<p>one</p>");
    CHECK(Slurp(*second) == "<p>two</p>");
    CHECK(Slurp(dir.path() / "module.html") == "the trainer's own edits");
    CHECK(Slurp(victim) == "keep");
    int files = 0;
    for (const auto& e : fs::directory_iterator(dir.path()))
        files += e.path().filename().string().find(".tmp-") == std::string::npos ? 1 : 100;
    CHECK(files == 5);  // no temporary left behind
    auto missing = platform::WriteFileUnderFreeName(dir.path() / "gone", "module", ".html", "x", "handout");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().detail.find("handout") != std::string::npos);
}
