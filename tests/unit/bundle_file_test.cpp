// Bundle build and verification: determinism and every failure kind, including a
// truncation at every offset and a flipped byte at every offset of a small bundle.
#include <doctest/doctest.h>

#include "bundle/builder.hpp"
#include "bundle/bundle_file.hpp"
#include "bundle/records.hpp"
#include "tests/support/report.hpp"
#include "tests/support/sample_content.hpp"
#include "tests/support/temp_dir.hpp"

using namespace fk::bundle;
using fk::ErrorCode;

namespace {

struct Fixture {
    fk::test::TempDir dir;
    KeyPair keys = GenerateKeyPair();
    BuiltBundle built;
    std::vector<PublicKey> trusted;
    Fixture() {
        fk::test::WriteSampleContent(dir.path() / "content", 2);
        std::vector<Problem> problems;
        auto r = BuildFromDirectory(dir.path() / "content", keys.sec, fk::test::FixedOptions(7, 1700000000), problems);
        REQUIRE(r.ok());
        built = *r;
        trusted = {keys.pub};
    }
};

}  // namespace

TEST_CASE("a built bundle verifies and opens to the same content") {
    Fixture f;
    auto vb = VerifyBundle(f.built.bytes, f.trusted);
    REQUIRE(vb.ok());
    CHECK(vb->manifest.version == 7);
    CHECK(vb->manifest.article_count == 2);
    auto raw = OpenPayload(*vb);
    REQUIRE(raw.ok());
    auto content = DecodeRecords(*raw);
    REQUIRE(content.ok());
    CHECK(content->articles[0].id == "article-1");
    CHECK(content->kit.pack == "test-pack");
}

TEST_CASE("the same content and version give the same payload bytes") {
    Fixture f;
    auto other_key = GenerateKeyPair();
    auto loaded = LoadContentDir(f.dir.path() / "content");
    REQUIRE(loaded.ok());
    auto again = BuildFromContent(loaded->content, other_key.sec, fk::test::FixedOptions(7, 1800000000));
    CHECK(again.manifest.payload_hash == f.built.manifest.payload_hash);
    CHECK(again.manifest.raw_hash == f.built.manifest.raw_hash);
}

TEST_CASE("truncation at every offset is refused") {
    Fixture f;
    const std::string& b = f.built.bytes;
    for (size_t n = 0; n < b.size(); ++n) {
        auto r = VerifyBundle(std::string_view(b).substr(0, n), f.trusted);
        REQUIRE_FALSE(r.ok());
        CHECK((r.error().code == ErrorCode::kTruncated || r.error().code == ErrorCode::kNotABundle));
    }
    fk::test::WriteReport("truncate-bundle", {{"truncations refused: bundle reader", b.size()}});
}

TEST_CASE("a flipped byte anywhere is refused") {
    Fixture f;
    for (size_t i = 0; i < f.built.bytes.size(); ++i) {
        std::string b = f.built.bytes;
        b[i] = static_cast<char>(b[i] ^ 0x20);
        auto r = VerifyBundle(b, f.trusted);
        bool refused = !r.ok() || !OpenPayload(*r).ok();
        if (!refused) FAIL("byte " << i << " flipped and still accepted");
    }
    fk::test::WriteReport("flip-bundle", {{"bytes flipped and refused: bundle reader", f.built.bytes.size()}});
}

TEST_CASE("each failure kind is told apart") {
    Fixture f;
    const std::string& b = f.built.bytes;
    CHECK(VerifyBundle("PK\x03\x04 zip file", f.trusted).error().code == ErrorCode::kNotABundle);
    std::string newer = b;
    newer[8] = 2;
    CHECK(VerifyBundle(newer, f.trusted).error().code == ErrorCode::kTooNew);
    CHECK(VerifyBundle(b + "x", f.trusted).error().code == ErrorCode::kCorrupt);
    std::string tampered_manifest = b;
    tampered_manifest[kBundleHeaderSize + 5] ^= 1;
    CHECK(VerifyBundle(tampered_manifest, f.trusted).error().code == ErrorCode::kBadSignature);
    std::string tampered_payload = b;
    tampered_payload[b.size() - 3] ^= 1;
    CHECK(VerifyBundle(tampered_payload, f.trusted).error().code == ErrorCode::kCorrupt);
    auto stranger = GenerateKeyPair();
    std::vector<PublicKey> wrong{stranger.pub};
    CHECK(VerifyBundle(b, wrong).error().code == ErrorCode::kUnknownKey);
}
