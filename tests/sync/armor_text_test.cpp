// Updates as text, end to end with the real binary: a delta of the shipped content written as
// SMS parts (`bundle armor --part-chars 160`), then pasted back (`import -`, `import FILE...`)
// shuffled, duplicated, with a damaged copy, re-wrapped by a mail client at 72 columns, quoted
// and inside a forwarded e-mail and a chat log. It installs, or is refused with the missing or
// bad parts named; a whole set with a bad signature is refused like the same delta from a file.
// Also prints what one edited article, ten edited articles and a new checklist cost as SMS.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <random>

#include "bundle/armor.hpp"
#include "bundle/builder.hpp"
#include "bundle/content_loader.hpp"
#include "bundle/delta.hpp"
#include "bundle/signer.hpp"
#include "tests/support/process.hpp"
#include "tests/support/sample_content.hpp"
#include "tests/support/mail_text.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/sync/support/publishers.hpp"

namespace fs = std::filesystem;
using fk::test::Fieldkit;
using fk::test::InstalledVersion;
using fk::test::Slurp;
using fk::test::Spit;

using fk::test::Quote;
using fk::test::Wrap;

namespace {

constexpr const char* kPack = "armor-test";

const fk::bundle::Content& Shipped() {
    static const fk::bundle::Content content = [] {
        auto loaded = fk::bundle::LoadContentDir(FK_SOURCE_DIR "/content");
        REQUIRE(loaded.ok());
        REQUIRE(loaded->problems.empty());
        loaded->content.kit.pack = kPack;
        return loaded->content;
    }();
    return content;
}

// `n` English articles of the shipped content get a new paragraph, as an editor would add.
fk::bundle::Content Edited(fk::bundle::Content c, int n) {
    std::vector<size_t> idx;
    for (size_t i = 0; i < c.articles.size(); ++i)
        if (c.articles[i].lang == "en") idx.push_back(i);
    std::mt19937 rng(42);
    std::shuffle(idx.begin(), idx.end(), rng);
    for (int i = 0; i < n; ++i) {
        auto& a = c.articles[idx[static_cast<size_t>(i)]];
        const size_t at = a.body.find("\n\n", a.body.size() / 2);
        a.body.insert(at == std::string::npos ? a.body.size() : at,
                      "\n\nRevised after the field review: confirm the fallback path and the out-of-band contact "
                      "list before the next outage window.");
        a.updated = "2026-12-01";
    }
    return c;
}

// The shipped content without one of its checklists (English): the next edition brings it.
fk::bundle::Content WithoutChecklist(fk::bundle::Content c, const std::string& id) {
    std::erase_if(c.articles, [&](const fk::bundle::Article& a) { return a.id == id && a.lang == "en"; });
    return c;
}

struct Publisher {
    fk::test::TempDir tmp;
    fk::bundle::KeyPair keys = fk::bundle::GenerateKeyPair();
    fs::path kit = tmp.path() / "kit";

    Publisher() { Spit(tmp / "key.pub", fk::bundle::FormatPublicKey(keys.pub)); }

    std::string Build(const fk::bundle::Content& c, std::uint64_t version) {
        return fk::bundle::BuildFromContent(c, keys.sec, fk::test::FixedOptions(version, 1700000000 + static_cast<std::int64_t>(version)))
            .bytes;
    }

    // A kit that trusts this publisher and has edition 1 of the shipped content.
    void InstallBase(const std::string& v1) {
        Spit(tmp / "v1.fkb", v1);
        REQUIRE(Fieldkit(kit, {"trust", "add", tmp / "key.pub"}).status == 0);
        auto r = Fieldkit(kit, {"import", tmp / "v1.fkb"});
        INFO(r.err);
        REQUIRE(r.status == 0);
    }

    // `bundle armor` through the binary; the parts as printed, split at the blank lines.
    std::vector<std::string> Armor(const std::string& file_bytes, const std::string& name, std::vector<std::string> extra = {}) {
        Spit(tmp / name, file_bytes);
        std::vector<std::string> args = {"bundle", "armor", tmp / name, "-o", tmp / (name + ".txt")};
        args.insert(args.end(), extra.begin(), extra.end());
        auto r = Fieldkit(tmp / "scratch", args);
        INFO(r.err);
        REQUIRE(r.status == 0);
        const std::string text = Slurp(tmp / (name + ".txt"));
        std::vector<std::string> parts;
        size_t at = 0;
        while (at < text.size()) {
            size_t end = text.find("\n\n", at);
            if (end == std::string::npos) end = text.size();
            std::string p = text.substr(at, end - at);
            while (!p.empty() && p.back() == '\n') p.pop_back();
            if (!p.empty()) parts.push_back(p);
            at = end + 2;
        }
        return parts;
    }

    fk::test::ProcessResult ImportText(const std::string& text) {
        return fk::test::Run({FK_BINARY, "--data-dir", kit.string(), "import", "-"}, {}, text);
    }
};

// The same part with one payload letter changed (a typo, a radio error).
std::string Damaged(std::string part) {
    const size_t at = part.size() - 5;
    part[at] = part[at] == 'Q' ? 'R' : 'Q';
    return part;
}

bool StoreEmpty(const fs::path& kit) {
    std::error_code ec;
    return !fs::exists(kit / "armor", ec) || fs::is_empty(kit / "armor", ec);
}

}  // namespace

TEST_CASE("an update sent as SMS parts installs from a shuffled, quoted, re-wrapped forward with a damaged copy") {
    Publisher p;
    const std::string v1 = p.Build(Shipped(), 1);
    const std::string v2 = p.Build(Edited(Shipped(), 1), 2);
    p.InstallBase(v1);
    auto delta = fk::bundle::MakeDelta(v1, v2, p.keys.sec);
    REQUIRE(delta.ok());
    auto parts = p.Armor(*delta, "d.fkd", {"--part-chars", "160"});
    REQUIRE(parts.size() > 3);
    for (const auto& part : parts) CHECK(part.size() <= 160);

    std::vector<std::string> messages = parts;
    messages.push_back(parts[1]);
    messages.push_back(Damaged(parts[2]));  // a repeat of part 3 with an error; the good copy is there too
    std::mt19937 rng(11);
    std::shuffle(messages.begin(), messages.end(), rng);
    std::string chat = "Chat export with Ana\n";
    for (const auto& m : messages) chat += "[07/12/2026, 10:32] Ana: " + m + "\n[07/12/2026, 10:33] Bob: ok got it\n";
    const std::string mail = "Hi Bob,\n\nhere is the update Ana sent over SMS.\n\n---------- Forwarded message ---------\n" +
                             Quote(Wrap(chat, 72)) + "\n\nThanks, see you Monday\nCarla\n";
    const std::string text = Quote(Wrap(mail, 72));

    auto r = p.ImportText(text);
    INFO(r.out, r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("installed armor-test version 2 (was 1)") != std::string::npos);
    CHECK(r.err.find("part 3/" + std::to_string(parts.size())) != std::string::npos);
    CHECK(r.err.find("damaged") != std::string::npos);
    CHECK(r.err.find("a good copy of it is here and used") != std::string::npos);
    CHECK(InstalledVersion(p.kit, kPack) == 2);
    CHECK(StoreEmpty(p.kit));
}

TEST_CASE("parts arriving over several days add up, what is missing or damaged is named, nothing installs early") {
    Publisher p;
    const std::string v1 = p.Build(Shipped(), 1);
    const std::string v2 = p.Build(Edited(Shipped(), 10), 2);
    p.InstallBase(v1);
    auto delta = fk::bundle::MakeDelta(v1, v2, p.keys.sec);
    REQUIRE(delta.ok());
    auto parts = p.Armor(*delta, "d.fkd", {"--part-chars", "160"});
    const size_t n = parts.size();
    REQUIRE(n > 6);

    // Day one: the odd parts, by a file; part 5 arrives only damaged.
    std::string day1;
    for (size_t i = 0; i < n; i += 2) day1 += (i == 4 ? Damaged(parts[i]) : parts[i]) + "\n\n";
    Spit(p.tmp / "day1.txt", day1);
    auto r1 = Fieldkit(p.kit, {"import", p.tmp / "day1.txt"});
    INFO(r1.out, r1.err);
    CHECK(r1.status == 0);
    CHECK(r1.err.find("part 5/" + std::to_string(n)) != std::string::npos);
    CHECK(r1.err.find("ask for it again") != std::string::npos);
    CHECK(r1.out.find("missing 2, 4-6") != std::string::npos);
    CHECK(InstalledVersion(p.kit, kPack) == 1);
    CHECK_FALSE(StoreEmpty(p.kit));

    // Day two: the even parts, pasted; part 5 still missing.
    std::string day2;
    for (size_t i = 1; i < n; i += 2) day2 += parts[i] + "\n";
    auto r2 = p.ImportText(day2);
    INFO(r2.out, r2.err);
    CHECK(r2.status == 0);
    CHECK(r2.out.find(std::to_string(n - 1) + " of " + std::to_string(n) + " parts; missing 5 ") != std::string::npos);
    CHECK(InstalledVersion(p.kit, kPack) == 1);

    // Day three: part 5, in two files with other text.
    Spit(p.tmp / "a.txt", "nothing here\n");
    Spit(p.tmp / "b.txt", "Here is the one you lost:\n" + parts[4] + "\nbye\n");
    auto r3 = Fieldkit(p.kit, {"import", p.tmp / "a.txt", p.tmp / "b.txt"});
    INFO(r3.out, r3.err);
    CHECK(r3.status == 0);
    CHECK(r3.out.find("installed armor-test version 2 (was 1)") != std::string::npos);
    CHECK(InstalledVersion(p.kit, kPack) == 2);
    CHECK(StoreEmpty(p.kit));
}

TEST_CASE("a whole set whose delta signature is bad is refused like the same delta from a file") {
    Publisher p;
    const std::string v1 = p.Build(Shipped(), 1);
    const std::string v2 = p.Build(Edited(Shipped(), 1), 2);
    p.InstallBase(v1);
    auto delta = fk::bundle::MakeDelta(v1, v2, p.keys.sec);
    REQUIRE(delta.ok());
    // One byte of the signature block (right after the 32-byte header and the manifest).
    std::string bad = *delta;
    std::uint32_t m = 0;
    for (int i = 3; i >= 0; --i) m = (m << 8) | static_cast<unsigned char>(bad[12 + static_cast<size_t>(i)]);
    bad[32 + m + 40] ^= 0x01;
    Spit(p.tmp / "bad.fkd", bad);
    auto direct = Fieldkit(p.kit, {"import", p.tmp / "bad.fkd"});
    REQUIRE(direct.status == 1);
    const std::string reason = direct.err.substr(direct.err.find(": ", 10) + 2);

    auto parts = p.Armor(bad, "bad-armored.fkd", {"--part-chars", "160"});
    std::string text;
    for (const auto& part : parts) text += part + "\n";
    auto r = p.ImportText(text);
    INFO(r.out, r.err, reason);
    CHECK(r.status == 1);
    CHECK(r.err.find("refused") != std::string::npos);
    CHECK(r.err.find(reason.substr(0, reason.size() - 1)) != std::string::npos);
    CHECK(InstalledVersion(p.kit, kPack) == 1);
    CHECK(StoreEmpty(p.kit));  // refused for good: nothing kept
}

TEST_CASE("a small new pack travels as one text part with --bundle") {
    Publisher p;
    fk::test::WriteSampleContent(p.tmp.path() / "small", 2, "small-pack", "textedition");
    std::vector<fk::bundle::Problem> problems;
    auto built = fk::bundle::BuildFromDirectory(p.tmp.path() / "small", p.keys.sec, fk::test::FixedOptions(3, 1700000000), problems);
    REQUIRE(built.ok());
    REQUIRE(Fieldkit(p.kit, {"trust", "add", p.tmp / "key.pub"}).status == 0);
    auto parts = p.Armor(built->bytes, "small.fkb", {"--bundle"});
    REQUIRE(parts.size() == 1);
    CHECK(parts[0].rfind("FKB1 small-pack 0 3 1/1 ", 0) == 0);
    auto r = p.ImportText(Quote(Wrap("see below\n\n" + parts[0] + "\n", 72)));
    INFO(r.out, r.err);
    CHECK(r.status == 0);
    CHECK(InstalledVersion(p.kit, "small-pack") == 3);
    // Without --bundle the publisher is told what to do.
    Spit(p.tmp / "x.fkb", built->bytes);
    auto wrong = Fieldkit(p.tmp / "scratch", {"bundle", "armor", p.tmp / "x.fkb"});
    CHECK(wrong.status == 1);
    CHECK(wrong.err.find("--bundle") != std::string::npos);
}

TEST_CASE("what updates of the shipped content cost as SMS (160 characters) and as e-mail text") {
    Publisher p;
    const std::string checklist = "checklist-ddos-first-hour";
    struct Case {
        const char* what;
        std::string base, result;
    };
    const std::string v1 = p.Build(Shipped(), 1);
    std::vector<Case> cases = {
        {"one edited article", v1, p.Build(Edited(Shipped(), 1), 2)},
        {"ten edited articles", v1, p.Build(Edited(Shipped(), 10), 2)},
        {"a new checklist", p.Build(WithoutChecklist(Shipped(), checklist), 1), p.Build(Shipped(), 2)},
    };
    std::string report = "updates of the shipped content (" + std::to_string(Shipped().articles.size()) + " articles) as text:\n";
    for (const auto& c : cases) {
        auto delta = fk::bundle::MakeDelta(c.base, c.result, p.keys.sec);
        REQUIRE(delta.ok());
        // Labelled as the core library's editions are (dates), so the headers are as long as real ones.
        const fk::bundle::ArmorLabel label{fk::bundle::ArmorKind::kDelta, "fieldkit-core", 20261127, 20261201};
        auto sms = fk::bundle::ArmorEncode(label, *delta, 160);
        auto mail = fk::bundle::ArmorEncode(label, *delta, 0);
        REQUIRE(sms.ok());
        REQUIRE(mail.ok());
        size_t sms_chars = 0;
        for (const auto& s : sms->parts) {
            CHECK(s.size() <= 160);
            sms_chars += s.size();
        }
        report += "  " + std::string(c.what) + ": delta " + std::to_string(delta->size()) + " bytes; " +
                  std::to_string(sms->parts.size()) + " SMS (" + std::to_string(sms_chars) + " characters); one e-mail part " +
                  std::to_string(mail->parts[0].size()) + " characters\n";
    }
    MESSAGE(report);
}

TEST_CASE("a whole update from a publisher not trusted yet is kept, and installs once the key is trusted") {
    Publisher p, stranger;
    const std::string v1 = stranger.Build(Shipped(), 1);
    const std::string v2 = stranger.Build(Edited(Shipped(), 1), 2);
    REQUIRE(Fieldkit(p.kit, {"trust", "add", stranger.tmp / "key.pub"}).status == 0);
    Spit(p.tmp / "v1.fkb", v1);
    REQUIRE(Fieldkit(p.kit, {"import", p.tmp / "v1.fkb"}).status == 0);
    REQUIRE(Fieldkit(p.kit, {"trust", "remove", fk::bundle::KeyFingerprint(stranger.keys.pub)}).status == 0);
    auto delta = fk::bundle::MakeDelta(v1, v2, stranger.keys.sec);
    REQUIRE(delta.ok());
    std::string text;
    for (const auto& part : p.Armor(*delta, "d.fkd", {"--part-chars", "160"})) text += part + "\n";
    auto r = p.ImportText(text);
    INFO(r.out, r.err);
    CHECK(r.status == 1);
    CHECK(r.err.find("unknown key") != std::string::npos);
    CHECK_FALSE(StoreEmpty(p.kit));  // kept: it may install later
    REQUIRE(Fieldkit(p.kit, {"trust", "add", stranger.tmp / "key.pub"}).status == 0);
    auto again = p.ImportText("");
    INFO(again.out, again.err);
    CHECK(again.status == 0);
    CHECK(again.out.find("installed armor-test version 2 (was 1)") != std::string::npos);
    CHECK(InstalledVersion(p.kit, kPack) == 2);
    CHECK(StoreEmpty(p.kit));
}
