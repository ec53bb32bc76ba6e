// Key ids are 8 bytes their maker chooses. A key made with `fieldkit bundle keygen -W` whose id
// is rewritten to a trusted key's id must not stand in for it: not for the built-in pack (the
// release key's and the built-in pack key's ids), not through `trust add`, and not for a
// publisher's deltas or release list; the real publisher keeps updating. Real minisign agrees
// on who signed what. Everything runs on 127.0.0.1.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "bundle/delta.hpp"
#include "bundle/signer.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/sync/support/nginx.hpp"
#include "tests/sync/support/publishers.hpp"

namespace fs = std::filesystem;
using fk::test::BuildPack;
using fk::test::Fieldkit;
using fk::test::InstalledVersion;
using fk::test::MinisignAccepts;
using fk::test::Run;
using fk::test::Slurp;
using fk::test::Spit;

namespace {

fk::bundle::KeyId IdOf(const fs::path& pub) {
    auto key = fk::bundle::ParsePublicKey(Slurp(pub));
    REQUIRE(key.ok());
    return key->id;
}

// `bundle keygen -W`, then the key id bytes of both files rewritten to `id` (the secret key's
// checksum recomputed, so fieldkit and minisign both sign with it).
void KeygenWithId(const fs::path& scratch, const fs::path& pub, const fs::path& sec, const fk::bundle::KeyId& id) {
    REQUIRE(Fieldkit(scratch, {"bundle", "keygen", "-W", "-p", pub, "-s", sec}).status == 0);
    auto p = fk::bundle::ParsePublicKey(Slurp(pub));
    auto s = fk::bundle::ParseSecretKey(Slurp(sec));
    REQUIRE(p.ok());
    REQUIRE(s.ok());
    p->id = id;
    s->id = id;
    Spit(pub, fk::bundle::FormatPublicKey(*p));
    Spit(sec, fk::bundle::FormatSecretKey(*s));
}

std::string KeyIdOfInstalled(const fs::path& kit, const std::string& pack) {
    auto r = Fieldkit(kit, {"status", "--json"});
    const auto j = nlohmann::json::parse(r.out);
    for (const auto& p : j.at("packs"))
        if (p.at("pack") == pack) return p.at("key_id").get<std::string>();
    return "";
}

fk::bundle::KeyId IdFromHex(const std::string& hex) {  // KeyIdHex's inverse: a little-endian number
    const std::uint64_t v = std::stoull(hex, nullptr, 16);
    fk::bundle::KeyId id{};
    for (size_t i = 0; i < id.size(); ++i) id[i] = static_cast<std::uint8_t>(v >> (8 * i));
    return id;
}

}  // namespace

TEST_CASE("a key given the release key's or the built-in pack key's id cannot replace fieldkit-core") {
    if (!fk::test::HaveProgram("minisign")) FAIL("minisign is not installed (apt-get install minisign)");
    fk::test::TempDir dir;
    const fs::path kit = dir / "kit";
    const std::uint64_t core = InstalledVersion(kit, "fieldkit-core");
    REQUIRE(core > 0);
    const fs::path release_pub = FK_SOURCE_DIR "/bundle/release-key.pub";
    const std::string built_in_id = KeyIdOfInstalled(kit, "fieldkit-core");
    for (const auto& claimed : {std::pair<std::string, fk::bundle::KeyId>{"release", IdOf(release_pub)},
                                std::pair<std::string, fk::bundle::KeyId>{"built-in", IdFromHex(built_in_id)}}) {
        const std::string name = claimed.first;
        const fk::bundle::KeyId id = claimed.second;
        CAPTURE(name);
        const fs::path pub = dir / (name + "-twin.pub"), sec = dir / (name + "-twin.sec");
        KeygenWithId(dir / "scratch", pub, sec, id);
        const std::string id_hex = fk::bundle::KeyIdHex(id);

        auto added = Fieldkit(kit, {"trust", "add", pub});
        CHECK(added.status == 1);
        CHECK(added.err.find("has the id of the already trusted key " + id_hex) != std::string::npos);
        CHECK(Fieldkit(kit, {"trust", "list"}).out.find(fk::bundle::KeyFingerprint(*fk::bundle::ParsePublicKey(Slurp(pub)))) ==
              std::string::npos);

        // As if an older fieldkit (file named by the id) had let it replace the trusted key.
        Spit(kit / "trusted-keys" / (id_hex + ".pub"), Slurp(pub));
        const fs::path bundle = dir / (name + "-core.fkb");
        BuildPack(dir.path(), "fieldkit-core", 1, sec, core + 100, bundle);
        CHECK(MinisignAccepts(bundle, pub));             // a good signature, by the twin...
        CHECK_FALSE(MinisignAccepts(bundle, release_pub));  // ...which is not the release key
        auto r = Fieldkit(kit, {"import", bundle});
        INFO(r.out, r.err);
        CHECK(r.status == 1);
        CHECK(r.err.find("fieldkit-core") != std::string::npos);
        CHECK(InstalledVersion(kit, "fieldkit-core") == core);
    }
}

TEST_CASE("a second key with a publisher's id is refused, with its deltas and release lists, and the publisher keeps updating") {
    if (!fk::test::HaveProgram("minisign")) FAIL("minisign is not installed (apt-get install minisign)");
    fk::test::TempDir dir;
    const fs::path scratch = dir / "scratch", kit = dir / "kit";
    const fs::path pub = dir / "publisher.pub", sec = dir / "publisher.sec";
    REQUIRE(Fieldkit(scratch, {"bundle", "keygen", "-W", "-p", pub, "-s", sec}).status == 0);
    const fs::path twin_pub = dir / "twin.pub", twin_sec = dir / "twin.sec";
    KeygenWithId(scratch, twin_pub, twin_sec, IdOf(pub));
    const std::string id_hex = fk::bundle::KeyIdHex(IdOf(pub));
    for (int v : {1, 2}) {
        BuildPack(dir.path(), "test-pack", v, sec, static_cast<std::uint64_t>(v), dir / ("v" + std::to_string(v) + ".fkb"));
        BuildPack(dir.path(), "test-pack", v, twin_sec, static_cast<std::uint64_t>(v), dir / ("twin-v" + std::to_string(v) + ".fkb"));
    }

    REQUIRE(Fieldkit(kit, {"trust", "add", pub}).status == 0);
    auto again = Fieldkit(kit, {"trust", "add", pub});
    CHECK(again.status == 0);
    CHECK(again.out.find("already trusted") != std::string::npos);
    REQUIRE(Fieldkit(kit, {"import", dir / "v1.fkb"}).status == 0);

    auto added = Fieldkit(kit, {"trust", "add", twin_pub});
    INFO(added.out, added.err);
    CHECK(added.status == 1);
    CHECK(added.err.find("key " + id_hex) != std::string::npos);
    CHECK(added.err.find("has the id of the already trusted key " + id_hex) != std::string::npos);
    auto list = Fieldkit(kit, {"trust", "list"});
    CHECK(list.out.find(fk::bundle::KeyFingerprint(*fk::bundle::ParsePublicKey(Slurp(pub)))) != std::string::npos);
    CHECK(list.out.find(fk::bundle::KeyFingerprint(*fk::bundle::ParsePublicKey(Slurp(twin_pub)))) == std::string::npos);

    // A delta made by the twin, from the very records installed here.
    auto twin_key = fk::bundle::ParseSecretKey(Slurp(twin_sec));
    auto delta = fk::bundle::MakeDelta(Slurp(dir / "twin-v1.fkb"), Slurp(dir / "twin-v2.fkb"), *twin_key);
    REQUIRE(delta.ok());
    Spit(dir / "twin-1-2.fkd", *delta);
    auto d = Fieldkit(kit, {"import", dir / "twin-1-2.fkd"});
    INFO(d.out, d.err);
    CHECK(d.status == 1);
    CHECK(InstalledVersion(kit, "test-pack") == 1);

    // The publisher's mirror, its release list signed again by the twin with the real minisign.
    const fs::path mirror = dir / "mirror";
    for (const char* v : {"v1.fkb", "v2.fkb"})
        REQUIRE(Fieldkit(scratch, {"bundle", "publish", "--mirror", mirror, dir / v, "-s", sec}).status == 0);
    const std::string genuine_sig = Slurp(mirror / "release.json.minisig");
    fs::remove(mirror / "release.json.minisig");
    auto signed_by_twin = Run({"minisign", "-S", "-s", twin_sec, "-m", mirror / "release.json", "-x",
                               mirror / "release.json.minisig", "-t", "fieldkit release"});
    INFO(signed_by_twin.err);
    REQUIRE(signed_by_twin.status == 0);
    CHECK(Run({"minisign", "-Vm", mirror / "release.json", "-p", twin_pub}).status == 0);
    fk::test::Nginx nginx(mirror, dir / "nginx");
    REQUIRE(nginx.Running());
    auto s = Fieldkit(kit, {"sync", "--mirror", nginx.Url()});
    INFO(s.out, s.err);
    CHECK(s.status == 1);
    CHECK((s.out + s.err).find("refused") != std::string::npos);
    CHECK(InstalledVersion(kit, "test-pack") == 1);

    // The real publisher, whose key was trusted first, still updates.
    Spit(mirror / "release.json.minisig", genuine_sig);
    CHECK(Run({"minisign", "-Vm", mirror / "release.json", "-p", pub}).status == 0);
    auto ok = Fieldkit(kit, {"sync", "--mirror", nginx.Url()});
    INFO(ok.out, ok.err);
    CHECK(ok.status == 0);
    CHECK(InstalledVersion(kit, "test-pack") == 2);
}
