// The presenter view, headless on a fake clock: pages forward and back, the agenda's
// countdowns and overrun, injects one at a time, the trainer's pane (toggled on one screen,
// never in the projector's frame), text size, and Esc back to the article where it was.
#include <doctest/doctest.h>

#include "kit/core/reader_data.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/ui/harness.hpp"

using fk::test::UiHarness;
using fk::ui::ActionType;
using fk::ui::PresenterRole;
using fk::ui::Screen;

namespace {

bool Has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

constexpr const char* kTrainerNote = "Ask each group for its site count and battery types";

}  // namespace

TEST_CASE("presenting a workshop: pages, clocks, injects, the trainer's pane and back to the article") {
    fk::test::TempDir dir;
    UiHarness h(dir.path(), 1280, 1600);
    std::int64_t now_ms = 5000;
    h.model().SetPresenterClock([&now_ms] { return now_ms; });
    h.model().Apply({ActionType::kOpenArticle, "workshop-72-hour-blackout"});
    h.Frame(3);
    REQUIRE(h.model().CurrentScreen() == Screen::kArticle);

    // The article's Present button opens the presenter; Esc closes it.
    REQUIRE(h.Click("present"));
    REQUIRE(h.model().Presenter() != nullptr);
    h.Press(ImGuiKey_Escape);
    REQUIRE(h.model().Presenter() == nullptr);

    // Scroll the article down; the presenter must bring the reader back to this place.
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = h.view().items["bookmark"].Center();
    io.MouseWheel = -5;
    h.Frame();
    io.MouseWheel = 0;
    io.MousePos = ImVec2(-1, -1);
    h.Frame(2);
    REQUIRE(h.view().items.count("present"));
    const float present_y = h.view().items["present"].min.y;
    h.model().Apply({ActionType::kPresent});  // what the button does
    REQUIRE(h.model().Presenter() != nullptr);
    const auto& session = h.model().Presenter()->session;
    std::string text = h.DrawnText();
    CHECK(Has(text, "Workshop: power, fuel and sites"));
    CHECK(Has(text, "120 minutes"));
    CHECK(Has(text, "Clock not started (S starts it)"));
    CHECK_FALSE(Has(text, "Trainer only"));

    // Clickers: Page Down forward, Page Up back; arrows and Space too.
    h.Press(ImGuiKey_PageDown);
    CHECK(session.Page() == 1);
    CHECK(Has(h.DrawnText(), "Learning goals"));
    h.Press(ImGuiKey_PageUp);
    CHECK(session.Page() == 0);
    h.Press(ImGuiKey_RightArrow);
    h.Press(ImGuiKey_Space);
    REQUIRE(session.Page() == 2);
    text = h.DrawnText();
    CHECK(Has(text, "Agenda"));
    CHECK(Has(text, "Welcome; form groups"));
    CHECK_FALSE(Has(text, kTrainerNote));  // one screen: the pane waits for N

    // N shows the trainer's pane on one screen, marked as such; N again hides it.
    h.Press('N');
    text = h.DrawnText();
    CHECK(Has(text, "Trainer only"));
    CHECK(Has(text, kTrainerNote));
    // The projector's frame never has it, whatever the toggle says.
    h.view().presenter_role = PresenterRole::kAudience;
    text = h.DrawnText();
    CHECK_FALSE(Has(text, "Trainer only"));
    CHECK_FALSE(Has(text, kTrainerNote));
    CHECK_FALSE(Has(text, "Run this module with NOC managers"));  // the brief before the first heading
    CHECK(Has(text, "Welcome; form groups"));
    // The trainer's own window beside a projector always has it.
    h.view().presenter_role = PresenterRole::kTrainer;
    CHECK(Has(h.DrawnText(), kTrainerNote));
    h.view().presenter_role = PresenterRole::kSingle;
    h.Press('N');
    CHECK_FALSE(Has(h.DrawnText(), kTrainerNote));

    // The clock: 90 s into the 10-minute welcome, then past it, then the next block.
    h.Press('S');
    REQUIRE(session.Running());
    now_ms += 90000;
    text = h.DrawnText();
    CHECK(Has(text, "8:30 left"));
    CHECK(Has(text, "Total 1:58:30 left"));
    now_ms += 540000;
    CHECK(Has(h.DrawnText(), "0:30 over"));
    h.Press('B');
    CHECK(session.Block() == 1);
    text = h.DrawnText();
    CHECK(Has(text, "took 10:30"));
    CHECK(Has(text, "20:00 left"));
    // Paused time does not count.
    h.Press('P');
    CHECK_FALSE(session.Running());
    now_ms += 100000;
    text = h.DrawnText();
    CHECK(Has(text, "Paused"));
    CHECK(Has(text, "20:00 left"));
    h.Press('S');
    // The whole module overruns.
    now_ms += 7000000;
    CHECK(Has(h.DrawnText(), "Total 7:10 over"));  // 630 s + 7000 s of 7200

    // Injects: none shown until revealed, then one at a time; Shift+I hides the last.
    h.Press(ImGuiKey_DownArrow);
    h.Press(ImGuiKey_PageDown);
    REQUIRE(session.Page() == 4);
    text = h.DrawnText();
    CHECK(Has(text, "Injects"));
    CHECK_FALSE(Has(text, "Day 1: outage of 16 h"));
    CHECK(Has(text, "5 more injects to come"));
    h.Press('I');
    text = h.DrawnText();
    CHECK(Has(text, "Day 1: outage of 16 h"));
    CHECK_FALSE(Has(text, "Day 3: fuel supplier"));
    h.Press(ImGuiKey_Enter);
    CHECK(Has(h.DrawnText(), "Day 3: fuel supplier"));
    h.Press('I', false, false, true);
    CHECK(session.Revealed() == 1);
    CHECK_FALSE(Has(h.DrawnText(), "Day 3: fuel supplier"));

    // Larger text for the back of the room, kept in the settings.
    const int size = h.model().Settings().presenter_font_size;
    h.Press('=', true);
    CHECK(h.model().Settings().presenter_font_size == size + 4);
    h.Press('-', true);
    CHECK(h.model().Settings().presenter_font_size == size);

    // The end of the module says so.
    for (int i = 0; i < 10; ++i) h.Press(ImGuiKey_PageDown);
    CHECK(session.AtLastPage());
    text = h.DrawnText();
    CHECK(Has(text, "End of the module"));

    // Esc: the article again, scrolled where the reader left it.
    h.Press(ImGuiKey_Escape);
    CHECK(h.model().Presenter() == nullptr);
    CHECK(h.model().CurrentScreen() == Screen::kArticle);
    h.Frame(2);
    REQUIRE(h.view().items.count("present"));
    CHECK(h.view().items["present"].min.y == doctest::Approx(present_y));
    CHECK(present_y < 0);  // it was scrolled
}

TEST_CASE("only workshop modules are presented: other articles say so and stay open") {
    fk::test::TempDir dir;
    UiHarness h(dir.path());
    h.model().Apply({ActionType::kOpenArticle, "fuel-logistics"});
    h.Frame(2);
    CHECK_FALSE(Has(h.DrawnText(), "Present"));
    h.model().Apply({ActionType::kPresent});
    CHECK(h.model().Presenter() == nullptr);
    CHECK(h.model().MessageIsError());
    // --present ID opens the article first; Esc leaves it on screen.
    h.model().Apply({ActionType::kPresent, "workshop-shutdown-order"});
    REQUIRE(h.model().Presenter() != nullptr);
    h.Press(ImGuiKey_Escape);
    CHECK(h.model().Article()->view.article.id == "workshop-shutdown-order");
}
