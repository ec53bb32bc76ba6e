// Armored text parts: base32, the part layout and its limits, and reading parts back out of
// text that shuffles, repeats, damages, re-wraps, quotes and surrounds them.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "bundle/armor.hpp"
#include "bundle/builder.hpp"
#include "kit/core/armor_import.hpp"
#include "kit/core/library.hpp"
#include "tests/support/sample_content.hpp"
#include "tests/support/mail_text.hpp"
#include "tests/support/temp_dir.hpp"

using namespace fk;

using fk::test::Quote;
using fk::test::Wrap;

namespace {

// A payload of `n` bytes that does not compress to anything regular.
std::string Payload(size_t n) {
    std::mt19937 rng(7);
    std::string s(n, '\0');
    for (auto& c : s) c = static_cast<char>(rng() & 0xff);
    return s;
}

bundle::ArmorLabel Label() {
    bundle::ArmorLabel l;
    l.kind = bundle::ArmorKind::kDelta;
    l.pack = "fieldkit-core";
    l.from = 20261127;
    l.to = 20261201;
    return l;
}

std::string JoinAll(const std::vector<bundle::ArmorPart>& parts) {
    std::vector<std::string> problems;
    auto sets = bundle::GroupArmor(parts, problems);
    REQUIRE(sets.size() == 1);
    auto joined = bundle::JoinArmor(sets[0]);
    REQUIRE(joined.ok());
    return *joined;
}

}  // namespace

TEST_CASE("base32 round-trips every length, reads either case, and refuses what no bytes give") {
    for (size_t n = 0; n < 40; ++n) {
        const std::string p = Payload(n);
        const std::string t = bundle::Base32Encode(p);
        CHECK(t.find('=') == std::string::npos);
        auto back = bundle::Base32Decode(t);
        REQUIRE(back.ok());
        CHECK(*back == p);
        std::string lower = t;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) { return static_cast<char>(std::tolower(c)); });
        CHECK(*bundle::Base32Decode(lower) == p);
    }
    CHECK(bundle::Base32Encode("foobar") == "MZXW6YTBOI");  // RFC 4648 test vector, unpadded
    CHECK_FALSE(bundle::Base32Decode("MZXW6YTBOI======").ok());
    CHECK_FALSE(bundle::Base32Decode("MZXW6YTB0I").ok());  // zero is not in the alphabet
    CHECK_FALSE(bundle::Base32Decode("MZXW6YTBOJ").ok());  // trailing bits set
    CHECK_FALSE(bundle::Base32Decode("A").ok());
}

TEST_CASE("SMS parts are at most 160 characters, header included, and read back whole") {
    const std::string payload = Payload(1500);
    auto armored = bundle::ArmorEncode(Label(), payload, 160);
    REQUIRE(armored.ok());
    auto* parts = &armored->parts;
    CHECK(parts->size() > 20);
    for (const auto& p : *parts) {
        CHECK(p.size() <= 160);
        CHECK(p.rfind("FKD1 fieldkit-core 20261127 20261201 ", 0) == 0);
        for (char c : p) CHECK((std::isalnum(static_cast<unsigned char>(c)) || c == ' ' || c == '\n' || c == '/' || c == '-'));
    }
    std::string text;
    for (const auto& p : *parts) text += p + "\n\n";
    auto scan = bundle::ScanArmor(text);
    CHECK(scan.problems.empty());
    CHECK(scan.parts.size() == parts->size());
    CHECK(JoinAll(scan.parts) == payload);
}

TEST_CASE("the default is one part, and a too small --part-chars is refused") {
    auto one = bundle::ArmorEncode(Label(), Payload(700), 0);
    REQUIRE(one.ok());
    CHECK(one->parts.size() == 1);
    auto scan = bundle::ScanArmor(one->parts[0]);
    REQUIRE(scan.parts.size() == 1);
    CHECK(JoinAll(scan.parts) == Payload(700));
    auto tiny = bundle::ArmorEncode(Label(), Payload(700), 40);
    REQUIRE_FALSE(tiny.ok());
    CHECK(tiny.error().code == ErrorCode::kUsage);
    CHECK_FALSE(bundle::ArmorEncode(Label(), "", 0).ok());
}

TEST_CASE("parts shuffled, duplicated, damaged, wrapped at 72, quoted and among other words") {
    const std::string payload = Payload(1200);
    auto armored = bundle::ArmorEncode(Label(), payload, 160);
    REQUIRE(armored.ok());
    auto* parts = &armored->parts;
    std::vector<std::string> shuffled = *parts;
    shuffled.push_back((*parts)[2]);  // a duplicate
    std::string damaged = (*parts)[4];
    damaged[damaged.size() - 10] = damaged[damaged.size() - 10] == 'A' ? 'B' : 'A';
    shuffled.push_back(damaged);  // and a repeat with one wrong letter
    std::mt19937 rng(3);
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    std::string text = "From: Ana <ana@example.org>\nSubject: Fwd: update\n\nThe update, as sent:\n\n";
    for (const auto& p : shuffled) text += "[10:32] Ana: " + p + "\nThanks Bob see you\n\n";
    text = Quote(Wrap(text, 72));
    text = "On Monday Ana wrote:\n" + text + "\n-- \nBob\n";

    auto scan = bundle::ScanArmor(text);
    REQUIRE(scan.problems.size() == 1);
    CHECK(scan.problems[0].find("part 5/" + std::to_string(parts->size())) != std::string::npos);
    CHECK(scan.problems[0].find("damaged") != std::string::npos);
    CHECK(scan.parts.size() == parts->size() + 1);
    CHECK(JoinAll(scan.parts) == payload);
}

TEST_CASE("a missing part is named, and parts of two updates never mix") {
    const std::string a = Payload(900), b = Payload(901);
    auto aa = bundle::ArmorEncode(Label(), a, 160);
    auto ab = bundle::ArmorEncode(Label(), b, 160);  // same pack and editions, other bytes
    REQUIRE(aa.ok());
    REQUIRE(ab.ok());
    auto* pa = &aa->parts;
    auto* pb = &ab->parts;
    std::string text;
    for (size_t i = 0; i < pa->size(); ++i)
        if (i != 2 && i != 3) text += (*pa)[i] + "\n";
    for (const auto& p : *pb) text += p + "\n";
    auto scan = bundle::ScanArmor(text);
    CHECK(scan.problems.empty());
    std::vector<std::string> problems;
    auto sets = bundle::GroupArmor(scan.parts, problems);
    REQUIRE(sets.size() == 2);
    int complete = 0;
    for (const auto& s : sets) {
        if (s.Complete()) {
            ++complete;
            CHECK(*bundle::JoinArmor(s) == b);
        } else {
            CHECK(bundle::FormatPartList(s.Missing()) == "3-4");
            auto j = bundle::JoinArmor(s);
            REQUIRE_FALSE(j.ok());
            CHECK(j.error().code == ErrorCode::kTruncated);
            CHECK(j.error().detail.find("parts missing: 3-4") != std::string::npos);
        }
    }
    CHECK(complete == 1);
}

TEST_CASE("a damaged header is named by its line and nothing of it is used") {
    auto armored = bundle::ArmorEncode(Label(), Payload(100), 0);
    REQUIRE(armored.ok());
    auto* parts = &armored->parts;
    std::string p = (*parts)[0];
    p.replace(p.find("1/1"), 3, "2/1");
    auto scan = bundle::ScanArmor("hello\n" + p);
    CHECK(scan.parts.empty());
    REQUIRE(scan.problems.size() == 1);
    CHECK(scan.problems[0].rfind("line 2:", 0) == 0);
    p = (*parts)[0];
    p.replace(p.find("20261201"), 8, "20261202");  // a readable header that is not the one signed by the checksum
    scan = bundle::ScanArmor(p);
    CHECK(scan.parts.empty());
    REQUIRE(scan.problems.size() == 1);
    CHECK(scan.problems[0].find("part 1/1 of fieldkit-core 20261127 -> 20261202") != std::string::npos);
}

TEST_CASE("a phone's capital letters and lower-case copying are read alike") {
    auto armored = bundle::ArmorEncode(Label(), Payload(300), 0);
    REQUIRE(armored.ok());
    std::string lower = armored->parts[0];
    std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) { return static_cast<char>(std::tolower(c)); });
    lower[0] = 'F';
    auto scan = bundle::ScanArmor(lower);
    CHECK(scan.problems.empty());
    REQUIRE(scan.parts.size() == 1);
    CHECK(JoinAll(scan.parts) == Payload(300));
}

TEST_CASE("pasted parts of unfinished updates are kept up to a limit, so hostile text cannot fill the disk") {
    fk::test::TempDir dir;
    fk::test::WriteSampleContent(dir.path() / "content", 2);
    std::vector<bundle::Problem> problems;
    auto keys = bundle::GenerateKeyPair();
    auto built = bundle::BuildFromDirectory(dir.path() / "content", keys.sec, fk::test::FixedOptions(1, 1), problems);
    REQUIRE(built.ok());
    auto lib = core::Library::Open(dir.path() / "data", {built->bytes, bundle::FormatPublicKey(keys.pub), ""});
    REQUIRE(lib.ok());
    auto unfinished = [](size_t seed) {  // every part but the last of some update
        auto armored = bundle::ArmorEncode(Label(), Payload(600 + seed), 160);
        REQUIRE(armored.ok());
        std::string text;
        for (size_t i = 0; i + 1 < armored->parts.size(); ++i) text += armored->parts[i] + "\n";
        return text;
    };
    for (size_t n = 0; n < 16; ++n) CHECK(core::ImportArmor(*lib, unfinished(n)).problems.empty());
    const auto refused = core::ImportArmor(*lib, unfinished(16)).problems;
    REQUIRE(refused.size() == 1);
    CHECK(refused[0].find("16 unfinished updates are kept already") != std::string::npos);
    CHECK(core::PendingArmor(*lib).size() == 16);
    // Parts of an update already kept still add up.
    CHECK(core::ImportArmor(*lib, unfinished(3)).problems.empty());
}
