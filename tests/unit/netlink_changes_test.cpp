// The link watcher's reading of rtnetlink messages (the fuzz seeds, built to the kernel's
// layout): new addresses and default routes count; loopback, IPv6 link-local and tentative
// addresses do not, and a truncated attribute is skipped instead of read past its end.
#include "platform/netlink_changes.hpp"

#include <doctest/doctest.h>

#include <cstring>
#include <string>
#include <vector>

#include "platform/files.hpp"

using namespace fk;

namespace {

std::vector<platform::NetChange> Parse(const std::string& bytes, bool& done) {
    std::vector<std::uint64_t> aligned(bytes.size() / 8 + 1);
    std::memcpy(aligned.data(), bytes.data(), bytes.size());
    return platform::ParseNetlinkChanges(aligned.data(), bytes.size(), 7, done);
}

std::string Seed(const std::string& name) {
    auto bytes = platform::ReadFile(FK_SOURCE_DIR "/tests/fuzz/corpus/netlink/" + name, "seed");
    REQUIRE(bytes);
    return *bytes;
}

}  // namespace

TEST_CASE("netlink: an interface coming up reads as its addresses and default route, then their removal") {
    bool done = false;
    const auto changes = Parse(Seed("seed-link-up-burst"), done);
    CHECK_FALSE(done);
    // Left out: the IPv6 link-local address (no mirror URL names one) and 127.0.0.1.
    REQUIRE(changes.size() == 5);
    CHECK(changes[0].added);
    CHECK(changes[0].what.starts_with("address 10.77.0.1 on "));
    CHECK(changes[1].what.starts_with("address 169.254.7.9 on "));  // IPv4 link-local: two laptops, one cable
    CHECK(changes[2].added);
    CHECK(changes[2].what.starts_with("default route on "));
    CHECK_FALSE(changes[3].added);
    CHECK(changes[3].key == changes[0].key);  // the same address removed
    CHECK_FALSE(changes[4].added);
    CHECK(changes[4].key == changes[2].key);
}

TEST_CASE("netlink: a tentative IPv6 address is not news yet, and a dump's end is seen") {
    bool done = false;
    CHECK(Parse(Seed("seed-address-v6-tentative"), done).empty());
    const auto global = Parse(Seed("seed-address-v6"), done);
    REQUIRE(global.size() == 1);
    CHECK(global[0].what.starts_with("address 2001:db8::5 on "));
    const auto v6 = Parse(Seed("seed-default-route-v6"), done);
    REQUIRE(v6.size() == 1);
    CHECK(v6[0].what.starts_with("IPv6 default route via fe80::1 on "));
    const auto dumped = Parse(Seed("seed-dump-end"), done);
    CHECK(dumped.size() == 1);
    CHECK(done);
}

TEST_CASE("netlink: truncated messages and attributes are skipped") {
    std::string address = Seed("seed-address-v4");
    bool done = false;
    for (size_t cut = 0; cut < address.size(); ++cut) CHECK(Parse(address.substr(0, cut), done).size() <= 1);
    // IFA_ADDRESS and IFA_LOCAL claim 4 bytes of an IPv6 address: no address is read.
    address[16] = 10;  // AF_INET6
    CHECK(Parse(address, done).empty());
}
