// HTTP(S) downloads with libcurl, hardened for hostile mirrors and bad links: only http and
// https (redirects included), a connect timeout, a low-speed limit, an overall deadline per
// attempt, byte counting against a known length (curl 7.88 does not stop endless chunked
// bodies itself), and resume into a partial file with Range. Blocking; safe to call from any
// thread, one call per thread at a time.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "platform/result.hpp"

namespace fk::platform {

struct HttpLimits {
    long connect_timeout_s = 20;
    long low_speed_bytes = 1024;  // below this many bytes/s on average ...
    long low_speed_s = 20;        // ... over this long: kTimeout (a stalled or trickling mirror)
    long deadline_s = 0;        // whole attempt; 0: none (large files on slow links)
};

// Called with bytes present (including a resumed prefix) and the total expected.
// Return false to cancel. Runs on the calling thread.
using HttpProgressFn = std::function<bool(std::uint64_t have, std::uint64_t total)>;

struct HttpStats {
    std::uint64_t bytes_received = 0;  // body bytes that came over the wire (all attempts)
    int attempts = 0;
    bool resumed = false;
};

// GET into memory; fails with kTooLarge as soon as the body passes max_bytes.
// Errors: kOffline (cannot connect, cut), kTimeout, kHttpStatus (4xx/5xx, refused redirect),
// kTooLarge, kUsage (bad URL), kIo, kInternal (cancelled).
Result<std::string> HttpGet(const std::string& url, std::uint64_t max_bytes, const HttpLimits& limits,
                            HttpStats* stats = nullptr, const std::atomic<bool>* cancel = nullptr);

// A GET that may be answered "unchanged": with `etag` (from an earlier answer) it sends
// If-None-Match, and a 304 gives not_modified and no body, so a check that finds nothing new
// costs only headers. `etag` is this answer's ETag (empty when absent or not plain ASCII).
// Errors as HttpGet.
struct HttpAnswer {
    std::string body;
    std::string etag;
    bool not_modified = false;
};
Result<HttpAnswer> HttpGetIfChanged(const std::string& url, const std::string& etag, std::uint64_t max_bytes,
                                    const HttpLimits& limits, HttpStats* stats = nullptr,
                                    const std::atomic<bool>* cancel = nullptr);

// Downloads exactly `size` bytes into `partial` (created or continued: its size is re-read
// before the attempt and sent as a Range). A body longer than `size` is cut at `size` and
// reported as kTooLarge; a server that ignores Range is restarted from zero once. One attempt:
// a cut connection returns kOffline with the bytes kept, so calling again resumes.
Status HttpDownload(const std::string& url, const std::filesystem::path& partial, std::uint64_t size,
                    const HttpLimits& limits, const HttpProgressFn& progress, HttpStats* stats = nullptr,
                    const std::atomic<bool>* cancel = nullptr);

// POSTs `body` (a small upload: a field report) and returns the answer's status and body (at
// most max_answer bytes). Redirects are not followed: an inbox answers where it is asked.
// Errors: kOffline, kTimeout, kHttpStatus (4xx/5xx: `status` says which), kTooLarge, kUsage.
struct HttpPostAnswer {
    long status = 0;
    std::string body;
};
Result<HttpPostAnswer> HttpPost(const std::string& url, std::string_view body, const std::string& content_type,
                                std::uint64_t max_answer, const HttpLimits& limits, long* status = nullptr,
                                const std::atomic<bool>* cancel = nullptr);

// True for http:// and https:// URLs (the only ones fieldkit fetches).
bool IsHttpUrl(const std::string& url);
// Whether a mirror's redirect from `from` to `to` is followed: http or https on the same
// host (another path or port, http -> https), never another host, never https -> http.
bool RedirectAllowed(const std::string& from, const std::string& to);

}  // namespace fk::platform
