// Field reports: signing and strict parsing, the per-kit key, the outbox in reader.sqlite,
// armored text, and the publisher's inbox scan (duplicates, unknown articles).
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <fstream>

#include "kit/core/field_report.hpp"
#include "kit/core/report_inbox.hpp"
#include "kit/core/report_key.hpp"
#include "kit/core/report_outbox.hpp"
#include "kit/core/reader_data.hpp"
#include "kit/core/reader_wipe.hpp"
#include "platform/files.hpp"
#include "tests/support/temp_dir.hpp"

using namespace fk::core;
using fk::ErrorCode;

namespace {

void WriteText(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::string Replace(std::string s, const std::string& from, const std::string& to) {
    const size_t at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("a signed report parses back, and a changed byte, field or size is refused") {
    fk::test::TempDir dir;
    auto key = LoadOrMakeReportKey(dir.path());
    REQUIRE(key.ok());
    auto r = MakeReport("dns-resilience", ReportKind::kOutdated, "resolver list is from 2019\nsee line 3", 1796601600 + 3600 * 13 + 17, *key);
    REQUIRE(r.ok());
    CHECK(r->day == "2026-12-07");  // the day only: no hour, minute or second is kept
    const std::string text = SignReport(*r, *key);
    CHECK(text.find('\n') == std::string::npos);  // "\n" in the note is escaped: one line
    CHECK(text.find("13:") == std::string::npos);
    auto back = ParseSignedReport(text);
    REQUIRE(back.ok());
    CHECK(back->id == r->id);
    CHECK(back->note == r->note);
    CHECK(back->key == key->PublicHex());
    CHECK(ParseSignedReport(Replace(text, "2019", "2020")).error().code == ErrorCode::kBadSignature);
    CHECK(ParseSignedReport(Replace(text, "\"outdated\"", "\"wrong\"")).error().code == ErrorCode::kBadSignature);
    CHECK(ParseSignedReport(Replace(text, "\"v\":1", "\"v\":2")).error().code == ErrorCode::kCorrupt);
    CHECK(ParseSignedReport(Replace(text, "dns-resilience", "../etc/passwd")).error().code == ErrorCode::kCorrupt);
    CHECK(ParseSignedReport(Replace(text, "{", "{\"extra\":1,")).error().code == ErrorCode::kCorrupt);
    CHECK(ParseSignedReport("not json").error().code == ErrorCode::kCorrupt);
    CHECK(ParseSignedReport(std::string(kMaxSignedReport + 1, ' ')).error().code == ErrorCode::kTooLarge);
    // Someone else's key over the same body: the signature is the key's, not the text's.
    fk::test::TempDir other;
    auto key2 = LoadOrMakeReportKey(other.path());
    REQUIRE(key2.ok());
    CHECK(ParseSignedReport(Replace(text, key->PublicHex(), key2->PublicHex())).error().code == ErrorCode::kBadSignature);
}

TEST_CASE("report fields are checked when a report is made") {
    fk::test::TempDir dir;
    auto key = LoadOrMakeReportKey(dir.path());
    REQUIRE(key.ok());
    CHECK(MakeReport("", ReportKind::kWrong, "", 0, *key).error().code == ErrorCode::kUsage);
    CHECK(MakeReport("power", ReportKind::kPractice, "x", 0, *key).error().code == ErrorCode::kUsage);
    CHECK(MakeReport("", ReportKind::kPractice, "", 0, *key).error().code == ErrorCode::kUsage);
    CHECK(MakeReport("Power/../x", ReportKind::kWrong, "", 0, *key).error().code == ErrorCode::kUsage);
    CHECK(MakeReport("power", ReportKind::kWrong, std::string(kMaxReportNote + 1, 'a'), 0, *key).error().code ==
          ErrorCode::kUsage);
    CHECK(MakeReport("power", ReportKind::kWrong, "bell\a", 0, *key).error().code == ErrorCode::kUsage);
    CHECK(MakeReport("power", ReportKind::kWrong, "csi \xC2\x9B" "31m", 0, *key).error().code == ErrorCode::kUsage);
    CHECK(MakeReport("power", ReportKind::kWrong, "caf\xC3\xA9, \xC2\xA0nbsp, \xD9\x85", 0, *key).ok());
    CHECK(MakeReport("power", ReportKind::kWrong, "\xff\xfe", 0, *key).error().code == ErrorCode::kUsage);
    CHECK(MakeReport("trainer-pack/power", ReportKind::kWorked, "", 0, *key).ok());
    CHECK(MakeReport("", ReportKind::kPractice, "We run the IXP switch from a car battery", 0, *key).ok());
}

TEST_CASE("the report key is made once, private, kept, and never replaced when damaged") {
    fk::test::TempDir dir;
    auto a = LoadOrMakeReportKey(dir.path());
    REQUIRE(a.ok());
    struct stat st {};
    REQUIRE(stat((dir / "report.key").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    auto b = LoadOrMakeReportKey(dir.path());
    REQUIRE(b.ok());
    CHECK(a->PublicHex() == b->PublicHex());
    WriteText(dir / "report.key", "fieldkit report key v1\nnot hex\n");
    auto c = LoadOrMakeReportKey(dir.path());
    REQUIRE_FALSE(c.ok());
    CHECK(c.error().code == ErrorCode::kCorrupt);
    CHECK(fk::platform::ReadFile(dir / "report.key", "k").value() == "fieldkit report key v1\nnot hex\n");
}

TEST_CASE("the outbox keeps reports across reopen, deletes them, and marks sent only once") {
    fk::test::TempDir dir;
    std::string first;
    {
        auto reader = ReaderData::Open(dir.path());
        REQUIRE(reader.ok());
        auto r1 = QueueReport(*reader, dir.path(), "power", ReportKind::kWrong, "fuel figure is per hour, not per day");
        auto r2 = QueueReport(*reader, dir.path(), "", ReportKind::kPractice, "mesh over the river");
        auto r3 = QueueReport(*reader, dir.path(), "dns", ReportKind::kWorked, "");
        REQUIRE(r1.ok());
        REQUIRE(r2.ok());
        REQUIRE(r3.ok());
        first = r1->id;
        CHECK(reader->DeleteReport(r2->id).value());
        CHECK_FALSE(reader->DeleteReport(r2->id).value());
        REQUIRE(reader->MarkReportSent(r3->id, "http://127.0.0.1:1/inbox").ok());
        REQUIRE(reader->MarkReportSent(r3->id, "http://127.0.0.1:2/inbox").ok());
    }
    auto reader = ReaderData::Open(dir.path());
    REQUIRE(reader.ok());
    auto items = ListOutbox(*reader);
    REQUIRE(items.size() == 2);
    CHECK(items[0].report.id == first);
    CHECK(items[0].valid);
    CHECK(items[0].stored.sent_day == 0);
    CHECK(items[1].stored.sent_via == "http://127.0.0.1:1/inbox");  // the first acknowledgement stays
    CHECK(items[1].stored.sent_day % 86400 == 0);
    // Only unsent reports leave by the other paths.
    CHECK(ArmorOutbox(*reader).size() == 1);
    auto written = WriteReportFiles(*reader, dir / "stick");
    REQUIRE(written.ok());
    CHECK(*written == 1);
    // Wiping the reader's data removes the key too: later reports cannot be linked to these.
    auto old_key = LoadOrMakeReportKey(dir.path())->PublicHex();
    reader = ReaderData::Open(dir / "elsewhere");
    REQUIRE(WipeReaderData(dir.path()).ok());
    CHECK(LoadOrMakeReportKey(dir.path())->PublicHex() != old_key);
}

TEST_CASE("armored reports are found in quoted mail text, and a damaged line is named, not used") {
    fk::test::TempDir dir;
    auto key = LoadOrMakeReportKey(dir.path());
    REQUIRE(key.ok());
    auto r = MakeReport("power", ReportKind::kMissing, "no section on battery banks", 0, *key);
    REQUIRE(r.ok());
    const std::string signed_json = SignReport(*r, *key);
    const std::string line = ArmorReport(signed_json);
    CHECK(line.starts_with("FKR1:"));
    for (char c : line.substr(5)) CHECK(((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7')));
    std::string damaged = line;
    damaged[20] = damaged[20] == 'A' ? 'B' : 'A';
    const std::string mail = "On Monday Ana wrote:\n> " + line + "\n> thanks\n" + line + "\n> " + damaged + "\nFKR1:1\n";
    int bad = 0;
    auto found = FindArmoredReports(mail, &bad);
    CHECK(bad == 1);  // "FKR1:1" does not decode
    REQUIRE(found.size() == 3);
    CHECK(found[0] == signed_json);
    CHECK_FALSE(ParseSignedReport(found[2]).ok());

    // Wrapped by a mail client at 72 columns and quoted: still the same report.
    std::string wrapped = "Forwarded:\n";
    for (size_t i = 0; i < line.size(); i += 72) wrapped += "> " + line.substr(i, 72) + "\n";
    wrapped += ">\n> OK then\n";
    auto rewrapped = FindArmoredReports(wrapped, &bad);
    CHECK(bad == 0);
    REQUIRE(rewrapped.size() == 1);
    CHECK(rewrapped[0] == signed_json);
}

TEST_CASE("the inbox verifies, drops duplicates, and lists a report for a vanished article as such") {
    fk::test::TempDir kit, inbox;
    auto reader = ReaderData::Open(kit.path());
    REQUIRE(reader.ok());
    REQUIRE(QueueReport(*reader, kit.path(), "power", ReportKind::kWrong, "a").ok());
    REQUIRE(QueueReport(*reader, kit.path(), "power", ReportKind::kWorked, "b").ok());
    REQUIRE(QueueReport(*reader, kit.path(), "retired-article", ReportKind::kOutdated, "c").ok());
    auto items = ListOutbox(*reader);
    // Posted (twice: a replay), on a stick, and pasted as text: each counted once.
    for (const auto& item : items) {
        CHECK(AcceptReport(item.stored.signed_json, inbox.path()).value() == Accepted::kStored);
        CHECK(AcceptReport(item.stored.signed_json, inbox.path()).value() == Accepted::kDuplicate);
    }
    REQUIRE(WriteReportFiles(*reader, inbox / "reports").ok());
    std::string pasted = "forwarded:\n";
    for (const auto& l : ArmorOutbox(*reader)) pasted += "> " + l + "\n";
    WriteText(inbox / "sms.txt", pasted);
    WriteText(inbox / "junk.fkr", "{\"v\":1}\n");
    CHECK(AcceptReport("{\"v\":1}", inbox.path()).error().code == ErrorCode::kCorrupt);
    auto scan = ScanInbox(inbox.path());
    REQUIRE(scan.ok());
    CHECK(scan->reports.size() == 3);
    CHECK(scan->duplicates == 6);
    REQUIRE(scan->refused.size() == 1);
    CHECK(scan->refused[0].starts_with("junk.fkr: not a field report"));
    auto groups = GroupByArticle(scan->reports, [](const std::string& a) { return a == "power"; });
    REQUIRE(groups.size() == 2);
    CHECK(groups[0].article == "power");
    CHECK(groups[0].known);
    CHECK(groups[0].kinds == std::map<std::string, int>{{"worked", 1}, {"wrong", 1}});
    CHECK(groups[1].article == "retired-article");
    CHECK_FALSE(groups[1].known);
}
