// kill -9 of `fieldkit sync` at random points during download and apply: the pack always
// opens at the old or the new version, its index passes PRAGMA integrity_check, the reader's
// notes and ticks are intact, and a later sync completes. FK_KILL_TRIALS sets the count
// (default 10; a long run uses more). The seed is printed so a failure can be replayed.
#include <doctest/doctest.h>
#include <signal.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <thread>

#include "kit/core/reader_data.hpp"
#include "tests/support/child.hpp"
#include "tests/support/kit_check.hpp"
#include "tests/support/process.hpp"
#include "tests/support/report.hpp"
#include "tests/sync/support/nginx.hpp"
#include "tests/sync/support/relay.hpp"
#include "tests/sync/support/releases.hpp"

namespace fs = std::filesystem;
using namespace fk;

namespace {

// Checks a kit's files as they are on disk, before anything opens (and repairs) them: ""
// when it holds version 1 or 2 whole and the reader's note and tick; `version` gets which.
std::string CheckKit(const std::string& kit, std::uint64_t& version) {
    if (auto problem = test::CheckInstalled(kit, "test-pack", version); !problem.empty()) return problem;
    if (version != 1 && version != 2) return "test-pack is at version " + std::to_string(version);
    if (auto check = test::IntegrityCheck(fs::path(kit) / "reader.sqlite", false); check != "ok")
        return "reader.sqlite: " + check;
    auto reader = core::ReaderData::Open(kit);
    if (!reader) return "reader data: " + reader.error().detail;
    if (reader->Note("routing-rpki-basics") != "keep this note") return "the reader's note is lost";
    if (reader->Ticked("routing-rpki-basics").count("task-1") != 1) return "the reader's tick is lost";
    // And the binary opens it at that version.
    if (test::Releases::InstalledVersion(kit) != static_cast<int>(version)) return "fieldkit shows another version";
    return "";
}

}  // namespace

TEST_CASE("kill -9 during sync download and apply never breaks the pack or the reader's data") {
    const int trials = test::KillTrials(10);
    const unsigned seed = static_cast<unsigned>(std::chrono::system_clock::now().time_since_epoch().count());
    MESSAGE("kill -9 trials: " << trials << ", seed " << seed);
    std::mt19937 rng(seed);

    test::Releases rel(2);
    const std::string with_deltas = rel.Dir() + "/mirror-d", full_only = rel.Dir() + "/mirror-f";
    REQUIRE(rel.Publish(with_deltas, {1, 2}) == "");
    REQUIRE(rel.Publish(full_only, {2}) == "");
    test::Nginx nginx_d(with_deltas, rel.Dir() + "/nginx-d");
    test::Nginx nginx_f(full_only, rel.Dir() + "/nginx-f");
    REQUIRE(nginx_d.Running());
    REQUIRE(nginx_f.Running());
    test::RelayMode slow;
    slow.rate = 400 * 1024;  // the full bundle takes a little under a second
    test::Relay relay_f(nginx_f.Port(), slow);

    const std::string templ = rel.NewKit("template", 1);
    {
        auto reader = core::ReaderData::Open(templ);
        REQUIRE(reader);
        REQUIRE(reader->SaveNote("routing-rpki-basics", "keep this note"));
        REQUIRE(reader->SetTicked("routing-rpki-basics", "task-1", true));
    }
    // Kills are spread over the time one whole sync of each kind takes here (and a little
    // past it), so that some land in the apply however busy the machine is.
    auto whole_sync_ms = [&](const std::string& url) {
        const std::string kit = rel.Dir() + "/timed";
        fs::copy(templ, kit, fs::copy_options::recursive);
        const auto start = std::chrono::steady_clock::now();
        REQUIRE(test::Fieldkit(kit, {"sync", "--mirror", url}).status == 0);
        const auto ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
        fs::remove_all(kit);
        return static_cast<int>(ms);
    };
    const int delta_ms = whole_sync_ms(nginx_d.Url()), full_ms = whole_sync_ms(relay_f.Url());
    MESSAGE("a whole sync takes " << delta_ms << " ms by delta, " << full_ms << " ms by full bundle");
    int old_seen = 0, new_seen = 0, killed = 0, survived = 0;
    for (int i = 0; i < trials; ++i) {
        const std::string kit = rel.Dir() + "/trial-" + std::to_string(i);
        fs::copy(templ, kit, fs::copy_options::recursive);
        const bool delta = i % 2 == 0;
        const std::string url = delta ? nginx_d.Url() : relay_f.Url();
        std::uniform_int_distribution<int> when(0, (delta ? delta_ms : full_ms) * 6 / 5);
        const int after_ms = when(rng);
        test::Child sync({FK_BINARY, "--data-dir", kit, "sync", "--mirror", url});
        std::this_thread::sleep_for(std::chrono::milliseconds(after_ms));
        const int status = sync.KillAndWait(SIGKILL);
        INFO("trial ", i, " (", delta ? "delta" : "full", ") killed after ", after_ms, " ms");
        std::uint64_t version = 0;
        const std::string problem = CheckKit(kit, version);
        CHECK_MESSAGE(problem.empty(), problem);
        (version == 2 ? new_seen : old_seen) += 1;
        killed += WIFSIGNALED(status);
        survived += WIFSIGNALED(status) && problem.empty();
        if (i % 5 == 4) {  // and a later sync finishes the job (resuming what was kept)
            auto r = test::Fieldkit(kit, {"sync", "--mirror", url});
            INFO(r.err);
            CHECK(r.status == 0);
            CHECK(test::Releases::InstalledVersion(kit) == 2);
        }
        fs::remove_all(kit);
    }
    MESSAGE("kill -9: " << killed << " of " << trials << " runs killed mid-way, " << survived
                        << " survived; left at old version " << old_seen << ", at new version " << new_seen);
    CHECK(killed > 0);  // otherwise the test proved nothing
    test::WriteReport("crash-sync", {{"crash trials survived: sync apply", survived}});
}
