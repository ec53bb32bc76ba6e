// Key rotation: a kit that only trusts the old key walks the root chain shipped in the bundle
// (and in release.json) to the new key; a key the chain does not reach stays refused.
#include <doctest/doctest.h>

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
        CHECK(r.out.find("updated test-pack 2 -> 3 via 1 delta(s)") != std::string::npos);
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
