// Field reports: make, sign, verify and armor (see field_report.hpp).
#include "kit/core/field_report.hpp"

#include <sodium.h>

#include <cctype>
#include <ctime>
#include <nlohmann/json.hpp>

#include "bundle/armor.hpp"
#include "bundle/pack_id.hpp"
#include "platform/i18n.hpp"
#include "platform/utc_time.hpp"

namespace fk::core {
namespace {

using nlohmann::json;

constexpr std::string_view kSignedContext = "fieldkit-report-v1\n";

std::string Hex(const unsigned char* data, size_t n) {
    std::string out(n * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), data, n);
    out.pop_back();
    return out;
}

bool IsLowerHex(std::string_view s, size_t length) {
    if (s.size() != length) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

bool FromHex(std::string_view hex, unsigned char* out, size_t n) {
    size_t got = 0;
    return hex.size() == n * 2 &&
           sodium_hex2bin(out, n, hex.data(), hex.size(), nullptr, &got, nullptr) == 0 && got == n;
}

bool IsDay(std::string_view d) {
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (d[static_cast<size_t>(i)] < '0' || d[static_cast<size_t>(i)] > '9') return false;
    const int month = (d[5] - '0') * 10 + (d[6] - '0'), mday = (d[8] - '0') * 10 + (d[9] - '0');
    return month >= 1 && month <= 12 && mday >= 1 && mday <= 31;
}

// "id" or "pack/id", both parts in the pack id rule (kebab case); never a path.
bool IsAddress(std::string_view a) {
    const size_t slash = a.find('/');
    if (slash == std::string_view::npos) return bundle::IsValidPackId(a);
    return bundle::IsValidPackId(a.substr(0, slash)) && bundle::IsValidPackId(a.substr(slash + 1));
}

// A note may hold line breaks and tabs but no other control characters, C1 ones (U+0080 to
// U+009F) included: it is printed on the publisher's terminal. It must be UTF-8 (checked by
// the JSON encoder).
bool IsPlainNote(std::string_view note) {
    for (size_t i = 0; i < note.size(); ++i) {
        const auto b = static_cast<unsigned char>(note[i]);
        if ((b < 0x20 && b != '\n' && b != '\t') || b == 0x7f) return false;
        if (b == 0xC2 && i + 1 < note.size() && static_cast<unsigned char>(note[i + 1]) < 0xA0) return false;
    }
    return true;
}

json Body(const FieldReport& r) {
    return json{{"v", 1},           {"id", r.id},     {"article", r.article}, {"kind", ReportKindName(r.kind)},
                {"note", r.note},   {"day", r.day},   {"key", r.key}};
}

// The exact bytes signed: a context line, then the body as ASCII-only JSON with sorted keys.
std::optional<std::string> SignedBytes(const FieldReport& r) {
    try {
        return std::string(kSignedContext) + Body(r).dump(-1, ' ', true);
    } catch (const json::exception&) {
        return std::nullopt;  // not UTF-8
    }
}

Status CheckFields(const FieldReport& r) {
    if ((r.kind == ReportKind::kPractice) != r.article.empty())
        return MakeError(ErrorCode::kUsage, r.kind == ReportKind::kPractice
                                                ? tr("a new practice is not about an article")
                                                : tr("a report of this kind needs an article"));
    if (!r.article.empty() && !IsAddress(r.article))
        return MakeError(ErrorCode::kUsage, Format(tr("'{address}' is not an article address"),
                                                   {{"address", bundle::EscapeForMessage(r.article)}}));
    if (r.note.size() > kMaxReportNote)
        return MakeError(ErrorCode::kUsage,
                         Format(tr("the note is longer than {max} bytes"), {{"max", std::to_string(kMaxReportNote)}}));
    if (!IsPlainNote(r.note)) return MakeError(ErrorCode::kUsage, tr("the note has control characters"));
    if (r.kind == ReportKind::kPractice && r.note.empty())
        return MakeError(ErrorCode::kUsage, tr("a new practice needs a note that describes it"));
    return Ok{};
}

}  // namespace

const char* ReportKindName(ReportKind kind) {
    switch (kind) {
        case ReportKind::kWrong: return "wrong";
        case ReportKind::kOutdated: return "outdated";
        case ReportKind::kMissing: return "missing";
        case ReportKind::kWorked: return "worked";
        case ReportKind::kPractice: return "practice";
    }
    return "wrong";
}

std::optional<ReportKind> ParseReportKind(std::string_view name) {
    for (auto k : {ReportKind::kWrong, ReportKind::kOutdated, ReportKind::kMissing, ReportKind::kWorked,
                   ReportKind::kPractice})
        if (name == ReportKindName(k)) return k;
    return std::nullopt;
}

ReportSigningKey::~ReportSigningKey() { sodium_memzero(secret.data(), secret.size()); }

std::string ReportSigningKey::PublicHex() const { return Hex(secret.data() + 32, 32); }

std::string UtcDay(std::int64_t unix_seconds) {
    const std::time_t t = static_cast<std::time_t>(unix_seconds);
    const std::tm tm = platform::UtcTime(t);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

Result<FieldReport> MakeReport(std::string_view article, ReportKind kind, std::string_view note,
                               std::int64_t now_unix, const ReportSigningKey& key) {
    FieldReport r;
    unsigned char id[16];
    randombytes_buf(id, sizeof id);
    r.id = Hex(id, sizeof id);
    r.article = std::string(article);
    r.kind = kind;
    r.note = std::string(note);
    r.day = UtcDay(now_unix);
    r.key = key.PublicHex();
    if (auto st = CheckFields(r); !st) return st.error();
    if (!SignedBytes(r)) return MakeError(ErrorCode::kUsage, tr("the note is not valid UTF-8 text"));
    return r;
}

std::string SignReport(const FieldReport& report, const ReportSigningKey& key) {
    const std::string bytes = SignedBytes(report).value_or("");
    unsigned char sig[crypto_sign_BYTES];
    crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                         key.secret.data());
    json j = Body(report);
    j["sig"] = Hex(sig, sizeof sig);
    return j.dump(-1, ' ', true);
}

Result<FieldReport> ParseSignedReport(std::string_view text) {
    if (text.size() > kMaxSignedReport)
        return MakeError(ErrorCode::kTooLarge,
                         Format(tr("a report is at most {max} bytes"), {{"max", std::to_string(kMaxSignedReport)}}));
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
    const json j = json::parse(text, nullptr, false);
    auto bad = [](const char* why) {
        return MakeError(ErrorCode::kCorrupt, Format(tr("not a field report: {reason}"), {{"reason", why}}));
    };
    if (!j.is_object()) return bad(tr("not a JSON object"));
    if (j.size() != 8) return bad(tr("unexpected fields"));
    for (const char* k : {"id", "article", "kind", "note", "day", "key", "sig"})
        if (!j.contains(k) || !j[k].is_string()) return bad(tr("a field is missing"));
    if (!j.contains("v") || !j["v"].is_number_integer() || j["v"].get<std::int64_t>() != 1)
        return bad(tr("unknown version"));
    FieldReport r;
    r.id = j["id"].get<std::string>();
    r.article = j["article"].get<std::string>();
    r.note = j["note"].get<std::string>();
    r.day = j["day"].get<std::string>();
    r.key = j["key"].get<std::string>();
    const std::string sig_hex = j["sig"].get<std::string>();
    const auto kind = ParseReportKind(j["kind"].get<std::string>());
    if (!kind) return bad(tr("unknown kind"));
    r.kind = *kind;
    if (!IsLowerHex(r.id, 32)) return bad(tr("bad id"));
    if (!IsDay(r.day)) return bad(tr("bad day"));
    if (!IsLowerHex(r.key, 64) || !IsLowerHex(sig_hex, 128)) return bad(tr("bad key or signature field"));
    if (auto st = CheckFields(r); !st) return bad(tr("bad article or note"));
    const auto bytes = SignedBytes(r);
    if (!bytes) return bad(tr("not UTF-8"));
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sig[crypto_sign_BYTES];
    if (!FromHex(r.key, pk, sizeof pk) || !FromHex(sig_hex, sig, sizeof sig)) return bad(tr("bad hex"));
    if (crypto_sign_verify_detached(sig, reinterpret_cast<const unsigned char*>(bytes->data()), bytes->size(), pk) != 0)
        return MakeError(ErrorCode::kBadSignature,
                         Format(tr("field report {id}: signature does not match"), {{"id", r.id}}));
    return r;
}

std::string ReportFileName(const FieldReport& report) {
    const std::string both = report.key + ":" + report.id;
    unsigned char h[16];
    crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(both.data()), both.size(), nullptr, 0);
    return Hex(h, sizeof h) + ".fkr";
}

std::string ArmorReport(std::string_view signed_json) { return std::string(kArmorPrefix) + bundle::Base32Encode(signed_json); }

namespace {

// The base32 of one FKR1: line, also when a mail client wrapped it (continuation lines are
// nothing but upper-case base32) or quoted it ("> " before each line).
std::string ArmoredBody(std::string_view text, size_t& at) {
    auto base32_run = [&](size_t from) {
        size_t end = from;
        while (end < text.size() && ((text[end] >= 'A' && text[end] <= 'Z') || (text[end] >= '2' && text[end] <= '7'))) ++end;
        return end;
    };
    size_t end = base32_run(at);
    std::string body(text.substr(at, end - at));
    while (end < text.size() && (text[end] == '\n' || text[end] == '\r')) {
        size_t next = end;
        while (next < text.size() && (text[next] == '\n' || text[next] == '\r')) ++next;
        if (next - end > 2) break;  // a blank line ends it
        while (next < text.size() && (text[next] == '>' || text[next] == ' ')) ++next;
        const size_t run = base32_run(next);
        if (run == next || (run < text.size() && text[run] != '\n' && text[run] != '\r')) break;
        body.append(text.substr(next, run - next));
        end = run;
    }
    // Lower-case letters or other characters right after the run make the line damaged.
    while (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end]))) body += text[end++];
    at = end;
    return body;
}

}  // namespace

std::vector<std::string> FindArmoredReports(std::string_view text, int* bad) {
    std::vector<std::string> found;
    if (bad) *bad = 0;
    size_t at = 0;
    while ((at = text.find(kArmorPrefix, at)) != std::string_view::npos) {
        at += kArmorPrefix.size();
        const std::string body = ArmoredBody(text, at);
        if (body.size() > kMaxSignedReport * 8 / 5 + 1) {
            if (bad) ++*bad;
            continue;
        }
        auto decoded = bundle::Base32Decode(body);
        if (decoded) found.push_back(std::move(*decoded));
        else if (bad) ++*bad;
    }
    return found;
}

}  // namespace fk::core
