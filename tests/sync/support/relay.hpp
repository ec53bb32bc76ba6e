// A small hostile relay on 127.0.0.1 between the client and nginx, to test bad networks and
// bad mirrors without privileges: bandwidth cap, added delay, cuts after N bytes, stalls,
// endless bodies, flipped bytes and redirects to other schemes. Only loopback, ever.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

namespace fk::test {

struct RelayMode {
    std::string match;              // only requests whose path contains this are disturbed ("" = all)
    std::uint64_t cut_after = 0;    // close the connection after this many response bytes (0 = never)
    std::uint64_t stall_after = 0;  // stop sending (keep the connection open) after this many bytes
    std::uint64_t rate = 0;         // bytes per second cap (0 = none)
    int delay_ms = 0;               // before the response starts
    int answer_delay_ms = 0;        // after the server answered, before the answer is passed on
    bool endless = false;           // answer 200 with a chunked body that never ends
    bool flip = false;              // flip one byte in the middle of the body
    std::string redirect;           // answer 302 to this Location
};

class Relay {
public:
    Relay(int upstream_port, RelayMode mode);
    ~Relay();
    int Port() const { return m_port; }
    std::string Url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    std::uint64_t BytesSent() const { return m_sent; }  // response bytes sent to clients

private:
    void Accept();
    void Handle(int client);

    int m_upstream;
    RelayMode m_mode;
    int m_listen = -1;
    int m_port = -1;
    std::atomic<bool> m_stop{false};
    std::atomic<std::uint64_t> m_sent{0};
    std::atomic<int> m_active{0};
    std::thread m_thread;
};

}  // namespace fk::test
