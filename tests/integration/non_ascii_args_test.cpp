// File and directory arguments with non-ASCII names through the real binary: keygen, lint,
// build -o, verify, trust add and import, with the passphrase file named by the environment.
// On Linux a path is bytes either way, so this checks the wiring: each name reaches its file
// whole and comes back whole in messages. The conversion that keeps it whole on Windows is
// checked in tests/unit/args_paths_test.cpp.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "platform/utf8_path.hpp"
#include "tests/support/process.hpp"
#include "tests/support/sample_content.hpp"
#include "tests/support/temp_dir.hpp"

using fk::test::Fieldkit;
namespace fs = std::filesystem;

TEST_CASE("non-ASCII file arguments: keygen, lint, bundle build -o, verify, trust add, import") {
    fk::test::TempDir dir;
    const std::string named = dir / "données-дані-بيانات";  // UTF-8, as a terminal passes it
    fs::create_directories(fk::platform::PathFromUtf8(named));
    const std::string data = dir / "reader";
    const std::string passfile = named + "/пароль.txt", pub = named + "/clé.pub", sec = named + "/clé.sec";
    const std::string content = named + "/contenu", out = named + "/x.fkb";
    std::ofstream(fk::platform::PathFromUtf8(passfile)) << "correct horse\n";
    const std::map<std::string, std::string> env = {{"FIELDKIT_PASSPHRASE_FILE", passfile}};

    auto keygen = Fieldkit(data, {"bundle", "keygen", "-p", pub, "-s", sec}, env);
    INFO(keygen.err);
    REQUIRE(keygen.status == 0);
    CHECK(keygen.out.find(sec) != std::string::npos);
    CHECK(fs::exists(fk::platform::PathFromUtf8(sec)));

    fk::test::WriteSampleContent(fk::platform::PathFromUtf8(content), 2, "utf-pack");
    auto lint = Fieldkit(data, {"bundle", "lint", content});
    INFO(lint.err);
    CHECK(lint.status == 0);
    CHECK(lint.out.find("2 articles, no problems") != std::string::npos);
    auto build = Fieldkit(data, {"bundle", "build", content, "--output", out, "-s", sec, "--version", "3"}, env);
    INFO(build.err);
    REQUIRE(build.status == 0);
    CHECK(build.out.find("built " + out + ":") != std::string::npos);
    CHECK(fs::is_regular_file(fk::platform::PathFromUtf8(out)));
    CHECK(fs::is_regular_file(fk::platform::PathFromUtf8(out + ".minisig")));

    auto verify = Fieldkit(data, {"bundle", "verify", out, "-p", pub});
    INFO(verify.err);
    CHECK(verify.status == 0);
    CHECK(verify.out.find(out + ": good signature") != std::string::npos);

    REQUIRE(Fieldkit(data, {"trust", "add", pub}).status == 0);
    auto imported = Fieldkit(data, {"import", out});
    INFO(imported.err);
    REQUIRE(imported.status == 0);
    CHECK(imported.out.find("installed utf-pack version 3") != std::string::npos);

    // A missing non-ASCII file is named whole in the error.
    auto missing = Fieldkit(data, {"import", named + "/absent-файл.fkb"});
    CHECK(missing.status == 1);
    CHECK(missing.err.find("absent-файл.fkb") != std::string::npos);
}
