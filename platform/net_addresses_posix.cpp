// ListNetAddresses with getifaddrs(3) (Linux, the BSDs, macOS).
#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>

#include <algorithm>
#include <cstdint>

#include "platform/net_addresses.hpp"

namespace fk::platform {
namespace {

// Lower ranks are listed first (see ListNetAddresses).
int Rank(const NetAddress& a) {
    return (a.loopback ? 4 : 0) + (a.link_local ? 2 : 0) + (a.ipv6 ? 1 : 0);
}

}  // namespace

std::vector<NetAddress> ListNetAddresses(Loopback loopback) {
    std::vector<NetAddress> all;
    ifaddrs* list = nullptr;
    if (::getifaddrs(&list) != 0) return all;
    for (const ifaddrs* it = list; it; it = it->ifa_next) {
        if (!it->ifa_addr || !(it->ifa_flags & IFF_UP)) continue;
        NetAddress a;
        a.interface_name = it->ifa_name ? it->ifa_name : "";
        char text[INET6_ADDRSTRLEN] = {};
        if (it->ifa_addr->sa_family == AF_INET) {
            const auto* in = reinterpret_cast<const sockaddr_in*>(it->ifa_addr);
            const std::uint32_t host = ntohl(in->sin_addr.s_addr);
            a.loopback = (host >> 24) == 127;
            a.link_local = (host >> 16) == 0xA9FE;  // 169.254/16
            if (!::inet_ntop(AF_INET, &in->sin_addr, text, sizeof text)) continue;
        } else if (it->ifa_addr->sa_family == AF_INET6) {
            const auto* in6 = reinterpret_cast<const sockaddr_in6*>(it->ifa_addr);
            a.ipv6 = true;
            a.loopback = IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr);
            a.link_local = IN6_IS_ADDR_LINKLOCAL(&in6->sin6_addr);
            if (!::inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text)) continue;
        } else {
            continue;  // AF_PACKET and other link-layer entries
        }
        a.loopback = a.loopback || (it->ifa_flags & IFF_LOOPBACK);
        a.address = text;
        all.push_back(std::move(a));
    }
    ::freeifaddrs(list);
    const bool only_loopback = std::all_of(all.begin(), all.end(), [](const NetAddress& a) { return a.loopback; });
    if (loopback == Loopback::kIfNothingElse && !only_loopback)
        std::erase_if(all, [](const NetAddress& a) { return a.loopback; });
    std::stable_sort(all.begin(), all.end(),
                     [](const NetAddress& x, const NetAddress& y) { return Rank(x) < Rank(y); });
    return all;
}

std::string UrlHost(const NetAddress& a) {
    if (!a.ipv6) return a.address;
    if (a.link_local && !a.interface_name.empty()) return "[" + a.address + "%25" + a.interface_name + "]";
    return "[" + a.address + "]";
}

}  // namespace fk::platform
