// Watches the system for a network path appearing: an address added to an interface, or a
// default route. Linux reads rtnetlink (net_watch_linux.cpp); another OS brings its own file.
// Only what is new counts: an address or route already present when watching started, or one
// the kernel merely refreshes (DHCP and router advertisements renew lifetimes), is not news.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "platform/result.hpp"

namespace fk::platform {

class NetWatch {
public:
    // Starts a thread that calls `on_appeared` with a one-line description ("address
    // 10.0.0.2 on eth0", "default route via eth0") for each new address or default route.
    // Bursts are not merged here: the caller debounces. Errors: kIo (no netlink socket).
    static Result<std::unique_ptr<NetWatch>> Start(std::function<void(const std::string&)> on_appeared);
    virtual ~NetWatch() = default;  // stops and joins the thread

protected:
    NetWatch() = default;
};

}  // namespace fk::platform
