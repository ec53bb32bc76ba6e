// A mirror (nginx on 127.0.0.1) whose signed release list names one pack but serves a signed
// artifact of another is refused before anything is installed; a release list naming a pack
// id that is not valid is refused whole.
#include <doctest/doctest.h>

#include <filesystem>

#include "bundle/delta.hpp"
#include "bundle/manifest.hpp"
#include "bundle/minisign.hpp"
#include "bundle/release_manifest.hpp"
#include "tests/support/process.hpp"
#include "tests/support/sample_content.hpp"
#include "tests/sync/support/nginx.hpp"
#include "tests/sync/support/publishers.hpp"
#include "tests/sync/support/releases.hpp"

namespace fs = std::filesystem;
using fk::test::Fieldkit;
using fk::test::InstalledVersion;
using fk::test::Nginx;
using fk::test::Releases;
using fk::test::Slurp;
using fk::test::Spit;

namespace {

// "other-pack" v1 and v2, signed by the same publisher key as the test releases.
std::vector<std::string> BuildOtherPack(const Releases& rel) {
    std::vector<std::string> out;
    for (int v = 1; v <= 2; ++v) {
        const std::string content = rel.Dir() + "/other-content-" + std::to_string(v);
        fk::test::WriteSampleContent(content, 3, "other-pack", "edition" + std::to_string(v));
        const std::string file = rel.Dir() + "/other-v" + std::to_string(v) + ".fkb";
        auto b = Fieldkit(rel.Dir() + "/scratch",
                          {"bundle", "build", content, "-o", file, "-s", rel.Sec(), "--version", std::to_string(v)});
        INFO(b.err);
        REQUIRE(b.status == 0);
        out.push_back(file);
    }
    return out;
}

// Loads the mirror's release list, lets `change` edit it, then signs it again with the key.
template <typename Change>
void Resign(const Releases& rel, const std::string& mirror, Change change) {
    auto rm = fk::bundle::ReleaseManifestFromJson(Slurp(mirror + "/release.json"));
    REQUIRE(rm);
    change(*rm);
    const auto key = fk::bundle::ParseSecretKey(Slurp(rel.Sec()));
    REQUIRE(key);
    const std::string json = fk::bundle::ReleaseManifestToJson(*rm);
    Spit(mirror + "/release.json", json);
    Spit(mirror + "/release.json.minisig",
         fk::bundle::FormatSignatureFile(fk::bundle::Sign(*key, json, fk::bundle::ReleaseComment(*rm))));
}

// Puts `bytes` on the mirror under its hash name and returns its artifact entry.
fk::bundle::Artifact Serve(const std::string& mirror, const std::string& bytes, const std::string& ext) {
    const std::string hash = fk::bundle::HashHex(bytes);
    Spit(mirror + "/" + hash + ext, bytes);
    return {hash + ext, hash, bytes.size()};
}

}  // namespace

TEST_CASE("a release list naming pack A that serves a signed bundle of pack B installs nothing") {
    Releases rel(2);
    const auto other = BuildOtherPack(rel);
    const std::string mirror = rel.Dir() + "/mirror";
    REQUIRE(rel.Publish(mirror, {2}, 0) == "");
    Resign(rel, mirror, [&](fk::bundle::ReleaseManifest& rm) {
        rm.packs.at("test-pack").releases.back().file = Serve(mirror, Slurp(other[1]), ".fkb");
    });
    Nginx nginx(mirror, rel.Dir() + "/nginx");
    REQUIRE(nginx.Running());
    const std::string kit = rel.NewKit("a", 1);
    auto r = Fieldkit(kit, {"sync", "--mirror", nginx.Url()});
    INFO(r.out, r.err);
    CHECK(r.status == 1);
    CHECK(r.err.find("holds pack 'other-pack' version 2 where the release list names 'test-pack' version 2") !=
          std::string::npos);
    CHECK(InstalledVersion(kit, "test-pack") == 1);
    CHECK(InstalledVersion(kit, "other-pack") == 0);
}

TEST_CASE("a delta of pack B served as pack A's delta is refused, and the full bundle of A is used") {
    Releases rel(2);
    const auto other = BuildOtherPack(rel);
    const std::string mirror = rel.Dir() + "/mirror";
    REQUIRE(rel.Publish(mirror, {1, 2}) == "");
    const auto key = fk::bundle::ParseSecretKey(Slurp(rel.Sec()));
    REQUIRE(key);
    auto other_delta = fk::bundle::MakeDelta(Slurp(other[0]), Slurp(other[1]), *key);
    REQUIRE(other_delta);
    Resign(rel, mirror, [&](fk::bundle::ReleaseManifest& rm) {
        auto& deltas = rm.packs.at("test-pack").deltas;
        REQUIRE(deltas.size() == 1);
        deltas.front().file = Serve(mirror, *other_delta, ".fkd");
    });
    Nginx nginx(mirror, rel.Dir() + "/nginx");
    REQUIRE(nginx.Running());
    const std::string kit = rel.NewKit("a", 1);
    REQUIRE(Fieldkit(kit, {"import", other[0]}).status == 0);
    auto r = Fieldkit(kit, {"sync", "--mirror", nginx.Url()});
    INFO(r.out, r.err);
    CHECK(r.err.find("holds pack 'other-pack' version 2 where the release list names 'test-pack' version 2") !=
          std::string::npos);
    CHECK(InstalledVersion(kit, "other-pack") == 1);  // the smuggled delta changed nothing
    CHECK(r.status == 0);                       // the honest full bundle then did its job
    CHECK(InstalledVersion(kit, "test-pack") == 2);
}

TEST_CASE("a release list with a pack id that is not valid is refused") {
    Releases rel(2);
    const std::string mirror = rel.Dir() + "/mirror";
    REQUIRE(rel.Publish(mirror, {2}, 0) == "");
    Resign(rel, mirror, [&](fk::bundle::ReleaseManifest& rm) {
        fk::bundle::PackRelease hostile = rm.packs.at("test-pack");
        hostile.pack = "../../x";
        rm.packs["../../x"] = hostile;
    });
    Nginx nginx(mirror, rel.Dir() + "/nginx");
    REQUIRE(nginx.Running());
    const std::string kit = rel.NewKit("a", 1);
    auto r = Fieldkit(kit, {"sync", "--mirror", nginx.Url()});
    INFO(r.out, r.err);
    CHECK(r.status == 1);
    CHECK(r.err.find("pack id '../../x' is not valid") != std::string::npos);
    CHECK(Releases::InstalledVersion(kit) == 1);
}
