// libcurl implementation of platform/http_client.hpp. See SYNC-NOTES.md for the 7.88 traps
// this works around (endless bodies, no If-Range, re-reading the partial size).
#include <curl/curl.h>

#include <cctype>
#include <memory>
#include <optional>

#include "platform/curl_errors.hpp"
#include "platform/curl_library.hpp"
#include "platform/files.hpp"
#include "platform/http_client.hpp"
#include "platform/i18n.hpp"
#include "platform/partial_file.hpp"

namespace fk::platform {
namespace {

// libcurl's functions; only called once NewEasy or SplitUrl has loaded the library.
const CurlLibrary& Api() {
    return *LoadCurl().value();
}

struct EasyFree {
    void operator()(CURL* c) const { Api().easy_cleanup(c); }
};
using Easy = std::unique_ptr<CURL, EasyFree>;

Result<Easy> NewEasy() {
    auto lib = LoadCurl();
    if (!lib) return lib.error();
    Easy easy((*lib)->easy_init());
    if (!easy) return MakeError(ErrorCode::kInternal, tr("libcurl did not initialise"));
    return easy;
}

struct Sink {
    CURL* curl = nullptr;
    bool redirected = false;        // a 3xx arrived: its body is not ours to keep
    std::string* memory = nullptr;  // HttpGet
    PartialFile* file = nullptr;    // HttpDownload
    std::uint64_t have = 0;         // bytes already held (resumed prefix + received)
    std::uint64_t limit = 0;        // hard cap on `have`
    bool too_large = false;
    std::optional<Error> io_error;
    HttpStats* stats = nullptr;
    const HttpProgressFn* progress = nullptr;
    const std::atomic<bool>* cancel = nullptr;
    std::uint64_t total = 0;
};

size_t OnWrite(char* data, size_t one, size_t n, void* user) {
    Sink& s = *static_cast<Sink*>(user);
    n *= one;
    long code = 0;
    Api().easy_getinfo(s.curl, CURLINFO_RESPONSE_CODE, &code);
    if (code >= 300 && code < 400) {  // stop here: Perform decides whether to follow
        s.redirected = true;
        return 0;
    }
    if (s.stats) s.stats->bytes_received += n;
    size_t keep = n;
    if (s.have + n > s.limit) {
        keep = static_cast<size_t>(s.limit - s.have);
        s.too_large = true;
    }
    if (s.memory) {
        s.memory->append(data, keep);
    } else {
        if (auto st = s.file->Append(data, keep); !st) {
            s.io_error = st.error();
            return 0;
        }
    }
    s.have += keep;
    if (s.too_large) return 0;  // abort: the signed length is exceeded (or the cap for unsigned files)
    if (s.progress && *s.progress && !(*s.progress)(s.have, s.total)) return 0;
    return n;
}

int OnProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    const Sink& s = *static_cast<Sink*>(user);
    return s.cancel && s.cancel->load() ? 1 : 0;
}

void Configure(CURL* c, const std::string& url, const HttpLimits& limits, Sink& sink) {
    Api().easy_setopt(c, CURLOPT_URL, url.c_str());
    Api().easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    Api().easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);  // Perform follows, after checking the target
    Api().easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    Api().easy_setopt(c, CURLOPT_FAILONERROR, 1L);
    Api().easy_setopt(c, CURLOPT_CONNECTTIMEOUT, limits.connect_timeout_s);
    Api().easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, limits.low_speed_bytes);
    Api().easy_setopt(c, CURLOPT_LOW_SPEED_TIME, limits.low_speed_s);
    if (limits.deadline_s > 0) Api().easy_setopt(c, CURLOPT_TIMEOUT, limits.deadline_s);
    Api().easy_setopt(c, CURLOPT_ACCEPT_ENCODING, nullptr);  // bytes on the wire are the bytes we count
    Api().easy_setopt(c, CURLOPT_USERAGENT, "fieldkit");
    Api().easy_setopt(c, CURLOPT_WRITEFUNCTION, OnWrite);
    Api().easy_setopt(c, CURLOPT_WRITEDATA, &sink);
    sink.curl = c;
    Api().easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    Api().easy_setopt(c, CURLOPT_XFERINFOFUNCTION, OnProgress);
    Api().easy_setopt(c, CURLOPT_XFERINFODATA, &sink);
}

long ResponseCode(CURL* c) {
    long code = 0;
    Api().easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
    return code;
}

constexpr int kMaxRedirects = 3;

struct UrlParts {
    std::string scheme, host;
};

std::optional<UrlParts> SplitUrl(const std::string& url) {
    if (!LoadCurl()) return std::nullopt;
    CURLU* u = Api().url();
    if (!u) return std::nullopt;
    std::optional<UrlParts> out;
    char *scheme = nullptr, *host = nullptr;
    if (Api().url_set(u, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK &&
        Api().url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
        Api().url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK) {
        out = UrlParts{scheme, host};
        for (auto& ch : out->host) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    Api().free(scheme);
    Api().free(host);
    Api().url_cleanup(u);
    return out;
}

// An ETag from a mirror goes back to it in a header: printable ASCII only (no CR or LF), short.
bool IsPlainEtag(std::string_view etag) {
    if (etag.empty() || etag.size() > 128) return false;
    for (char ch : etag)
        if (ch < 0x21 || ch > 0x7E) return false;
    return true;
}

// curl_easy_perform that follows redirects itself: each hop is checked by RedirectAllowed and
// at most kMaxRedirects are taken. Returns the curl code of the last hop, or the refusal.
Result<CURLcode> Perform(CURL* c, const std::string& url, Sink& sink) {
    std::string at = url;
    for (int hop = 0;; ++hop) {
        sink.redirected = false;
        Api().easy_setopt(c, CURLOPT_URL, at.c_str());
        const CURLcode rc = Api().easy_perform(c);
        const long code = ResponseCode(c);
        if (code < 300 || code >= 400 || code == 304) return rc;
        char* next = nullptr;
        Api().easy_getinfo(c, CURLINFO_REDIRECT_URL, &next);
        if (!next)
            return MakeError(ErrorCode::kHttpStatus,
                             Format(tr("'{url}': HTTP status {status} without a usable Location"),
                                    {{"url", at}, {"status", std::to_string(code)}}));
        if (!RedirectAllowed(at, next))
            return MakeError(ErrorCode::kHttpStatus, Format(tr("'{url}': redirect to '{target}' refused: only http and "
                                                               "https on the same host, never https to http"),
                                                            {{"url", url}, {"target", next}}));
        if (hop + 1 > kMaxRedirects)
            return MakeError(ErrorCode::kHttpStatus, Format(tr("'{url}': too many redirects"), {{"url", url}}));
        at = next;
    }
}

}  // namespace

bool IsHttpUrl(const std::string& url) { return url.starts_with("http://") || url.starts_with("https://"); }

bool RedirectAllowed(const std::string& from, const std::string& to) {
    const auto a = SplitUrl(from), b = SplitUrl(to);
    if (!a || !b || (b->scheme != "http" && b->scheme != "https")) return false;
    if (a->scheme == "https" && b->scheme != "https") return false;
    return a->host == b->host;
}

Result<std::string> HttpGet(const std::string& url, std::uint64_t max_bytes, const HttpLimits& limits,
                            HttpStats* stats, const std::atomic<bool>* cancel) {
    auto answer = HttpGetIfChanged(url, "", max_bytes, limits, stats, cancel);
    if (!answer) return answer.error();
    return std::move(answer->body);
}

Result<HttpAnswer> HttpGetIfChanged(const std::string& url, const std::string& etag, std::uint64_t max_bytes,
                                    const HttpLimits& limits, HttpStats* stats, const std::atomic<bool>* cancel) {
    if (!IsHttpUrl(url))
        return MakeError(ErrorCode::kUsage, Format(tr("'{url}': only http:// and https:// mirrors"), {{"url", url}}));
    auto easy = NewEasy();
    if (!easy) return easy.error();
    Easy& c = *easy;
    HttpAnswer answer;
    Sink sink;
    sink.memory = &answer.body;
    sink.limit = max_bytes;
    sink.stats = stats;
    sink.cancel = cancel;
    Configure(c.get(), url, limits, sink);
    std::unique_ptr<curl_slist, decltype(Api().slist_free_all)> headers(nullptr, Api().slist_free_all);
    if (IsPlainEtag(etag)) {
        headers.reset(Api().slist_append(nullptr, ("If-None-Match: " + etag).c_str()));
        Api().easy_setopt(c.get(), CURLOPT_HTTPHEADER, headers.get());
    }
    if (stats) ++stats->attempts;
    auto performed = Perform(c.get(), url, sink);
    if (!performed) return performed.error();
    const CURLcode rc = *performed;
    if (sink.too_large)
        return MakeError(ErrorCode::kTooLarge, Format(tr("'{url}': larger than {max} bytes"),
                                                      {{"url", url}, {"max", std::to_string(max_bytes)}}));
    if (rc != CURLE_OK) return CurlError(rc, url, ResponseCode(c.get()));
    answer.not_modified = ResponseCode(c.get()) == 304;
    if (answer.not_modified) answer.body.clear();
    curl_header* h = nullptr;
    if (Api().easy_header(c.get(), "ETag", 0, CURLH_HEADER, -1, &h) == CURLHE_OK && IsPlainEtag(h->value))
        answer.etag = h->value;
    return answer;
}

Result<HttpPostAnswer> HttpPost(const std::string& url, std::string_view body, const std::string& content_type,
                                std::uint64_t max_answer, const HttpLimits& limits, long* status,
                                const std::atomic<bool>* cancel) {
    if (status) *status = 0;
    if (!IsHttpUrl(url))
        return MakeError(ErrorCode::kUsage, Format(tr("'{url}': only http:// and https:// URLs"), {{"url", url}}));
    auto easy = NewEasy();
    if (!easy) return easy.error();
    Easy& c = *easy;
    HttpPostAnswer answer;
    Sink sink;
    sink.memory = &answer.body;
    sink.limit = max_answer;
    sink.cancel = cancel;
    Configure(c.get(), url, limits, sink);
    Api().easy_setopt(c.get(), CURLOPT_POST, 1L);
    Api().easy_setopt(c.get(), CURLOPT_POSTFIELDS, body.data());
    Api().easy_setopt(c.get(), CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    // No "Expect: 100-continue" round trip for a body this small.
    std::unique_ptr<curl_slist, decltype(Api().slist_free_all)> headers(
        Api().slist_append(Api().slist_append(nullptr, ("Content-Type: " + content_type).c_str()), "Expect:"),
        Api().slist_free_all);
    Api().easy_setopt(c.get(), CURLOPT_HTTPHEADER, headers.get());
    const CURLcode rc = Api().easy_perform(c.get());
    answer.status = ResponseCode(c.get());
    if (status) *status = answer.status;
    if (sink.too_large)
        return MakeError(ErrorCode::kTooLarge, Format(tr("'{url}': answer larger than {max} bytes"),
                                                      {{"url", url}, {"max", std::to_string(max_answer)}}));
    if (sink.redirected || (answer.status >= 300 && answer.status < 400))
        return MakeError(
            ErrorCode::kHttpStatus,
            Format(tr("'{url}': answered with a redirect; inboxes are not followed elsewhere"), {{"url", url}}));
    if (rc != CURLE_OK) return CurlError(rc, url, answer.status);
    return answer;
}

Status HttpDownload(const std::string& url, const std::filesystem::path& partial, std::uint64_t size,
                    const HttpLimits& limits, const HttpProgressFn& progress, HttpStats* stats,
                    const std::atomic<bool>* cancel) {
    if (!IsHttpUrl(url))
        return MakeError(ErrorCode::kUsage, Format(tr("'{url}': only http:// and https:// mirrors"), {{"url", url}}));
    for (int round = 0; round < 2; ++round) {
        // The name is stable (resume needs it) but never followed if it is a symlink.
        auto file = PartialFile::Open(partial, tr("partial download"));
        if (!file) return file.error();
        auto size_now = (*file)->Size();  // re-read: another attempt (or process) may have written more
        if (!size_now) return size_now.error();
        std::uint64_t have = *size_now;
        if (have > size) {  // cannot be ours: start again
            if (auto st = (*file)->Truncate(); !st) return st;
            have = 0;
        }
        if (have == size) return Ok{};
        auto easy = NewEasy();
        if (!easy) return easy.error();
        Easy& c = *easy;
        Sink sink;
        sink.file = file->get();
        sink.have = have;
        sink.limit = size;
        sink.total = size;
        sink.stats = stats;
        sink.progress = &progress;
        sink.cancel = cancel;
        Configure(c.get(), url, limits, sink);
        if (have > 0) {
            Api().easy_setopt(c.get(), CURLOPT_RESUME_FROM_LARGE, static_cast<curl_off_t>(have));
            if (stats) stats->resumed = true;
        }
        if (stats) ++stats->attempts;
        auto performed = Perform(c.get(), url, sink);
        const long status = ResponseCode(c.get());
        const Status synced = (*file)->Sync();
        file->reset();
        if (!performed) return performed.error();
        const CURLcode rc = *performed;
        if (sink.io_error) return *sink.io_error;
        if (sink.too_large)
            return MakeError(ErrorCode::kTooLarge, Format(tr("'{url}': body longer than the signed length {size}"),
                                                          {{"url", url}, {"size", std::to_string(size)}}));
        if (rc == CURLE_RANGE_ERROR && have > 0 && round == 0) {
            // The server ignored Range: start over rather than splice.
            std::error_code ec;
            std::filesystem::resize_file(partial, 0, ec);
            continue;
        }
        if (rc != CURLE_OK) return CurlError(rc, url, status);
        if (!synced) return synced;
        if (sink.have != size)
            return MakeError(
                ErrorCode::kOffline,
                Format(tr("'{url}': body ended after {have} of {size} bytes"),
                       {{"url", url}, {"have", std::to_string(sink.have)}, {"size", std::to_string(size)}}));
        return Ok{};
    }
    return MakeError(ErrorCode::kHttpStatus, Format(tr("'{url}': server does not honour Range"), {{"url", url}}));
}

}  // namespace fk::platform
