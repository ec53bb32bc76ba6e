// Key rotation: a kit that only trusts the old key walks the root chain shipped in the bundle
// (and in release.json) to the new key; a key the chain does not reach stays refused, and once
// the kit reached the new key, the key it replaced is refused too.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>

#include "bundle/delta.hpp"
#include "platform/files.hpp"
#include "tests/support/process.hpp"
#include "tests/sync/support/nginx.hpp"
#include "tests/sync/support/releases.hpp"

using fk::test::Fieldkit;
using fk::test::Releases;

TEST_CASE("a rotated publisher key is followed through the root chain, by sync and by import") {
    Releases rel(2);
    const std::string scratch = rel.Dir() + "/scratch";
    const std::string k2_pub = rel.Dir() + "/k2.pub", k2_sec = rel.Dir() + "/k2.sec";
    REQUIRE(Fieldkit(scratch, {"bundle", "keygen", "-W", "-p", k2_pub, "-s", k2_sec}).status == 0);
    const std::string roots = rel.Dir() + "/roots.json";
    auto rot = Fieldkit(scratch, {"bundle", "rotate", "--from", rel.Sec(), "--to", k2_sec, "--roots", roots});
    INFO(rot.err);
    REQUIRE(rot.status == 0);
    fk::test::EditArticles(rel.Dir() + "/content", 2, 3);
    const std::string v3 = rel.Dir() + "/v3-k2.fkb";
    auto b = Fieldkit(scratch, {"bundle", "build", rel.Dir() + "/content", "-o", v3, "-s", k2_sec, "--version", "3",
                                "--roots", roots});
    INFO(b.err);
    REQUIRE(b.status == 0);

    const std::string mirror = rel.Dir() + "/mirror";
    REQUIRE(rel.Publish(mirror, {1, 2}) == "");
    auto p = Fieldkit(scratch, {"bundle", "publish", "--mirror", mirror, v3, "-s", k2_sec});
    INFO(p.err);
    REQUIRE(p.status == 0);
    CHECK(p.out.find("delta 2 -> 3") != std::string::npos);

    SUBCASE("sync from a mirror whose release list is signed by the new key") {
        fk::test::Nginx nginx(mirror, rel.Dir() + "/nginx");
        REQUIRE(nginx.Running());
        const std::string kit = rel.NewKit("a", 2);  // trusts only the old key
        auto r = Fieldkit(kit, {"sync", "--mirror", nginx.Url()});
        INFO(r.out, r.err);
        CHECK(r.status == 0);
        CHECK(r.out.find("updated test-pack 2 -> 3 via 1 delta,") != std::string::npos);
        CHECK(Releases::InstalledVersion(kit) == 3);
        auto keys = Fieldkit(kit, {"trust", "list"});
        auto k2 = Fieldkit(scratch, {"bundle", "verify", v3, "-p", k2_pub});
        CHECK(k2.status == 0);
        const std::string k2_id = k2.out.substr(k2.out.find("key ") + 4, 16);
        CHECK(keys.out.find(k2_id) != std::string::npos);  // learned for later releases
    }
    SUBCASE("import of the new bundle from a USB stick") {
        const std::string kit = rel.NewKit("b", 1);
        auto r = Fieldkit(kit, {"import", v3});
        INFO(r.out, r.err);
        CHECK(r.status == 0);
        CHECK(Releases::InstalledVersion(kit) == 3);
    }
    SUBCASE("a key the chain does not reach is refused") {
        const std::string k3_pub = rel.Dir() + "/k3.pub", k3_sec = rel.Dir() + "/k3.sec";
        REQUIRE(Fieldkit(scratch, {"bundle", "keygen", "-W", "-p", k3_pub, "-s", k3_sec}).status == 0);
        const std::string v4 = rel.Dir() + "/v4-k3.fkb";
        REQUIRE(Fieldkit(scratch, {"bundle", "build", rel.Dir() + "/content", "-o", v4, "-s", k3_sec, "--version", "4",
                                   "--roots", roots})
                    .status == 0);
        const std::string kit = rel.NewKit("c", 1);
        auto r = Fieldkit(kit, {"import", v4});
        CHECK(r.status == 1);
        CHECK(r.err.find("unknown key") != std::string::npos);
        CHECK(Releases::InstalledVersion(kit) == 1);
    }
}

TEST_CASE("once a kit reaches a rotation, the retired key signs nothing more, and before it still does") {
    if (!fk::test::HaveProgram("minisign")) FAIL("minisign is not installed (apt-get install minisign)");
    Releases rel(2);
    const std::string scratch = rel.Dir() + "/scratch";
    const std::string k2_pub = rel.Dir() + "/k2.pub", k2_sec = rel.Dir() + "/k2.sec";
    REQUIRE(Fieldkit(scratch, {"bundle", "keygen", "-W", "-p", k2_pub, "-s", k2_sec}).status == 0);
    const std::string roots = rel.Dir() + "/roots.json";
    REQUIRE(Fieldkit(scratch, {"bundle", "rotate", "--from", rel.Sec(), "--to", k2_sec, "--roots", roots}).status == 0);
    fk::test::EditArticles(rel.Dir() + "/content", 2, 3);
    const std::string v3 = rel.Dir() + "/v3-k2.fkb";
    REQUIRE(Fieldkit(scratch, {"bundle", "build", rel.Dir() + "/content", "-o", v3, "-s", k2_sec, "--version", "3",
                               "--roots", roots})
                .status == 0);
    // What whoever still holds the old key can make: a higher version, a delta, a release list.
    fk::test::EditArticles(rel.Dir() + "/content", 2, 4);
    const std::string v4_old = rel.Dir() + "/v4-k1.fkb";
    REQUIRE(Fieldkit(scratch, {"bundle", "build", rel.Dir() + "/content", "-o", v4_old, "-s", rel.Sec(), "--version", "4"})
                .status == 0);
    auto k1 = fk::bundle::ParseSecretKey(*fk::platform::ReadFile(rel.Sec(), "key"));
    REQUIRE(k1.ok());
    auto delta = fk::bundle::MakeDelta(*fk::platform::ReadFile(rel.Bundle(2), "b", 1 << 30),
                                       *fk::platform::ReadFile(v4_old, "b", 1 << 30), *k1);
    REQUIRE(delta.ok());
    const std::string delta_old = rel.Dir() + "/k1-2-4.fkd";
    REQUIRE(fk::platform::WriteFileAtomic(delta_old, *delta, "delta").ok());

    const std::string mirror = rel.Dir() + "/mirror";
    REQUIRE(rel.Publish(mirror, {1, 2}) == "");
    REQUIRE(Fieldkit(scratch, {"bundle", "publish", "--mirror", mirror, v3, "-s", k2_sec}).status == 0);
    fk::test::Nginx nginx(mirror, rel.Dir() + "/nginx");
    REQUIRE(nginx.Running());

    SUBCASE("before the rotation is reached, the old key still works") {
        const std::string kit = rel.NewKit("before", 2);
        auto r = Fieldkit(kit, {"import", v4_old});
        INFO(r.out, r.err);
        CHECK(r.status == 0);
        CHECK(Releases::InstalledVersion(kit) == 4);
    }
    SUBCASE("after a sync reached it, bundle, delta and release list by the old key are refused") {
        const std::string kit = rel.NewKit("after", 2);
        auto s = Fieldkit(kit, {"sync", "--mirror", nginx.Url()});
        INFO(s.out, s.err);
        REQUIRE(s.status == 0);
        REQUIRE(Releases::InstalledVersion(kit) == 3);
        const std::string state = *fk::platform::ReadFile(kit + "/library.json", "state");
        CHECK(state.find("\"roots\"") != std::string::npos);
        CHECK(Fieldkit(kit, {"trust", "list"}).out.find(" retired") != std::string::npos);

        auto b = Fieldkit(kit, {"import", v4_old});  // the old key is still in trusted-keys/
        INFO(b.err);
        CHECK(b.status == 1);
        CHECK(b.err.find("retired key") != std::string::npos);
        auto d = Fieldkit(kit, {"import", delta_old});
        INFO(d.err);
        CHECK(d.status == 1);
        CHECK(d.err.find("retired key") != std::string::npos);
        CHECK(Releases::InstalledVersion(kit) == 3);

        // The same release list, signed by the old key with the real minisign.
        std::filesystem::remove(mirror + "/release.json.minisig");
        REQUIRE(fk::test::Run({"minisign", "-S", "-s", rel.Sec(), "-m", mirror + "/release.json", "-x",
                               mirror + "/release.json.minisig", "-t", "fieldkit release"})
                    .status == 0);
        // Republished (a new mtime, so a new ETag): the kit cannot answer from its verified copy.
        std::filesystem::last_write_time(mirror + "/release.json", std::filesystem::last_write_time(mirror + "/release.json") +
                                                                       std::chrono::seconds(60));
        auto l = Fieldkit(kit, {"sync", "--mirror", nginx.Url()});
        INFO(l.out, l.err);
        CHECK(l.status == 1);
        CHECK((l.out + l.err).find("retired key") != std::string::npos);
    }
}
