// rtnetlink datagrams as the link watcher reads them (platform/netlink_changes.hpp). The
// kernel writes them, but the parser follows lengths and offsets inside them.
#include <cstring>
#include <vector>

#include "platform/netlink_changes.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    std::vector<std::uint64_t> aligned((size + 7) / 8 + 1);  // the socket buffer is aligned too
    if (size) std::memcpy(aligned.data(), data, size);
    bool done = false;
    for (const auto& c : fk::platform::ParseNetlinkChanges(aligned.data(), size, 7, done))
        if (c.key.empty() || c.what.empty()) __builtin_trap();  // every change names itself
    return 0;
}
