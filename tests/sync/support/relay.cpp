// The hostile relay: one thread per connection; request forwarded as it is, response disturbed.
#include "tests/sync/support/relay.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>

namespace fk::test {
namespace {

int ConnectLoopback(int port) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);  // never anything but loopback
    a.sin_port = htons(static_cast<uint16_t>(port));
    if (connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

bool SendAll(int fd, const char* p, size_t n) {
    while (n) {
        ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
        if (w <= 0) return false;
        p += w;
        n -= static_cast<size_t>(w);
    }
    return true;
}

}  // namespace

Relay::Relay(int upstream_port, RelayMode mode) : m_upstream(upstream_port), m_mode(std::move(mode)) {
    m_listen = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    if (bind(m_listen, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || listen(m_listen, 16) != 0 ||
        getsockname(m_listen, reinterpret_cast<sockaddr*>(&a), &len) != 0)
        return;
    m_port = ntohs(a.sin_port);
    m_thread = std::thread([this] { Accept(); });
}

Relay::~Relay() {
    m_stop = true;
    if (m_thread.joinable()) m_thread.join();
    close(m_listen);
    while (m_active > 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

void Relay::Accept() {
    while (!m_stop) {
        pollfd p{m_listen, POLLIN, 0};
        if (poll(&p, 1, 50) <= 0) continue;
        int c = accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
        if (c < 0) continue;
        ++m_active;
        std::thread([this, c] {
            Handle(c);
            close(c);
            --m_active;
        }).detach();
    }
}

void Relay::Handle(int client) {
    std::string request;
    char buf[16384];
    while (request.find("\r\n\r\n") == std::string::npos) {
        pollfd p{client, POLLIN, 0};
        if (poll(&p, 1, 5000) <= 0) return;
        ssize_t n = recv(client, buf, sizeof buf, 0);
        if (n <= 0) return;
        request.append(buf, static_cast<size_t>(n));
    }
    // A POST's body may come after the head: forward it whole (Content-Length only).
    if (const size_t cl = request.find("Content-Length: "); cl != std::string::npos && cl < request.find("\r\n\r\n")) {
        const size_t want = request.find("\r\n\r\n") + 4 + std::stoul(request.substr(cl + 16));
        while (request.size() < want) {
            pollfd p{client, POLLIN, 0};
            if (poll(&p, 1, 5000) <= 0) return;
            ssize_t n = recv(client, buf, sizeof buf, 0);
            if (n <= 0) return;
            request.append(buf, static_cast<size_t>(n));
        }
    }
    const std::string path = request.substr(0, request.find("\r\n"));
    const bool hit = m_mode.match.empty() || path.find(m_mode.match) != std::string::npos;
    if (hit && m_mode.delay_ms) std::this_thread::sleep_for(std::chrono::milliseconds(m_mode.delay_ms));
    if (hit && !m_mode.redirect.empty()) {
        std::string r = "HTTP/1.1 302 Found\r\nLocation: " + m_mode.redirect + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        SendAll(client, r.data(), r.size());
        return;
    }
    if (hit && m_mode.endless) {
        std::string h = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
        if (!SendAll(client, h.data(), h.size())) return;
        const std::string chunk = "4000\r\n" + std::string(0x4000, 'A') + "\r\n";
        while (!m_stop && SendAll(client, chunk.data(), chunk.size())) m_sent += chunk.size();
        return;
    }
    // One request per upstream connection, so the relay never waits on a keep-alive.
    if (const size_t eol = request.find("\r\n"); eol != std::string::npos)
        request.insert(eol + 2, "Connection: close\r\n");
    int up = ConnectLoopback(m_upstream);
    if (up < 0) return;
    if (!SendAll(up, request.data(), request.size())) {
        close(up);
        return;
    }
    std::uint64_t sent = 0;
    size_t header_end = std::string::npos;
    std::string head;
    const auto start = std::chrono::steady_clock::now();
    bool flipped = false;
    for (;;) {
        ssize_t n = recv(up, buf, sizeof buf, 0);
        if (n <= 0) break;
        size_t len = static_cast<size_t>(n);
        if (hit && m_mode.answer_delay_ms && sent == 0 && head.empty())  // the server has acted: hold its answer
            std::this_thread::sleep_for(std::chrono::milliseconds(m_mode.answer_delay_ms));
        if (header_end == std::string::npos) {
            head.append(buf, len);
            header_end = head.find("\r\n\r\n");
        }
        if (hit && m_mode.flip && !flipped && header_end != std::string::npos && sent + len > header_end + 600) {
            const size_t at = header_end + 600 > sent ? header_end + 600 - sent : 0;
            if (at < len) {
                buf[at] ^= 0x5a;
                flipped = true;
            }
        }
        if (hit && m_mode.cut_after && sent + len > m_mode.cut_after) len = static_cast<size_t>(m_mode.cut_after - sent);
        if (hit && m_mode.stall_after && sent + len > m_mode.stall_after) len = static_cast<size_t>(m_mode.stall_after - sent);
        // Send in small pieces so a rate cap is smooth.
        size_t off = 0;
        while (off < len) {
            const size_t piece = std::min<size_t>(len - off, hit && m_mode.rate ? std::min<std::uint64_t>(1024, m_mode.rate) : len - off);
            if (!SendAll(client, buf + off, piece)) {
                close(up);
                return;
            }
            off += piece;
            sent += piece;
            m_sent += piece;
            if (hit && m_mode.rate) {
                const auto due = start + std::chrono::microseconds(sent * 1000000 / m_mode.rate);
                std::this_thread::sleep_until(due);
            }
        }
        if (hit && m_mode.cut_after && sent >= m_mode.cut_after) break;
        if (hit && m_mode.stall_after && sent >= m_mode.stall_after) {
            while (!m_stop) {  // hold the connection open, send nothing
                pollfd p{client, POLLIN, 0};
                if (poll(&p, 1, 100) > 0) {
                    if (recv(client, buf, sizeof buf, 0) <= 0) break;
                }
            }
            break;
        }
    }
    close(up);
}

}  // namespace fk::test
