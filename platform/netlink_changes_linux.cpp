// ParseNetlinkChanges: RTM_NEWADDR/DELADDR and RTM_NEWROUTE/DELROUTE for default routes.
#include <arpa/inet.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>

#include <algorithm>
#include <cstring>

#include "platform/i18n.hpp"
#include "platform/netlink_changes.hpp"

namespace fk::platform {
namespace {

std::string InterfaceName(int index) {
    char name[IF_NAMESIZE] = {};
    if (index > 0 && if_indextoname(static_cast<unsigned>(index), name)) return name;
    // TRANSLATORS: a network interface without a name, by its number.
    return Format(tr("interface {number}"), {{"number", std::to_string(index)}});
}

// The address in an attribute, or nullptr when its payload is too short for the family.
const void* AddressIn(const rtattr* a, int family) {
    const size_t need = family == AF_INET6 ? 16 : 4;
    return RTA_PAYLOAD(a) >= need ? RTA_DATA(a) : nullptr;
}

std::string AddressText(int family, const void* bytes) {
    char text[INET6_ADDRSTRLEN] = {};
    return inet_ntop(family, bytes, text, sizeof text) ? text : "?";
}

NetChange AddressChange(const nlmsghdr* h) {
    NetChange c;
    const auto* ifa = static_cast<const ifaddrmsg*>(NLMSG_DATA(h));
    if (h->nlmsg_len < NLMSG_LENGTH(sizeof *ifa)) return c;
    if (ifa->ifa_scope == RT_SCOPE_HOST) return c;  // loopback: never a way out
    std::uint32_t flags = ifa->ifa_flags;
    const void* local = nullptr;
    const void* address = nullptr;
    int len = static_cast<int>(IFA_PAYLOAD(h));
    for (auto* a = IFA_RTA(ifa); RTA_OK(a, len); a = RTA_NEXT(a, len)) {
        if (a->rta_type == IFA_LOCAL) local = AddressIn(a, ifa->ifa_family);
        if (a->rta_type == IFA_ADDRESS) address = AddressIn(a, ifa->ifa_family);
        if (a->rta_type == IFA_FLAGS && RTA_PAYLOAD(a) >= sizeof(std::uint32_t))
            std::memcpy(&flags, RTA_DATA(a), sizeof flags);
    }
    const void* addr = local ? local : address;
    if (!addr || (ifa->ifa_family != AF_INET && ifa->ifa_family != AF_INET6)) return c;
    // Every interface that comes up gets an IPv6 link-local address a second later; no mirror
    // URL names one (it would need a zone). IPv4 link-local (two laptops and a cable) counts.
    if (ifa->ifa_family == AF_INET6 && ifa->ifa_scope == RT_SCOPE_LINK) return c;
    // An IPv6 address under duplicate address detection cannot be used yet; it is news when
    // the kernel announces it again without the flag.
    if (h->nlmsg_type == RTM_NEWADDR && (flags & IFA_F_TENTATIVE)) return c;
    const std::string text = AddressText(ifa->ifa_family, addr);
    c.added = h->nlmsg_type == RTM_NEWADDR;
    c.key = "a " + std::to_string(ifa->ifa_index) + " " + text;
    // TRANSLATORS: a network change: an IP address on a network interface ("eth0").
    c.what = Format(tr("address {address} on {interface}"),
                    {{"address", text}, {"interface", InterfaceName(static_cast<int>(ifa->ifa_index))}});
    return c;
}

NetChange RouteChange(const nlmsghdr* h) {
    NetChange c;
    const auto* rt = static_cast<const rtmsg*>(NLMSG_DATA(h));
    if (h->nlmsg_len < NLMSG_LENGTH(sizeof *rt)) return c;
    if (rt->rtm_dst_len != 0 || rt->rtm_type != RTN_UNICAST) return c;  // only default routes
    if (rt->rtm_family != AF_INET && rt->rtm_family != AF_INET6) return c;
    std::uint32_t table = rt->rtm_table, oif = 0, metric = 0;
    std::string gateway;
    int len = static_cast<int>(RTM_PAYLOAD(h));
    for (auto* a = RTM_RTA(rt); RTA_OK(a, len); a = RTA_NEXT(a, len)) {
        if (a->rta_type == RTA_TABLE && RTA_PAYLOAD(a) >= 4) std::memcpy(&table, RTA_DATA(a), 4);
        if (a->rta_type == RTA_OIF && RTA_PAYLOAD(a) >= 4) std::memcpy(&oif, RTA_DATA(a), 4);
        if (a->rta_type == RTA_PRIORITY && RTA_PAYLOAD(a) >= 4) std::memcpy(&metric, RTA_DATA(a), 4);
        if (a->rta_type == RTA_GATEWAY)
            if (const void* g = AddressIn(a, rt->rtm_family)) gateway = AddressText(rt->rtm_family, g);
    }
    if (table == RT_TABLE_LOCAL) return c;
    c.added = h->nlmsg_type == RTM_NEWROUTE;
    c.key = "r " + std::to_string(rt->rtm_family) + " " + std::to_string(table) + " " + std::to_string(oif) + " " +
            gateway + " " + std::to_string(metric);
    const std::string route = rt->rtm_family == AF_INET6 ? tr("IPv6 default route") : tr("default route");
    const std::string where = oif ? InterfaceName(static_cast<int>(oif)) : std::string();
    if (!gateway.empty() && oif)
        // TRANSLATORS: {route} is "default route" or "IPv6 default route", {gateway} an IP address,
        // {interface} a network interface ("eth0").
        c.what = Format(tr("{route} via {gateway} on {interface}"),
                        {{"route", route}, {"gateway", gateway}, {"interface", where}});
    else if (!gateway.empty())
        c.what = Format(tr("{route} via {gateway}"), {{"route", route}, {"gateway", gateway}});
    else if (oif)
        c.what = Format(tr("{route} on {interface}"), {{"route", route}, {"interface", where}});
    else
        c.what = route;
    return c;
}

}  // namespace

std::vector<NetChange> ParseNetlinkChanges(const void* data, size_t size, std::uint32_t dump_seq, bool& dump_done) {
    std::vector<NetChange> changes;
    int len = static_cast<int>(std::min<size_t>(size, 1 << 20));
    for (auto* h = static_cast<const nlmsghdr*>(data); NLMSG_OK(h, len); h = NLMSG_NEXT(h, len)) {
        if (dump_seq && h->nlmsg_seq == dump_seq && (h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR)) {
            dump_done = true;
            continue;
        }
        NetChange c;
        if (h->nlmsg_type == RTM_NEWADDR || h->nlmsg_type == RTM_DELADDR) c = AddressChange(h);
        if (h->nlmsg_type == RTM_NEWROUTE || h->nlmsg_type == RTM_DELROUTE) c = RouteChange(h);
        if (!c.key.empty()) changes.push_back(std::move(c));
    }
    return changes;
}

}  // namespace fk::platform
