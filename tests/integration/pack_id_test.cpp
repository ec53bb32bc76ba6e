// A pack id never becomes a path outside the data directory: bundles signed by a trusted
// third-party key but carrying a hostile pack id (`../../x`, `../packs/fieldkit-core`, a NUL,
// upper case, over-long) are refused by the real binary, nothing is written outside the data
// directory, and the installed core library stays intact and usable. Deltas with such an id
// are refused too, and a tampered library.json never turns into paths.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "bundle/bundle_file.hpp"
#include "bundle/builder.hpp"
#include "bundle/content_loader.hpp"
#include "bundle/delta.hpp"
#include "platform/files.hpp"
#include "tests/support/process.hpp"
#include "tests/support/sample_content.hpp"
#include "tests/support/temp_dir.hpp"

using fk::test::Fieldkit;
namespace fs = std::filesystem;

namespace {

std::string Slurp(const fs::path& path) { return *fk::platform::ReadFile(path, "test file"); }

void Spit(const fs::path& path, std::string_view bytes) {
    REQUIRE(fk::platform::WriteFileAtomic(path, bytes, "test file"));
}

// Every regular file under `root` except those inside `skip`, with its contents.
std::map<std::string, std::string> FilesOutside(const fs::path& root, const fs::path& skip) {
    std::map<std::string, std::string> out;
    for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
        if (it->path() == skip) {
            it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file()) out[it->path().string()] = Slurp(it->path());
    }
    return out;
}

// A publisher with a throw-away key (`bundle keygen -W`) that the kit trusts (`trust add`),
// which signs whatever manifest it likes through the low-level bundle writer: the builder
// itself would refuse these ids.
struct Publisher {
    fk::test::TempDir dir;
    fs::path home = dir.path() / "home";       // everything the test may see change
    fs::path data = home / "data";             // the kit's data directory
    fk::bundle::SecretKey key;
    fk::bundle::Manifest manifest;             // of the sample content, pack "good-pack"
    std::string payload;

    Publisher() {
        fs::create_directories(home);
        const std::string pub = dir / "pub.key", sec = dir / "sec.key";
        REQUIRE(Fieldkit(dir / "scratch", {"bundle", "keygen", "-W", "-p", pub, "-s", sec}).status == 0);
        REQUIRE(Fieldkit(data, {"trust", "add", pub}).status == 0);
        key = *fk::bundle::ParseSecretKey(Slurp(sec));
        fk::test::WriteSampleContent(dir / "content", 3, "good-pack");
        auto loaded = fk::bundle::LoadContentDir(dir / "content");
        REQUIRE(loaded);
        REQUIRE(loaded->problems.empty());
        auto built = fk::bundle::BuildFromContent(loaded->content, key, fk::test::FixedOptions(1, 1700000000));
        const auto pub_key = key.Public();
        auto vb = fk::bundle::VerifyBundle(built.bytes, std::span<const fk::bundle::PublicKey>(&pub_key, 1));
        REQUIRE(vb);
        manifest = vb->manifest;
        payload = std::string(vb->payload);
    }

    // A validly signed bundle of the sample content whose manifest names `pack`.
    std::string BundleFor(const std::string& pack, std::uint64_t version = 1) const {
        fk::bundle::Manifest m = manifest;
        m.pack = pack;
        m.version = version;
        return fk::bundle::AssembleBundle(m, payload, key);
    }

    std::string CoreFile() const {
        for (const auto& f : fs::directory_iterator(data / "packs"))
            if (f.path().filename().string().starts_with("fieldkit-core-")) return f.path().string();
        FAIL("no installed core bundle");
        return "";
    }

    std::uint64_t CoreVersion() const {
        auto j = nlohmann::json::parse(Fieldkit(data, {"status", "--json"}).out);
        for (const auto& p : j.at("packs"))
            if (p.at("pack") == "fieldkit-core") return p.at("version").get<std::uint64_t>();
        FAIL("core pack not installed");
        return 0;
    }
};

std::set<std::string> InstalledPacks(const fs::path& data) {
    auto r = Fieldkit(data, {"status", "--json"});
    REQUIRE(r.status == 0);
    std::set<std::string> out;
    // Held in a variable: a range-for over parse(...).at(...) would walk a destroyed temporary.
    const auto status = nlohmann::json::parse(r.out);
    for (const auto& p : status.at("packs")) out.insert(p.at("pack").get<std::string>());
    return out;
}

void CheckCoreUsable(const fs::path& data) {
    auto search = Fieldkit(data, {"search", "fuel"});
    INFO(search.out << search.err);
    CHECK(search.status == 0);
    CHECK(search.out.find("checklist-fuel-resupply") != std::string::npos);
    auto show = Fieldkit(data, {"show", "checklist-fuel-resupply"});
    INFO(show.err);
    CHECK(show.status == 0);
    CHECK_FALSE(show.out.empty());
}

}  // namespace

TEST_CASE("bundles with a hostile pack id are refused and write nothing outside the data directory") {
    Publisher p;
    const std::string core_file = p.CoreFile();
    const std::string core_bytes = Slurp(core_file);
    const std::uint64_t core_version = p.CoreVersion();
    const auto before = FilesOutside(p.home, p.data);

    struct Case {
        std::string name;
        std::string pack;
        std::uint64_t version;
        std::string shown;  // how the error names the id
    };
    const std::string nul_id = std::string("../../victim") + '\0' + "x";
    const std::vector<Case> cases = {
        {"parent directories", "../../x", 1, "'../../x'"},
        {"the core bundle's own file", "../packs/fieldkit-core", core_version, "'../packs/fieldkit-core'"},
        {"a NUL that cuts off the suffix", nul_id, 1, "'../../victim\\x00x'"},
        {"over-long", std::string(65, 'a'), 1, "'" + std::string(65, 'a') + "'"},
        {"upper case", "Good-Pack", 1, "'Good-Pack'"},
        {"a trailing dash", "good-", 1, "'good-'"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        const fs::path file = p.dir / "hostile.fkb";
        Spit(file, p.BundleFor(c.pack, c.version));
        auto r = Fieldkit(p.data, {"import", file.string()});
        INFO(r.out << r.err);
        CHECK(r.status != 0);
        CHECK(r.err.find("pack id " + c.shown + " is not valid") != std::string::npos);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') <= 1);  // one clear line
        CHECK(FilesOutside(p.home, p.data) == before);
        CHECK_FALSE(fs::exists(p.dir / "victim"));
        CHECK(Slurp(core_file) == core_bytes);
        CHECK(InstalledPacks(p.data) == std::set<std::string>{"fieldkit-core"});
    }
    CheckCoreUsable(p.data);

    // The limits themselves: 64 characters is a valid id.
    const fs::path ok = p.dir / "ok.fkb";
    Spit(ok, p.BundleFor(std::string(64, 'a')));
    auto r = Fieldkit(p.data, {"import", ok.string()});
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(InstalledPacks(p.data).count(std::string(64, 'a')) == 1);
}

TEST_CASE("a delta whose pack id is not valid is refused by that id") {
    Publisher p;
    const fs::path v1 = p.dir / "v1.fkb";
    Spit(v1, p.BundleFor("good-pack", 1));
    REQUIRE(Fieldkit(p.data, {"import", v1.string()}).status == 0);
    // A real delta from v1 to v2.
    fk::bundle::Manifest m2 = p.manifest;
    m2.pack = "good-pack";
    m2.version = 2;
    const std::string v2 = fk::bundle::AssembleBundle(m2, p.payload, p.key);
    auto delta = fk::bundle::MakeDelta(p.BundleFor("good-pack", 1), v2, p.key);
    REQUIRE(delta);
    // The delta carries v2's signed head: rewrite its manifest to name `../../x` and sign it
    // again with the trusted key, as a trusted but hostile publisher could.
    auto put_le = [](std::string& s, size_t at, size_t v) {
        for (size_t i = 0; i < 4; ++i) s[at + i] = static_cast<char>((v >> (8 * i)) & 0xff);
    };
    auto signed_m = fk::bundle::PeekBundleManifest(v2);
    REQUIRE(signed_m);
    fk::bundle::Manifest hostile_m = *signed_m;
    hostile_m.pack = "../../x";
    const std::string json = fk::bundle::ManifestToJson(hostile_m);
    const std::string comment = "hostile delta";
    std::string head = v2.substr(0, fk::bundle::kBundleHeaderSize);
    put_le(head, 12, json.size());
    put_le(head, 16, 138 + comment.size());  // a signature block's length, as the builder writes it
    head += json;
    head += fk::bundle::EncodeSignatureBlock(fk::bundle::Sign(p.key, head, comment));
    const size_t old_head = v2.size() - signed_m->payload_size;
    std::string hostile = delta->substr(0, fk::bundle::kDeltaHeaderSize);
    put_le(hostile, 12, head.size());
    hostile += head;
    hostile += delta->substr(fk::bundle::kDeltaHeaderSize + old_head);  // the patch, unchanged

    const fs::path file = p.dir / "hostile.fkd";
    Spit(file, hostile);
    auto r = Fieldkit(p.data, {"import", file.string()});
    INFO(r.out << r.err);
    CHECK(r.status != 0);
    CHECK(r.err.find("pack id '../../x' is not valid") != std::string::npos);
    CHECK(InstalledPacks(p.data) == std::set<std::string>{"fieldkit-core", "good-pack"});
    CheckCoreUsable(p.data);
}

TEST_CASE("a tampered library.json never turns a pack id into a path outside the data or export directory") {
    Publisher p;
    const fs::path good = p.dir / "good.fkb";
    Spit(good, p.BundleFor("good-pack", 1));
    REQUIRE(Fieldkit(p.data, {"import", good.string()}).status == 0);
    auto state = nlohmann::json::parse(Slurp(p.data / "library.json"));
    state["packs"]["../../escaped"] = state["packs"]["good-pack"];
    state["packs"].erase("good-pack");
    Spit(p.data / "library.json", state.dump(2));
    const fs::path out = p.home / "usb" / "mirror";
    fs::create_directories(out);
    const auto before = FilesOutside(p.home, p.data);

    auto r = Fieldkit(p.data, {"export", out.string()});
    INFO(r.out << r.err);
    CHECK(r.status == 0);
    CHECK_FALSE(fs::exists(p.home / "escaped-1.fkb"));
    for (const auto& [path, bytes] : FilesOutside(p.home, p.data))
        if (!before.count(path)) CHECK(path.starts_with(out.string() + "/"));
    CHECK(fs::exists(p.data / "library.json.damaged"));  // kept for inspection
    CHECK(InstalledPacks(p.data).count("../../escaped") == 0);
    CheckCoreUsable(p.data);
}
