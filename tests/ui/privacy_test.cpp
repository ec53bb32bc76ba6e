// The window's privacy controls, headless: set a passphrase in Settings, lock from the top
// bar, the Home and notes panel show "Notes locked" with a prompt, a wrong passphrase is a
// message beside it, the right one brings everything back; history off by default; wipe.
#include <doctest/doctest.h>

#include "kit/core/reader_data.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/ui/harness.hpp"

using fk::core::LockState;
using fk::test::UiHarness;
using fk::ui::Action;
using fk::ui::ActionType;
using fk::ui::Screen;

namespace {

const char* kArticle = "checklist-fuel-resupply";

void TypeInto(UiHarness& h, const std::string& box, const std::string& text) {
    REQUIRE_MESSAGE(h.Click(box), box << " not drawn");
    h.Type(text);
}

}  // namespace

TEST_CASE("set a passphrase in Settings, lock, a wrong passphrase is refused, unlock on Home") {
    fk::test::TempDir dir;
    UiHarness h(dir.path());
    h.model().SetPassphraseCost(fk::core::KdfCost::Interactive());
    h.model().Apply(Action{ActionType::kOpenArticle, kArticle});
    h.model().Apply(Action{ActionType::kToggleBookmark});
    h.model().Apply(Action{ActionType::kSetNote, "diesel at gate 4"});

    h.model().Apply(Action{ActionType::kShowScreen, {}, static_cast<int>(Screen::kSettings)});
    h.Frame(2);
    CHECK(h.model().Lock() == LockState::kNoPassphrase);
    TypeInto(h, "pass:new", "long pass phrase");
    TypeInto(h, "pass:again", "long pass phrase");
    REQUIRE(h.Click("set-passphrase"));
    CHECK(h.model().Lock() == LockState::kUnlocked);
    CHECK(h.model().PassphraseError().empty());
    CHECK(h.view().pass_new.empty());  // the boxes forget what was typed
    h.Frame();                         // the key was derived after the last drawn frame

    REQUIRE(h.Click("lock-chip"));
    CHECK(h.model().Lock() == LockState::kLocked);
    h.model().Apply(Action{ActionType::kShowScreen, {}, static_cast<int>(Screen::kHome)});
    h.Frame(3);
    CHECK(h.model().Home().bookmarks.empty());
    REQUIRE(h.view().items.count("unlock:home"));

    TypeInto(h, "pass:unlock", "not the phrase");
    REQUIRE(h.Click("unlock:home"));
    CHECK(h.model().Lock() == LockState::kLocked);
    CHECK(h.model().PassphraseError() == "wrong passphrase");

    TypeInto(h, "pass:unlock", "long pass phrase");
    REQUIRE(h.Click("unlock:home"));
    CHECK(h.model().Lock() == LockState::kUnlocked);
    CHECK(h.model().PassphraseError().empty());
    REQUIRE(h.model().Home().bookmarks.size() == 1);
    CHECK(h.model().Home().bookmarks[0].id == kArticle);
}

TEST_CASE("locked, the open article's note leaves the screen and the notes panel asks for the passphrase") {
    fk::test::TempDir dir;
    {
        auto reader = fk::core::ReaderData::Open(dir.path());
        REQUIRE(reader.ok());
        REQUIRE(reader->SaveNote(kArticle, "secret plan").ok());
        REQUIRE(reader->SetPassphrase("pw", fk::core::KdfCost::Interactive()).ok());
    }
    UiHarness h(dir.path());
    CHECK(h.model().Lock() == LockState::kLocked);
    h.model().Apply(Action{ActionType::kOpenArticle, kArticle});
    h.view().show_notes = true;
    h.Frame(2);
    CHECK(h.model().Article()->note.empty());
    CHECK(h.view().items.count("unlock:notes"));
    CHECK_FALSE(h.view().items.count("notes"));  // no editor to type into and lose
    h.model().Apply(Action{ActionType::kSetNote, "typed while locked"});
    CHECK(h.model().MessageIsError());
    h.model().Apply(Action{ActionType::kUnlock, "pw"});
    h.Frame(2);
    CHECK(h.model().Article()->note == "secret plan");
    CHECK(h.view().note == "secret plan");
    h.model().Apply(Action{ActionType::kLockNow});
    h.Frame(2);
    CHECK(h.model().Article()->note.empty());
    CHECK(h.view().note.empty());
}

TEST_CASE("a frame says the passphrase is being worked on before the window waits for Argon2id") {
    fk::test::TempDir dir;
    {
        auto reader = fk::core::ReaderData::Open(dir.path());
        REQUIRE(reader.ok());
        REQUIRE(reader->SetPassphrase("pw", fk::core::KdfCost::Interactive()).ok());
    }
    UiHarness h(dir.path());
    fk::ui::ActionQueue queue{Action{ActionType::kUnlock, "pw"}, Action{ActionType::kDismissMessage}};
    CHECK(h.model().Apply(queue));
    CHECK(h.model().Lock() == LockState::kLocked);  // not yet: this frame is drawn first
    CHECK(h.model().Message().starts_with("Working on your passphrase"));
    CHECK(queue.size() == 2);                       // nothing after it jumps ahead
    CHECK(h.model().Apply(queue));
    CHECK(h.model().Lock() == LockState::kUnlocked);
    CHECK(h.model().Message().empty());
    CHECK(queue.empty());
}

TEST_CASE("history is off by default, the Settings checkbox turns it on and off") {
    fk::test::TempDir dir;
    UiHarness h(dir.path());
    h.model().Apply(Action{ActionType::kOpenArticle, kArticle});
    h.model().Apply(Action{ActionType::kShowScreen, {}, static_cast<int>(Screen::kHome)});
    CHECK(h.model().Home().recent.empty());
    CHECK_FALSE(h.model().HistoryOn());
    h.model().Apply(Action{ActionType::kShowScreen, {}, static_cast<int>(Screen::kSettings)});
    h.Frame(2);
    REQUIRE(h.Click("history"));
    CHECK(h.model().HistoryOn());
    h.model().Apply(Action{ActionType::kOpenArticle, "anti-spoofing-bcp38-bcp84"});
    h.model().Apply(Action{ActionType::kShowScreen, {}, static_cast<int>(Screen::kHome)});
    REQUIRE(h.model().Home().recent.size() == 1);
    h.model().Apply(Action{ActionType::kShowScreen, {}, static_cast<int>(Screen::kSettings)});
    h.Frame(2);
    REQUIRE(h.Click("history"));
    CHECK_FALSE(h.model().HistoryOn());
    CHECK(h.model().Home().recent.empty());
}

TEST_CASE("wipe my data asks first, then deletes notes and settings and says what flash may keep") {
    fk::test::TempDir dir;
    UiHarness h(dir.path());
    h.model().Apply(Action{ActionType::kOpenArticle, kArticle});
    h.model().Apply(Action{ActionType::kSetNote, "to be wiped"});
    h.model().Apply(Action{ActionType::kSetTheme, "light"});
    h.model().Apply(Action{ActionType::kShowScreen, {}, static_cast<int>(Screen::kSettings)});
    h.Frame(2);
    REQUIRE(h.Click("wipe"));
    CHECK(h.model().Settings().theme == "light");  // nothing yet: it asks first
    REQUIRE(h.Click("wipe-confirm"));
    CHECK(h.model().Settings().theme == "dark");
    CHECK(h.model().Message().find("full-disk encryption") != std::string::npos);
    CHECK(h.model().Message().find("installed packs") != std::string::npos);
    CHECK_FALSE(h.model().CanGoBack());
    h.Restart();
    h.model().Apply(Action{ActionType::kOpenArticle, kArticle});
    CHECK(h.model().Article()->note.empty());
}
