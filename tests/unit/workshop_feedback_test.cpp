// Workshop feedback: the form parser, CSV escaping (formula injection included) and the store.
#include "kit/core/workshop_feedback.hpp"

#include <doctest/doctest.h>

#include "kit/core/sqlite.hpp"
#include "tests/support/temp_dir.hpp"

using namespace fk;

TEST_CASE("a feedback form is parsed strictly") {
    auto e = core::ParseFeedbackForm("module=pack%2Fws-1&lang=fr&rating=4&worked=Le+jeu%0D%0Ade+r%C3%B4le%07&change=");
    REQUIRE(e);
    CHECK(e->module == "pack/ws-1");
    CHECK(e->rating == 4);
    CHECK(e->worked == "Le jeu\nde rôle");  // CRLF as LF, the bell dropped
    CHECK(e->change.empty());
    CHECK(e->day.empty());
    for (const char* bad :
         {"", "module=ws&rating=0", "module=ws&rating=6", "module=ws&rating=44", "module=ws", "rating=3",
          "module=..%2Fx%3C&rating=3", "module=ws&rating=3&rating=4", "module=ws&rating=3&worked=%FF%FE",
          "module=ws&rating=3&worked=%C0%AF", "module=ws&rating=3&worked=%ZZ", "module=ws&rating=3&worked=a%00b"}) {
        INFO(bad);
        CHECK(!core::ParseFeedbackForm(bad));
    }
    CHECK(!core::ParseFeedbackForm("module=ws&rating=3&worked=" + std::string(core::kMaxFeedbackText + 1, 'x')));
    CHECK(core::ParseFeedbackForm("module=ws&rating=3&worked=" + std::string(core::kMaxFeedbackText, 'x')));
}

TEST_CASE("the CSV quotes what needs quoting and defuses formulas") {
    const std::string csv = core::FeedbackCsv({{"ws", "2026-12-07", 5, "=SUM(A1)", "say \"hi\", then\nleave"},
                                               {"ws", "2026-12-07", 1, "+1", "@cmd"},
                                               {"ws", "2026-12-07", 2, "-2", "plain"}});
    CHECK(csv ==
          "module,day,rating,worked,change\r\n"
          "ws,2026-12-07,5,'=SUM(A1),\"say \"\"hi\"\", then\nleave\"\r\n"
          "ws,2026-12-07,1,'+1,'@cmd\r\n"
          "ws,2026-12-07,2,'-2,plain\r\n");
}

TEST_CASE("the store keeps answers with the day only and lists them by module") {
    test::TempDir dir;
    auto store = core::FeedbackStore::Open(dir.path());
    REQUIRE(store.ok());
    REQUIRE((*store)->Add({"ws-b", "2026-12-07", 3, "b", ""}).ok());
    REQUIRE((*store)->Add({"ws-a", "2026-12-07", 5, "a", "x"}).ok());
    auto all = (*store)->List();
    REQUIRE(all.ok());
    REQUIRE(all->size() == 2);
    CHECK((*all)[0].module == "ws-a");
    auto one = (*store)->List("ws-b");
    REQUIRE(one.ok());
    REQUIRE(one->size() == 1);
    CHECK((*one)[0].rating == 3);
    // Nothing else is kept: exactly these columns.
    auto db = core::Database::Open(dir.path() / "feedback.sqlite", "test", true);
    REQUIRE(db.ok());
    auto st = db->Prepare("SELECT group_concat(name) FROM pragma_table_info('feedback')");
    REQUIRE(st.ok());
    REQUIRE(*st->Step());
    CHECK(st->Text(0) == "module,day,rating,worked,change");
}
