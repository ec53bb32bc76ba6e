// NetWatch on Windows: the IP Helper's change notifications. NotifyUnicastIpAddressChange
// reports addresses (NotifyIpInterfaceChange only says an interface's settings changed, not
// which address arrived), NotifyRouteChange2 reports routes, of which only default routes
// (prefix length 0) count. What exists at start, from GetUnicastIpAddressTable and
// GetIpForwardTable2, is the baseline. The system calls back on its own thread pool.
// First, in this order: the IP Helper headers need their types.
#include <winsock2.h>
#include <ws2tcpip.h>

#include <iphlpapi.h>
#include <netioapi.h>

#include <mutex>
#include <set>

#include "platform/i18n.hpp"
#include "platform/net_watch.hpp"
#include "platform/win_text.hpp"

namespace fk::platform {
namespace {

std::string AddressText(const SOCKADDR_INET& a) {
    char text[INET6_ADDRSTRLEN] = {};
    if (a.si_family == AF_INET)
        inet_ntop(AF_INET, &a.Ipv4.sin_addr, text, sizeof text);
    else if (a.si_family == AF_INET6)
        inet_ntop(AF_INET6, &a.Ipv6.sin6_addr, text, sizeof text);
    return text;
}

bool IsUnspecified(const SOCKADDR_INET& a) {
    if (a.si_family == AF_INET) return a.Ipv4.sin_addr.s_addr == 0;
    return IN6_IS_ADDR_UNSPECIFIED(&a.Ipv6.sin6_addr);
}

std::string InterfaceName(const NET_LUID& luid, NET_IFINDEX index) {
    wchar_t alias[NDIS_IF_MAX_STRING_SIZE + 1] = {};
    if (ConvertInterfaceLuidToAlias(&luid, alias, NDIS_IF_MAX_STRING_SIZE + 1) == NO_ERROR && alias[0])
        return Utf8FromWide(alias);
    return Format(tr("interface {number}"), {{"number", std::to_string(index)}});
}

// Loopback and IPv6 link-local addresses are no way out, as on Linux.
bool Counts(const MIB_UNICASTIPADDRESS_ROW& row) {
    if (row.Address.si_family == AF_INET) return (ntohl(row.Address.Ipv4.sin_addr.s_addr) >> 24) != 127;
    return !IN6_IS_ADDR_LOOPBACK(&row.Address.Ipv6.sin6_addr) && !IN6_IS_ADDR_LINKLOCAL(&row.Address.Ipv6.sin6_addr);
}

std::string AddressKey(const MIB_UNICASTIPADDRESS_ROW& row) {
    return "addr " + std::to_string(row.InterfaceIndex) + " " + AddressText(row.Address);
}

std::string RouteKey(const MIB_IPFORWARD_ROW2& row) {
    return "route " + std::to_string(row.DestinationPrefix.Prefix.si_family) + " " +
           std::to_string(row.InterfaceIndex) + " " + AddressText(row.NextHop);
}

std::string RouteText(const MIB_IPFORWARD_ROW2& row) {
    const std::string route =
        row.DestinationPrefix.Prefix.si_family == AF_INET6 ? tr("IPv6 default route") : tr("default route");
    const std::string where = InterfaceName(row.InterfaceLuid, row.InterfaceIndex);
    if (!IsUnspecified(row.NextHop))
        return Format(tr("{route} via {gateway} on {interface}"),
                      {{"route", route}, {"gateway", AddressText(row.NextHop)}, {"interface", where}});
    return Format(tr("{route} on {interface}"), {{"route", route}, {"interface", where}});
}

class WinNetWatch final : public NetWatch {
public:
    explicit WinNetWatch(std::function<void(const std::string&)> on_appeared) : m_on_appeared(std::move(on_appeared)) {}

    ~WinNetWatch() override {
        // Each cancel waits for callbacks already running to return.
        if (m_addresses) CancelMibChangeNotify2(m_addresses);
        if (m_routes) CancelMibChangeNotify2(m_routes);
    }

    Status Begin() {
        // Subscribe first, then take the baseline, so that nothing arriving between is lost;
        // a change seen twice is only reported once (the key set).
        std::lock_guard lock(m_mutex);
        if (const DWORD rc = NotifyUnicastIpAddressChange(AF_UNSPEC, OnAddress, this, FALSE, &m_addresses);
            rc != NO_ERROR)
            return Failed(rc);
        if (const DWORD rc = NotifyRouteChange2(AF_UNSPEC, OnRoute, this, FALSE, &m_routes); rc != NO_ERROR)
            return Failed(rc);
        MIB_UNICASTIPADDRESS_TABLE* addresses = nullptr;
        if (GetUnicastIpAddressTable(AF_UNSPEC, &addresses) == NO_ERROR) {
            for (ULONG i = 0; i < addresses->NumEntries; ++i)
                if (Counts(addresses->Table[i])) m_known.insert(AddressKey(addresses->Table[i]));
            FreeMibTable(addresses);
        }
        MIB_IPFORWARD_TABLE2* routes = nullptr;
        if (GetIpForwardTable2(AF_UNSPEC, &routes) == NO_ERROR) {
            for (ULONG i = 0; i < routes->NumEntries; ++i)
                if (routes->Table[i].DestinationPrefix.PrefixLength == 0) m_known.insert(RouteKey(routes->Table[i]));
            FreeMibTable(routes);
        }
        return Ok{};
    }

private:
    static Status Failed(DWORD rc) {
        return MakeError(ErrorCode::kIo,
                         Format(tr("network change notifications: {reason}"), {{"reason", WinErrorText(rc)}}));
    }

    static void WINAPI OnAddress(void* self, MIB_UNICASTIPADDRESS_ROW* row, MIB_NOTIFICATION_TYPE type) {
        static_cast<WinNetWatch*>(self)->Address(row, type);
    }
    static void WINAPI OnRoute(void* self, MIB_IPFORWARD_ROW2* row, MIB_NOTIFICATION_TYPE type) {
        static_cast<WinNetWatch*>(self)->Route(row, type);
    }

    void Address(MIB_UNICASTIPADDRESS_ROW* changed, MIB_NOTIFICATION_TYPE type) {
        if (!changed) return Lost();
        MIB_UNICASTIPADDRESS_ROW row = *changed;
        if (!Counts(row)) return;
        const std::string key = AddressKey(row);
        std::lock_guard lock(m_mutex);
        if (type == MibDeleteInstance) {
            m_known.erase(key);
            return;
        }
        // The notification carries the address only; the entry says whether duplicate address
        // detection is over (a tentative address is not usable yet; a later change says when).
        if (GetUnicastIpAddressEntry(&row) != NO_ERROR || row.DadState != IpDadStatePreferred) return;
        if (m_known.insert(key).second)
            m_on_appeared(Format(tr("address {address} on {interface}"),
                                 {{"address", AddressText(row.Address)},
                                  {"interface", InterfaceName(row.InterfaceLuid, row.InterfaceIndex)}}));
    }

    void Route(MIB_IPFORWARD_ROW2* changed, MIB_NOTIFICATION_TYPE type) {
        if (!changed) return Lost();
        MIB_IPFORWARD_ROW2 row = *changed;
        if (row.DestinationPrefix.PrefixLength != 0) return;
        const std::string key = RouteKey(row);
        std::lock_guard lock(m_mutex);
        if (type == MibDeleteInstance) {
            m_known.erase(key);
            return;
        }
        if (m_known.insert(key).second) m_on_appeared(RouteText(row));
    }

    // A notification without a row: the system dropped the details.
    void Lost() {
        std::lock_guard lock(m_mutex);
        m_on_appeared(tr("network changes (some events were lost)"));
    }

    std::function<void(const std::string&)> m_on_appeared;
    std::mutex m_mutex;
    std::set<std::string> m_known;
    HANDLE m_addresses = nullptr;
    HANDLE m_routes = nullptr;
};

}  // namespace

Result<std::unique_ptr<NetWatch>> NetWatch::Start(std::function<void(const std::string&)> on_appeared) {
    auto watch = std::make_unique<WinNetWatch>(std::move(on_appeared));
    if (auto st = watch->Begin(); !st) return st.error();
    return std::unique_ptr<NetWatch>(std::move(watch));
}

}  // namespace fk::platform
