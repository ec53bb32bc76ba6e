// A NUL inside a path built from data never cuts it short: "dir/victim\0-1.fkb" must not
// become "dir/victim". Every file operation of the platform layer refuses such a path.
#include <doctest/doctest.h>

#include <fstream>

#include "platform/files.hpp"
#include "tests/support/temp_dir.hpp"

using namespace fk;
namespace fs = std::filesystem;

TEST_CASE("paths with a NUL byte are refused by every file operation, and nothing is touched") {
    test::TempDir dir;
    const fs::path victim = dir.path() / "victim";
    const fs::path cut = dir.path() / std::string("victim\0-1.fkb", 13);
    const fs::path absent = dir.path() / std::string("absent\0-1.fkb", 13);
    REQUIRE(cut.native().size() == victim.native().size() + 7);

    auto write = platform::WriteFileAtomic(absent, "hostile", "installed bundle");
    CHECK_FALSE(write.ok());
    CHECK_FALSE(fs::exists(dir.path() / "absent"));
    if (!write.ok()) CHECK(write.error().detail.find("absent\\x00-1.fkb': a NUL byte in the path") != std::string::npos);
    CHECK_FALSE(platform::WriteNewFile(absent, "hostile", "secret key", 0600).ok());
    CHECK_FALSE(fs::exists(dir.path() / "absent"));
    CHECK_FALSE(platform::MakeDirs(absent, "sync directory").ok());
    CHECK_FALSE(fs::exists(dir.path() / "absent"));

    std::ofstream(victim) << "keep me\n";
    CHECK_FALSE(platform::WriteFileAtomic(cut, "hostile", "installed bundle").ok());
    CHECK_FALSE(platform::ReadFile(cut, "installed bundle").ok());
    CHECK_FALSE(platform::OverwriteAndRemove(cut, "note").ok());
    CHECK(*platform::ReadFile(victim, "test file") == "keep me\n");
}
