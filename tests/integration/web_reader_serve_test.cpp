// `fieldkit serve` as the room's web reader: pages and workshop feedback over a raw socket on
// 127.0.0.1, then a real browser (Debian's headless Chromium) reading and photographing them.
#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <tuple>

#include "tests/support/child.hpp"
#include "tests/support/process.hpp"
#include "tests/support/sample_content.hpp"
#include "tests/support/temp_dir.hpp"

namespace fs = std::filesystem;

namespace {

constexpr const char* kModule = "workshop-72-hour-blackout";

struct Answer {
    int status = 0;
    std::string head;
    std::string body;
};

// One request on its own connection; the server closes after answering.
Answer Request(int port, const std::string& request) {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(static_cast<uint16_t>(port));
    REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    REQUIRE(send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size()));
    std::string all;
    char buf[4096];
    for (ssize_t n; (n = recv(fd, buf, sizeof buf, 0)) > 0;) all.append(buf, static_cast<size_t>(n));
    close(fd);
    Answer out;
    const size_t end = all.find("\r\n\r\n");
    REQUIRE(end != std::string::npos);
    out.head = all.substr(0, end);
    out.body = all.substr(end + 4);
    out.status = std::stoi(all.substr(9, 3));
    return out;
}

Answer Get(int port, const std::string& target, const std::string& method = "GET") {
    return Request(port,
                   method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: Mozilla/5.0 TestAgent\r\n\r\n");
}

Answer PostForm(int port, const std::string& body) {
    return Request(port,
                   "POST /feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: Mozilla/5.0 TestAgent\r\n"
                   "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
                       std::to_string(body.size()) + "\r\n\r\n" + body);
}

// `fieldkit serve` on a fresh kit (the built-in library), with a feedback form open.
struct Serve {
    fk::test::TempDir dir;
    std::string data = dir / "kit";
    std::unique_ptr<fk::test::Child> child;
    int port = 0;
    Serve() {
        child = std::make_unique<fk::test::Child>(std::vector<std::string>{
            FK_BINARY, "--data-dir", data, "serve", "--bind", "127.0.0.1:0", "--feedback", kModule});
        const std::string line = child->ReadLine(20000);
        std::smatch m;
        REQUIRE(std::regex_search(line, m, std::regex("http://127\\.0\\.0\\.1:([0-9]+)/")));
        port = std::stoi(m[1].str());
        for (int i = 0; i < 2; ++i) REQUIRE(!child->ReadLine(5000).empty());  // web reader, feedback
    }
    std::string Url(const std::string& target) const { return "http://127.0.0.1:" + std::to_string(port) + target; }
};

std::string ReadAll(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("fieldkit serve answers web reader pages beside its mirror files, small and script-free") {
    Serve s;
    const Answer home = Get(s.port, "/");
    CHECK(home.status == 200);
    CHECK(home.head.find("Content-Type: text/html; charset=utf-8") != std::string::npos);
    CHECK(home.head.find("Content-Security-Policy: default-src 'none'") != std::string::npos);
    CHECK(home.body.find("href=\"/phase/prepare?lang=en\"") != std::string::npos);
    CHECK(home.body.find(std::string("href=\"/feedback?lang=en\"")) != std::string::npos);
    const Answer search = Get(s.port, "/search?q=generator+fuel&lang=en");
    CHECK(search.status == 200);
    CHECK(search.body.find("href=\"/a/fuel-logistics?lang=en\"") != std::string::npos);
    CHECK(search.body.find("<mark>") != std::string::npos);
    // The same first hit as `fieldkit search` in the same kit.
    auto cli = fk::test::Fieldkit(s.data, {"search", "generator fuel", "--json", "--limit", "1"});
    REQUIRE(cli.status == 0);
    const std::string first =
        std::regex_replace(cli.out, std::regex("(?:.|\n)*?\"address\": \"([^\"]+)\"(?:.|\n)*"), "$1");
    CHECK(search.body.find("<ul class=\"l\"><li><a href=\"/a/" + first + "?lang=en\"") != std::string::npos);
    const Answer article = Get(s.port, "/a/workshop-72-hour-blackout?lang=en");
    CHECK(article.status == 200);
    const Answer arabic = Get(s.port, "/a/fuel-logistics?lang=ar");
    CHECK(arabic.body.find("<html lang=\"ar\" dir=\"rtl\">") != std::string::npos);
    for (const Answer* a : {&home, &search, &article, &arabic}) CHECK(a->body.find("<script") == std::string::npos);
    MESSAGE("bytes: home " << home.body.size() << ", search 'generator fuel' " << search.body.size()
                           << ", article workshop-72-hour-blackout " << article.body.size() << ", fuel-logistics in ar "
                           << arabic.body.size());
    CHECK(home.body.size() < 10'000);
    CHECK(search.body.size() < 20'000);
    CHECK(article.body.size() < 40'000);

    const Answer head = Get(s.port, "/", "HEAD");
    CHECK(head.status == 200);
    CHECK(head.body.empty());
    CHECK(head.head.find("Content-Length: " + std::to_string(home.body.size())) != std::string::npos);
    CHECK(Get(s.port, "/a/..%2F..%2Flibrary.json").status == 404);
    CHECK(Get(s.port, "/a/%00").status == 400);
    CHECK(Get(s.port, "/search%ZZ").status == 400);
    CHECK(Get(s.port, "/library.json").status == 404);
    CHECK(Get(s.port, "/release.json").status == 404);  // no signed list held: not served, as before
}

TEST_CASE("a pack installed by another process while serve runs is found by the web reader") {
    Serve s;
    CHECK(Get(s.port, "/search?q=editionone&lang=en").body.find("/a/test-pack/article-1") == std::string::npos);
    // The import replaces the index file serve opened at start; pages follow library.json.
    const std::string pub = s.dir / "key.pub", sec = s.dir / "key.sec";
    REQUIRE(fk::test::Fieldkit(s.data, {"bundle", "keygen", "-W", "-p", pub, "-s", sec}).status == 0);
    fk::test::WriteSampleContent(s.dir.path() / "pack");
    REQUIRE(fk::test::Fieldkit(s.data, {"bundle", "build", s.dir / "pack", "-o", s.dir / "pack.fkb", "-s", sec,
                                        "--version", "1"})
                .status == 0);
    REQUIRE(fk::test::Fieldkit(s.data, {"trust", "add", pub}).status == 0);
    auto imported = fk::test::Fieldkit(s.data, {"import", s.dir / "pack.fkb"});
    INFO(imported.err);
    REQUIRE(imported.status == 0);
    const Answer found = Get(s.port, "/search?q=editionone&lang=en");
    CHECK(found.status == 200);
    CHECK(found.body.find("/a/test-pack/article-1") != std::string::npos);
}

TEST_CASE("workshop feedback is taken only for the open module, capped per address, and kept anonymous") {
    Serve s;
    const std::string form = std::string("module=") + kModule + "&lang=fr&rating=4&worked=Le+jeu+de+r%C3%B4le&change=";
    const Answer stored = PostForm(s.port, form + "%3DHYPERLINK%28%22x%22%29");
    CHECK(stored.status == 303);
    CHECK(stored.head.find("Location: /feedback/thanks?lang=fr") != std::string::npos);
    CHECK(PostForm(s.port, "module=fuel-logistics&rating=4").status == 409);
    CHECK(PostForm(s.port, std::string("module=") + kModule + "&rating=9").status == 400);
    int accepted = 1, refused = 0;
    for (int i = 0; i < 6; ++i) {
        const int status = PostForm(s.port, form + "more").status;
        accepted += status == 303;
        refused += status == 429;
    }
    CHECK(refused >= 1);
    CHECK(accepted <= 5);
    const Answer thanks = Get(s.port, "/feedback/thanks?lang=fr");
    CHECK(thanks.status == 200);

    const std::string csv = s.dir / "answers.csv";
    auto out = fk::test::Fieldkit(s.data, {"feedback", "export", "-o", csv, "--module", kModule});
    INFO(out.err);
    REQUIRE(out.status == 0);
    const std::string text = ReadAll(csv);
    CHECK(text.find("module,day,rating,worked,change\r\n") == 0);
    CHECK(text.find(std::string(kModule) + ",") != std::string::npos);
    CHECK(text.find("'=HYPERLINK(\"\"x\"\")") != std::string::npos);
    // Nothing that names the participant reached the disk.
    const std::string file = ReadAll(fs::path(s.data) / "feedback.sqlite");
    for (const char* trace : {"127.0.0.1", "TestAgent", "Mozilla"}) {
        INFO(trace);
        CHECK(file.find(trace) == std::string::npos);
        CHECK(text.find(trace) == std::string::npos);
    }
}

// Headless Chromium, kept off every network but the loopback server, one profile for all runs.
struct Browser {
    fk::test::TempDir profile;
    std::vector<std::string> Argv(std::vector<std::string> extra, const std::string& url) const {
        std::vector<std::string> argv = {"chromium",
                                         "--headless",
                                         "--no-sandbox",
                                         "--disable-gpu",
                                         "--no-first-run",
                                         "--disable-background-networking",
                                         "--disable-sync",
                                         "--disable-component-update",
                                         "--disable-default-apps",
                                         "--disable-extensions",
                                         "--hide-scrollbars",
                                         "--user-data-dir=" + (profile / "profile"),
                                         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"};
        argv.insert(argv.end(), extra.begin(), extra.end());
        argv.push_back(url);
        return argv;
    }
    std::map<std::string, std::string> Env() const { return {{"HOME", profile / "home"}}; }
    std::string Dom(const std::string& url) const { return fk::test::Run(Argv({"--dump-dom"}, url), Env()).out; }
    bool Shot(const std::string& url, const std::string& file, const std::string& size) const {
        fs::remove(file);
        auto r = fk::test::Run(Argv({"--screenshot=" + file, "--window-size=" + size}, url), Env());
        INFO(r.err);
        return fs::exists(file);
    }
};

TEST_CASE("a real browser renders the web reader: articles, search, Arabic right to left, phone and laptop widths") {
    if (!fk::test::HaveProgram("chromium")) {
        MESSAGE("FK_SKIPPED: chromium is not installed (apt-get install chromium)");
        return;
    }
    Serve s;
    Browser b;
    const std::string search = b.Dom(s.Url("/search?q=generator+fuel&lang=en"));
    CHECK(search.find("Fuel logistics for networks in crisis") != std::string::npos);
    CHECK(search.find("<mark>") != std::string::npos);
    const std::string article = b.Dom(s.Url("/a/checklist-fuel-resupply?lang=en"));
    CHECK(article.find("<h1>") != std::string::npos);
    CHECK(article.find("type=\"checkbox\"") != std::string::npos);
    const std::string arabic = b.Dom(s.Url("/?lang=ar"));
    CHECK(arabic.find("dir=\"rtl\"") != std::string::npos);

    const fs::path dir = FK_SCREENSHOT_DIR;
    fs::create_directories(dir);
    const std::vector<std::tuple<std::string, std::string, std::string>> shots = {
        {"web-home-phone.png", "/?lang=en", "360,800"},
        {"web-search-phone.png", "/search?q=generator+fuel&lang=en", "360,800"},
        {"web-article-phone.png", "/a/checklist-fuel-resupply?lang=en", "360,800"},
        {"web-home-ar-phone.png", "/?lang=ar", "360,800"},
        {"web-article-ar-phone.png", "/a/checklist-fuel-resupply?lang=ar", "360,800"},
        {"web-article-en-in-ar-phone.png", "/a/fuel-logistics?lang=ar", "360,800"},
        {"web-search-ar-laptop.png", "/search?q=%D9%88%D9%82%D9%88%D8%AF&lang=ar", "1280,900"},
        {"web-article-laptop.png", "/a/fuel-logistics?lang=en", "1280,900"},
        {"web-feedback-phone.png", "/feedback?lang=fr", "360,800"},
    };
    for (const auto& [name, target, size] : shots) {
        INFO(name);
        const std::string file = (dir / name).string();
        REQUIRE(b.Shot(s.Url(target), file, size));
        const std::string png = ReadAll(file);
        CHECK(png.substr(1, 3) == "PNG");
        CHECK(png.size() > 8'000);  // a page with text on it, not a blank
    }
}
