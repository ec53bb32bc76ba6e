// QR codes: sizes and the quiet zone, errors kept apart, and a round trip through a real
// decoder (zbarimg) from a PNG written with stb_image_write.
#include "kit/core/qr_code.hpp"

#include <doctest/doctest.h>

#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_image_write.h>

#include <iostream>

#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

using namespace fk;

namespace {

// A finder pattern's outer ring: dark 7x7 border with its top-left module at (x, y).
bool FinderRingAt(const core::QrMatrix& m, int x, int y) {
    for (int i = 0; i < 7; ++i)
        if (!m.Dark(x + i, y) || !m.Dark(x + i, y + 6) || !m.Dark(x, y + i) || !m.Dark(x + 6, y + i)) return false;
    return !m.Dark(x + 1, y + 1) && m.Dark(x + 3, y + 3);
}

// The matrix as an 8-bit grey PNG, `scale` pixels per module.
bool WritePng(const core::QrMatrix& m, int scale, const std::string& path) {
    const int side = m.size * scale;
    std::vector<unsigned char> pixels(static_cast<size_t>(side) * side);
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x)
            pixels[static_cast<size_t>(y) * side + x] = m.Dark(x / scale, y / scale) ? 0 : 255;
    return stbi_write_png(path.c_str(), side, side, 1, pixels.data(), side) != 0;
}

}  // namespace

TEST_CASE("a LAN URL is a version 2 symbol inside a light quiet zone of four modules") {
    auto m = core::EncodeQr("http://10.0.0.2:8080/");
    REQUIRE(m.ok());
    CHECK(m->quiet == 4);
    CHECK(m->size == 25 + 8);  // 21 bytes: more than version 1 holds at level M (14)
    CHECK(m->modules.size() == static_cast<size_t>(m->size * m->size));
    for (int i = 0; i < m->size; ++i)
        for (int band = 0; band < 4; ++band) {
            CHECK_FALSE(m->Dark(i, band));
            CHECK_FALSE(m->Dark(i, m->size - 1 - band));
            CHECK_FALSE(m->Dark(band, i));
            CHECK_FALSE(m->Dark(m->size - 1 - band, i));
        }
    // The three finder patterns sit just inside the quiet zone.
    CHECK(FinderRingAt(*m, 4, 4));
    CHECK(FinderRingAt(*m, m->size - 4 - 7, 4));
    CHECK(FinderRingAt(*m, 4, m->size - 4 - 7));
    CHECK_FALSE(m->Dark(-1, 0));
    CHECK_FALSE(m->Dark(0, m->size));
}

TEST_CASE("longer texts and higher levels need bigger symbols, and a quiet zone of none is possible") {
    auto bare = core::EncodeQr("http://10.0.0.2:8080/", core::QrLevel::kMedium, 0);
    REQUIRE(bare.ok());
    CHECK(bare->size == 25);
    CHECK(FinderRingAt(*bare, 0, 0));
    const std::string url = "http://[fe80::1234:5678:9abc:def0%25wlp2s0]:8080/packs/room-pack/index.json";
    auto low = core::EncodeQr(url, core::QrLevel::kLow), high = core::EncodeQr(url, core::QrLevel::kHigh);
    REQUIRE(low.ok());
    REQUIRE(high.ok());
    CHECK(low->size > 33);
    CHECK(high->size > low->size);
    CHECK((high->size - 8 - 17) % 4 == 0);  // every version is 4 modules wider than the one before
}

TEST_CASE("empty, NUL and oversized texts fail, each its own way") {
    CHECK(core::EncodeQr("").error().code == ErrorCode::kUsage);
    CHECK(core::EncodeQr(std::string_view("a\0b", 3)).error().code == ErrorCode::kUsage);
    CHECK(core::EncodeQr("x", core::QrLevel::kMedium, -1).error().code == ErrorCode::kUsage);
    CHECK(core::EncodeQr(std::string(5000, 'a')).error().code == ErrorCode::kTooLarge);
    CHECK(core::EncodeQr(std::string(2000, 'a'), core::QrLevel::kLow).ok());
}

TEST_CASE("a phone's decoder reads the URL back from a PNG of the matrix") {
    if (!test::HaveProgram("zbarimg")) {
        std::cout << "FK_SKIPPED: zbarimg (zbar-tools) is not installed\n";
        return;
    }
    test::TempDir dir;
    for (const std::string url : {"http://192.168.8.20:8080/", "http://[fe80::1%25wlan0]:8080/?pack=room-pack&v=7"}) {
        auto m = core::EncodeQr(url);
        REQUIRE(m.ok());
        const std::string png = dir / "qr.png";
        REQUIRE(WritePng(*m, 4, png));
        auto r = test::Run({"zbarimg", "--quiet", "--raw", png});
        INFO(r.err);
        CHECK(r.status == 0);
        CHECK(r.out == url + "\n");
    }
}
