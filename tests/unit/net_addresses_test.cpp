// The machine's addresses for "Share with this room": loopback when asked for, an order a
// trainer can read, and URL hosts that a browser accepts.
#include "platform/net_addresses.hpp"

#include <arpa/inet.h>
#include <doctest/doctest.h>

#include <algorithm>

using namespace fk;

TEST_CASE("with loopback included, the loopback interface is listed, last") {
    const auto all = platform::ListNetAddresses(platform::Loopback::kInclude);
    REQUIRE_FALSE(all.empty());
    const auto lo =
        std::find_if(all.begin(), all.end(), [](const platform::NetAddress& a) { return a.loopback && !a.ipv6; });
    REQUIRE(lo != all.end());
    CHECK(lo->address.starts_with("127."));
    CHECK_FALSE(lo->interface_name.empty());
    // Nothing after the first loopback address is anything but loopback.
    const auto first_loopback =
        std::find_if(all.begin(), all.end(), [](const platform::NetAddress& a) { return a.loopback; });
    CHECK(std::all_of(first_loopback, all.end(), [](const platform::NetAddress& a) { return a.loopback; }));
    for (const auto& a : all) {
        unsigned char buf[16];
        CHECK_MESSAGE(inet_pton(a.ipv6 ? AF_INET6 : AF_INET, a.address.c_str(), buf) == 1, a.address);
    }
}

TEST_CASE("by default loopback is left out unless it is all there is") {
    const auto all = platform::ListNetAddresses(platform::Loopback::kInclude);
    const auto shown = platform::ListNetAddresses();
    const bool others = std::any_of(all.begin(), all.end(), [](const platform::NetAddress& a) { return !a.loopback; });
    if (others) {
        CHECK_FALSE(shown.empty());
        CHECK(std::none_of(shown.begin(), shown.end(), [](const platform::NetAddress& a) { return a.loopback; }));
    } else {
        CHECK(shown.size() == all.size());
    }
    // IPv4 before IPv6 among the routable ones.
    const auto first_v6 =
        std::find_if(shown.begin(), shown.end(), [](const platform::NetAddress& a) { return a.ipv6 && !a.link_local; });
    CHECK(std::none_of(first_v6, shown.end(), [](const platform::NetAddress& a) { return !a.ipv6 && !a.link_local; }));
}

TEST_CASE("URL hosts: IPv6 in brackets, a link-local one with its interface as the zone") {
    CHECK(platform::UrlHost({"eth0", "192.168.1.4", false, false, false}) == "192.168.1.4");
    CHECK(platform::UrlHost({"eth0", "2001:db8::5", true, false, false}) == "[2001:db8::5]");
    CHECK(platform::UrlHost({"wlan0", "fe80::1", true, false, true}) == "[fe80::1%25wlan0]");
    CHECK(platform::UrlHost({"lo", "::1", true, true, false}) == "[::1]");
}
