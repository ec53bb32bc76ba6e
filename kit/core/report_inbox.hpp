// The publisher's side of field reports: check and collect what kits sent (a directory of
// report files from a USB stick or from `fieldkit serve --inbox`, text files with pasted
// "FKR1:" lines), drop duplicates by report id, and count them by article and kind.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "kit/core/field_report.hpp"
#include "platform/result.hpp"

namespace fk::core {

inline constexpr std::uint64_t kMaxInboxFile = 1 << 20;  // larger files are refused unread

struct InboxScan {
    std::vector<FieldReport> reports;  // verified, one per report id, in file-name order
    int duplicates = 0;
    std::vector<std::string> refused;  // "FILE: why", one line each
};

// Reads every regular file directly in `dir` (and in `dir`/reports, where `fieldkit export`
// puts them). Errors: kNotFound, kIo for the directory itself; a bad file is only `refused`.
Result<InboxScan> ScanInbox(const std::filesystem::path& dir);

struct ArticleReports {
    std::string article;  // empty: new practices
    bool known = true;    // false: the publisher no longer has this article
    std::map<std::string, int> kinds;  // kind name -> count
    std::vector<const FieldReport*> reports;
};

// Groups by article (new practices first, then by address); `exists` says whether the
// publisher still has an article.
std::vector<ArticleReports> GroupByArticle(const std::vector<FieldReport>& reports,
                                           const std::function<bool(const std::string&)>& exists);

// Reports per sending address: a bucket of `burst` that refills at `per_minute`. Addresses
// are kept in memory only, never written. Thread-safe.
class InboxRateLimit {
public:
    InboxRateLimit(int burst, int per_minute) : m_burst(burst), m_per_minute(per_minute) {}
    bool Allow(const std::string& peer, double now_seconds);

private:
    struct Bucket {
        double tokens = 0;
        double at = 0;
    };
    int m_burst;
    int m_per_minute;
    std::mutex m_mutex;
    std::map<std::string, Bucket> m_buckets;
};

enum class Accepted { kStored, kDuplicate };

// One POSTed report: verified, then written atomically as <dir>/<ReportFileName> unless that
// file exists. Errors: kTooLarge, kCorrupt, kBadSignature (the body is refused), kIo, kNoSpace.
Result<Accepted> AcceptReport(std::string_view body, const std::filesystem::path& dir);

}  // namespace fk::core
