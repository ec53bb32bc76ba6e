// Publisher secret keys on disk, with the real fieldkit and the real minisign: encrypted by
// default exactly as `minisign -G` does (so each tool opens the other's keys), created 0600
// without following or replacing anything, and a warning when others can read one.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <fstream>

#include "platform/files.hpp"
#include "tests/support/process.hpp"
#include "tests/support/sample_content.hpp"
#include "tests/support/temp_dir.hpp"

using fk::test::Fieldkit;
using fk::test::Run;
namespace fs = std::filesystem;

namespace {

const std::string kPassphrase = "correct horse battery staple";

std::string Slurp(const std::string& path) {
    return *fk::platform::ReadFile(path, "test file");
}

unsigned Mode(const std::string& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

// FIELDKIT_PASSPHRASE_FILE pointing at a file holding `passphrase` (as a script would).
std::map<std::string, std::string> PassphraseEnv(const fk::test::TempDir& dir, const std::string& passphrase) {
    const std::string file = dir / ("passphrase-" + std::to_string(passphrase.size()));
    std::ofstream(file, std::ios::trunc) << passphrase << "\n";
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
    return {{"FIELDKIT_PASSPHRASE_FILE", file}};
}

void RequireMinisign() {
    if (!fk::test::HaveProgram("minisign")) FAIL("minisign is not installed (apt-get install minisign)");
}

}  // namespace

TEST_CASE("a key from stock `minisign -G` (encrypted) signs fieldkit bundles given its passphrase") {
    RequireMinisign();
    fk::test::TempDir dir;
    const std::string pub = dir / "ms.pub", sec = dir / "ms.key", content = dir / "content";
    auto gen = Run({"minisign", "-G", "-p", pub, "-s", sec}, {}, kPassphrase + "\n" + kPassphrase + "\n");
    INFO(gen.out << gen.err);
    REQUIRE(gen.status == 0);
    REQUIRE(Slurp(sec).find("encrypted") != std::string::npos);
    fk::test::WriteSampleContent(content, 3, "field-pack");

    const std::string out = dir / "pack.fkb";
    auto built = Fieldkit(dir / "data", {"bundle", "build", content, "-o", out, "-s", sec, "--version", "1"},
                          PassphraseEnv(dir, kPassphrase));
    INFO(built.err);
    REQUIRE(built.status == 0);
    auto verified = Run({"minisign", "-Vm", out, "-p", pub});
    INFO(verified.out << verified.err);
    CHECK(verified.status == 0);

    const std::string refused = dir / "refused.fkb";
    auto wrong = Fieldkit(dir / "data", {"bundle", "build", content, "-o", refused, "-s", sec, "--version", "2"},
                          PassphraseEnv(dir, "correct horse battery stapler"));
    CHECK(wrong.status == 1);
    CHECK(wrong.err.find("secret key '" + sec + "': wrong passphrase") != std::string::npos);
    CHECK_FALSE(fs::exists(refused));

    // Without a terminal (setsid) and without FIELDKIT_PASSPHRASE_FILE: a clear error, no hang.
    auto no_tty = Run({"setsid", "-w", FK_BINARY, "--data-dir", dir / "data", "bundle", "build", content, "-o", refused,
                       "-s", sec, "--version", "2"},
                      {{"FIELDKIT_PASSPHRASE_FILE", ""}});
    CHECK(no_tty.status == 1);
    CHECK(no_tty.err.find("FIELDKIT_PASSPHRASE_FILE") != std::string::npos);
}

TEST_CASE("`bundle keygen` encrypts by default, 0600, and the stock `minisign -S` signs with its key") {
    RequireMinisign();
    fk::test::TempDir dir;
    const std::string pub = dir / "key.pub", sec = dir / "key.sec", data = dir / "data";
    auto gen = Fieldkit(data, {"bundle", "keygen", "-p", pub, "-s", sec}, PassphraseEnv(dir, kPassphrase));
    INFO(gen.err);
    REQUIRE(gen.status == 0);
    CHECK(Mode(sec) == 0600);
    const std::string sec_text = Slurp(sec);
    CHECK(sec_text.starts_with("untrusted comment: minisign encrypted secret key\n"));

    const std::string file = dir / "notes.txt";
    std::ofstream(file) << "signed by minisign with a key fieldkit made\n";
    auto signed_by_minisign = Run({"minisign", "-S", "-s", sec, "-m", file}, {}, kPassphrase + "\n");
    INFO(signed_by_minisign.out << signed_by_minisign.err);
    REQUIRE(signed_by_minisign.status == 0);  // minisign checks the key's checksum after decrypting
    auto verified = Run({"minisign", "-Vm", file, "-p", pub});
    CHECK(verified.status == 0);

    // Existing files are never replaced, not even with the old --force.
    auto again =
        Fieldkit(data, {"bundle", "keygen", "-p", dir / "new.pub", "-s", sec}, PassphraseEnv(dir, kPassphrase));
    CHECK(again.status != 0);
    CHECK(Slurp(sec) == sec_text);
    CHECK_FALSE(fs::exists(dir / "new.pub"));
    CHECK(
        Fieldkit(data, {"bundle", "keygen", "-p", pub, "-s", sec, "--force"}, PassphraseEnv(dir, kPassphrase)).status !=
        0);
    CHECK(Slurp(sec) == sec_text);
}

TEST_CASE("`bundle keygen` never writes through a planted symlink, and warns about a key others can read") {
    fk::test::TempDir dir;
    const std::string victim = dir / "victim", sec = dir / "key.sec", pub = dir / "key.pub", data = dir / "data";
    std::ofstream(victim) << "keep me\n";
    fs::create_symlink(dir / "nowhere", sec);  // dangling: the old existence check did not see it
    auto planted = Fieldkit(data, {"bundle", "keygen", "-W", "-p", pub, "-s", sec});
    CHECK(planted.status == 1);
    CHECK(planted.err.find("already exists") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "nowhere"));
    CHECK_FALSE(fs::exists(pub));
    fs::remove(sec);

    auto gen = Fieldkit(data, {"bundle", "keygen", "--unencrypted", "-p", pub, "-s", sec});
    INFO(gen.err);
    REQUIRE(gen.status == 0);
    CHECK(Mode(sec) == 0600);
    CHECK(Slurp(sec).find("unencrypted") != std::string::npos);

    const std::string content = dir / "content";
    fk::test::WriteSampleContent(content, 3, "field-pack");
    auto quiet = Fieldkit(data, {"bundle", "build", content, "-o", dir / "a.fkb", "-s", sec, "--version", "1"});
    REQUIRE(quiet.status == 0);
    CHECK(quiet.err.find("warning") == std::string::npos);
    fs::permissions(sec, fs::perms::group_read | fs::perms::others_read, fs::perm_options::add);
    auto loud = Fieldkit(data, {"bundle", "build", content, "-o", dir / "b.fkb", "-s", sec, "--version", "2"});
    CHECK(loud.status == 0);
    CHECK(loud.err.find("warning: secret key '" + sec + "' is readable by other users") != std::string::npos);
    CHECK(Slurp(victim) == "keep me\n");
}
