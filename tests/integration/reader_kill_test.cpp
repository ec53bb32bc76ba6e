// kill -9 of a process saving notes or ticking a checklist (fk_reader_writer, which writes
// through kit/core's ReaderData) at random moments. After each kill: reader.sqlite passes
// PRAGMA integrity_check, every save that returned before the kill is there in full, and the
// one in flight is either wholly there or wholly absent. The next trial writes on into the
// same database, so every trial also starts from a database recovered after a kill.
// FK_KILL_TRIALS sets the trials per kind (default 10); the seed is printed for replay.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <random>
#include <thread>
#include <vector>

#include "kit/core/reader_data.hpp"
#include "tests/support/child.hpp"
#include "tests/support/kit_check.hpp"
#include "tests/support/reader_workload.hpp"
#include "tests/support/report.hpp"
#include "tests/support/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace fk;
using namespace fk::test::workload;

namespace {

// One kind of write: its slots, the value write g leaves in its slot, and what a slot holds.
struct Kind {
    std::string name;  // for the report
    std::string mode;  // fk_reader_writer's first argument
    long slots;
    std::function<std::string(long g)> value;
    std::function<std::string(core::ReaderData&, long slot)> read;
};

// "" when the database holds `expected` in every slot, except that the slot of write
// `in_flight` may hold either its old value or the new one; which it holds goes into `expected`.
std::string CheckReader(const Kind& kind, const fs::path& data, std::vector<std::string>& expected, long in_flight) {
    const fs::path file = data / "reader.sqlite";
    if (!fs::exists(file)) {
        for (const auto& v : expected)
            if (!v.empty()) return "reader.sqlite is gone";
        return "";
    }
    if (auto integrity = test::IntegrityCheck(file, false); integrity != "ok") return "integrity_check: " + integrity;
    auto reader = core::ReaderData::Open(data);
    if (!reader) return "cannot open: " + reader.error().detail;
    const long flight_slot = in_flight % kind.slots;
    for (long s = 0; s < kind.slots; ++s) {
        const std::string got = kind.read(*reader, s);
        if (s == flight_slot && got == kind.value(in_flight)) expected[static_cast<size_t>(s)] = got;
        if (got != expected[static_cast<size_t>(s)])
            return "slot " + std::to_string(s) + " holds " + std::to_string(got.size()) + " bytes (\"" +
                   got.substr(0, 24) + "\"), expected " + std::to_string(expected[static_cast<size_t>(s)].size());
    }
    return "";
}

void RunTrials(const Kind& kind) {
    const int trials = test::KillTrials(10);
    const unsigned seed = static_cast<unsigned>(std::chrono::system_clock::now().time_since_epoch().count());
    MESSAGE(kind.name << ": " << trials << " kill -9 trials, seed " << seed);
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> lines_before(0, 24), extra_us(0, 4000);

    test::TempDir dir;
    const fs::path data = dir.path() / "data";
    std::vector<std::string> expected(static_cast<size_t>(kind.slots));
    long next = 0, writes = 0;
    int survived = 0, killed = 0;
    for (int trial = 0; trial < trials; ++trial) {
        test::Child writer({FK_READER_WRITER, kind.mode, data.string(), std::to_string(next)});
        REQUIRE(writer.Started());
        // Let it complete a random number of saves, then kill it somewhere inside the next ones.
        long last = next - 1;
        std::string problem;
        auto take = [&](const std::string& line) {
            if (line != std::to_string(last + 1)) {
                problem = "unexpected line from the writer: " + line;
                return;
            }
            last += 1;
            expected[static_cast<size_t>(last % kind.slots)] = kind.value(last);
        };
        for (int n = lines_before(rng); n > 0 && problem.empty(); --n) {
            const std::string line = writer.ReadLine(20000);
            if (line.empty())
                problem = "the writer stopped writing";
            else
                take(line);
        }
        std::this_thread::sleep_for(std::chrono::microseconds(extra_us(rng)));
        const int status = writer.KillAndWait(SIGKILL);
        // Every line written before the kill is a save that returned: all of them count.
        for (std::string line; problem.empty() && !(line = writer.ReadLine(2000)).empty();) take(line);
        if (problem.empty()) problem = CheckReader(kind, data, expected, last + 1);
        INFO(kind.name, " trial ", trial, ": writes ", next, "..", last, " confirmed");
        CHECK_MESSAGE(problem.empty(), problem);
        const bool was_killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
        killed += was_killed;
        survived += was_killed && problem.empty();
        writes += last + 1 - next;
        next = last + 2;  // the write in flight is settled by the check above
    }
    MESSAGE(kind.name << ": " << survived << " of " << trials << " kills survived, " << writes
                      << " saves confirmed before a kill");
    CHECK(killed == trials);
    CHECK(writes > trials);  // the kills did land among saves, not only at startup
    test::WriteReport("crash-" + kind.mode, {{"crash trials survived: " + kind.name, survived}});
}

}  // namespace

TEST_CASE("kill -9 while saving notes never loses a saved note nor corrupts reader.sqlite") {
    RunTrials({"note save", "notes", kNoteSlots, [](long g) { return NoteText(g); },
               [](core::ReaderData& r, long slot) { return r.Note(NoteArticle(slot)); }});
}

TEST_CASE("kill -9 while ticking a checklist never loses a tick nor corrupts reader.sqlite") {
    RunTrials({"checklist tick", "ticks", kTickSlots, [](long g) { return std::string(TickOn(g) ? "on" : ""); },
               [](core::ReaderData& r, long slot) {
                   return std::string(r.Ticked(TickArticle(slot)).count(TickKey(slot)) ? "on" : "");
               }});
}
