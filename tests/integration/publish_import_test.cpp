// The spine end to end through the real binary: keygen, build, the stock minisign,
// trust, import, search; and every way a bundle can be bad.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "platform/files.hpp"
#include "tests/support/process.hpp"
#include "tests/support/report.hpp"
#include "tests/support/sample_content.hpp"
#include "tests/support/temp_dir.hpp"

using fk::test::Fieldkit;
using fk::test::Run;
namespace fs = std::filesystem;

namespace {

struct Publisher {
    fk::test::TempDir dir;
    std::string data = dir / "reader";

    Publisher() {
        REQUIRE(Fieldkit(data, {"bundle", "keygen", "-W", "-p", dir / "key.pub", "-s", dir / "key.sec"}).status == 0);
    }
    std::string Build(int version, const std::string& marker = "editionone") {
        const std::string content = dir / ("content-" + std::to_string(version));
        fs::remove_all(content);
        fk::test::WriteSampleContent(content, 4, "field-pack", marker);
        const std::string out = dir / ("pack-" + std::to_string(version) + ".fkb");
        auto r = Fieldkit(data, {"bundle", "build", content, "-o", out, "-s", dir / "key.sec", "--version",
                                 std::to_string(version)});
        INFO(r.err);
        REQUIRE(r.status == 0);
        return out;
    }
    // Installed pack versions, for before/after comparisons.
    std::string Versions() {
        auto j = nlohmann::json::parse(Fieldkit(data, {"status", "--json"}).out);
        std::string out;
        for (const auto& pack : j["packs"]) out += pack["pack"].get<std::string>() + "=" + pack["version"].dump() + " ";
        return out;
    }
    int SearchCount(const std::string& q) {
        auto r = Fieldkit(data, {"search", "--json", q});
        REQUIRE(r.status == 0);
        return static_cast<int>(nlohmann::json::parse(r.out).size());
    }
};

std::string ReadAll(const std::string& path) { return *fk::platform::ReadFile(path, "test file"); }
void WriteAll(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

}  // namespace

TEST_CASE("keygen, build, stock minisign, trust, import and search") {
    Publisher p;
    const std::string bundle = p.Build(1);
    if (!fk::test::HaveProgram("minisign")) FAIL("minisign is not installed (apt-get install minisign)");
    auto ms = Run({"minisign", "-Vm", bundle, "-p", p.dir / "key.pub"});
    INFO(ms.out << ms.err);
    CHECK(ms.status == 0);
    CHECK(ms.out.find("Trusted comment: fieldkit pack=field-pack version=1") != std::string::npos);

    auto verify = Fieldkit(p.data, {"bundle", "verify", bundle, "-p", p.dir / "key.pub"});
    CHECK(verify.status == 0);
    auto untrusted = Fieldkit(p.data, {"import", bundle});
    CHECK(untrusted.status == 1);
    CHECK(untrusted.err.find("unknown key") != std::string::npos);
    REQUIRE(Fieldkit(p.data, {"trust", "add", p.dir / "key.pub"}).status == 0);
    auto imported = Fieldkit(p.data, {"import", bundle});
    INFO(imported.err);
    REQUIRE(imported.status == 0);
    CHECK(imported.out.find("installed field-pack version 1") != std::string::npos);
    CHECK(p.SearchCount("editionone") == 4);
    // The built-in pack is searched together with the imported one.
    CHECK(p.SearchCount("rpki") >= 4);
}

TEST_CASE("minisign refuses a bundle changed after signing, and so does fieldkit") {
    Publisher p;
    const std::string bundle = p.Build(1);
    std::string bytes = ReadAll(bundle);
    bytes[bytes.size() / 2] ^= 0x01;
    WriteAll(bundle, bytes);
    CHECK(Run({"minisign", "-Vm", bundle, "-p", p.dir / "key.pub"}).status != 0);
    CHECK(Fieldkit(p.data, {"bundle", "verify", bundle, "-p", p.dir / "key.pub"}).status == 1);
}

TEST_CASE("flipped bytes and truncations are refused and the installed pack is unchanged") {
    Publisher p;
    REQUIRE(Fieldkit(p.data, {"trust", "add", p.dir / "key.pub"}).status == 0);
    REQUIRE(Fieldkit(p.data, {"import", p.Build(1)}).status == 0);
    const std::string before = p.Versions();
    const std::string good = ReadAll(p.Build(2, "editiontwo"));
    const std::string bad = p.dir / "bad.fkb";
    // A spread of offsets over header, manifest, signature and payload.
    std::uint64_t flips_refused = 0, truncations_refused = 0;
    for (size_t at = 0; at < good.size(); at += 1 + good.size() / 40) {
        std::string flipped = good;
        flipped[at] ^= 0x40;
        WriteAll(bad, flipped);
        auto r = Fieldkit(p.data, {"import", bad});
        INFO("flipped byte at " << at << ": " << r.err);
        CHECK(r.status == 1);
        flips_refused += r.status == 1;
        WriteAll(bad, good.substr(0, at));
        r = Fieldkit(p.data, {"import", bad});
        INFO("truncated at " << at << ": " << r.err);
        CHECK(r.status == 1);
        truncations_refused += r.status == 1;
    }
    fk::test::WriteReport("flip-import", {{"bytes flipped and refused: fieldkit import", flips_refused},
                                          {"truncations refused: fieldkit import", truncations_refused}});
    CHECK(p.Versions() == before);
    CHECK(p.SearchCount("editionone") == 4);
    WriteAll(bad, good);
    CHECK(Fieldkit(p.data, {"import", bad}).status == 0);
    CHECK(p.SearchCount("editiontwo") == 4);
}

TEST_CASE("distinct errors: not a bundle, too new, older version, wrong key") {
    Publisher p;
    REQUIRE(Fieldkit(p.data, {"trust", "add", p.dir / "key.pub"}).status == 0);
    const std::string v2 = p.Build(2);
    const std::string v1 = p.Build(1);
    REQUIRE(Fieldkit(p.data, {"import", v2}).status == 0);

    auto older = Fieldkit(p.data, {"import", v1});
    CHECK(older.status == 1);
    CHECK(older.err.find("you already have version 2") != std::string::npos);
    CHECK(Fieldkit(p.data, {"import", v2}).err.find("already installed") != std::string::npos);

    WriteAll(p.dir / "notes.txt", "just some notes\n");
    CHECK(Fieldkit(p.data, {"import", p.dir / "notes.txt"}).err.find("not a fieldkit bundle") != std::string::npos);
    std::string newer = ReadAll(v2);
    newer[8] = 9;
    WriteAll(p.dir / "newer.fkb", newer);
    CHECK(Fieldkit(p.data, {"import", p.dir / "newer.fkb"}).err.find("newer than this fieldkit") != std::string::npos);
    CHECK(Fieldkit(p.data, {"import", p.dir / "missing.fkb"}).err.find("not found") != std::string::npos);

    Publisher stranger;
    auto foreign = Fieldkit(p.data, {"bundle", "verify", v2, "-p", stranger.dir / "key.pub"});
    CHECK(foreign.status == 1);
    CHECK(foreign.err.find("unknown key") != std::string::npos);
}

TEST_CASE("odd queries from the command line return cleanly") {
    fk::test::TempDir dir;
    for (std::string q : {"\"", "AND", "NEAR(", "*", "-", ":", "((", "🙂", "Київ", "éàü", "a\"b'c", "title:x"}) {
        auto r = Fieldkit(dir / "data", {"search", "--json", q});
        INFO(q << ": " << r.err);
        CHECK(r.status == 0);
        CHECK(nlohmann::json::parse(r.out).is_array());
    }
    auto big = Fieldkit(dir / "data", {"search", "--json", std::string(10240, 'q')});
    CHECK(big.status == 0);
}
