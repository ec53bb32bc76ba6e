// The machine's own IP addresses, per network interface, so a trainer can choose the one the
// room reaches `fieldkit serve` at (Wi-Fi, the Ethernet of a travel router, a hotspot).
#pragma once

#include <string>
#include <vector>

namespace fk::platform {

struct NetAddress {
    std::string interface_name;  // "wlan0", "enp3s0", "lo"
    std::string address;         // numeric, without a zone: "192.168.8.20", "fe80::1"
    bool ipv6 = false;
    bool loopback = false;    // 127.0.0.0/8 or ::1: only this machine reaches it
    bool link_local = false;  // 169.254.0.0/16 or fe80::/10: this network segment only, and an
                              // IPv6 one needs its interface named in a URL
};

enum class Loopback {
    kIfNothingElse,  // loopback addresses only when the machine has no other (offline laptop)
    kInclude,        // always
};

// The addresses of every interface that is up, in this order: IPv4 before IPv6, routable
// before link-local, loopback last; within each, by interface name as the system lists them.
// Never fails: a system that will not list its interfaces gives an empty list. Thread-safe.
std::vector<NetAddress> ListNetAddresses(Loopback loopback = Loopback::kIfNothingElse);

// The address as the host part of a URL: "192.168.8.20", "[2001:db8::5]", or for a
// link-local IPv6 address "[fe80::1%25wlan0]" (RFC 6874: the zone names the interface).
std::string UrlHost(const NetAddress& address);

}  // namespace fk::platform
