// Keys are told apart by the whole public key, not by the 8-byte id their maker chose: a
// second key under the release key's id neither updates the built-in pack nor shadows the
// release key, and the release key's later update still installs.
#include <doctest/doctest.h>

#include "bundle/builder.hpp"
#include "bundle/bundle_file.hpp"
#include "bundle/signer.hpp"
#include "kit/core/library.hpp"
#include "platform/files.hpp"
#include "tests/support/sample_content.hpp"
#include "tests/support/temp_dir.hpp"

using namespace fk;
namespace fs = std::filesystem;

namespace {

std::string Build(const fs::path& dir, const bundle::SecretKey& key, std::uint64_t version, const std::string& pack) {
    fs::remove_all(dir);
    test::WriteSampleContent(dir, 2, pack, "edition" + std::string(1, static_cast<char>('a' + version % 26)));
    std::vector<bundle::Problem> problems;
    auto built = bundle::BuildFromDirectory(dir, key, test::FixedOptions(version, 1700000000 + static_cast<std::int64_t>(version)),
                                            problems);
    REQUIRE(built.ok());
    return built->bytes;
}

// A fresh key pair that claims `id`.
bundle::KeyPair KeyWithId(const bundle::KeyId& id) {
    bundle::KeyPair kp = bundle::GenerateKeyPair();
    kp.pub.id = id;
    kp.sec.id = id;
    return kp;
}

}  // namespace

TEST_CASE("FindSigner picks the key whose signature verifies among keys sharing an id") {
    const bundle::KeyPair real = bundle::GenerateKeyPair();
    const bundle::KeyPair twin = KeyWithId(real.pub.id);
    const bundle::Signature sig = bundle::Sign(real.sec, "data", "comment");
    for (const auto& keys : {std::vector<bundle::PublicKey>{twin.pub, real.pub}, std::vector<bundle::PublicKey>{real.pub, twin.pub}}) {
        auto found = bundle::FindSigner(keys, sig, "data", "test");
        REQUIRE(found.ok());
        CHECK(bundle::SameKey(*found, real.pub));
    }
    CHECK(bundle::FindSigner(std::vector<bundle::PublicKey>{twin.pub}, sig, "data", "test").error().code ==
          ErrorCode::kBadSignature);
    CHECK(bundle::FindSigner(std::vector<bundle::PublicKey>{bundle::GenerateKeyPair().pub}, sig, "data", "test").error().code ==
          ErrorCode::kUnknownKey);
    CHECK_FALSE(bundle::SameKey(real.pub, twin.pub));
    CHECK(bundle::KeyFingerprint(real.pub) != bundle::KeyFingerprint(twin.pub));
}

TEST_CASE("a key under the release key's id cannot update the built-in pack, nor lock the release key out") {
    test::TempDir dir;
    const fs::path data = dir.path() / "data";
    const bundle::KeyPair built_in_key = bundle::GenerateKeyPair();
    const bundle::KeyPair release = bundle::GenerateKeyPair();
    const std::string built_in_bundle = Build(dir.path() / "c", built_in_key.sec, 1, "core-pack");
    const std::string built_in_key_text = bundle::FormatPublicKey(built_in_key.pub);
    const std::string release_text = bundle::FormatPublicKey(release.pub);
    const core::BuiltIn built_in{built_in_bundle, built_in_key_text, release_text};
    auto lib = core::Library::Open(data, built_in);
    REQUIRE(lib.ok());

    for (const auto& claimed : {release.pub.id, built_in_key.pub.id}) {
        const bundle::KeyPair impostor = KeyWithId(claimed);
        // `trust add` refuses it...
        auto added = lib->TrustKey(bundle::FormatPublicKey(impostor.pub));
        REQUIRE_FALSE(added.ok());
        CHECK(added.error().detail.find("has the id of the already trusted key") != std::string::npos);
        // ...and a copy put in the keys directory by hand (or by an older fieldkit) is no release key.
        REQUIRE(platform::WriteFileAtomic(data / "trusted-keys" / (bundle::KeyIdHex(claimed) + ".pub"),
                                          bundle::FormatPublicKey(impostor.pub), "test key"));
        auto r = lib->ImportBundle(Build(dir.path() / "c", impostor.sec, 50, "core-pack"));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::kUnknownKey);
        CHECK(lib->State().packs.at("core-pack").version == 1);
    }
    // The real release key, sharing its id with a key in the directory, still updates the pack.
    const std::string upd = Build(dir.path() / "c", release.sec, 2, "core-pack");
    auto alone = bundle::VerifyBundle(upd, std::vector<bundle::PublicKey>{release.pub});
    INFO((alone.ok() ? "alone ok" : alone.error().detail));
    CHECK(alone.ok());
    CHECK(bundle::ContainsKey(lib->TrustedKeys(), release.pub));
    auto all = bundle::VerifyBundle(upd, lib->TrustedKeys());
    INFO((all.ok() ? "all ok" : all.error().detail));
    CHECK(all.ok());
    auto update = lib->ImportBundle(upd);
    INFO((update.ok() ? "" : update.error().detail));
    REQUIRE(update.ok());
    CHECK(lib->State().packs.at("core-pack").version == 2);
}

TEST_CASE("trusting the same key twice changes nothing, files are named by fingerprint") {
    test::TempDir dir;
    auto lib = core::Library::Open(dir.path() / "data", {});
    REQUIRE(lib.ok());
    const bundle::KeyPair kp = bundle::GenerateKeyPair();
    const size_t before = lib->TrustedKeys().size();
    REQUIRE(lib->TrustKey(bundle::FormatPublicKey(kp.pub)).ok());
    REQUIRE(lib->TrustKey(bundle::FormatPublicKey(kp.pub)).ok());
    CHECK(lib->TrustedKeys().size() == before + 1);
    CHECK(fs::exists(dir.path() / "data" / "trusted-keys" / (bundle::KeyFingerprint(kp.pub) + ".pub")));
    auto removed = lib->UntrustKey(bundle::KeyIdHex(kp.pub.id));
    REQUIRE(removed.ok());
    CHECK(lib->TrustedKeys().size() == before);
}
