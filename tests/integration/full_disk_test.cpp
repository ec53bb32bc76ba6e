// A full disk during an import: a clear error, and the installed library still works.
// The small disk is a tmpfs mounted in a private mount namespace (unshare), so the test
// needs no changes to the machine.
#include <doctest/doctest.h>

#include "tests/support/process.hpp"
#include "tests/support/report.hpp"
#include "tests/support/sample_content.hpp"
#include "tests/support/small_disk.hpp"
#include "tests/support/temp_dir.hpp"

using fk::test::Fieldkit;
using fk::test::Run;

TEST_CASE("an import that runs out of disk space fails cleanly and loses nothing") {
    if (const auto why = fk::test::SmallDiskUnavailable(); !why.empty())
        return fk::test::SkipTest("full-disk-import", "disk full during import", why);
    fk::test::TempDir dir;
    const std::string fk = FK_BINARY;
    REQUIRE(Fieldkit(dir / "pub", {"bundle", "keygen", "-W", "-p", dir / "key.pub", "-s", dir / "key.sec"}).status ==
            0);
    fk::test::WriteSampleContent(dir.path() / "content", 400, "big-pack", "fillerword");
    REQUIRE(Fieldkit(dir / "pub", {"bundle", "build", dir / "content", "-o", dir / "big.fkb", "-s", dir / "key.sec",
                                   "--version", "1"})
                .status == 0);
    std::filesystem::create_directories(dir.path() / "small");
    // In the namespace: a 16 MiB disk, the built-in library installed, then the disk
    // filled to its last few hundred KiB before the import.
    const std::string script =
        "set -e; mount -t tmpfs -o size=16m tmpfs " + dir / "small" + "; d=" + dir / "small/data" + "; " + fk +
        " --data-dir $d status >/dev/null; " + fk + " --data-dir $d trust add " + dir / "key.pub" +
        " >/dev/null; " + fk + " --data-dir $d search --json rpki > " + dir / "before.json" +
        "; dd if=/dev/zero of=" + dir / "small/fill" + " bs=64k 2>/dev/null || true; rm -f " + dir / "small/fill" +
        "; dd if=/dev/zero of=" + dir / "small/fill" +
        " bs=64k count=$(( $(df -k --output=avail " + dir / "small" + " | tail -1) / 64 - 6 )) 2>/dev/null; "
        "set +e; " + fk + " --data-dir $d import " + dir / "big.fkb" + " 2> " + dir / "import.err" +
        "; echo $? > " + dir / "import.status" + "; " + fk + " --data-dir $d search --json rpki > " +
        dir / "after.json" + "; " + fk + " --data-dir $d status --json > " + dir / "status.json";
    auto r = Run({"unshare", "-rm", "sh", "-c", script});
    INFO(r.out << r.err);
    REQUIRE_MESSAGE(r.status == 0, "could not set up a small disk with unshare and tmpfs");
    auto read = [&](const std::string& name) { return Run({"cat", dir / name}).out; };
    MESSAGE("import said: " << read("import.err"));
    const bool failed_clearly =
        read("import.status") == "1\n" && read("import.err").find("No space left on device") != std::string::npos;
    CHECK(failed_clearly);
    const bool same_results = read("after.json") == read("before.json") && read("after.json").size() > 100;
    CHECK(same_results);
    const bool not_installed = read("status.json").find("big-pack") == std::string::npos;
    CHECK(not_installed);
    fk::test::WriteReport("full-disk-import",
                          {{"full disks refused cleanly: import", failed_clearly && same_results && not_installed}});
}
