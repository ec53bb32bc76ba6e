// Winsock implementation of platform/http_server.hpp (one thread per connection, capped): the
// POSIX file's logic with Windows sockets and files. Kept in step with http_server_posix.cpp;
// the request parsing they share lives in http_request.cpp.
// First, in this order: the IP Helper headers need their types.
#include <winsock2.h>
#include <ws2tcpip.h>

#include <windows.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <map>
#include <mutex>
#include <thread>

#include "platform/files.hpp"
#include "platform/http_request.hpp"
#include "platform/http_server.hpp"
#include "platform/i18n.hpp"
#include "platform/win_text.hpp"

namespace fk::platform {
namespace {

using Socket = SOCKET;

bool SendAll(Socket fd, const char* data, size_t n) {
    while (n > 0) {
        const int w = ::send(fd, data, static_cast<int>(std::min<size_t>(n, 1 << 20)), 0);
        if (w <= 0) return false;
        data += w;
        n -= static_cast<size_t>(w);
    }
    return true;
}

// A socket that a started program (fieldkit-window, CreateProcessW with inherited handles)
// must not keep open.
void NotInherited(Socket s) {
    SetHandleInformation(reinterpret_cast<HANDLE>(s), HANDLE_FLAG_INHERIT, 0);
}

// The served file: read at offsets, its tag from the last write time and size.
struct ServedFile {
    HANDLE h = INVALID_HANDLE_VALUE;
    std::uint64_t size = 0;
    std::uint64_t written = 0;  // FILETIME: 100 ns since 1601
    ~ServedFile() {
        if (h != INVALID_HANDLE_VALUE) CloseHandle(h);
    }
    bool Open(const std::filesystem::path& path) {
        h = CreateFileW(path.c_str(), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                        OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
        BY_HANDLE_FILE_INFORMATION info{};
        if (h == INVALID_HANDLE_VALUE || !GetFileInformationByHandle(h, &info) ||
            (info.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY))
            return false;
        size = (static_cast<std::uint64_t>(info.nFileSizeHigh) << 32) | info.nFileSizeLow;
        written = (static_cast<std::uint64_t>(info.ftLastWriteTime.dwHighDateTime) << 32) |
                  info.ftLastWriteTime.dwLowDateTime;
        return true;
    }
    long ReadAt(char* buf, size_t n, std::uint64_t at) const {
        OVERLAPPED where{};
        where.Offset = static_cast<DWORD>(at);
        where.OffsetHigh = static_cast<DWORD>(at >> 32);
        DWORD got = 0;
        if (!::ReadFile(h, buf, static_cast<DWORD>(n), &got, &where)) return -1;
        return static_cast<long>(got);
    }
};

void SendStatus(Socket fd, int code, const char* reason) {
    std::string body = std::to_string(code) + " " + reason + "\n";
    std::string head =
        "HTTP/1.1 " + std::to_string(code) + " " + reason +
        "\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: " + std::to_string(body.size()) +
        "\r\n\r\n";
    SendAll(fd, (head + body).data(), head.size() + body.size());
}

// A whole reply; HTML is told it may load nothing from outside and run nothing.
void SendReply(Socket fd, const Reply& reply, bool head_only) {
    const std::string body = reply.body.empty() && reply.status != 303
                                 ? std::to_string(reply.status) + " " + reply.reason + "\n"
                                 : reply.body;
    std::string h = "HTTP/1.1 " + std::to_string(reply.status) + " " + reply.reason +
                    "\r\nContent-Type: " + reply.content_type +
                    "\r\nConnection: close\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
    if (!reply.location.empty()) h += "Location: " + reply.location + "\r\n";
    if (reply.content_type.starts_with("text/html"))
        h += "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; form-action 'self'\r\n"
             "X-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\nCache-Control: no-cache\r\n";
    h += "\r\n";
    if (!head_only) h += body;
    SendAll(fd, h.data(), h.size());
}

// Refuses a request whose body we will not read: the answer, then the unread body is drained
// for a moment (closing with data unread would reset the connection before the client reads
// the answer).
void RefuseBody(Socket fd, int code, const char* reason) {
    SendStatus(fd, code, reason);
    ::shutdown(fd, SD_SEND);
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    char buf[4096];
    size_t drained = 0;
    while (drained < (1u << 20) && std::chrono::steady_clock::now() < until) {
        WSAPOLLFD p{fd, POLLRDNORM, 0};
        if (::WSAPoll(&p, 1, 200) <= 0) continue;
        const int n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) break;
        drained += static_cast<size_t>(n);
    }
}

// The peer's address without the port: the key of the per-address connection cap.
std::string PeerAddress(const sockaddr_storage& ss) {
    char text[INET6_ADDRSTRLEN] = "";
    if (ss.ss_family == AF_INET)
        ::inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(&ss)->sin_addr, text, sizeof text);
    else if (ss.ss_family == AF_INET6)
        ::inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(&ss)->sin6_addr, text, sizeof text);
    return text;
}

class WinsockServer final : public FileServer {
public:
    WinsockServer(Socket fd, std::string address, std::uint16_t port, FileLookup lookup, ServerLimits limits,
                  PostHandler post, PageHandler pages)
        : m_fd(fd),
          m_address(std::move(address)),
          m_port(port),
          m_lookup(std::move(lookup)),
          m_limits(limits),
          m_post(std::move(post)),
          m_pages(std::move(pages)) {
        m_accept = std::thread([this] { AcceptLoop(); });
    }
    ~WinsockServer() override { Stop(); }
    std::uint16_t Port() const override { return m_port; }
    std::string Address() const override { return m_address; }

    void Stop() override {
        if (m_stopping.exchange(true)) return;
        if (m_accept.joinable()) m_accept.join();  // it looks at m_stopping every 200 ms
        ::closesocket(m_fd);
        std::unique_lock lock(m_mutex);
        m_idle.wait(lock, [this] { return m_active == 0; });
    }

private:
    void AcceptLoop() {
        while (!m_stopping) {
            WSAPOLLFD p{m_fd, POLLRDNORM, 0};
            if (::WSAPoll(&p, 1, 200) <= 0) continue;
            sockaddr_storage peer{};
            int peer_len = sizeof peer;
            const Socket c = ::accept(m_fd, reinterpret_cast<sockaddr*>(&peer), &peer_len);
            if (c == INVALID_SOCKET) continue;
            NotInherited(c);
            const DWORD timeout_ms = static_cast<DWORD>(m_limits.io_timeout_s) * 1000;
            ::setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, reinterpret_cast<const char*>(&timeout_ms), sizeof timeout_ms);
            ::setsockopt(c, SOL_SOCKET, SO_SNDTIMEO, reinterpret_cast<const char*>(&timeout_ms), sizeof timeout_ms);
            const std::string from = PeerAddress(peer);
            {
                // One address may not take every slot: slow clients from one place cannot
                // lock out the rest.
                std::lock_guard lock(m_mutex);
                if (m_per_address[from] >= m_limits.max_per_address) {
                    SendStatus(c, 429, "Too Many Requests");
                    ::closesocket(c);
                    continue;
                }
                if (m_active >= m_limits.max_connections) {
                    SendStatus(c, 503, "Busy");
                    ::closesocket(c);
                    continue;
                }
                ++m_active;
                ++m_per_address[from];
            }
            std::thread([this, c, from] {
                Serve(c, from);
                ::closesocket(c);
                std::lock_guard lock(m_mutex);
                --m_active;
                if (--m_per_address[from] == 0) m_per_address.erase(from);
                m_idle.notify_all();
            }).detach();
        }
    }

    void Serve(Socket c, const std::string& peer) {
        // The whole head must arrive before one absolute deadline: a per-recv timeout lets a
        // client that sends a byte now and then hold its slot for ever.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(m_limits.head_deadline_s);
        std::string head;
        char buf[2048];
        while (head.find("\r\n\r\n") == std::string::npos) {
            if (head.size() > m_limits.max_request_head) return SendStatus(c, 431, "Request Header Fields Too Large");
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) return SendStatus(c, 408, "Request Timeout");
            WSAPOLLFD p{c, POLLRDNORM, 0};
            const int ready = ::WSAPoll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 200)));
            if (m_stopping) return;
            if (ready < 0) return;
            if (ready == 0) continue;
            const int n = ::recv(c, buf, sizeof buf, 0);
            if (n <= 0) return;
            head.append(buf, static_cast<size_t>(n));
        }
        const auto request = ParseRequestHead(head);
        if (!request) return SendStatus(c, 400, "Bad Request");
        const std::string& method = request->method;
        const std::string& target = request->target;
        if (method == "POST" && m_post) return ServePost(c, *request, head, deadline, peer);
        if (method != "GET" && method != "HEAD") return SendStatus(c, 405, "Method Not Allowed");
        if (target.empty() || target[0] != '/') return SendStatus(c, 404, "Not Found");
        const std::string name = target.substr(1);
        auto path = IsServableName(name) ? m_lookup(name) : std::nullopt;
        if (!path) return ServePage(c, *request);  // no listing: a page or 404
        ServedFile file;
        if (!file.Open(*path)) return SendStatus(c, 404, "Not Found");
        const std::uint64_t size = file.size;
        // Modification time and size: a kit that holds this file sends the tag back, and "not
        // modified" costs it headers only.
        char etag[64];
        std::snprintf(etag, sizeof etag, "\"%llx-%llx\"", static_cast<unsigned long long>(file.written),
                      static_cast<unsigned long long>(size));
        if (request->if_none_match == etag) {
            const std::string h =
                std::string("HTTP/1.1 304 Not Modified\r\nETag: ") + etag + "\r\nConnection: close\r\n\r\n";
            SendAll(c, h.data(), h.size());
            return;
        }
        const ByteRange range = ParseByteRange(request->range.value_or(""), size);
        if (range.kind == ByteRange::Kind::kUnsatisfiable) {
            std::string h = "HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */" + std::to_string(size) +
                            "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            SendAll(c, h.data(), h.size());
            return;
        }
        const bool partial = range.kind == ByteRange::Kind::kPartial;
        const std::uint64_t from = range.from, to = range.to;  // [from, to)
        std::string h = std::string("HTTP/1.1 ") + (partial ? "206 Partial Content" : "200 OK") +
                        "\r\nContent-Type: application/octet-stream\r\nAccept-Ranges: bytes\r\nConnection: close\r\n"
                        "Content-Length: " +
                        std::to_string(to - from) + "\r\nETag: " + etag + "\r\n";
        if (partial)
            h += "Content-Range: bytes " + std::to_string(from) + "-" + std::to_string(to - 1) + "/" +
                 std::to_string(size) + "\r\n";
        h += "\r\n";
        if (!SendAll(c, h.data(), h.size()) || method == "HEAD") return;
        char data[65536];
        std::uint64_t at = from;
        while (at < to && !m_stopping) {
            const long n = file.ReadAt(data, static_cast<size_t>(std::min<std::uint64_t>(sizeof data, to - at)), at);
            if (n <= 0 || !SendAll(c, data, static_cast<size_t>(n))) break;
            at += static_cast<std::uint64_t>(n);
        }
    }

    void ServePage(Socket c, const RequestHead& request) {
        auto path = PercentDecode(request.target, false);
        if (!path) return SendStatus(c, 400, "Bad Request");
        std::optional<Reply> reply;
        if (m_pages) reply = m_pages({*path, request.query, request.accept_language});
        if (!reply) return SendStatus(c, 404, "Not Found");
        SendReply(c, *reply, request.method == "HEAD");
    }

    // A POST: the declared body (and nothing more) must arrive before the request's deadline;
    // a body without a length, or longer than the cap, is refused before it is read.
    void ServePost(Socket c, const RequestHead& request, const std::string& head,
                   std::chrono::steady_clock::time_point deadline, const std::string& from) {
        const std::string& target = request.target;
        if (target.size() < 2 || target[0] != '/' || !IsServableName(target.substr(1)))
            return RefuseBody(c, 404, "Not Found");
        if (request.chunked_or_encoded || !request.content_length) return RefuseBody(c, 411, "Length Required");
        if (*request.content_length > m_limits.max_post_body) return RefuseBody(c, 413, "Content Too Large");
        const size_t length = static_cast<size_t>(*request.content_length);
        std::string body = head.substr(head.find("\r\n\r\n") + 4);
        if (body.size() > length) return SendStatus(c, 400, "Bad Request");  // a second request: not taken
        char buf[2048];
        while (body.size() < length) {
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) return SendStatus(c, 408, "Request Timeout");
            WSAPOLLFD p{c, POLLRDNORM, 0};
            const int ready = ::WSAPoll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 200)));
            if (m_stopping) return;
            if (ready < 0) return;
            if (ready == 0) continue;
            const int n = ::recv(c, buf, static_cast<int>(std::min(sizeof buf, length - body.size())), 0);
            if (n <= 0) return;
            body.append(buf, static_cast<size_t>(n));
        }
        SendReply(c, m_post(target.substr(1), body, from), false);
    }

    Socket m_fd;
    std::string m_address;
    std::uint16_t m_port;
    FileLookup m_lookup;
    ServerLimits m_limits;
    PostHandler m_post;
    PageHandler m_pages;
    std::atomic<bool> m_stopping{false};
    std::mutex m_mutex;
    std::condition_variable m_idle;
    int m_active = 0;
    std::map<std::string, int> m_per_address;  // open connections by peer address
    std::thread m_accept;
};

}  // namespace

bool IsServableName(const std::string& name) {
    if (name.empty() || name.size() > 200 || name[0] == '.') return false;
    for (char ch : name)
        if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '.' && ch != '-' && ch != '_') return false;
    return name.find("..") == std::string::npos;
}

Result<std::unique_ptr<FileServer>> FileServer::Start(const std::string& bind, FileLookup lookup,
                                                      const ServerLimits& limits, PostHandler post, PageHandler pages) {
    static const bool started = [] {
        WSADATA data{};
        return WSAStartup(MAKEWORD(2, 2), &data) == 0;  // for the life of the process
    }();
    if (!started)
        return MakeError(ErrorCode::kIo, Format(tr("cannot listen on '{address}': {reason}"),
                                                {{"address", bind}, {"reason", WinErrorText(WSASYSNOTREADY)}}));
    std::string host, port;
    if (!bind.empty() && bind[0] == '[') {
        const size_t close = bind.find("]:");
        if (close == std::string::npos)
            return MakeError(ErrorCode::kUsage,
                             Format(tr("bind address '{address}': use [ADDR]:PORT"), {{"address", bind}}));
        host = bind.substr(1, close - 1);
        port = bind.substr(close + 2);
    } else {
        const size_t colon = bind.rfind(':');
        if (colon == std::string::npos)
            return MakeError(ErrorCode::kUsage,
                             Format(tr("bind address '{address}': use ADDR:PORT"), {{"address", bind}}));
        host = bind.substr(0, colon);
        port = bind.substr(colon + 1);
    }
    addrinfo hints{};
    hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV | AI_PASSIVE;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* res = nullptr;
    if (::getaddrinfo(host.c_str(), port.c_str(), &hints, &res) != 0 || !res)
        return MakeError(ErrorCode::kUsage,
                         Format(tr("bind address '{address}': not a numeric ADDR:PORT"), {{"address", bind}}));
    const Socket fd = ::WSASocketW(res->ai_family, SOCK_STREAM, IPPROTO_TCP, nullptr, 0, WSA_FLAG_NO_HANDLE_INHERIT);
    if (fd != INVALID_SOCKET) {
        // SO_REUSEADDR on Windows would let another program take the port over; this keeps it ours.
        const BOOL one = TRUE, zero = FALSE;
        ::setsockopt(fd, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, reinterpret_cast<const char*>(&one), sizeof one);
        // "[::]:PORT" takes IPv4 too, as on Linux (Windows defaults to IPv6 only).
        if (res->ai_family == AF_INET6)
            ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, reinterpret_cast<const char*>(&zero), sizeof zero);
    }
    if (fd == INVALID_SOCKET || ::bind(fd, res->ai_addr, static_cast<int>(res->ai_addrlen)) != 0 ||
        ::listen(fd, 64) != 0) {
        const int err = WSAGetLastError();
        if (fd != INVALID_SOCKET) ::closesocket(fd);
        ::freeaddrinfo(res);
        return MakeError(ErrorCode::kIo,
                         Format(tr("cannot listen on '{address}': {reason}"),
                                {{"address", bind}, {"reason", WinErrorText(static_cast<DWORD>(err))}}));
    }
    ::freeaddrinfo(res);
    sockaddr_storage ss{};
    int len = sizeof ss;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&ss), &len);
    std::uint16_t bound_port = 0;
    if (ss.ss_family == AF_INET)
        bound_port = ntohs(reinterpret_cast<sockaddr_in*>(&ss)->sin_port);
    else
        bound_port = ntohs(reinterpret_cast<sockaddr_in6*>(&ss)->sin6_port);
    const std::string shown =
        (host.find(':') != std::string::npos ? "[" + host + "]" : host) + ":" + std::to_string(bound_port);
    return std::unique_ptr<FileServer>(
        new WinsockServer(fd, shown, bound_port, std::move(lookup), limits, std::move(post), std::move(pages)));
}

}  // namespace fk::platform
