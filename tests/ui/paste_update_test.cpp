// "Paste update" on the Library screen, headless: parts pasted on two days add up (kept in the
// data folder across a restart), missing and damaged parts are shown, the update installs
// when whole; and typed into the real box, the button installs it.
#include <doctest/doctest.h>

#include <fstream>

#include "bundle/armor.hpp"
#include "bundle/builder.hpp"
#include "bundle/delta.hpp"
#include "kit/ui/paste_text.hpp"
#include "tests/support/sample_content.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/ui/harness.hpp"

using fk::test::UiHarness;
using fk::ui::Action;
using fk::ui::ActionType;
using fk::ui::PasteLine;
using fk::ui::Screen;

namespace {

constexpr const char* kPack = "paste-pack";

struct Update {
    std::string v1, delta;
};

// Edition 1 and a delta to edition 2 of a small pack, signed with a new key (written to key.pub).
Update MakeUpdate(const fk::test::TempDir& dir) {
    const auto keys = fk::bundle::GenerateKeyPair();
    std::ofstream(dir / "key.pub") << fk::bundle::FormatPublicKey(keys.pub);
    std::string editions[2];
    for (int e = 0; e < 2; ++e) {
        const auto content = dir.path() / ("content" + std::to_string(e));
        fk::test::WriteSampleContent(content, 3, kPack, e == 0 ? "editionone" : "editiontwo");
        std::vector<fk::bundle::Problem> problems;
        auto built = fk::bundle::BuildFromDirectory(content, keys.sec, fk::test::FixedOptions(static_cast<std::uint64_t>(e + 1), 1790000000), problems);
        REQUIRE(built.ok());
        editions[e] = built->bytes;
    }
    auto delta = fk::bundle::MakeDelta(editions[0], editions[1], keys.sec);
    REQUIRE(delta.ok());
    return {editions[0], *delta};
}

void InstallBase(fk::ui::Model& m, const fk::test::TempDir& dir, const Update& u) {
    std::ofstream(dir / "v1.fkb", std::ios::binary) << u.v1;
    m.Apply(Action{ActionType::kTrustKeyFile, dir / "key.pub"});
    m.Apply(Action{ActionType::kImportFile, dir / "v1.fkb"});
    INFO(m.Message());
    REQUIRE_FALSE(m.MessageIsError());
}

std::vector<std::string> Parts(const std::string& delta, size_t chars) {
    fk::bundle::ArmorLabel label{fk::bundle::ArmorKind::kDelta, kPack, 1, 2};
    auto parts = fk::bundle::ArmorEncode(label, delta, chars);
    REQUIRE(parts.ok());
    return parts->parts;
}

std::uint64_t Version(const fk::ui::Model& m) { return m.Library().State().packs.at(kPack).version; }

bool HasLine(const fk::ui::PasteLines& l, PasteLine::Kind kind, const std::string& text) {
    for (const auto& line : l.lines)
        if (line.kind == kind && line.text.find(text) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("pasted parts show what is there and missing, add up across a restart and install when whole") {
    fk::test::TempDir dir;
    const Update u = MakeUpdate(dir);
    const auto parts = Parts(u.delta, 160);
    const size_t n = parts.size();
    REQUIRE(n >= 4);
    std::string first, rest;
    for (size_t i = 0; i < n; ++i) (i < n / 2 ? first : rest) += parts[i] + "\n\n";
    std::string damaged = parts[n - 1];
    damaged[damaged.size() - 3] = damaged[damaged.size() - 3] == 'A' ? 'B' : 'A';
    {
        UiHarness h(dir.path() / "data");
        InstallBase(h.model(), dir, u);
        h.model().Apply(Action{ActionType::kPasteText, "Ana: here are the first ones\n" + first + damaged});
        auto lines = fk::ui::DescribePaste(h.model().Paste());
        CHECK(HasLine(lines, PasteLine::kWaiting, std::to_string(n / 2) + " of " + std::to_string(n) + " parts; missing"));
        CHECK(HasLine(lines, PasteLine::kError, "part " + std::to_string(n) + "/" + std::to_string(n)));
        CHECK(lines.button == "Keep these parts");
        h.model().Apply(Action{ActionType::kPasteInstall, first});
        CHECK_FALSE(h.model().MessageIsError());
        CHECK(h.model().Message().find("Kept") != std::string::npos);
        CHECK(Version(h.model()) == 1);
    }
    UiHarness h(dir.path() / "data");  // the next day
    auto lines = fk::ui::DescribePaste(h.model().Paste());
    CHECK(HasLine(lines, PasteLine::kWaiting, "parts kept from before"));
    h.model().Apply(Action{ActionType::kPasteText, rest});
    lines = fk::ui::DescribePaste(h.model().Paste());
    CHECK(HasLine(lines, PasteLine::kReady, "all " + std::to_string(n) + " of " + std::to_string(n) + " parts"));
    CHECK(lines.button == "Install update");
    CHECK(Version(h.model()) == 1);  // looking installs nothing
    h.model().Apply(Action{ActionType::kPasteInstall, rest});
    INFO(h.model().Message());
    CHECK_FALSE(h.model().MessageIsError());
    CHECK(Version(h.model()) == 2);
    lines = fk::ui::DescribePaste(h.model().Paste());
    CHECK(HasLine(lines, PasteLine::kInstalled, "installed"));
    CHECK(lines.button.empty());
}

TEST_CASE("an update typed into the Library's paste box installs with its button") {
    fk::test::TempDir dir;
    const Update u = MakeUpdate(dir);
    UiHarness h(dir.path() / "data");
    InstallBase(h.model(), dir, u);
    h.model().Apply(Action{ActionType::kShowScreen, {}, static_cast<int>(Screen::kLibrary)});
    h.Frame(2);
    std::string text = Parts(u.delta, 0)[0];
    for (auto& c : text)
        if (c == '\n') c = ' ';  // a chat app that joined the lines
    REQUIRE(h.Click("paste-text"));
    h.Type(text);
    h.Frame(2);
    REQUIRE(h.view().items.count("paste-install"));
    REQUIRE(h.Click("paste-install"));
    INFO(h.model().Message());
    CHECK(Version(h.model()) == 2);
}
