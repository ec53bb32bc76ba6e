// Every integer read from JSON (signed manifests, delta manifests, release lists, roots, the
// library's own state) takes only whole numbers in range: 1e45, -1 or 2^64 used to go through
// nlohmann's undefined or wrapping casts and come out as some number.
#include "bundle/json_int.hpp"

#include <doctest/doctest.h>

#include <fstream>

#include "bundle/delta.hpp"
#include "bundle/manifest.hpp"
#include "bundle/release_manifest.hpp"
#include "bundle/root_chain.hpp"
#include "kit/core/library_state.hpp"
#include "kit/core/sync_state.hpp"
#include "platform/files.hpp"
#include "tests/support/temp_dir.hpp"

using namespace fk;

namespace {

// Number tokens no integer field may accept, whatever its type.
const char* const kNotIntegers[] = {"1e45", "-1e45", "1.5", "7.0", "18446744073709551616", "\"7\"", "true", "null"};

std::string Replace(std::string text, const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("JsonInt takes whole numbers in range and refuses floats, strings and overflow") {
    using nlohmann::json;
    CHECK(bundle::JsonInt<std::uint64_t>(json::parse(R"({"n": 18446744073709551615})"), "n") == UINT64_MAX);
    CHECK(bundle::JsonInt<std::int64_t>(json::parse(R"({"n": -9223372036854775808})"), "n") == INT64_MIN);
    CHECK(bundle::JsonInt<int>(json::parse(R"({"n": -5})"), "n") == -5);
    CHECK_THROWS_AS(bundle::JsonInt<std::uint64_t>(json::parse(R"({"n": -1})"), "n"), json::exception);
    CHECK_THROWS_AS(bundle::JsonInt<int>(json::parse(R"({"n": 2147483648})"), "n"), json::exception);
    CHECK_THROWS_AS(bundle::JsonInt<std::int64_t>(json::parse(R"({"n": 9223372036854775808})"), "n"), json::exception);
    for (const char* bad : kNotIntegers) {
        CAPTURE(bad);
        CHECK_THROWS_AS(bundle::JsonInt<std::uint64_t>(json::parse(std::string(R"({"n": )") + bad + "}"), "n"),
                        json::exception);
    }
    CHECK(bundle::JsonIntOr<int>(json::object(), "n", 3) == 3);
}

TEST_CASE("a bundle manifest with a float or negative number is refused with the field named") {
    bundle::Manifest m;
    m.pack = "field-pack";
    m.version = 424242;
    m.created = 1611111111;
    m.raw_size = 535353;
    const std::string good = bundle::ManifestToJson(m);
    REQUIRE(bundle::ManifestFromJson(good).ok());
    for (const std::string bad : {"1e45", "-1", "1.5", "18446744073709551616"}) {
        CAPTURE(bad);
        auto r = bundle::ManifestFromJson(Replace(good, "424242", bad));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().detail.find("'version' must be a whole number") != std::string::npos);
        if (bad != "-1") CHECK_FALSE(bundle::ManifestFromJson(Replace(good, "1611111111", bad)).ok());
        CHECK_FALSE(bundle::ManifestFromJson(Replace(good, "535353", bad)).ok());
    }
    CHECK_FALSE(bundle::ManifestFromJson(Replace(good, "\"format\":1", "\"format\":4294967297")).ok());
}

TEST_CASE("a release list with a float or negative number is refused") {
    bundle::ReleaseManifest m;
    m.created = 1611111111;
    m.expires = 1622222222;
    bundle::PackRelease p;
    p.pack = "field-pack";
    p.version = 424242;
    p.releases.push_back({424242, std::string(64, 'a'), {std::string(64, 'b') + ".fkb", std::string(64, 'b'), 535353}});
    m.packs[p.pack] = p;
    const std::string good = bundle::ReleaseManifestToJson(m);
    REQUIRE(bundle::ReleaseManifestFromJson(good).ok());
    for (const std::string bad : {"1e45", "-1", "1.5"}) {
        CAPTURE(bad);
        if (bad != "-1") {  // created and expires are signed: -1 is a number they may hold
            CHECK_FALSE(bundle::ReleaseManifestFromJson(Replace(good, "1611111111", bad)).ok());
            CHECK_FALSE(bundle::ReleaseManifestFromJson(Replace(good, "1622222222", bad)).ok());
        }
        CHECK_FALSE(bundle::ReleaseManifestFromJson(Replace(good, "424242", bad)).ok());
        CHECK_FALSE(bundle::ReleaseManifestFromJson(Replace(good, "535353", bad)).ok());
    }
}

TEST_CASE("a release list names files by their hash, and an older list's name must agree with it") {
    const std::string hash(64, 'b');
    const std::string list = R"({"created":1,"expires":2,"format":1,"mirrors":[],"packs":{"field-pack":{"title":"t",)"
                             R"("version":3,"deltas":[],"releases":[{"version":3,"raw_hash":"r","file":{FILE}}]}}})";
    auto with = [&](const std::string& file) { return Replace(list, "{FILE}", file); };
    auto m = bundle::ReleaseManifestFromJson(with(R"({"hash":")" + hash + R"(","size":9})"));
    REQUIRE(m);
    CHECK(m->packs.at("field-pack").releases.front().file.name == hash + ".fkb");
    CHECK(bundle::ReleaseManifestFromJson(with(R"({"name":")" + hash + R"(.fkb","hash":")" + hash + R"(","size":9})")));
    for (const std::string& bad_name : std::vector<std::string>{"../../etc/passwd", hash + ".fkd", "cc.fkb"})
        CHECK_FALSE(bundle::ReleaseManifestFromJson(
            with(R"({"name":")" + bad_name + R"(","hash":")" + hash + R"(","size":9})")));
    for (const std::string& bad_hash : {std::string("../x"), std::string(64, 'B'), std::string(63, 'b')})
        CHECK_FALSE(bundle::ReleaseManifestFromJson(with(R"({"hash":")" + bad_hash + R"(","size":9})")));
}

TEST_CASE("a roots file with a float root number is refused") {
    bundle::RootLink link{424242, "k", "p", "s1", "s2"};
    const std::string good = bundle::RootsToJson({link});
    REQUIRE(bundle::RootsFromJson(good).ok());
    CHECK_FALSE(bundle::RootsFromJson(Replace(good, "424242", "1e45")).ok());
    CHECK_FALSE(bundle::RootsFromJson(Replace(good, "424242", "-1")).ok());
}

TEST_CASE("library and sync state with a float or negative number read as damaged, not as a number") {
    test::TempDir dir;
    core::LibraryState s;
    s.packs["field-pack"] = core::InstalledPack{"field-pack",  424242, "t",  "p",   1611111111, 3,
                                                "packs/field-pack-424242.fkb", "key",  "id", false, 1611111112};
    s.floors["field-pack"] = 464646;
    s.generation = 535353;
    const auto file = dir.path() / "library.json";
    REQUIRE(core::SaveLibraryState(file, s).ok());
    const std::string good = *platform::ReadFile(file, "state");
    REQUIRE(core::LoadLibraryState(file).ok());  // only the changed number can make it damaged
    for (const std::string number : {"424242", "464646", "535353", "1611111111"}) {
        for (const std::string bad : {"1e45", "-1", "2.5"}) {
            if (number == "1611111111" && bad == "-1") continue;  // `created` is signed
            CAPTURE(number);
            CAPTURE(bad);
            // ": N" is the number as a value, not the version inside the file name
            std::ofstream(file, std::ios::trunc) << Replace(good, ": " + number, ": " + bad);
            auto r = core::LoadLibraryState(file);
            REQUIRE_FALSE(r.ok());
            CHECK(r.error().code == ErrorCode::kCorrupt);
        }
    }

    core::SyncState ss;
    ss.last_check = 1611111111;
    ss.consecutive_failures = 4242;
    REQUIRE(core::SaveSyncState(dir.path(), ss).ok());
    const auto sync_file = core::SyncDir(dir.path()) / "state.json";
    const std::string sync_good = *platform::ReadFile(sync_file, "state");
    std::ofstream(sync_file, std::ios::trunc) << Replace(sync_good, "1611111111", "1e45");
    CHECK_FALSE(core::LoadSyncState(dir.path()).ok());
    std::ofstream(sync_file, std::ios::trunc) << Replace(sync_good, "4242", "1e45");
    CHECK_FALSE(core::LoadSyncState(dir.path()).ok());
}
