// The platform interfaces that have a Linux and a Windows implementation, tested through the
// interface only (no POSIX or Windows headers here), so the same cases can run on both.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <vector>

#include "platform/file_lock.hpp"
#include "platform/files.hpp"
#include "platform/http_client.hpp"
#include "platform/http_server.hpp"
#include "platform/instance_lock.hpp"
#include "platform/net_addresses.hpp"
#include "platform/net_watch.hpp"
#include "platform/partial_file.hpp"
#include "platform/paths.hpp"
#include "platform/utc_time.hpp"
#include "platform/utf8_path.hpp"
#include "tests/support/temp_dir.hpp"

using namespace fk;
namespace fs = std::filesystem;

namespace {

// Names beside `target` that start with its name and are not it: temporaries left behind.
int LeftoversBeside(const fs::path& target) {
    int n = 0;
    const std::string base = platform::Utf8FromPath(target.filename());
    for (const auto& f : fs::directory_iterator(target.parent_path())) {
        const std::string name = platform::Utf8FromPath(f.path().filename());
        if (name != base && name.starts_with(base)) ++n;
    }
    return n;
}

}  // namespace

TEST_CASE("atomic replace: a replace that fails keeps what was there and leaves no temporary") {
    test::TempDir dir;
    // The target is a directory holding a file: the temporary is written, the replace fails.
    const fs::path target = dir.path() / "settings.json";
    fs::create_directory(target);
    std::ofstream(target / "kept") << "old";
    const auto st = platform::WriteFileAtomic(target, "new", "settings");
    CHECK_FALSE(st.ok());
    CHECK(fs::is_directory(target));
    CHECK(*platform::ReadFile(target / "kept", "test file") == "old");
    CHECK(LeftoversBeside(target) == 0);
}

TEST_CASE("atomic replace: the new content replaces the old, and no temporary remains") {
    test::TempDir dir;
    const fs::path target = dir.path() / "library.json";
    REQUIRE(platform::WriteFileAtomic(target, "first", "library state").ok());
    REQUIRE(platform::WriteFileAtomic(target, "second", "library state").ok());
    CHECK(*platform::ReadFile(target, "library state") == "second");
    CHECK(LeftoversBeside(target) == 0);
}

TEST_CASE("UTF-8 names: a file written under a name built from UTF-8 is listed under the same name") {
    test::TempDir dir;
    const std::string name =
        "caf\xc3\xa9-\xd0\x9a\xd0\xb8\xd1\x97\xd0\xb2-\xd9\x85\xd9\x84\xd9\x81.txt";  // café-Київ-ملف
    const fs::path file = dir.path() / platform::PathFromUtf8(name);
    REQUIRE(platform::WriteFileAtomic(file, "x", "test file").ok());
    std::vector<std::string> listed;
    for (const auto& f : fs::directory_iterator(dir.path()))
        listed.push_back(platform::Utf8FromPath(f.path().filename()));
    REQUIRE(listed.size() == 1);
    CHECK(listed[0] == name);
    CHECK(*platform::ReadFile(file, "test file") == "x");
    CHECK(platform::Utf8FromPath(platform::PathFromUtf8(name)) == name);
}

TEST_CASE("a file's data can be flushed, and a missing one is reported as not found") {
    test::TempDir dir;
    const fs::path file = dir.path() / "index.sqlite";
    std::ofstream(file) << "data";
    CHECK(platform::SyncFile(file, "search index").ok());
    const auto missing = platform::SyncFile(dir.path() / "absent", "search index");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == ErrorCode::kNotFound);
}

TEST_CASE("a partial download grows by appending, is measured, and starts again when truncated") {
    test::TempDir dir;
    const fs::path partial = dir.path() / "pack.fkb.part";
    {
        auto file = platform::PartialFile::Open(partial, "partial download");
        REQUIRE(file.ok());
        REQUIRE((*file)->Append("abc", 3).ok());
        REQUIRE((*file)->Sync().ok());
        CHECK(*(*file)->Size() == 3);
    }
    {
        auto file = platform::PartialFile::Open(partial, "partial download");  // a later attempt resumes
        REQUIRE(file.ok());
        CHECK(*(*file)->Size() == 3);
        REQUIRE((*file)->Append("def", 3).ok());
        CHECK(*(*file)->Size() == 6);
        REQUIRE((*file)->Truncate().ok());
        CHECK(*(*file)->Size() == 0);
        REQUIRE((*file)->Append("g", 1).ok());  // after a truncate, writing starts at the beginning
    }
    CHECK(*platform::ReadFile(partial, "partial download") == "g");
}

TEST_CASE("a partial download is never written through a link planted under its name") {
    test::TempDir dir;
    const fs::path victim = dir.path() / "victim", partial = dir.path() / "pack.fkb.part";
    std::ofstream(victim) << "mine";
    std::error_code ec;
    fs::create_symlink(victim, partial, ec);
    if (ec) return;  // no symbolic links for this user (Windows without developer mode)
    auto file = platform::PartialFile::Open(partial, "partial download");
    if (file.ok()) CHECK_FALSE((*file)->Append("hostile", 7).ok());
    CHECK(*platform::ReadFile(victim, "test file") == "mine");
}

TEST_CASE("the directory lock is taken, released, and taken again") {
    test::TempDir dir;
    auto first = platform::LockFileWaiting(dir.path() / "lock");
    REQUIRE(first);
    first.reset();
    CHECK(platform::LockFileWaiting(dir.path() / "lock") != nullptr);
    CHECK(platform::LockFileWaiting(dir.path() / "no-such-dir" / "lock") == nullptr);
}

TEST_CASE("portable mode: the marker beside the executable keeps everything beside it") {
    const fs::path exe_dir = platform::PathFromUtf8("E:/fieldkit");
    CHECK_FALSE(platform::PortableDirsFor(exe_dir, false).has_value());
    CHECK_FALSE(platform::PortableDirsFor(fs::path(), true).has_value());
    const auto dirs = platform::PortableDirsFor(exe_dir, true);
    REQUIRE(dirs.has_value());
    CHECK(dirs->data.parent_path() == exe_dir);
    CHECK(dirs->config.parent_path() == exe_dir);
    CHECK(dirs->data != dirs->config);
    CHECK(dirs->data != exe_dir);
    CHECK(std::string(platform::kPortableMarker) == "fieldkit-portable");
}

TEST_CASE("UTC calendar time without the C library: epoch, a leap day, before 1970") {
    const std::tm epoch = platform::UtcTime(0);
    CHECK(epoch.tm_year == 70);
    CHECK(epoch.tm_mon == 0);
    CHECK(epoch.tm_mday == 1);
    CHECK(epoch.tm_wday == 4);  // a Thursday
    CHECK(epoch.tm_yday == 0);
    const std::tm leap = platform::UtcTime(951868799);  // 2000-02-29 23:59:59
    CHECK(leap.tm_year == 100);
    CHECK(leap.tm_mon == 1);
    CHECK(leap.tm_mday == 29);
    CHECK(leap.tm_hour == 23);
    CHECK(leap.tm_min == 59);
    CHECK(leap.tm_sec == 59);
    CHECK(leap.tm_yday == 59);
    const std::tm before = platform::UtcTime(-1);  // 1969-12-31 23:59:59, a Wednesday
    CHECK(before.tm_year == 69);
    CHECK(before.tm_mon == 11);
    CHECK(before.tm_mday == 31);
    CHECK(before.tm_hour == 23);
    CHECK(before.tm_wday == 3);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &leap);
    CHECK(std::string(text) == "2000-02-29T23:59:59Z");
}

TEST_CASE("the instance lock is refused to a second taker while held, with the holder's id") {
    test::TempDir dir;
    const fs::path path = dir.path() / "sync.lock";
    long holder = -1;
    auto first = platform::InstanceLock::Take(path, holder);
    REQUIRE(first.ok());
    auto second = platform::InstanceLock::Take(path, holder);  // another open of the file
    REQUIRE_FALSE(second.ok());
    CHECK(second.error().code == ErrorCode::kLocked);
    CHECK(holder > 0);
    first->reset();
    CHECK(platform::InstanceLock::Take(path, holder).ok());
}

TEST_CASE("the file server answers GET and a Range request on 127.0.0.1, and 404 for what it does not hold") {
    test::TempDir dir;
    const fs::path file = dir.path() / "pack.fkb";
    REQUIRE(platform::WriteFileAtomic(file, "0123456789", "test file").ok());
    auto server = platform::FileServer::Start("127.0.0.1:0", [&](const std::string& name) -> std::optional<fs::path> {
        if (name == "pack.fkb") return file;
        return std::nullopt;
    });
    REQUIRE(server.ok());
    const std::string base = "http://" + (*server)->Address() + "/";
    platform::HttpLimits limits;
    limits.deadline_s = 30;
    auto whole = platform::HttpGet(base + "pack.fkb", 1024, limits);
    REQUIRE_MESSAGE(whole.ok(), whole.error().detail);
    CHECK(*whole == "0123456789");
    const fs::path partial = dir.path() / "download.part";
    REQUIRE(platform::WriteFileAtomic(partial, "0123", "test file").ok());
    auto resumed = platform::HttpDownload(base + "pack.fkb", partial, 10, limits, {});
    REQUIRE_MESSAGE(resumed.ok(), resumed.error().detail);
    CHECK(*platform::ReadFile(partial, "test file") == "0123456789");
    auto missing = platform::HttpGet(base + "other.fkb", 1024, limits);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == ErrorCode::kHttpStatus);
    (*server)->Stop();
}

TEST_CASE("the machine lists its addresses with loopback included, and a network watch starts") {
    const auto all = platform::ListNetAddresses(platform::Loopback::kInclude);
    CHECK(std::any_of(all.begin(), all.end(), [](const platform::NetAddress& a) { return a.loopback; }));
    auto watch = platform::NetWatch::Start([](const std::string&) {});
    CHECK_MESSAGE(watch.ok(), (watch.ok() ? "" : watch.error().detail));
}
