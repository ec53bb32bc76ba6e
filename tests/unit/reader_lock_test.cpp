// The reader's passphrase on real reader.sqlite files: no plain text on disk (WAL included),
// wrong passphrases refused, lock/unlock/change/remove, tampered and swapped rows detected,
// history only when turned on, and "wipe my data" removing every file.
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <fstream>
#include <iterator>

#include "kit/core/reader_data.hpp"
#include "kit/core/reader_wipe.hpp"
#include "tests/support/temp_dir.hpp"

using fk::ErrorCode;
using fk::core::KdfCost;
using fk::core::LockState;
using fk::core::ReaderData;
namespace fs = std::filesystem;

namespace {

// The cheapest Argon2id cost libsodium names: the tests check behaviour, not strength.
const KdfCost kFast = KdfCost::Interactive();

std::string RawBytes(const fs::path& dir) {
    std::string all;
    for (const char* name : {"reader.sqlite", "reader.sqlite-wal", "reader.sqlite-shm", "reader.sqlite-journal"}) {
        std::ifstream in(dir / name, std::ios::binary);
        all.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return all;
}

// Runs SQL on reader.sqlite from outside fieldkit (an attacker with the file).
void Tamper(const fs::path& dir, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((dir / "reader.sqlite").c_str(), &db) == SQLITE_OK);
    char* err = nullptr;
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    INFO((err ? err : ""));
    sqlite3_free(err);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
}

ReaderData OpenData(const fs::path& dir) {
    auto data = ReaderData::Open(dir);
    REQUIRE(data.ok());
    return std::move(*data);
}

}  // namespace

TEST_CASE("with a passphrase no note, bookmark or history text is in the file or its WAL") {
    fk::test::TempDir dir;
    {
        ReaderData data = OpenData(dir.path());
        REQUIRE(data.SetHistoryEnabled(true).ok());
        // Saved in plain text first, then locked: the plain copies must go too.
        REQUIRE(data.SaveNote("fuel-logistics", "meet Amira at the north depot").ok());
        REQUIRE(data.SetBookmark("evacuation-routes", "Evacuation routes for the valley", true).ok());
        REQUIRE(data.RecordView("shelter-contacts", "Shelter contacts in Kharkiv").ok());
        CHECK(RawBytes(dir.path()).find("north depot") != std::string::npos);  // the probe works
        REQUIRE(data.SetPassphrase("correct horse battery staple", kFast).ok());
        CHECK(data.GetLockState() == LockState::kUnlocked);
        REQUIRE(data.SaveNote("generator-maintenance", "spare fuel hidden behind the school").ok());
        CHECK(data.Note("generator-maintenance") == "spare fuel hidden behind the school");
        CHECK(data.Note("fuel-logistics") == "meet Amira at the north depot");
        const std::string raw = RawBytes(dir.path());
        for (const char* secret :
             {"north depot", "Amira", "hidden behind the school", "Evacuation routes", "evacuation-routes", "Kharkiv",
              "shelter-contacts", "fuel-logistics", "generator-maintenance", "correct horse"})
            CHECK_MESSAGE(raw.find(secret) == std::string::npos, secret);
    }
    const std::string raw = RawBytes(dir.path());
    CHECK(raw.find("hidden behind the school") == std::string::npos);
    CHECK(raw.find("north depot") == std::string::npos);
}

TEST_CASE("a wrong passphrase is refused and nothing opens while locked") {
    fk::test::TempDir dir;
    {
        ReaderData data = OpenData(dir.path());
        REQUIRE(data.SaveNote("a", "the note").ok());
        REQUIRE(data.SetBookmark("b", "B", true).ok());
        REQUIRE(data.SetPassphrase("right one", kFast).ok());
    }
    ReaderData data = OpenData(dir.path());
    CHECK(data.GetLockState() == LockState::kLocked);
    auto wrong = data.Unlock("wrong one");
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().code == ErrorCode::kWrongPassphrase);
    CHECK(wrong.error().detail == "wrong passphrase");
    CHECK(data.GetLockState() == LockState::kLocked);
    CHECK(data.Note("a").empty());
    CHECK(data.LoadNote("a").error().code == ErrorCode::kLocked);
    CHECK(data.Bookmarks().empty());
    CHECK_FALSE(data.IsBookmarked("b"));
    // Writing while locked is refused, not silently lost or stored in plain text.
    CHECK(data.SaveNote("a", "overwrite").error().code == ErrorCode::kLocked);
    CHECK(data.SetBookmark("c", "C", true).error().code == ErrorCode::kLocked);
    REQUIRE(data.Unlock("right one").ok());
    CHECK(data.Note("a") == "the note");
    CHECK(data.IsBookmarked("b"));
}

TEST_CASE("lock and unlock round trip, checklist ticks and settings stay usable while locked") {
    fk::test::TempDir dir;
    ReaderData data = OpenData(dir.path());
    CHECK(data.GetLockState() == LockState::kNoPassphrase);
    REQUIRE(data.SetPassphrase("pass phrase", kFast).ok());
    REQUIRE(data.SetBookmark("x", "X", true).ok());
    REQUIRE(data.SaveNote("x", "note x").ok());
    data.LockNow();
    CHECK(data.GetLockState() == LockState::kLocked);
    CHECK(data.Bookmarks().empty());
    REQUIRE(data.SetTicked("checklist", "task", true).ok());
    CHECK(data.Ticked("checklist").size() == 1);
    REQUIRE(data.SetSetting("theme", "light").ok());
    REQUIRE(data.Unlock("pass phrase").ok());
    CHECK(data.GetLockState() == LockState::kUnlocked);
    REQUIRE(data.Bookmarks().size() == 1);
    CHECK(data.Bookmarks()[0].title == "X");
    CHECK(data.Note("x") == "note x");
    CHECK(data.VerifyRows().value() == 2);
}

TEST_CASE("changing the passphrase re-encrypts under a new key, removing it restores plain rows") {
    fk::test::TempDir dir;
    {
        ReaderData data = OpenData(dir.path());
        REQUIRE(data.SetHistoryEnabled(true).ok());
        REQUIRE(data.SetPassphrase("first", kFast).ok());
        REQUIRE(data.SaveNote("a", "note a").ok());
        REQUIRE(data.SetBookmark("b", "B", true).ok());
        REQUIRE(data.RecordView("c", "C").ok());
        CHECK(data.ChangePassphrase("not it", "second", kFast).error().code == ErrorCode::kWrongPassphrase);
        REQUIRE(data.ChangePassphrase("first", "second", kFast).ok());
        CHECK(data.GetLockState() == LockState::kUnlocked);
        CHECK(data.Note("a") == "note a");
    }
    {
        ReaderData data = OpenData(dir.path());
        CHECK(data.Unlock("first").error().code == ErrorCode::kWrongPassphrase);
        REQUIRE(data.Unlock("second").ok());
        CHECK(data.Note("a") == "note a");
        CHECK(data.IsBookmarked("b"));
        REQUIRE(data.Recent().size() == 1);
        CHECK(data.Recent()[0].title == "C");
        CHECK(data.RemovePassphrase("first").error().code == ErrorCode::kWrongPassphrase);
        REQUIRE(data.RemovePassphrase("second").ok());
        CHECK(data.GetLockState() == LockState::kNoPassphrase);
    }
    ReaderData data = OpenData(dir.path());
    CHECK(data.GetLockState() == LockState::kNoPassphrase);
    CHECK(data.Note("a") == "note a");
    CHECK(data.IsBookmarked("b"));
    CHECK(data.Recent().size() == 1);
    CHECK(RawBytes(dir.path()).find("note a") != std::string::npos);  // plain again, as asked
}

TEST_CASE("a tampered or swapped encrypted row is detected, and nothing is re-encrypted over it") {
    fk::test::TempDir dir;
    {
        ReaderData data = OpenData(dir.path());
        REQUIRE(data.SetPassphrase("pw", kFast).ok());
        REQUIRE(data.SaveNote("a", "note of a").ok());
        REQUIRE(data.SaveNote("b", "note of b").ok());
        CHECK(data.VerifyRows().value() == 2);
    }
    SUBCASE("one flipped byte") {
        Tamper(dir.path(),
               "UPDATE sealed SET box = substr(box, 1, 30) || "
               "CASE WHEN substr(box, 31, 1) = x'00' THEN x'01' ELSE x'00' END || substr(box, 32)");
    }
    SUBCASE("the boxes of two notes swapped") {
        Tamper(dir.path(),
               "CREATE TEMP TABLE t AS SELECT tag, box FROM sealed WHERE kind = 'note';"
               "UPDATE sealed SET box = (SELECT t.box FROM t WHERE t.tag <> sealed.tag) WHERE kind = 'note';");
    }
    SUBCASE("a note moved to the bookmark kind") {
        Tamper(dir.path(), "UPDATE sealed SET kind = 'bookmark' WHERE kind = 'note'");
    }
    ReaderData data = OpenData(dir.path());
    REQUIRE(data.Unlock("pw").ok());
    auto verified = data.VerifyRows();
    REQUIRE_FALSE(verified.ok());
    CHECK(verified.error().code == ErrorCode::kCorrupt);
    CHECK(verified.error().detail.find("integrity") != std::string::npos);
    CHECK(data.Bookmarks().empty());
    auto note = data.LoadNote("a");
    if (note)
        CHECK(note->empty());  // moved away: no note is a truthful answer; a wrong text never is
    else
        CHECK(note.error().code == ErrorCode::kCorrupt);
    CHECK(data.ChangePassphrase("pw", "new", kFast).error().code == ErrorCode::kCorrupt);
    CHECK(data.RemovePassphrase("pw").error().code == ErrorCode::kCorrupt);
    CHECK(data.GetLockState() == LockState::kUnlocked);  // unchanged: "pw" still opens it
}

TEST_CASE("a damaged lock record is refused with a message, not a huge allocation") {
    fk::test::TempDir dir;
    {
        ReaderData data = OpenData(dir.path());
        REQUIRE(data.SetPassphrase("pw", kFast).ok());
    }
    Tamper(dir.path(), "UPDATE lock SET memlimit = 4398046511104");
    ReaderData data = OpenData(dir.path());
    auto r = data.Unlock("pw");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kCorrupt);
}

TEST_CASE("a passphrase changed by another process locks this one instead of writing under the old key") {
    fk::test::TempDir dir;
    ReaderData window = OpenData(dir.path());
    REQUIRE(window.SetPassphrase("old", kFast).ok());
    REQUIRE(window.SaveNote("a", "from the window").ok());
    ReaderData cli = OpenData(dir.path());
    REQUIRE(cli.ChangePassphrase("old", "new", kFast).ok());
    CHECK(window.GetLockState() == LockState::kLocked);
    CHECK(window.SaveNote("a", "lost?").error().code == ErrorCode::kLocked);
    REQUIRE(window.Unlock("new").ok());
    CHECK(window.Note("a") == "from the window");
}

TEST_CASE("history is not recorded unless the reader turns it on, off deletes it") {
    fk::test::TempDir dir;
    {
        ReaderData data = OpenData(dir.path());
        CHECK_FALSE(data.HistoryEnabled());
        REQUIRE(data.RecordView("a", "Article A").ok());
        CHECK(data.Recent().empty());
        CHECK(RawBytes(dir.path()).find("Article A") == std::string::npos);
        REQUIRE(data.SetHistoryEnabled(true).ok());
        REQUIRE(data.RecordView("b", "Article B").ok());
        CHECK(data.Recent().size() == 1);
    }
    {
        ReaderData data = OpenData(dir.path());
        CHECK(data.HistoryEnabled());
        CHECK(data.Recent().size() == 1);  // kept: it was on
        REQUIRE(data.SetPassphrase("pw", kFast).ok());
        data.LockNow();
        REQUIRE(data.RecordView("c", "Article C").ok());  // locked: nothing recorded, no error
        REQUIRE(data.Unlock("pw").ok());
        CHECK(data.Recent().size() == 1);
        REQUIRE(data.SetHistoryEnabled(false).ok());
        CHECK(data.Recent().empty());
    }
    // A database from before the setting existed: history recorded without asking is dropped.
    Tamper(dir.path(),
           "DELETE FROM lock; DELETE FROM sealed; DELETE FROM settings;"
           "INSERT INTO history VALUES('old', 'Old visit', 1, 1)");
    ReaderData data = OpenData(dir.path());
    CHECK(data.Recent().empty());
}

TEST_CASE("wipe removes reader.sqlite and its WAL, shared memory and journal files, and nothing else") {
    fk::test::TempDir dir;
    const fs::path outside = dir.path() / "outside.txt";
    { std::ofstream(outside) << "not the reader's"; }
    { std::ofstream(dir.path() / "library.json") << "{}"; }
    {
        ReaderData data = OpenData(dir.path());
        REQUIRE(data.SaveNote("a", "wipe me").ok());
    }
    { std::ofstream(dir.path() / "reader.sqlite-wal") << "left behind by a crash"; }
    // A link planted where a journal would be: removed, never followed.
    fs::create_symlink(outside, dir.path() / "reader.sqlite-journal");
    auto report = fk::core::WipeReaderData(dir.path());
    REQUIRE(report.ok());
    for (const char* name : {"reader.sqlite", "reader.sqlite-wal", "reader.sqlite-shm", "reader.sqlite-journal"})
        CHECK_FALSE(fs::exists(fs::symlink_status(dir.path() / name)));
    CHECK(report->removed.size() >= 3);
    CHECK(fs::exists(dir.path() / "library.json"));
    std::ifstream in(outside);
    CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == "not the reader's");
    CHECK(fk::core::WipeCaveats().find("full-disk encryption") != std::string::npos);
    ReaderData fresh = OpenData(dir.path());
    CHECK(fresh.Note("a").empty());
}
