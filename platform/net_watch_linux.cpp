// NetWatch on Linux: an rtnetlink socket subscribed to address and route changes. A dump of
// what exists at start is the baseline; afterwards only keys not in the set are reported.
#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <set>
#include <thread>
#include <vector>

#include "platform/i18n.hpp"
#include "platform/net_watch.hpp"
#include "platform/netlink_changes.hpp"

namespace fk::platform {
namespace {

class LinuxNetWatch final : public NetWatch {
public:
    LinuxNetWatch(int sock, int stop_read, int stop_write, std::function<void(const std::string&)> on_appeared)
        : m_sock(sock), m_stop_read(stop_read), m_stop_write(stop_write), m_on_appeared(std::move(on_appeared)) {}

    ~LinuxNetWatch() override {
        const char byte = 1;
        (void)!write(m_stop_write, &byte, 1);
        if (m_thread.joinable()) m_thread.join();
        close(m_sock);
        close(m_stop_read);
        close(m_stop_write);
    }

    Status Begin() {
        // The baseline: what exists now is not news. Dumps run one at a time on a socket.
        if (auto st = Dump(RTM_GETADDR, sizeof(ifaddrmsg)); !st) return st;
        if (auto st = Dump(RTM_GETROUTE, sizeof(rtmsg)); !st) return st;
        m_thread = std::thread([this] { Loop(); });
        return Ok{};
    }

private:
    Status Dump(std::uint16_t type, size_t body) {
        struct {
            nlmsghdr h;
            char body[sizeof(rtmsg) > sizeof(ifaddrmsg) ? sizeof(rtmsg) : sizeof(ifaddrmsg)];
        } req{};
        req.h.nlmsg_len = static_cast<std::uint32_t>(NLMSG_LENGTH(body));
        req.h.nlmsg_type = type;
        req.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
        req.h.nlmsg_seq = ++m_seq;
        req.body[0] = AF_UNSPEC;  // rtgen family: the first byte of ifaddrmsg and rtmsg alike
        if (send(m_sock, &req, req.h.nlmsg_len, 0) < 0)
            return MakeError(ErrorCode::kIo,
                             Format(tr("netlink dump request: {reason}"), {{"reason", std::strerror(errno)}}));
        for (;;) {
            pollfd p{m_sock, POLLIN, 0};
            if (poll(&p, 1, 5000) <= 0) return MakeError(ErrorCode::kIo, tr("netlink dump: no answer"));
            bool done = false;
            if (!Receive(/*report=*/false, m_seq, done)) return MakeError(ErrorCode::kIo, tr("netlink dump failed"));
            if (done) return Ok{};
        }
    }

    // Reads one datagram; applies every change in it. False on a read error other than lost
    // events (ENOBUFS: the kernel dropped some, reported as a change to be safe).
    bool Receive(bool report, std::uint32_t dump_seq, bool& done) {
        const ssize_t n = recv(m_sock, m_buffer.data(), m_buffer.size() * sizeof m_buffer[0], 0);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) return true;
            if (errno == ENOBUFS) {
                if (report) m_on_appeared(tr("network changes (some events were lost)"));
                return true;
            }
            return false;
        }
        for (const NetChange& c : ParseNetlinkChanges(m_buffer.data(), static_cast<size_t>(n), dump_seq, done)) {
            if (!c.added) {
                m_known.erase(c.key);
            } else if (m_known.insert(c.key).second && report) {
                m_on_appeared(c.what);
            }
        }
        return true;
    }

    void Loop() {
        for (;;) {
            pollfd p[2] = {{m_sock, POLLIN, 0}, {m_stop_read, POLLIN, 0}};
            if (poll(p, 2, -1) < 0) {
                if (errno == EINTR) continue;
                return;
            }
            if (p[1].revents) return;
            bool done = false;
            if (p[0].revents && !Receive(/*report=*/true, 0, done)) return;
        }
    }

    int m_sock, m_stop_read, m_stop_write;
    std::function<void(const std::string&)> m_on_appeared;
    std::uint32_t m_seq = 0;
    std::set<std::string> m_known;
    std::vector<std::uint64_t> m_buffer = std::vector<std::uint64_t>(8192);  // 64 KiB, aligned for nlmsghdr
    std::thread m_thread;
};

}  // namespace

Result<std::unique_ptr<NetWatch>> NetWatch::Start(std::function<void(const std::string&)> on_appeared) {
    const int sock = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    if (sock < 0)
        return MakeError(ErrorCode::kIo, Format(tr("netlink socket: {reason}"), {{"reason", std::strerror(errno)}}));
    sockaddr_nl addr{};
    addr.nl_family = AF_NETLINK;
    addr.nl_groups = RTMGRP_IPV4_IFADDR | RTMGRP_IPV6_IFADDR | RTMGRP_IPV4_ROUTE | RTMGRP_IPV6_ROUTE;
    int stop[2];
    if (bind(sock, reinterpret_cast<sockaddr*>(&addr), sizeof addr) < 0 || pipe2(stop, O_CLOEXEC) < 0) {
        const int err = errno;
        close(sock);
        return MakeError(ErrorCode::kIo, Format(tr("netlink socket: {reason}"), {{"reason", std::strerror(err)}}));
    }
    auto watch = std::make_unique<LinuxNetWatch>(sock, stop[0], stop[1], std::move(on_appeared));
    if (auto st = watch->Begin(); !st) return st.error();
    return std::unique_ptr<NetWatch>(std::move(watch));
}

}  // namespace fk::platform
