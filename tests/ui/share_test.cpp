// "Share with this room" and the presenter's feedback form, headless: the room server starts
// on the address picked (loopback here: tests talk to 127.0.0.1 only), serves the web reader,
// takes feedback only while the form is open, and stops with the button or the window.
#include <doctest/doctest.h>

#include "kit/core/workshop_feedback.hpp"
#include "platform/http_client.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/ui/harness.hpp"

using fk::test::UiHarness;
using fk::ui::ActionType;
using fk::ui::Screen;

namespace {

bool Has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

const fk::platform::HttpLimits kQuick{5, 256, 5, 10};

int LoopbackChoice(const fk::ui::Model& model) {
    const auto& list = model.Share().addresses;
    for (size_t i = 0; i < list.size(); ++i)
        if (list[i].address == "127.0.0.1") return static_cast<int>(i);
    return -1;
}

long PostFeedback(const std::string& url, const std::string& module, const std::string& worked) {
    long status = 0;
    (void)fk::platform::HttpPost(url, "module=" + module + "&rating=4&worked=" + worked + "&change=shorter+input",
                                 "application/x-www-form-urlencoded", 65536, kQuick, &status);
    return status;
}

}  // namespace

TEST_CASE("sharing with the room from the Library screen serves the web reader until stopped") {
    fk::test::TempDir dir;
    UiHarness h(dir.path(), 1280, 2400);
    h.model().Apply({ActionType::kShowScreen, {}, static_cast<int>(Screen::kLibrary)});
    const int loopback = LoopbackChoice(h.model());
    REQUIRE(loopback >= 0);
    std::string text = h.DrawnText();
    CHECK(Has(text, "Share with this room"));
    CHECK(Has(text, "Start sharing"));

    h.view().share_choice = loopback;
    h.Frame();
    REQUIRE(h.Click("share-start"));
    const auto& share = h.model().Share();
    INFO(share.error);
    REQUIRE(share.url.starts_with("http://127.0.0.1:"));
    CHECK(share.qr.size > 21);  // a real symbol with its quiet zone
    text = h.DrawnText();
    CHECK(Has(text, share.url));
    CHECK(Has(text, "Stop sharing"));

    auto home = fk::platform::HttpGet(share.url, 1 << 20, kQuick);
    REQUIRE(home);
    CHECK(Has(*home, "<html"));
    auto found = fk::platform::HttpGet(share.url + "search?q=generator", 1 << 20, kQuick);
    REQUIRE(found);
    CHECK(Has(*found, "fuel"));

    const std::string url = share.url;
    REQUIRE(h.Click("share-stop"));
    CHECK(h.model().Share().url.empty());
    CHECK_FALSE(fk::platform::HttpGet(url, 1 << 20, kQuick));
}

TEST_CASE("the presenter's last page collects feedback from the room and the form closes again") {
    fk::test::TempDir dir;
    UiHarness h(dir.path(), 1280, 2400);
    const std::string module = "workshop-72-hour-blackout";
    h.model().Apply({ActionType::kOpenArticle, module});
    h.model().Apply({ActionType::kPresent});
    REQUIRE(h.model().Presenter() != nullptr);
    while (!h.model().Presenter()->session.AtLastPage()) h.model().Apply({ActionType::kPresentPage, {}, 1});
    std::string text = h.DrawnText();
    CHECK(Has(text, "Collect feedback (F)"));

    // F shares on the machine's first address when nothing is shared yet; here the room is
    // shared on loopback first (tests talk to 127.0.0.1 only), and F opens the form on it.
    h.model().Apply({ActionType::kShareRefresh});
    const int loopback = LoopbackChoice(h.model());
    REQUIRE(loopback >= 0);
    h.model().Apply({ActionType::kShareStart, {}, loopback});
    h.Press('F');
    const auto& share = h.model().Share();
    INFO(share.error);
    REQUIRE(share.url.starts_with("http://127.0.0.1:"));
    CHECK(share.feedback_module == module);
    CHECK(share.feedback_qr.size > 21);
    text = h.DrawnText();
    CHECK(Has(text, share.url + "feedback"));
    CHECK(Has(text, "Your feedback, please"));
    CHECK(Has(text, "Close the feedback form"));

    auto form = fk::platform::HttpGet(share.url + "feedback", 1 << 20, kQuick);
    REQUIRE(form);
    CHECK(Has(*form, "name=\"rating\""));
    CHECK(PostFeedback(share.url + "feedback", module, "the+injects") == 303);

    REQUIRE(h.Click("feedback-stop"));
    CHECK(h.model().Share().feedback_module.empty());
    CHECK(PostFeedback(share.url + "feedback", module, "too+late") == 409);

    auto store = fk::core::FeedbackStore::Open(dir.path());
    REQUIRE(store);
    auto answers = (*store)->List(module);
    REQUIRE(answers);
    REQUIRE(answers->size() == 1);
    CHECK((*answers)[0].worked == "the injects");
    CHECK((*answers)[0].rating == 4);
}
