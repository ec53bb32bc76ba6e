// A release list speaks only for the packs its signer publishes here. A trusted third-party
// publisher gone bad signs a list naming another publisher's pack and fieldkit-core, dated
// years ahead: sync ignores those entries (no floor moves), updates from the real
// publisher, and keeps doing so. Real nginx on 127.0.0.1; the lists signed by real minisign.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/sync/support/nginx.hpp"
#include "tests/sync/support/publishers.hpp"

namespace fs = std::filesystem;
using fk::test::BuildPack;
using fk::test::Fieldkit;
using fk::test::InstalledVersion;
using fk::test::Run;
using fk::test::Slurp;
using fk::test::Spit;

namespace {

// Rewrites a mirror's release.json to claim it was made `years` ahead and signs it again.
void PostDate(const fs::path& mirror, const fs::path& sec, int years) {
    auto j = nlohmann::json::parse(Slurp(mirror / "release.json"));
    const std::int64_t ahead = std::int64_t{years} * 365 * 86400;
    j["created"] = j.at("created").get<std::int64_t>() + ahead;
    j["expires"] = j.at("expires").get<std::int64_t>() + ahead;
    Spit(mirror / "release.json", j.dump(1));
    fs::remove(mirror / "release.json.minisig");
    auto s = Run({"minisign", "-S", "-s", sec, "-m", mirror / "release.json", "-x", mirror / "release.json.minisig",
                  "-t", "fieldkit release"});
    INFO(s.err);
    REQUIRE(s.status == 0);
}

}  // namespace

TEST_CASE("a third-party release list naming another publisher's pack or fieldkit-core freezes neither") {
    if (!fk::test::HaveProgram("minisign")) FAIL("minisign is not installed (apt-get install minisign)");
    fk::test::TempDir dir;
    const fs::path scratch = dir / "scratch", kit = dir / "kit";
    const fs::path pub = dir / "publisher.pub", sec = dir / "publisher.sec";
    const fs::path rogue_pub = dir / "rogue.pub", rogue_sec = dir / "rogue.sec";
    for (const auto& [p, s] : {std::pair{pub, sec}, std::pair{rogue_pub, rogue_sec}})
        REQUIRE(Fieldkit(scratch, {"bundle", "keygen", "-W", "-p", p, "-s", s}).status == 0);
    for (int v : {1, 2, 3}) BuildPack(dir.path(), "test-pack", v, sec, static_cast<std::uint64_t>(v), dir / ("v" + std::to_string(v) + ".fkb"));
    BuildPack(dir.path(), "test-pack", 4, rogue_sec, 99, dir / "rogue-test-pack.fkb");
    BuildPack(dir.path(), "fieldkit-core", 5, rogue_sec, 9999, dir / "rogue-core.fkb");
    BuildPack(dir.path(), "rogue-notes", 6, rogue_sec, 1, dir / "rogue-notes.fkb");

    REQUIRE(Fieldkit(kit, {"trust", "add", pub}).status == 0);
    REQUIRE(Fieldkit(kit, {"trust", "add", rogue_pub}).status == 0);  // trusted for its own pack
    REQUIRE(Fieldkit(kit, {"import", dir / "v1.fkb"}).status == 0);
    REQUIRE(Fieldkit(kit, {"import", dir / "rogue-notes.fkb"}).status == 0);
    const std::uint64_t core = InstalledVersion(kit, "fieldkit-core");

    const fs::path real = dir / "real-mirror", rogue = dir / "rogue-mirror";
    for (const char* v : {"v1.fkb", "v2.fkb"})
        REQUIRE(Fieldkit(scratch, {"bundle", "publish", "--mirror", real, dir / v, "-s", sec}).status == 0);
    for (const char* b : {"rogue-notes.fkb", "rogue-test-pack.fkb", "rogue-core.fkb"})
        REQUIRE(Fieldkit(scratch, {"bundle", "publish", "--mirror", rogue, dir / b, "-s", rogue_sec}).status == 0);
    PostDate(rogue, rogue_sec, 20);
    fk::test::Nginx real_nginx(real, dir / "real-nginx"), rogue_nginx(rogue, dir / "rogue-nginx");
    REQUIRE(real_nginx.Running());
    REQUIRE(rogue_nginx.Running());

    // The rogue mirror first, so that its list is the newest the pass sees.
    const std::vector<std::string> both = {"sync", "--mirror", rogue_nginx.Url(), "--mirror", real_nginx.Url()};
    auto s = Fieldkit(kit, both);
    INFO(s.out, s.err);
    CHECK(s.status == 0);
    CHECK(s.err.find("not by the publisher of pack test-pack: that entry is ignored") != std::string::npos);
    CHECK(s.err.find("not by the publisher of pack fieldkit-core: that entry is ignored") != std::string::npos);
    CHECK(InstalledVersion(kit, "test-pack") == 2);
    CHECK(InstalledVersion(kit, "fieldkit-core") == core);
    auto status = Fieldkit(kit, {"status"});
    CHECK(status.out.find("last successful check") != std::string::npos);
    CHECK(status.out.find("less than a minute ago") != std::string::npos);  // was "just now ago"
    // Both publishers' sample packs use the ids article-1..3: said at sync as at import.
    CHECK(s.err.find("warning: 3 article ids of test-pack also in another pack") != std::string::npos);

    // The next release of the real publisher, made now (twenty years before the rogue's date),
    // still gets through: no floor moved to the rogue list's date.
    REQUIRE(Fieldkit(scratch, {"bundle", "publish", "--mirror", real, dir / "v3.fkb", "-s", sec}).status == 0);
    auto again = Fieldkit(kit, both);
    INFO(again.out, again.err);
    CHECK(again.status == 0);
    CHECK(InstalledVersion(kit, "test-pack") == 3);
    CHECK(InstalledVersion(kit, "rogue-notes") == 1);

    // A list that names only packs of other publishers speaks for nothing here.
    const fs::path only_others = dir / "only-others";
    REQUIRE(Fieldkit(scratch, {"bundle", "publish", "--mirror", only_others, dir / "rogue-core.fkb", "-s", rogue_sec}).status == 0);
    fk::test::Nginx others_nginx(only_others, dir / "others-nginx");
    REQUIRE(others_nginx.Running());
    auto refused = Fieldkit(kit, {"sync", "--mirror", others_nginx.Url()});
    INFO(refused.out, refused.err);
    CHECK(refused.status == 1);
    CHECK(refused.err.find("names only packs other keys publish here: refused") != std::string::npos);
}
