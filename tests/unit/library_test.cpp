// Installing packs: versions, keys, several packs side by side, and crash safety.
#include <doctest/doctest.h>

#include <fstream>

#include "bundle/builder.hpp"
#include "kit/core/content_index.hpp"
#include "kit/core/library.hpp"
#include "tests/support/sample_content.hpp"
#include "tests/support/temp_dir.hpp"

using namespace fk;
namespace fs = std::filesystem;

namespace {

struct Publisher {
    bundle::KeyPair keys = bundle::GenerateKeyPair();
    std::string key_text = bundle::FormatPublicKey(keys.pub);

    std::string Build(const fs::path& dir, std::uint64_t version, const std::string& pack = "test-pack",
                      const std::string& marker = "editionone", int count = 3) {
        fs::remove_all(dir);
        test::WriteSampleContent(dir, count, pack, marker);
        std::vector<bundle::Problem> problems;
        auto built = bundle::BuildFromDirectory(dir, keys.sec, test::FixedOptions(version, 1700000000 + static_cast<std::int64_t>(version)), problems);
        REQUIRE(built.ok());
        return built->bytes;
    }
};

std::int64_t Hits(core::Library& lib, const std::string& query) {
    auto index = core::ContentIndex::Open(lib.IndexPath());
    REQUIRE(index.ok());
    return static_cast<std::int64_t>(index->Search(query, {}, 50).hits.size());
}

}  // namespace

TEST_CASE("a trusted pack installs, older, equal and foreign-key editions are refused") {
    test::TempDir dir;
    Publisher pub;
    auto lib = core::Library::Open(dir.path() / "data", {});
    REQUIRE(lib.ok());
    CHECK(lib->ImportBundle(pub.Build(dir.path() / "c", 2)).error().code == ErrorCode::kUnknownKey);
    REQUIRE(lib->TrustKey(pub.key_text).ok());
    auto v2 = lib->ImportBundle(pub.Build(dir.path() / "c", 2));
    REQUIRE(v2.ok());
    CHECK(v2->previous_version == 0);
    CHECK(Hits(*lib, "editionone") == 3);

    auto v3 = lib->ImportBundle(pub.Build(dir.path() / "c", 3, "test-pack", "editiontwo"));
    REQUIRE(v3.ok());
    CHECK(v3->previous_version == 2);
    CHECK(Hits(*lib, "editiontwo") == 3);
    CHECK(Hits(*lib, "editionone") == 0);

    CHECK(lib->ImportBundle(pub.Build(dir.path() / "c", 2)).error().code == ErrorCode::kOlderThanInstalled);
    CHECK(lib->ImportBundle(pub.Build(dir.path() / "c", 3)).error().code == ErrorCode::kOlderThanInstalled);

    // Another trusted publisher may not replace this pack.
    Publisher other;
    REQUIRE(lib->TrustKey(other.key_text).ok());
    CHECK(lib->ImportBundle(other.Build(dir.path() / "c", 9)).error().code == ErrorCode::kUnknownKey);
    CHECK(lib->State().packs.at("test-pack").version == 3);
    CHECK(Hits(*lib, "editiontwo") == 3);
}

TEST_CASE("several packs are installed side by side and searched together") {
    test::TempDir dir;
    Publisher a, b;
    auto lib = core::Library::Open(dir.path() / "data", {});
    REQUIRE(lib.ok());
    REQUIRE(lib->TrustKey(a.key_text).ok());
    REQUIRE(lib->TrustKey(b.key_text).ok());
    REQUIRE(lib->ImportBundle(a.Build(dir.path() / "a", 1, "pack-a", "alpha")).ok());
    REQUIRE(lib->ImportBundle(b.Build(dir.path() / "b", 1, "pack-b", "bravo")).ok());
    CHECK(lib->State().packs.size() == 2);
    CHECK(Hits(*lib, "alpha") >= 1);
    CHECK(Hits(*lib, "bravo") >= 1);
}

TEST_CASE("the floor survives a restart and the rollback is still refused") {
    test::TempDir dir;
    Publisher pub;
    {
        auto lib = core::Library::Open(dir.path() / "data", {});
        REQUIRE(lib->TrustKey(pub.key_text).ok());
        REQUIRE(lib->ImportBundle(pub.Build(dir.path() / "c", 5)).ok());
    }
    auto lib = core::Library::Open(dir.path() / "data", {});
    REQUIRE(lib.ok());
    CHECK(lib->ImportBundle(pub.Build(dir.path() / "c", 4)).error().code == ErrorCode::kOlderThanInstalled);
}

TEST_CASE("an interrupted install leaves the old version usable and its leftovers are cleaned up") {
    test::TempDir dir;
    Publisher pub;
    const fs::path data = dir.path() / "data";
    {
        auto lib = core::Library::Open(data, {});
        REQUIRE(lib->TrustKey(pub.key_text).ok());
        REQUIRE(lib->ImportBundle(pub.Build(dir.path() / "c", 1)).ok());
    }
    // What a crash after writing the new files but before the commit point leaves behind.
    std::ofstream(data / "packs" / "test-pack-2.fkb") << "half a bundle";
    std::ofstream(data / "index-99.sqlite.building") << "half an index";
    std::ofstream(data / "index-98.sqlite") << "an index never committed";
    std::ofstream(data / "library.json.tmp-1234") << "{";
    // The names the temporaries have now: a random suffix nobody can plant in advance.
    std::ofstream(data / "index-99.sqlite.building-0123456789abcdef") << "half an index";
    std::ofstream(data / "library.json.tmp-fedcba9876543210") << "{";
    auto lib = core::Library::Open(data, {});
    REQUIRE(lib.ok());
    CHECK(lib->State().packs.at("test-pack").version == 1);
    CHECK(Hits(*lib, "editionone") == 3);
    CHECK_FALSE(fs::exists(data / "packs" / "test-pack-2.fkb"));
    CHECK_FALSE(fs::exists(data / "index-99.sqlite.building"));
    CHECK_FALSE(fs::exists(data / "index-98.sqlite"));
    CHECK_FALSE(fs::exists(data / "library.json.tmp-1234"));
    CHECK_FALSE(fs::exists(data / "index-99.sqlite.building-0123456789abcdef"));
    CHECK_FALSE(fs::exists(data / "library.json.tmp-fedcba9876543210"));
}

TEST_CASE("a lost or damaged index is rebuilt from the installed bundles") {
    test::TempDir dir;
    Publisher pub;
    const fs::path data = dir.path() / "data";
    fs::path index;
    {
        auto lib = core::Library::Open(data, {});
        REQUIRE(lib->TrustKey(pub.key_text).ok());
        REQUIRE(lib->ImportBundle(pub.Build(dir.path() / "c", 1)).ok());
        index = lib->IndexPath();
    }
    std::ofstream(index, std::ios::trunc) << "garbage, not SQLite";
    auto lib = core::Library::Open(data, {});
    REQUIRE(lib.ok());
    CHECK(Hits(*lib, "editionone") == 3);
}

TEST_CASE("a damaged state file is set aside and the built-in pack is installed again") {
    test::TempDir dir;
    Publisher pub;
    const fs::path data = dir.path() / "data";
    const std::string built_in_bundle = pub.Build(dir.path() / "c", 1, "builtin-pack");
    const core::BuiltIn built_in{built_in_bundle, pub.key_text, ""};
    { REQUIRE(core::Library::Open(data, built_in).ok()); }
    std::ofstream(data / "library.json", std::ios::trunc) << "{ not json";
    auto lib = core::Library::Open(data, built_in);
    REQUIRE(lib.ok());
    CHECK(fs::exists(data / "library.json.damaged"));
    CHECK(lib->State().packs.at("builtin-pack").embedded);
    CHECK(Hits(*lib, "editionone") == 3);
}
