// kill -9 of `fieldkit sync` at random points during download and apply: the pack always
// opens at the old or the new version, its index passes PRAGMA integrity_check, the reader's
// notes and ticks are intact, and a later sync completes. FK_KILL_TRIALS sets the count
// (default 50; a long run uses more). The seed is printed so a failure can be replayed.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <signal.h>
#include <thread>

#include "kit/core/library_state.hpp"
#include "kit/core/reader_data.hpp"
#include "kit/core/sqlite.hpp"
#include "tests/support/process.hpp"
#include "tests/support/child.hpp"
#include "tests/sync/support/nginx.hpp"
#include "tests/sync/support/relay.hpp"
#include "tests/sync/support/releases.hpp"

namespace fs = std::filesystem;
using namespace fk;

namespace {

// Checks a kit's files as they are on disk, before anything opens (and repairs) them.
void CheckKit(const std::string& kit, int& old_seen, int& new_seen) {
    auto state = core::LoadLibraryState(fs::path(kit) / "library.json");
    REQUIRE(state);
    REQUIRE(state->packs.count("test-pack") == 1);
    const auto version = state->packs.at("test-pack").version;
    CHECK((version == 1 || version == 2));
    (version == 1 ? old_seen : new_seen) += 1;
    CHECK(fs::exists(fs::path(kit) / state->packs.at("test-pack").file));
    auto db = core::Database::Open(fs::path(kit) / state->index_file, "index", true);
    REQUIRE(db);
    auto st = db->Prepare("PRAGMA integrity_check");
    REQUIRE(st);
    auto row = st->Step();
    REQUIRE(row);
    CHECK(st->Text(0) == "ok");
    auto reader = core::ReaderData::Open(kit);
    REQUIRE(reader);
    CHECK(reader->Note("routing-rpki-basics") == "keep this note");
    CHECK(reader->Ticked("routing-rpki-basics").count("task-1") == 1);
    // And the binary opens it at that version.
    CHECK(test::Releases::InstalledVersion(kit) == static_cast<int>(version));
}

}  // namespace

TEST_CASE("kill -9 during sync download and apply never breaks the pack or the reader's data") {
    int trials = 50;
    if (const char* t = std::getenv("FK_KILL_TRIALS")) trials = std::max(1, std::atoi(t));
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
    int old_seen = 0, new_seen = 0, killed = 0;
    for (int i = 0; i < trials; ++i) {
        const std::string kit = rel.Dir() + "/trial-" + std::to_string(i);
        fs::copy(templ, kit, fs::copy_options::recursive);
        const bool delta = i % 2 == 0;
        const std::string url = delta ? nginx_d.Url() : relay_f.Url();
        std::uniform_int_distribution<int> when(0, delta ? 1300 : 2000);
        const int after_ms = when(rng);
        test::Child sync({FK_BINARY, "--data-dir", kit, "sync", "--mirror", url});
        std::this_thread::sleep_for(std::chrono::milliseconds(after_ms));
        const int status = sync.KillAndWait(SIGKILL);
        if (WIFSIGNALED(status)) ++killed;
        INFO("trial ", i, " (", delta ? "delta" : "full", ") killed after ", after_ms, " ms");
        CheckKit(kit, old_seen, new_seen);
        if (i % 10 == 9) {  // and a later sync finishes the job (resuming what was kept)
            auto r = test::Fieldkit(kit, {"sync", "--mirror", url});
            INFO(r.err);
            CHECK(r.status == 0);
            CHECK(test::Releases::InstalledVersion(kit) == 2);
        }
        fs::remove_all(kit);
    }
    MESSAGE("kill -9: " << killed << " of " << trials << " runs killed mid-way; left at old version " << old_seen
                        << ", at new version " << new_seen);
    CHECK(killed > 0);  // otherwise the test proved nothing
}
