// The cross-built fieldkit.exe, run under wine and driven from Linux: the commands a reader
// uses, hostile bundles, sync from a Linux `fieldkit serve` on 127.0.0.1, a kill during sync,
// a data directory with non-ASCII letters, and portable mode.
#include <doctest/doctest.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#define STB_IMAGE_IMPLEMENTATION
#include <stb_image.h>
#include <regex>
#include <thread>

#include "tests/support/child.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/sync/support/relay.hpp"
#include "tests/sync/support/releases.hpp"
#include "tests/ui/xvfb.hpp"

namespace fs = std::filesystem;
using fk::test::ProcessResult;
using fk::test::Releases;

namespace {

// Wine maps drive Z: to the Linux root: the Windows program sees every path as Z:\...
std::string WinPath(const fs::path& linux_path) {
    std::string p = "Z:" + fs::absolute(linux_path).string();
    std::replace(p.begin(), p.end(), '/', '\\');
    return p;
}

// The window gets a wine prefix (and so a wine server) of its own: a server first started
// without a display keeps its desktop without one.
std::map<std::string, std::string> WineEnv(const std::string& prefix = FK_WINE_PREFIX) {
    return {{"WINEPREFIX", prefix}, {"WINEDEBUG", "-all"}, {"LANG", "C.UTF-8"}};
}

std::vector<std::string> WineArgv(const std::string& exe, std::vector<std::string> args,
                                  const std::string& prefix = FK_WINE_PREFIX) {
    std::vector<std::string> argv{"env"};
    for (const auto& [k, v] : WineEnv(prefix)) argv.push_back(k + "=" + v);
    argv.push_back("wine");
    argv.push_back(exe);
    argv.insert(argv.end(), args.begin(), args.end());
    return argv;
}

// fieldkit.exe with its data directory given on the command line.
ProcessResult Exe(const fs::path& data, std::vector<std::string> args, const std::string& exe = FK_WINDOWS_EXE) {
    args.insert(args.begin(), {"--data-dir", WinPath(data)});
    return fk::test::Run(WineArgv(exe, args));
}

// Wine ends lines the Windows way when a program asks for text mode; compare without it.
std::string Unix(std::string s) {
    s.erase(std::remove(s.begin(), s.end(), '\r'), s.end());
    return s;
}

// The search index (index-N.sqlite) and the built-in pack's bundle are in the data directory.
bool HasIndex(const fs::path& data) {
    bool index = false, pack = false;
    std::error_code ec;
    for (const auto& f : fs::directory_iterator(data, ec))
        index |= f.path().filename().string().starts_with("index-");
    for (const auto& f : fs::directory_iterator(data / "packs", ec))
        pack |= f.path().extension() == ".fkb";
    return index && pack;
}

int InstalledVersion(const fs::path& data, const std::string& pack = "test-pack") {
    auto r = Exe(data, {"status", "--json"});
    if (r.status != 0) return -1;
    const auto status = nlohmann::json::parse(r.out);  // kept: the loop below refers into it
    for (const auto& p : status.at("packs"))
        if (p.at("pack") == pack) return p.at("version").get<int>();
    return 0;
}

void CheckUsable(const fs::path& data) {
    auto s = Exe(data, {"search", "--json", "bgp hijack"});
    INFO(s.out, s.err);
    REQUIRE(s.status == 0);
    CHECK_FALSE(nlohmann::json::parse(s.out).empty());
}

// A kit (Windows) that trusts the test publisher and has `version` installed.
fs::path WindowsKit(const Releases& rel, const std::string& name, int version) {
    const fs::path data = fs::path(rel.Dir()) / ("win-" + name);
    auto t = Exe(data, {"trust", "add", WinPath(rel.Pub())});
    INFO(t.out, t.err);
    REQUIRE(t.status == 0);
    if (version > 0) {
        auto i = Exe(data, {"import", WinPath(rel.Bundle(version))});
        INFO(i.out, i.err);
        REQUIRE(i.status == 0);
    }
    return data;
}

// `fieldkit serve` (Linux) of a mirror directory; returns its URL.
struct Serve {
    std::unique_ptr<fk::test::Child> child;
    std::string url;
    int port = 0;
    explicit Serve(const std::string& mirror) {
        child = std::make_unique<fk::test::Child>(
            std::vector<std::string>{FK_BINARY, "serve", "--dir", mirror, "--bind", "127.0.0.1:0"});
        const std::string line = child->ReadLine(10000);
        std::smatch m;
        REQUIRE(std::regex_search(line, m, std::regex("http://127\\.0\\.0\\.1:([0-9]+)/")));
        port = std::stoi(m[1].str());
        url = "http://127.0.0.1:" + m[1].str() + "/";
    }
};

}  // namespace

TEST_CASE("fieldkit.exe under wine: status, search and show on the built-in library, ranked as on Linux") {
    fk::test::TempDir dir;
    const fs::path data = dir.path() / "kit";
    auto help = fk::test::Run(WineArgv(FK_WINDOWS_EXE, {"--help"}));
    INFO(help.out, help.err);
    REQUIRE(help.status == 0);
    CHECK(help.out.find("usage: fieldkit") != std::string::npos);

    auto status = Exe(data, {"status", "--json"});
    INFO(status.out, status.err);
    REQUIRE(status.status == 0);
    const auto packs = nlohmann::json::parse(status.out).at("packs");
    REQUIRE(packs.size() == 1);
    CHECK(packs[0].at("pack") == "fieldkit-core");
    CHECK(packs[0].at("articles").get<int>() > 200);
    CHECK(HasIndex(data));

    auto search = Exe(data, {"search", "--json", "bgp hijack"});
    INFO(search.err);
    REQUIRE(search.status == 0);
    const auto hits = nlohmann::json::parse(search.out);
    REQUIRE_FALSE(hits.empty());
    const std::string id = hits[0].at("id");
    // The same ranking as the Linux build on the same library.
    auto linux_search = fk::test::Fieldkit((dir.path() / "linux-kit").string(), {"search", "--json", "bgp hijack"});
    REQUIRE(linux_search.status == 0);
    CHECK(nlohmann::json::parse(linux_search.out)[0].at("id") == id);

    auto show = Exe(data, {"show", id});
    INFO(show.err);
    REQUIRE(show.status == 0);
    CHECK(Unix(show.out).find("\n") != std::string::npos);
    CHECK(show.out.size() > 500);
}

TEST_CASE("fieldkit.exe under wine: a good bundle imports, a tampered one is refused and nothing is lost") {
    Releases rel(2);
    const fs::path kit = WindowsKit(rel, "import", 1);
    CHECK(InstalledVersion(kit) == 1);

    std::string bytes;
    {
        std::ifstream in(rel.Bundle(2), std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    bytes[bytes.size() / 2] ^= 0x01;  // one bit in the compressed payload
    const fs::path tampered = fs::path(rel.Dir()) / "tampered.fkb";
    std::ofstream(tampered, std::ios::binary) << bytes;
    auto check = Exe(kit, {"bundle", "verify", WinPath(tampered), "-p", WinPath(rel.Pub())});
    INFO(check.out, check.err);
    CHECK(check.status != 0);
    auto bad = Exe(kit, {"import", WinPath(tampered)});
    INFO(bad.out, bad.err);
    CHECK(bad.status != 0);
    CHECK(bad.err.find("does not match its signed hash") != std::string::npos);
    CHECK(InstalledVersion(kit) == 1);
    CheckUsable(kit);

    auto good = Exe(kit, {"import", WinPath(rel.Bundle(2))});
    INFO(good.out, good.err);
    CHECK(good.status == 0);
    CHECK(InstalledVersion(kit) == 2);
    CHECK(Exe(kit, {"bundle", "verify", WinPath(rel.Bundle(2)), "-p", WinPath(rel.Pub())}).status == 0);
}

TEST_CASE("fieldkit.exe under wine syncs from a Linux fieldkit serve on 127.0.0.1") {
    Releases rel(2);
    const std::string mirror = rel.Dir() + "/mirror";
    REQUIRE(rel.Publish(mirror, {1, 2}) == "");
    Serve serve(mirror);
    const fs::path kit = WindowsKit(rel, "sync", 1);
    auto r = Exe(kit, {"sync", "--mirror", serve.url});
    INFO(r.out, r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("updated test-pack 1 -> 2 via 1 delta,") != std::string::npos);
    CHECK(InstalledVersion(kit) == 2);
    auto again = Exe(kit, {"sync", "--mirror", serve.url});
    CHECK(again.status == 0);
    CHECK(again.out.find("everything is up to date") != std::string::npos);
}

TEST_CASE("fieldkit.exe under wine: a kill during sync leaves a working library that syncs later") {
    Releases rel(2, 40);  // forty edited articles: a delta big enough to be caught in flight
    const std::string mirror = rel.Dir() + "/mirror";
    REQUIRE(rel.Publish(mirror, {1, 2}, 0) == "");  // no deltas: the whole bundle, slowly
    Serve serve(mirror);
    fk::test::RelayMode slow;
    slow.match = ".fkb";
    slow.rate = 20000;  // 20 KB/s: the bundle takes about 20 s
    fk::test::Relay relay(serve.port, slow);
    const fs::path kit = WindowsKit(rel, "kill", 1);

    std::vector<std::string> args{"--data-dir", WinPath(kit), "sync", "--mirror", relay.Url() + "/"};
    fk::test::Child sync(WineArgv(FK_WINDOWS_EXE, args));
    REQUIRE(sync.Started());
    // Wait until the download is under way: the partial file appears in the sync directory.
    bool downloading = false;
    for (int i = 0; i < 300 && !downloading; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        std::error_code ec;
        if (fs::exists(kit / "sync", ec))
            for (const auto& f : fs::recursive_directory_iterator(kit / "sync", ec))
                if (f.is_regular_file(ec) && f.path().extension() == ".part" && fs::file_size(f.path(), ec) > 0)
                    downloading = true;
    }
    CHECK(downloading);
    sync.KillAndWait(SIGKILL);
    fk::test::Run({"env", "WINEPREFIX=" FK_WINE_PREFIX, "wineserver", "-w"});  // its files are closed

    CHECK(InstalledVersion(kit) == 1);
    CheckUsable(kit);
    auto later = Exe(kit, {"sync", "--mirror", serve.url});
    INFO(later.out, later.err);
    CHECK(later.status == 0);
    CHECK(InstalledVersion(kit) == 2);
}

TEST_CASE("fieldkit.exe under wine: a data directory with non-ASCII letters") {
    fk::test::TempDir dir;
    const fs::path data = dir.path() / "données-дані-بيانات";
    auto status = Exe(data, {"status"});
    INFO(status.out, status.err);
    REQUIRE(status.status == 0);
    CHECK(HasIndex(data));  // made where it was asked, under the UTF-8 name
    CheckUsable(data);
    auto bm = Exe(data, {"notes", "list", "--json"});
    INFO(bm.out, bm.err);
    CHECK(bm.status == 0);
}

TEST_CASE("fieldkit.exe under wine: portable mode keeps everything beside the program") {
    fk::test::TempDir dir;
    const fs::path stick = dir.path() / "stick";
    fs::create_directories(stick);
    fs::copy_file(FK_WINDOWS_EXE, stick / "fieldkit.exe");
    std::ofstream(stick / "fieldkit-portable").close();
    const fs::path appdata = fs::path(FK_WINE_PREFIX) / "drive_c" / "users";
    auto before = fk::test::Run({"find", appdata.string(), "-path", "*fieldkit*"});

    auto r = fk::test::Run(WineArgv((stick / "fieldkit.exe").string(), {"status", "--json"}));
    INFO(r.out, r.err);
    REQUIRE(r.status == 0);
    CHECK(HasIndex(stick / "fieldkit-data"));
    auto search = fk::test::Run(WineArgv((stick / "fieldkit.exe").string(), {"search", "--json", "generator fuel"}));
    CHECK(search.status == 0);
    auto after = fk::test::Run({"find", appdata.string(), "-path", "*fieldkit*"});
    CHECK(after.out == before.out);  // nothing new in the Windows profile
}

TEST_CASE("fieldkit-window.exe under wine and Xvfb draws the home screen and an Arabic article") {
    fk::test::RequireXvfb();
    fk::test::TempDir dir;
    fs::create_directories(FK_SCREENSHOT_DIR);
    for (const std::string lang : {"en", "ar"}) {
        CAPTURE(lang);
        const fs::path png = fs::path(FK_SCREENSHOT_DIR) / ("wine-" + lang + ".png");
        std::error_code ec;
        fs::remove(png, ec);
        std::vector<std::string> args{"--data-dir", WinPath(dir.path() / "kit"), "--screenshot", WinPath(png),
                                      "--size", "1100x700"};
        if (lang == "ar") args.insert(args.end(), {"--open", "checklist-ddos-first-hour"});
        auto argv = WineArgv(FK_WINDOWS_EXE, args, FK_WINE_PREFIX "-window");
        argv.insert(argv.begin() + 1, "LANGUAGE=" + lang);
        auto r = fk::test::Run(fk::test::UnderXvfb(argv));
        INFO(r.out, r.err);
        REQUIRE(r.status == 0);
        int w = 0, h = 0, n = 0;
        unsigned char* pixels = stbi_load(png.string().c_str(), &w, &h, &n, 3);
        REQUIRE(pixels != nullptr);
        CHECK(w == 1100);
        CHECK(h == 700);
        std::set<unsigned> colours;  // a drawn screen has text, buttons and panels, not one fill
        for (int i = 0; i < w * h; i += 7)
            colours.insert(pixels[3 * i] << 16 | pixels[3 * i + 1] << 8 | pixels[3 * i + 2]);
        stbi_image_free(pixels);
        CHECK(colours.size() > 20);
    }
}
