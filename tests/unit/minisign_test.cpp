// minisign-compatible keys and signatures: round trips and refusals.
#include "bundle/minisign.hpp"

#include <doctest/doctest.h>

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

namespace {
// Cheap scrypt limits so the unit tests run in milliseconds; the integration tests use minisign's.
constexpr ScryptLimits kQuick{32768, 16 << 20};

std::string RawSecretKey(const std::string& text) {
    auto raw =
        Base64Decode(text.substr(text.find('\n') + 1, text.find('\n', text.find('\n') + 1) - text.find('\n') - 1));
    REQUIRE(raw.ok());
    return *raw;
}
}  // namespace

TEST_CASE("encrypted secret keys round-trip with the passphrase and are refused without it") {
    auto kp = GenerateKeyPair();
    const std::string text = FormatEncryptedSecretKey(kp.sec, "correct horse", kQuick);
    CHECK(IsEncryptedSecretKey(text));
    CHECK_FALSE(IsEncryptedSecretKey(FormatSecretKey(kp.sec)));
    const std::string raw = RawSecretKey(text);
    REQUIRE(raw.size() == 158);
    CHECK(raw.substr(0, 6) == "EdScB2");
    // The key material is not readable in the file.
    CHECK(raw.find(std::string(reinterpret_cast<const char*>(kp.sec.key.data()), 32)) == std::string::npos);

    auto opened = ParseSecretKey(text, "correct horse");
    REQUIRE(opened.ok());
    CHECK(opened->id == kp.sec.id);
    CHECK(opened->key == kp.sec.key);
    auto wrong = ParseSecretKey(text, "correct horsf");
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().code == fk::ErrorCode::kBadSignature);
    CHECK(wrong.error().detail.find("wrong passphrase") != std::string::npos);
    CHECK_FALSE(ParseSecretKey(text, "").ok());
}

TEST_CASE("a secret key asking for unbounded scrypt memory is refused before any work") {
    auto kp = GenerateKeyPair();
    const std::string text = FormatEncryptedSecretKey(kp.sec, "pw", kQuick);
    std::string raw = RawSecretKey(text);
    for (int i = 0; i < 8; ++i) raw[46 + static_cast<size_t>(i)] = static_cast<char>(0xff);  // memlimit 2^64-1
    auto r = ParseSecretKey("untrusted comment: x\n" + Base64Encode(raw) + "\n", "pw");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().detail.find("more scrypt work or memory") != std::string::npos);
}

TEST_CASE("a secret key whose halves do not belong together is refused") {
    auto kp = GenerateKeyPair();
    auto other = GenerateKeyPair();
    SecretKey mixed = kp.sec;
    std::copy(other.pub.key.begin(), other.pub.key.end(), mixed.key.begin() + 32);
    CHECK_FALSE(ParseSecretKey(FormatSecretKey(mixed)).ok());
    CHECK_FALSE(ParseSecretKey(FormatEncryptedSecretKey(mixed, "pw", kQuick), "pw").ok());
}
