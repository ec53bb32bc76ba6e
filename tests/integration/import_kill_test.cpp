// kill -9 of `fieldkit import` at random moments while it replaces version 1 of a pack with
// version 2. After each kill, before anything reopens (and so repairs) the library: library.json
// names version 1 or 2, its bundle file is there and the index passes PRAGMA integrity_check;
// then fieldkit opens it and finds exactly one edition. FK_KILL_TRIALS sets the trial count
// (default 10); the seed is printed so that a failure can be replayed.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "tests/support/child.hpp"
#include "tests/support/kit_check.hpp"
#include "tests/support/process.hpp"
#include "tests/support/report.hpp"
#include "tests/support/sample_content.hpp"
#include "tests/support/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace fk;
using test::Fieldkit;

namespace {

int SearchCount(const std::string& kit, const std::string& query) {
    auto r = Fieldkit(kit, {"search", "--json", query});
    return r.status == 0 ? static_cast<int>(nlohmann::json::parse(r.out).size()) : -1;
}

// "" when the kit holds version 1 or 2 of crash-pack whole; `version` gets which.
std::string CheckKit(const std::string& kit, std::uint64_t& version) {
    if (auto problem = test::CheckInstalled(kit, "crash-pack", version); !problem.empty()) return problem;
    if (version != 1 && version != 2) return "crash-pack is at version " + std::to_string(version);
    auto status = Fieldkit(kit, {"status", "--json"});
    if (status.status != 0) return "status fails: " + status.err;
    const int one = SearchCount(kit, "editionone"), two = SearchCount(kit, "editiontwo");
    if (!((version == 1 && one > 0 && two == 0) || (version == 2 && one == 0 && two > 0)))
        return "version " + std::to_string(version) + " but search finds " + std::to_string(one) +
               " of edition one and " + std::to_string(two) + " of edition two";
    return "";
}

}  // namespace

TEST_CASE("kill -9 during an import leaves the old or the new version, never a broken library") {
    test::TempDir dir;
    const std::string templ = dir / "template";
    REQUIRE(Fieldkit(templ, {"bundle", "keygen", "-W", "-p", dir / "key.pub", "-s", dir / "key.sec"}).status == 0);
    REQUIRE(Fieldkit(templ, {"trust", "add", dir / "key.pub"}).status == 0);
    for (int v : {1, 2}) {
        const std::string content = dir / ("content-" + std::to_string(v));
        test::WriteSampleContent(content, 40, "crash-pack", v == 1 ? "editionone" : "editiontwo");
        REQUIRE(Fieldkit(templ, {"bundle", "build", content, "-o", dir / ("v" + std::to_string(v) + ".fkb"), "-s",
                                 dir / "key.sec", "--version", std::to_string(v)})
                    .status == 0);
    }
    REQUIRE(Fieldkit(templ, {"import", dir / "v1.fkb"}).status == 0);

    // Kills are spread over the time one whole import takes here (and a little past it).
    const auto start = std::chrono::steady_clock::now();
    fs::copy(templ, dir / "timed", fs::copy_options::recursive);
    REQUIRE(Fieldkit(dir / "timed", {"import", dir / "v2.fkb"}).status == 0);
    const auto import_us =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();

    const int trials = test::KillTrials(10);
    const unsigned seed = static_cast<unsigned>(std::chrono::system_clock::now().time_since_epoch().count());
    MESSAGE("import: " << trials << " kill -9 trials within " << import_us << " us, seed " << seed);
    std::mt19937 rng(seed);
    std::uniform_int_distribution<long> when(0, import_us * 6 / 5);
    int killed = 0, survived = 0, old_seen = 0, new_seen = 0;
    for (int i = 0; i < trials; ++i) {
        const std::string kit = dir / ("trial-" + std::to_string(i));
        fs::copy(templ, kit, fs::copy_options::recursive);
        const long after_us = when(rng);
        test::Child import({FK_BINARY, "--data-dir", kit, "import", dir / "v2.fkb"});
        std::this_thread::sleep_for(std::chrono::microseconds(after_us));
        const int status = import.KillAndWait(SIGKILL);
        std::uint64_t version = 0;
        const std::string problem = CheckKit(kit, version);
        INFO("trial ", i, " killed after ", after_us, " us");
        CHECK_MESSAGE(problem.empty(), problem);
        const bool was_killed = WIFSIGNALED(status);
        killed += was_killed;
        survived += was_killed && problem.empty();
        (version == 2 ? new_seen : old_seen) += 1;
        if (i % 5 == 4) {  // and the import, run again, completes
            auto again = Fieldkit(kit, {"import", dir / "v2.fkb"});
            INFO(again.err);
            CHECK((again.status == 0 || again.err.find("already installed") != std::string::npos));
            CHECK(CheckKit(kit, version) == "");
            CHECK(version == 2);
        }
        fs::remove_all(kit);
    }
    MESSAGE("import: " << killed << " of " << trials << " runs killed mid-way, " << survived
                       << " survived; left at version 1: " << old_seen << ", at version 2: " << new_seen);
    CHECK(killed > 0);  // otherwise the test proved nothing
    test::WriteReport("crash-import", {{"crash trials survived: import", survived}});
}
