// A tiny HTTP/1.1 file server for `fieldkit serve`: GET and HEAD of single names that a lookup
// function resolves, pages a page handler answers (the web reader), and POST only where a
// handler is given (the field report inbox, workshop feedback). No directory listing, no file
// paths (a file name with '/' or starting with '.' is refused before the lookup), single Range
// requests for resume, bounded connections and timeouts on slow or stalled clients. Numeric
// addresses only.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "platform/result.hpp"

namespace fk::platform {

struct ServerLimits {
    int max_connections = 16;   // beyond: 503 and close
    int max_per_address = 4;    // open connections from one peer address; beyond: 429 and close
    int io_timeout_s = 30;      // per read/write on a connection
    int head_deadline_s = 10;   // the whole request head, from accept; beyond: 408
    size_t max_request_head = 8192;
    size_t max_post_body = 8192;  // a longer declared body: 413 and close, the body unread
};

// The answer to a POST or a page request: status, reason phrase, body (a short plain-text
// one is made from the status when empty), and a Location for a redirect.
struct Reply {
    int status = 200;
    std::string reason = "OK";
    std::string body;
    std::string content_type = "text/plain";
    std::string location;  // sent as Location when not empty (303 after a form)
};

// Handles a POST of `name` (checked as for GET) with its whole body, from `peer` (the address
// without the port, for rate limits). Called on connection threads. Without one, POST is 405.
using PostHandler = std::function<Reply(const std::string& name, const std::string& body, const std::string& peer)>;

// A GET or HEAD that names no file: the path percent-decoded (no NUL byte), the raw query.
struct PageRequest {
    std::string path;
    std::string query;
    std::string accept_language;
};
// Answers a page request, or nullopt for 404. Called on connection threads. HTML replies get
// headers that forbid scripts and outside resources.
using PageHandler = std::function<std::optional<Reply>(const PageRequest& request)>;

// Resolves a requested name (already checked: [A-Za-z0-9._-]+, no leading '.') to a file,
// or nullopt for 404. Called on connection threads.
using FileLookup = std::function<std::optional<std::filesystem::path>(const std::string& name)>;

class FileServer {
public:
    // `bind` is "ADDR:PORT" or "[ADDR]:PORT" with a numeric address; port 0 picks a free one.
    // Errors: kUsage (bad address), kIo (cannot bind).
    static Result<std::unique_ptr<FileServer>> Start(const std::string& bind, FileLookup lookup,
                                                     const ServerLimits& limits = {}, PostHandler post = {},
                                                     PageHandler pages = {});
    virtual ~FileServer() = default;
    virtual std::uint16_t Port() const = 0;
    virtual std::string Address() const = 0;  // as bound, e.g. "127.0.0.1:8765"
    virtual void Stop() = 0;                   // stops accepting and waits for connections
};

// The name rule above, exposed for tests.
bool IsServableName(const std::string& name);

}  // namespace fk::platform
