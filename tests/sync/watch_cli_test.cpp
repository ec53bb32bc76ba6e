// `fieldkit sync --watch`, the real binary against nginx on 127.0.0.1: one line per check and
// outcome, one watcher per data directory, a clean exit on SIGTERM and Ctrl-C, and the
// window's metered setting respected.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>

#include <string>
#include <vector>

#include "kit/core/reader_data.hpp"
#include "tests/support/child.hpp"
#include "tests/support/process.hpp"
#include "tests/sync/support/nginx.hpp"
#include "tests/sync/support/releases.hpp"

using namespace fk;

namespace {

// Lines of the watcher until one contains `until` (or 60 s pass: a bound, not a timing).
std::vector<std::string> LinesUntil(test::Child& child, const std::string& until) {
    std::vector<std::string> lines;
    for (int i = 0; i < 600; ++i) {
        std::string line = child.ReadLine(100);
        if (line.empty()) continue;
        lines.push_back(line);
        if (line.find(until) != std::string::npos) break;
    }
    return lines;
}

bool Has(const std::vector<std::string>& lines, const std::string& text) {
    for (const auto& l : lines)
        if (l.find(text) != std::string::npos) return true;
    return false;
}

std::string Joined(const std::vector<std::string>& lines) {
    std::string all;
    for (const auto& l : lines) all += l + "\n";
    return all;
}

}  // namespace

TEST_CASE("sync --watch prints each check, runs once per data directory and stops cleanly on SIGTERM and Ctrl-C") {
    test::Releases rel(2);
    const std::string mirror = rel.Dir() + "/mirror";
    REQUIRE(rel.Publish(mirror, {1, 2}) == "");
    test::Nginx nginx(mirror, rel.Dir() + "/nginx");
    REQUIRE(nginx.Running());
    const std::string kit = rel.NewKit("a", 1);
    {
        test::Child watch({FK_BINARY, "--data-dir", kit, "sync", "--watch", "--mirror", nginx.Url()});
        REQUIRE(watch.Started());
        const auto lines = LinesUntil(watch, "next check in");
        INFO(Joined(lines));
        CHECK(Has(lines, "watching " + kit + " (metered: off)"));
        CHECK(Has(lines, "checking mirrors (start)"));
        CHECK(Has(lines, "updated test-pack 1 -> 2 via 1 delta,"));
        CHECK(Has(lines, "check done; next check in 6 h"));

        auto second = test::Fieldkit(kit, {"sync", "--watch"});
        CHECK(second.status == 1);
        CHECK(second.err == "fieldkit: another fieldkit sync --watch is running for " + kit + " (pid " +
                                std::to_string(watch.Pid()) + ")\n");
        const int status = watch.KillAndWait(SIGTERM);
        CHECK(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0);
        CHECK(watch.ReadLine(2000).find("stopped (SIGTERM)") != std::string::npos);
    }
    CHECK(test::Releases::InstalledVersion(kit) == 2);
    {
        // The lock went with the process; the mirror is remembered.
        test::Child watch({FK_BINARY, "--data-dir", kit, "sync", "--watch"});
        const auto lines = LinesUntil(watch, "next check in");
        INFO(Joined(lines));
        CHECK(Has(lines, "up to date; next check in 6 h"));
        const int status = watch.KillAndWait(SIGINT);
        CHECK(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0);
    }
    auto help = test::Fieldkit(kit, {"sync", "--help"});
    CHECK(help.out.find("--watch") != std::string::npos);
    CHECK(help.out.find("systemctl --user enable --now fieldkit-sync") != std::string::npos);
}

TEST_CASE("sync --watch takes the window's metered setting") {
    test::Releases rel(2);
    const std::string mirror = rel.Dir() + "/mirror";
    REQUIRE(rel.Publish(mirror, {2}) == "");  // no delta from version 1: the full bundle only
    test::Nginx nginx(mirror, rel.Dir() + "/nginx");
    REQUIRE(nginx.Running());
    const std::string kit = rel.NewKit("a", 1);
    {
        auto reader = core::ReaderData::Open(kit);
        REQUIRE(reader);
        auto settings = reader->LoadSettings();
        settings.metered = "deltas";  // as the window's Settings screen stores it
        REQUIRE(reader->SaveSettings(settings));
    }
    test::Child watch({FK_BINARY, "--data-dir", kit, "sync", "--watch", "--mirror", nginx.Url()});
    const auto lines = LinesUntil(watch, "next check in");
    INFO(Joined(lines));
    CHECK(Has(lines, "(metered: deltas only)"));
    CHECK(Has(lines, "skipped test-pack: needs the full bundle"));
    CHECK(Has(lines, "check done; next check in 6 h"));
    CHECK(WEXITSTATUS(watch.KillAndWait(SIGTERM)) == 0);
    CHECK(test::Releases::InstalledVersion(kit) == 1);
}

TEST_CASE("sync --watch without any mirror says so and exits") {
    test::Releases rel(1);
    const std::string kit = rel.NewKit("a", 1);
    auto r = test::Fieldkit(kit, {"sync", "--watch"});
    CHECK(r.status == 1);
    CHECK(r.err.find("no mirror configured") != std::string::npos);
}
