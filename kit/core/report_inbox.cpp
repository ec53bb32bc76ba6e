// The publisher's side of field reports (see report_inbox.hpp).
#include "kit/core/report_inbox.hpp"

#include <algorithm>
#include <set>

#include "bundle/pack_id.hpp"
#include "platform/files.hpp"
#include "platform/i18n.hpp"
#include "platform/utf8_path.hpp"

namespace fk::core {
namespace fs = std::filesystem;
namespace {

// The reports in one file's text: JSON lines, or armored lines anywhere in other text.
void ReadReports(const std::string& name, std::string_view text, InboxScan& scan, std::set<std::string>& ids) {
    std::vector<std::string> candidates;
    int bad_armor = 0;
    if (text.find(kArmorPrefix) != std::string_view::npos) {
        candidates = FindArmoredReports(text, &bad_armor);
    } else {
        size_t at = 0;
        while (at < text.size()) {
            size_t eol = text.find('\n', at);
            if (eol == std::string_view::npos) eol = text.size();
            std::string_view line = text.substr(at, eol - at);
            at = eol + 1;
            while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
            if (!line.empty()) candidates.emplace_back(line);
        }
    }
    if (candidates.empty() && bad_armor == 0) {
        scan.refused.push_back(Format(tr("{file}: no field report in it"), {{"file", name}}));
        return;
    }
    if (bad_armor > 0)
        scan.refused.push_back(Format(trn("{file}: {n} damaged FKR1: line", "{file}: {n} damaged FKR1: lines",
                                          static_cast<unsigned long>(bad_armor)),
                                      {{"file", name}, {"n", std::to_string(bad_armor)}}));
    for (const auto& c : candidates) {
        auto r = ParseSignedReport(c);
        if (!r) {
            scan.refused.push_back(Format(tr("{file}: {error}"), {{"file", name}, {"error", r.error().detail}}));
            continue;
        }
        if (!ids.insert(r->id).second) {
            ++scan.duplicates;
            continue;
        }
        scan.reports.push_back(std::move(*r));
    }
}

}  // namespace

Result<InboxScan> ScanInbox(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return MakeError(ErrorCode::kNotFound,
                         Format(tr("inbox '{dir}' is not a directory"), {{"dir", platform::Utf8FromPath(dir)}}));
    std::vector<fs::path> files;
    for (const auto& d : {dir, dir / "reports"}) {
        for (const auto& entry : fs::directory_iterator(d, ec)) {
            // Regular files only, never followed through a link; hidden names are temporaries.
            if (entry.is_symlink(ec) || !entry.is_regular_file(ec)) continue;
            if (platform::Utf8FromPath(entry.path().filename()).starts_with(".")) continue;
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    InboxScan scan;
    std::set<std::string> ids;
    for (const auto& f : files) {
        const std::string shown = bundle::EscapeForMessage(platform::Utf8FromPath(fs::relative(f, dir, ec)));
        auto text = platform::ReadFile(f, tr("report file"), kMaxInboxFile);
        if (!text) {
            scan.refused.push_back(
                text.error().code == ErrorCode::kTooLarge
                    ? Format(tr("{file}: larger than 1 MiB, not read"), {{"file", shown}})
                    : Format(tr("{file}: {error}"), {{"file", shown}, {"error", text.error().detail}}));
            continue;
        }
        ReadReports(shown, *text, scan, ids);
    }
    return scan;
}

std::vector<ArticleReports> GroupByArticle(const std::vector<FieldReport>& reports,
                                           const std::function<bool(const std::string&)>& exists) {
    std::map<std::string, ArticleReports> by;
    for (const auto& r : reports) {
        auto& g = by[r.article];
        g.article = r.article;
        g.kinds[std::string(ReportKindName(r.kind))] += 1;
        g.reports.push_back(&r);
    }
    std::vector<ArticleReports> out;
    for (auto& [article, g] : by) {
        g.known = article.empty() || (exists && exists(article));
        out.push_back(std::move(g));
    }
    return out;  // "" (new practices) sorts first
}

bool InboxRateLimit::Allow(const std::string& peer, double now) {
    std::lock_guard lock(m_mutex);
    if (m_buckets.size() > 10000) {  // forget full buckets: they say nothing
        for (auto it = m_buckets.begin(); it != m_buckets.end();)
            it = (it->second.tokens + (now - it->second.at) * m_per_minute / 60.0 >= m_burst) ? m_buckets.erase(it) : ++it;
    }
    auto [it, fresh] = m_buckets.try_emplace(peer, Bucket{static_cast<double>(m_burst), now});
    Bucket& b = it->second;
    b.tokens = std::min<double>(m_burst, b.tokens + (now - b.at) * m_per_minute / 60.0);
    b.at = now;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
}

Result<Accepted> AcceptReport(std::string_view body, const fs::path& dir) {
    auto r = ParseSignedReport(body);
    if (!r) return r.error();
    const fs::path path = dir / ReportFileName(*r);
    std::error_code ec;
    if (fs::exists(fs::symlink_status(path, ec))) return Accepted::kDuplicate;
    std::string text(body);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    if (auto st = platform::WriteFileAtomic(path, text + "\n", tr("field report")); !st) return st.error();
    return Accepted::kStored;
}

}  // namespace fk::core
