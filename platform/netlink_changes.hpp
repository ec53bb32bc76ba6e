// rtnetlink datagrams read as changes to the set of addresses and default routes (Linux).
// Kept apart from the socket so the parser can be fuzzed: it reads kernel bytes by offsets.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace fk::platform {

struct NetChange {
    bool added = false;  // false: removed
    std::string key;     // identifies the address or route: family, interface, address, ...
    std::string what;    // for people: "address 10.0.0.2 on eth0", "default route via ..."
};

// The changes in one datagram of `size` bytes at `data` (aligned for nlmsghdr). Sets
// `dump_done` when the answer to the dump request with sequence number `dump_seq` (0: none)
// ends. Messages that are neither addresses nor default routes, loopback and IPv6 link-local
// addresses, IPv6 addresses still under duplicate address detection, and malformed messages
// are left out.
std::vector<NetChange> ParseNetlinkChanges(const void* data, size_t size, std::uint32_t dump_seq, bool& dump_done);

}  // namespace fk::platform
