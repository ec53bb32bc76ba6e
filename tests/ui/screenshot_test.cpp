// Screenshots of the real fieldkit binary under Xvfb: home, search, an article with a
// checklist and a table, the Arabic article, three themes and scale 2. Each picture must
// have the expected size, not be blank, and differ from the others where it should.
// The pictures stay in <build>/screenshots for people to look at.
#include <doctest/doctest.h>
#include <stb_image.h>

#include <cmath>
#include <filesystem>
#include <set>

#include "kit/core/reader_data.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/ui/xvfb.hpp"

namespace {

namespace fs = std::filesystem;

struct Image {
    int w = 0, h = 0;
    std::vector<unsigned char> rgb;
    double Brightness() const {
        double sum = 0;
        for (unsigned char c : rgb) sum += c;
        return rgb.empty() ? 0 : sum / static_cast<double>(rgb.size());
    }
    size_t Colours() const {
        std::set<unsigned> seen;
        for (size_t i = 0; i + 2 < rgb.size() && seen.size() < 5000; i += 3 * 7)
            seen.insert(rgb[i] << 16 | rgb[i + 1] << 8 | rgb[i + 2]);
        return seen.size();
    }
};

double Difference(const Image& a, const Image& b) {  // share of pixels that differ
    if (a.w != b.w || a.h != b.h) return 1;
    size_t diff = 0;
    for (size_t i = 0; i + 2 < a.rgb.size(); i += 3)
        diff += (a.rgb[i] != b.rgb[i] || a.rgb[i + 1] != b.rgb[i + 1] || a.rgb[i + 2] != b.rgb[i + 2]) ? 1 : 0;
    return static_cast<double>(diff) / (a.rgb.size() / 3.0);
}

class Shots {
public:
    Shots() {
        fs::create_directories(m_out);
        // The reader settings of the Arabic profile: open articles in Arabic.
        auto reader = fk::core::ReaderData::Open(m_data_ar);
        REQUIRE(reader.ok());
        REQUIRE(reader->SetSetting("language", "ar").ok());
    }
    Image Take(const std::string& name, std::vector<std::string> args, bool arabic = false,
               const std::string& gl_max = "") {
        return TakeFrom(arabic ? m_data_ar : m_data, name, std::move(args), gl_max);
    }
    // A reader whose window and articles are both in `lang` (Settings, as a reader sets them).
    Image TakeIn(const std::string& lang, const std::string& name, std::vector<std::string> args) {
        const fs::path dir = m_tmp.path() / ("data-ui-" + lang);
        auto reader = fk::core::ReaderData::Open(dir);
        REQUIRE(reader.ok());
        REQUIRE(reader->SetSetting("language", lang).ok());
        REQUIRE(reader->SetSetting("interface_language", lang).ok());
        return TakeFrom(dir, name, std::move(args));
    }
    Image TakeFrom(const fs::path& data_dir, const std::string& name, std::vector<std::string> args,
                   const std::string& gl_max = "") {
        const std::string file = (m_out / (name + ".png")).string();
        fs::remove(file);
        std::vector<std::string> argv = {FK_BINARY, "--data-dir", data_dir.string(), "--screenshot", file};
        argv.insert(argv.end(), args.begin(), args.end());
        auto env = fk::test::WindowEnv(m_tmp.path() / "config");
        if (!gl_max.empty()) env["FIELDKIT_GL_MAX"] = gl_max;
        auto r = fk::test::Run(fk::test::UnderXvfb(argv, xvfb_screen), env);
        INFO(name << ": " << r.err);
        REQUIRE(r.status == 0);
        Image img;
        int n = 0;
        unsigned char* data = stbi_load(file.c_str(), &img.w, &img.h, &n, 3);
        REQUIRE(data != nullptr);
        img.rgb.assign(data, data + static_cast<size_t>(img.w) * static_cast<size_t>(img.h) * 3);
        stbi_image_free(data);
        CHECK(img.Colours() > 20);  // not blank: text is antialiased into many shades
        return img;
    }

    const fs::path& data() const { return m_data; }
    std::string xvfb_screen = "-screen 0 1280x800x24";

private:
    fk::test::TempDir m_tmp;
    fs::path m_data = m_tmp.path() / "data";
    fs::path m_data_ar = m_tmp.path() / "data-ar";
    fs::path m_out = fs::path(FK_SCREENSHOT_DIR);
};

}  // namespace

TEST_CASE("screenshots under Xvfb: screens, themes, Arabic and scale 2") {
    fk::test::RequireXvfb();
    Shots shots;
    Image home = shots.Take("home", {});
    CHECK(home.w == 1280);
    CHECK(home.h == 800);
    Image search = shots.Take("search", {"--search", "generator fuel"});
    Image article = shots.Take("article-checklist-table", {"--open", "anti-spoofing-bcp38-bcp84"});
    Image checklist = shots.Take("checklist", {"--open", "checklist-fuel-resupply"});
    CHECK(Difference(article, checklist) > 0.02);
    Image arabic = shots.Take("article-arabic", {"--open", "problem-statement"}, true);
    Image arabic_checklist = shots.Take("checklist-arabic", {"--open", "checklist-ddos-first-hour"}, true);
    // Staff safety, asked in Arabic: the Arabic checklist, then the English-only articles.
    Image cross = shots.Take("search-arabic-also-english",
                             {"--search", "\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85\xD8\xA9 \xD8\xA7\xD9\x84\xD9\x85"
                                          "\xD9\x88\xD8\xB8\xD9\x81\xD9\x8A\xD9\x86"},
                             true);
    CHECK(Difference(arabic, arabic_checklist) > 0.02);
    CHECK(Difference(search, cross) > 0.02);
    Image light = shots.Take("article-light", {"--open", "anti-spoofing-bcp38-bcp84", "--theme", "light"});
    Image contrast =
        shots.Take("article-high-contrast", {"--open", "anti-spoofing-bcp38-bcp84", "--theme", "high-contrast"});
    Image scaled = shots.Take("home-scale-2", {"--scale", "2"});
    Image small = shots.Take("search-1024x640", {"--search", "dns", "--size", "1024x640"});
    CHECK(small.w == 1024);
    CHECK(small.h == 640);

    // Old drivers: the OpenGL 3.0 and 2.1 fallbacks draw the same picture.
    Image gl30 = shots.Take("article-gl30", {"--open", "anti-spoofing-bcp38-bcp84"}, false, "3.0");
    Image gl21 = shots.Take("article-gl21", {"--open", "anti-spoofing-bcp38-bcp84"}, false, "2.1");
    CHECK(Difference(article, gl30) < 0.02);
    CHECK(Difference(article, gl21) < 0.02);

    CHECK(Difference(home, search) > 0.02);
    CHECK(Difference(search, article) > 0.02);
    CHECK(Difference(article, arabic) > 0.02);
    CHECK(Difference(home, scaled) > 0.02);
    CHECK(light.Brightness() > article.Brightness() + 60);  // light is light
    CHECK(Difference(article, contrast) > 0.3);             // a different background
    CHECK(contrast.Brightness() < article.Brightness());    // black, not grey
}

TEST_CASE("screenshots under Xvfb: notes locked on Home and the unlock prompt in Settings") {
    fk::test::RequireXvfb();
    Shots shots;
    Image open = shots.Take("home-no-passphrase", {});
    {
        auto reader = fk::core::ReaderData::Open(shots.data());
        REQUIRE(reader.ok());
        REQUIRE(reader->SetBookmark("fuel-logistics", "Fuel logistics", true).ok());
        REQUIRE(reader->SetPassphrase("pw", fk::core::KdfCost::Interactive()).ok());
    }
    Image locked = shots.Take("home-notes-locked", {});
    CHECK(Difference(open, locked) > 0.002);  // the prompt and the top bar's "Notes locked"
    shots.xvfb_screen = "-screen 0 1280x1500x24";
    Image settings = shots.Take("settings-notes-locked", {"--screen", "settings", "--size", "1280x1400"});
    CHECK(settings.h == 1400);
}

TEST_CASE("screenshots under Xvfb: Home, Search and an article in each interface language") {
    fk::test::RequireXvfb();
    Shots shots;
    // A question about generator fuel as a reader of each language would type it.
    const std::pair<const char*, const char*> languages[] = {{"en", "generator fuel"},
                                                             {"fr", "carburant groupe électrogène"},
                                                             {"es", "combustible generador"},
                                                             {"uk", "пальне генератор"},
                                                             {"ar", "وقود المولد"}};
    std::vector<Image> homes, searches, articles;
    for (const auto& [lang, query] : languages) {
        CAPTURE(lang);
        homes.push_back(shots.TakeIn(lang, std::string("ui-") + lang + "-home", {}));
        searches.push_back(shots.TakeIn(lang, std::string("ui-") + lang + "-search", {"--search", query}));
        articles.push_back(
            shots.TakeIn(lang, std::string("ui-") + lang + "-article", {"--open", "checklist-fuel-resupply"}));
    }
    // Every language draws its own picture of each screen.
    for (size_t i = 0; i < homes.size(); ++i)
        for (size_t j = i + 1; j < homes.size(); ++j) {
            CAPTURE(i);
            CAPTURE(j);
            CHECK(Difference(homes[i], homes[j]) > 0.01);
            CHECK(Difference(searches[i], searches[j]) > 0.01);
            CHECK(Difference(articles[i], articles[j]) > 0.01);
        }
}

TEST_CASE("screenshots under Xvfb: the presenter view, with the trainer's pane, and in Arabic") {
    fk::test::RequireXvfb();
    Shots shots;
    const std::string id = "workshop-72-hour-blackout";
    Image agenda = shots.Take("presenter-agenda", {"--present", id, "--page", "2"});
    CHECK(agenda.w == 1280);
    Image injects = shots.Take("presenter-injects", {"--present", id, "--page", "4", "--reveal", "2"});
    Image notes = shots.Take("presenter-notes", {"--present", id, "--page", "4", "--reveal", "2", "--notes"});
    Image arabic = shots.TakeIn("ar", "presenter-arabic", {"--present", id, "--page", "4", "--reveal", "2", "--notes"});
    Image opening = shots.Take("presenter-opening", {"--present", id, "--theme", "light"});
    CHECK(Difference(agenda, injects) > 0.02);
    CHECK(Difference(injects, notes) > 0.05);  // the pane takes a third of the width
    CHECK(Difference(notes, arabic) > 0.05);   // mirrored: the pane on the left
    CHECK(opening.Brightness() > agenda.Brightness() + 60);
}
