// Field reports: a reader's short word about an article (wrong, outdated, missing, "this worked
// for us") or a new practice, signed by the kit's own report key (report_key.hpp) so that a
// publisher can tell kits apart and drop spam by key without learning who wrote it. The date is
// the day only. The signed form is one line of JSON; on the wire, on a USB stick and in an
// inbox directory it is that line, and as text for e-mail or SMS it is one "FKR1:" line.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/result.hpp"

namespace fk::core {

enum class ReportKind { kWrong, kOutdated, kMissing, kWorked, kPractice };

// "wrong", "outdated", "missing", "worked", "practice"
const char* ReportKindName(ReportKind kind);
std::optional<ReportKind> ParseReportKind(std::string_view name);

inline constexpr size_t kMaxReportNote = 1000;  // bytes of UTF-8
// A signed report is well below this; anything longer is refused unread (a POST body, a file).
inline constexpr size_t kMaxSignedReport = 4096;
inline constexpr std::string_view kArmorPrefix = "FKR1:";

struct FieldReport {
    std::string id;       // 32 hex digits, random: duplicates are dropped by it
    std::string article;  // the article's address ("id" or "pack/id"); empty for a new practice
    ReportKind kind = ReportKind::kWrong;
    std::string note;
    std::string day;  // "YYYY-MM-DD" (UTC): the day it was written, nothing finer
    std::string key;  // the kit's report public key, 64 hex digits
};

// The kit's signing key (Ed25519, libsodium layout: seed || public key).
struct ReportSigningKey {
    std::array<std::uint8_t, 64> secret{};
    ReportSigningKey() = default;
    ReportSigningKey(const ReportSigningKey&) = default;
    ReportSigningKey& operator=(const ReportSigningKey&) = default;
    ~ReportSigningKey();  // wipes the secret
    std::string PublicHex() const;
};

// A new report with a fresh id and today's date; kUsage for a bad kind/article combination,
// an invalid address or a note too long or not UTF-8.
Result<FieldReport> MakeReport(std::string_view article, ReportKind kind, std::string_view note,
                               std::int64_t now_unix, const ReportSigningKey& key);

// The signed one-line JSON (no newline).
std::string SignReport(const FieldReport& report, const ReportSigningKey& key);

// Parses and verifies a signed report; every field is checked. Errors: kCorrupt (not a report,
// a bad field), kBadSignature, kTooLarge.
Result<FieldReport> ParseSignedReport(std::string_view text);

// The name an inbox stores a report under: from its key and id (so a replay lands on the same
// name), never from anything else in the body. "<32 hex>.fkr"
std::string ReportFileName(const FieldReport& report);

// One line of text: "FKR1:" + base32 (RFC 4648, no padding) of the signed JSON.
std::string ArmorReport(std::string_view signed_json);
// Every armored report found in `text` (mail quoting, chat logs, other lines around them), as
// signed JSON still to be verified; `bad` counts FKR1: lines that did not decode.
std::vector<std::string> FindArmoredReports(std::string_view text, int* bad = nullptr);

// "YYYY-MM-DD" of a Unix time, UTC.
std::string UtcDay(std::int64_t unix_seconds);

}  // namespace fk::core
