// ReaderData: ticks, bookmarks, notes, history and settings persist across reopen.
#include "kit/core/reader_data.hpp"

#include <doctest/doctest.h>

#include "kit/core/index_builder.hpp"
#include "tests/support/temp_dir.hpp"

using fk::core::ReaderData;

TEST_CASE("checklist ticks survive reopening and are keyed by article and task key") {
    fk::test::TempDir dir;
    const std::string key = fk::core::TaskKey("Test the generator under load");
    {
        auto data = ReaderData::Open(dir.path());
        REQUIRE(data.ok());
        REQUIRE(data->SetTicked("power", key, true).ok());
        REQUIRE(data->SetTicked("power", "other", true).ok());
        REQUIRE(data->SetTicked("dns", key, true).ok());
        REQUIRE(data->SetTicked("power", "other", false).ok());
    }
    auto data = ReaderData::Open(dir.path());
    REQUIRE(data.ok());
    CHECK(data->Ticked("power") == std::set<std::string>{key});
    // The key follows the words, so a punctuation edit in a content update keeps the tick.
    CHECK(data->Ticked("power").count(fk::core::TaskKey("Test the generator, under load.")) == 1);
    REQUIRE(data->ResetChecklist("power").ok());
    CHECK(data->Ticked("power").empty());
    CHECK(data->Ticked("dns").size() == 1);
}

TEST_CASE("bookmarks and notes persist, an empty note is removed") {
    fk::test::TempDir dir;
    {
        auto data = ReaderData::Open(dir.path());
        REQUIRE(data.ok());
        REQUIRE(data->SetBookmark("a", "Article A", true).ok());
        REQUIRE(data->SetBookmark("b", "Article B", true).ok());
        REQUIRE(data->SetBookmark("a", "Article A", false).ok());
        REQUIRE(data->SaveNote("a", "call the fuel supplier").ok());
        REQUIRE(data->SaveNote("b", "x").ok());
        REQUIRE(data->SaveNote("b", "").ok());
    }
    auto data = ReaderData::Open(dir.path());
    REQUIRE(data.ok());
    auto marks = data->Bookmarks();
    REQUIRE(marks.size() == 1);
    CHECK(marks[0].id == "b");
    CHECK(marks[0].title == "Article B");
    CHECK(data->IsBookmarked("b"));
    CHECK_FALSE(data->IsBookmarked("a"));
    CHECK(data->Note("a") == "call the fuel supplier");
    CHECK(data->Note("b").empty());
}

TEST_CASE("history lists each article once, newest first, and is pruned") {
    fk::test::TempDir dir;
    auto data = ReaderData::Open(dir.path());
    REQUIRE(data.ok());
    REQUIRE(data->SetHistoryEnabled(true).ok());
    REQUIRE(data->RecordView("a", "A").ok());
    REQUIRE(data->RecordView("b", "B").ok());
    REQUIRE(data->RecordView("a", "A").ok());
    auto recent = data->Recent();
    REQUIRE(recent.size() == 2);
    CHECK(recent[0].id == "a");
    CHECK(recent[1].id == "b");
    for (int i = 0; i < ReaderData::kHistoryLimit + 20; ++i)
        REQUIRE(data->RecordView("x" + std::to_string(i), "X").ok());
    CHECK(data->Recent(1000).size() == static_cast<size_t>(ReaderData::kHistoryLimit));
    auto again = ReaderData::Open(dir.path());
    REQUIRE(again.ok());
    REQUIRE(again->RecordView("late", "L").ok());
    CHECK(again->Recent(1)[0].id == "late");
}

TEST_CASE("settings round-trip and bad values fall back to defaults") {
    fk::test::TempDir dir;
    {
        auto data = ReaderData::Open(dir.path());
        REQUIRE(data.ok());
        CHECK(data->LoadSettings().theme == "dark");
        fk::core::ReaderSettings s{"humanitarian", "high-contrast", 22, "ar"};
        REQUIRE(data->SaveSettings(s).ok());
    }
    auto data = ReaderData::Open(dir.path());
    REQUIRE(data.ok());
    auto s = data->LoadSettings();
    CHECK(s.audience == "humanitarian");
    CHECK(s.theme == "high-contrast");
    CHECK(s.font_size == 22);
    CHECK(s.language == "ar");
    REQUIRE(data->SetSetting("font_size", "9000").ok());
    REQUIRE(data->SetSetting("theme", "neon").ok());
    CHECK(data->LoadSettings().font_size == fk::core::kMaxFontSize);
    CHECK(data->LoadSettings().theme == "dark");
}

TEST_CASE("the reader database uses WAL with synchronous FULL") {
    fk::test::TempDir dir;
    auto data = ReaderData::Open(dir.path());
    REQUIRE(data.ok());
    CHECK(std::filesystem::exists(dir.path() / "reader.sqlite"));
    REQUIRE(data->SetTicked("a", "k", true).ok());
    CHECK(std::filesystem::exists(dir.path() / "reader.sqlite-wal"));
}
