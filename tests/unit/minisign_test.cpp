// minisign-compatible keys and signatures: round trips and refusals.
#include <doctest/doctest.h>

#include "bundle/minisign.hpp"

using namespace fk::bundle;

TEST_CASE("key files round-trip in minisign's text format") {
    auto kp = GenerateKeyPair();
    auto pub = ParsePublicKey(FormatPublicKey(kp.pub));
    REQUIRE(pub.ok());
    CHECK(pub->id == kp.pub.id);
    CHECK(pub->key == kp.pub.key);
    auto sec = ParseSecretKey(FormatSecretKey(kp.sec));
    REQUIRE(sec.ok());
    CHECK(sec->key == kp.sec.key);
    CHECK(sec->Public().key == kp.pub.key);
    CHECK(FormatPublicKey(kp.pub).starts_with("untrusted comment: minisign public key " + KeyIdHex(kp.pub.id)));
}

TEST_CASE("signatures verify, and any change to data, comment or key is refused") {
    auto kp = GenerateKeyPair();
    auto sig = Sign(kp.sec, "payload", "fieldkit pack=x version=1");
    CHECK(Verify(kp.pub, sig, "payload").ok());
    CHECK(Verify(kp.pub, sig, "payloaD").error().code == fk::ErrorCode::kBadSignature);
    auto forged = sig;
    forged.trusted_comment = "fieldkit pack=x version=2";
    CHECK(Verify(kp.pub, forged, "payload").error().code == fk::ErrorCode::kBadSignature);
    auto other = GenerateKeyPair();
    CHECK(Verify(other.pub, sig, "payload").error().code == fk::ErrorCode::kUnknownKey);

    auto parsed = ParseSignatureFile(FormatSignatureFile(sig));
    REQUIRE(parsed.ok());
    CHECK(Verify(kp.pub, *parsed, "payload").ok());
    auto block = DecodeSignatureBlock(EncodeSignatureBlock(sig));
    REQUIRE(block.ok());
    CHECK(block->trusted_comment == sig.trusted_comment);
}

TEST_CASE("malformed key and signature text is refused, not crashed on") {
    CHECK_FALSE(ParsePublicKey("").ok());
    CHECK_FALSE(ParsePublicKey("untrusted comment: x\n!!!!\n").ok());
    CHECK_FALSE(ParseSecretKey("untrusted comment: x\nRWQ=\n").ok());
    CHECK_FALSE(ParseSignatureFile("untrusted comment\nabc\n").ok());
    CHECK_FALSE(DecodeSignatureBlock("ED short").ok());
}
