// `fieldkit export-handout` end to end: HTML and Markdown files, an unknown id that writes
// nothing, and the HTML rendered by a real browser (headless Chromium) into
// build/screenshots/handout-*.png, one English checklist and one Arabic.
#include <doctest/doctest.h>

#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#include <stb_image.h>

#include <filesystem>
#include <iostream>

#include "platform/files.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

using fk::test::Fieldkit;
namespace fs = std::filesystem;

namespace {

std::string Read(const fs::path& p) {
    auto text = fk::platform::ReadFile(p, "handout");
    REQUIRE(text.ok());
    return *text;
}

// Headless Chromium renders `html` into `png`. Returns false (and says why) if it cannot run here.
bool Render(const fs::path& html, const fs::path& png, const fs::path& profile) {
    const std::string browser = fk::test::HaveProgram("chromium") ? "chromium" : "";
    if (browser.empty()) return false;
    auto r = fk::test::Run({browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                            "--user-data-dir=" + profile.string(), "--window-size=900,1300",
                            "--screenshot=" + png.string(), "file://" + html.string()},
                           {{"HOME", profile.string()}});
    INFO(r.err);
    CHECK(r.status == 0);
    return fs::exists(png);
}

// Share of pixels darker than mid grey: text on white is a few percent; a blank or failed
// page is none, and a dark error page is most.
double InkShare(const fs::path& png) {
    int w = 0, h = 0, n = 0;
    unsigned char* pixels = stbi_load(png.c_str(), &w, &h, &n, 1);
    REQUIRE(pixels != nullptr);
    size_t dark = 0;
    for (int i = 0; i < w * h; ++i) dark += pixels[i] < 128 ? 1 : 0;
    stbi_image_free(pixels);
    return static_cast<double>(dark) / (w * h);
}

}  // namespace

TEST_CASE("export-handout writes HTML and Markdown, and an unknown id writes nothing") {
    fk::test::TempDir dir;
    const std::string html = dir / "module.html", md = dir / "module.md", none = dir / "none.html";
    auto r = Fieldkit(dir / "data", {"export-handout", "workshop-72-hour-blackout", "-o", html});
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err.find("4 articles") != std::string::npos);
    const std::string page = Read(html);
    CHECK(page.find("article-checklist-oob-access-test") != std::string::npos);
    CHECK(page.find("fieldkit-core") != std::string::npos);

    r = Fieldkit(dir / "data", {"export-handout", "checklist-oob-access-test", "-o", md});
    REQUIRE(r.status == 0);
    CHECK(Read(md).starts_with("# Checklist: out-of-band access test\n"));
    r = Fieldkit(dir / "data", {"export-handout", "checklist-oob-access-test", "--format", "md", "-o", html});
    REQUIRE(r.status == 0);
    CHECK(Read(html).starts_with("# "));

    r = Fieldkit(dir / "data", {"export-handout", "checklist-oob-access-test", "no-such-article", "-o", none});
    CHECK(r.status == 1);
    CHECK(r.err.find("no-such-article") != std::string::npos);
    CHECK_FALSE(fs::exists(none));
    CHECK(Fieldkit(dir / "data", {"export-handout", "checklist-oob-access-test"}).status == 2);
    CHECK(Fieldkit(dir / "data", {"export-handout", "-o", none}).status == 2);
    CHECK(Fieldkit(dir / "data", {"export-handout", "x", "-o", none, "--format", "pdf"}).status == 2);
    CHECK_FALSE(fs::exists(none));
}

TEST_CASE("a browser renders an English and an Arabic checklist handout") {
    fk::test::TempDir dir;
    const fs::path shots = FK_SCREENSHOT_DIR;
    fs::create_directories(shots);
    struct Case {
        const char* lang;
        const char* file;
    };
    for (const Case c : {Case{"en", "handout-checklist-en"}, Case{"ar", "handout-checklist-ar"}}) {
        const fs::path html = dir.path() / (std::string(c.file) + ".html");
        auto r = Fieldkit(dir / "data", {"export-handout", "checklist-oob-access-test", "--lang", c.lang, "-o", html});
        INFO(r.err);
        REQUIRE(r.status == 0);
        const std::string page = Read(html);
        const std::string root =
            std::string(c.lang) == "ar" ? "<html lang=\"ar\" dir=\"rtl\">" : "<html lang=\"en\" dir=\"ltr\">";
        CHECK(page.find(root) != std::string::npos);
        const fs::path png = shots / (std::string(c.file) + ".png");
        fs::remove(png);
        if (!Render(html, png, dir.path() / "chromium-profile")) {
            std::cout << "FK_SKIPPED: chromium is not installed\n";
            return;
        }
        const double ink = InkShare(png);
        INFO(png.string() << " ink " << ink);
        CHECK(ink > 0.01);
        CHECK(ink < 0.30);
    }
}
