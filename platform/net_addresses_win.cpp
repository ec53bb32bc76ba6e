// ListNetAddresses with GetAdaptersAddresses (Windows). Interfaces are named as Windows shows
// them ("Wi-Fi", "Ethernet 2"); a link-local IPv6 address's URL zone is the interface index.
// First, in this order: the IP Helper headers need their types.
#include <winsock2.h>
#include <ws2tcpip.h>

#include <iphlpapi.h>
#include <netioapi.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "platform/net_addresses.hpp"
#include "platform/win_text.hpp"

namespace fk::platform {
namespace {

// Lower ranks are listed first (see ListNetAddresses), as on POSIX.
int Rank(const NetAddress& a) {
    return (a.loopback ? 4 : 0) + (a.link_local ? 2 : 0) + (a.ipv6 ? 1 : 0);
}

}  // namespace

std::vector<NetAddress> ListNetAddresses(Loopback loopback) {
    std::vector<NetAddress> all;
    std::vector<std::uint64_t> buffer(16 * 1024 / sizeof(std::uint64_t));  // aligned for the list
    ULONG size = 0;
    ULONG rc = ERROR_BUFFER_OVERFLOW;
    const ULONG flags = GAA_FLAG_SKIP_ANYCAST | GAA_FLAG_SKIP_MULTICAST | GAA_FLAG_SKIP_DNS_SERVER;
    for (int attempt = 0; attempt < 4 && rc == ERROR_BUFFER_OVERFLOW; ++attempt) {
        size = static_cast<ULONG>(buffer.size() * sizeof buffer[0]);
        rc = GetAdaptersAddresses(AF_UNSPEC, flags, nullptr, reinterpret_cast<IP_ADAPTER_ADDRESSES*>(buffer.data()),
                                  &size);
        if (rc == ERROR_BUFFER_OVERFLOW) buffer.resize(size / sizeof buffer[0] + 1);
    }
    if (rc != NO_ERROR) return all;
    for (auto* adapter = reinterpret_cast<IP_ADAPTER_ADDRESSES*>(buffer.data()); adapter; adapter = adapter->Next) {
        if (adapter->OperStatus != IfOperStatusUp) continue;
        const bool loopback_interface = adapter->IfType == IF_TYPE_SOFTWARE_LOOPBACK;
        for (auto* u = adapter->FirstUnicastAddress; u; u = u->Next) {
            const sockaddr* sa = u->Address.lpSockaddr;
            if (!sa) continue;
            NetAddress a;
            a.interface_name = Utf8FromWide(adapter->FriendlyName ? adapter->FriendlyName : L"");
            char text[INET6_ADDRSTRLEN] = {};
            if (sa->sa_family == AF_INET) {
                const auto* in = reinterpret_cast<const sockaddr_in*>(sa);
                const std::uint32_t host = ntohl(in->sin_addr.s_addr);
                a.loopback = (host >> 24) == 127;
                a.link_local = (host >> 16) == 0xA9FE;  // 169.254/16
                if (!inet_ntop(AF_INET, &in->sin_addr, text, sizeof text)) continue;
            } else if (sa->sa_family == AF_INET6) {
                const auto* in6 = reinterpret_cast<const sockaddr_in6*>(sa);
                a.ipv6 = true;
                a.loopback = IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr);
                a.link_local = IN6_IS_ADDR_LINKLOCAL(&in6->sin6_addr);
                if (!inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text)) continue;
            } else {
                continue;
            }
            a.loopback = a.loopback || loopback_interface;
            a.address = text;
            all.push_back(std::move(a));
        }
    }
    const bool only_loopback = std::all_of(all.begin(), all.end(), [](const NetAddress& a) { return a.loopback; });
    if (loopback == Loopback::kIfNothingElse && !only_loopback)
        std::erase_if(all, [](const NetAddress& a) { return a.loopback; });
    std::stable_sort(all.begin(), all.end(),
                     [](const NetAddress& x, const NetAddress& y) { return Rank(x) < Rank(y); });
    return all;
}

std::string UrlHost(const NetAddress& a) {
    if (!a.ipv6) return a.address;
    if (a.link_local && !a.interface_name.empty()) {
        // Windows names a zone by the interface's index ("fe80::1%12"); look it up by name.
        NET_LUID luid{};
        NET_IFINDEX index = 0;
        if (ConvertInterfaceAliasToLuid(WideFromUtf8(a.interface_name).c_str(), &luid) == NO_ERROR &&
            ConvertInterfaceLuidToIndex(&luid, &index) == NO_ERROR)
            return "[" + a.address + "%25" + std::to_string(index) + "]";
    }
    return "[" + a.address + "]";
}

}  // namespace fk::platform
