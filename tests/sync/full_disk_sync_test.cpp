// A disk that fills up during sync, once while the full bundle downloads and once while a
// delta is applied: sync fails with a clear "No space left on device", the installed version
// still opens with the same search results, the reader's note and tick are intact, and a
// later sync with space completes. The small disk is a tmpfs in a private mount namespace
// (tests/support/small_disk.hpp); the mirror is nginx on 127.0.0.1.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "kit/core/reader_data.hpp"
#include "platform/files.hpp"
#include "tests/support/kit_check.hpp"
#include "tests/support/process.hpp"
#include "tests/support/report.hpp"
#include "tests/support/small_disk.hpp"
#include "tests/sync/support/nginx.hpp"
#include "tests/sync/support/releases.hpp"

namespace fs = std::filesystem;
using namespace fk;

namespace {

std::uint64_t TreeBytes(const fs::path& dir) {
    std::uint64_t total = 0;
    for (const auto& f : fs::recursive_directory_iterator(dir))
        if (f.is_regular_file()) total += f.file_size();
    return total;
}

std::string Read(const fs::path& file) {
    auto bytes = platform::ReadFile(file, "test output");
    return bytes ? *bytes : "";
}

// "" when the kit copied out after the failed sync still holds version 1 and the reader's data.
std::string CheckAfterFailure(const fs::path& kit) {
    std::uint64_t version = 0;
    if (auto problem = test::CheckInstalled(kit, "test-pack", version); !problem.empty()) return problem;
    if (version != 1) return "test-pack is at version " + std::to_string(version);
    if (auto check = test::IntegrityCheck(kit / "reader.sqlite", false); check != "ok")
        return "reader.sqlite: " + check;
    auto reader = core::ReaderData::Open(kit);
    if (!reader) return "reader data: " + reader.error().detail;
    if (reader->Note("routing-rpki-basics") != "keep this note") return "the reader's note is lost";
    if (reader->Ticked("routing-rpki-basics").count("task-1") != 1) return "the reader's tick is lost";
    if (test::Releases::InstalledVersion(kit.string()) != 1) return "fieldkit does not open version 1";
    return "";
}

}  // namespace

TEST_CASE("a sync that runs out of disk space fails cleanly, loses nothing and completes later") {
    if (const auto why = test::SmallDiskUnavailable(); !why.empty())
        return test::SkipTest("full-disk-sync", "disk full during sync", why);
    test::Releases rel(2);
    const std::string with_deltas = rel.Dir() + "/mirror-d", full_only = rel.Dir() + "/mirror-f";
    REQUIRE(rel.Publish(with_deltas, {1, 2}) == "");
    REQUIRE(rel.Publish(full_only, {2}) == "");
    test::Nginx nginx_d(with_deltas, rel.Dir() + "/nginx-d");
    test::Nginx nginx_f(full_only, rel.Dir() + "/nginx-f");
    REQUIRE(nginx_d.Running());
    REQUIRE(nginx_f.Running());
    const std::string kit = rel.NewKit("template", 1);
    {
        auto reader = core::ReaderData::Open(kit);
        REQUIRE(reader);
        REQUIRE(reader->SaveNote("routing-rpki-basics", "keep this note"));
        REQUIRE(reader->SetTicked("routing-rpki-basics", "task-1", true));
    }
    // Room for two of everything once the filler is gone; 128 KiB free while it is there.
    const int size_mib = static_cast<int>(2 * TreeBytes(kit) / (1 << 20)) + 4;
    const std::string fk = FK_BINARY;
    int refused_cleanly = 0;
    const std::vector<std::pair<std::string, std::string>> mirrors = {{"delta apply", nginx_d.Url()},
                                                                      {"full download", nginx_f.Url()}};
    for (const auto& [what, url] : mirrors) {
        const fs::path out = fs::path(rel.Dir()) / (std::string("out-") + what[0]);
        const std::string small = (out / "small").string(), d = small + "/kit", o = out.string();
        fs::create_directories(small);
        const std::string fkd = fk + " --data-dir " + d, sync = fkd + " sync --mirror " + url;
        const std::vector<std::string> steps = {
            "set -e",
            test::MountSmallDisk(small, size_mib),
            "cp -a " + kit + " " + d,
            fkd + " search --json rpki > " + o + "/before.json",
            test::FillDisk(small, 128),
            "set +e",
            sync + " > " + o + "/sync.out 2> " + o + "/sync.err; echo $? > " + o + "/sync.status",
            fkd + " search --json rpki > " + o + "/after.json",
            "cp -a " + d + " " + o + "/after-fail",  // checked below, once the tmpfs is gone
            "rm -f " + small + "/fill",
            sync + " > " + o + "/sync2.out 2> " + o + "/sync2.err; echo $? > " + o + "/sync2.status",
            fkd + " status --json > " + o + "/status2.json"};
        std::string script;
        for (const auto& step : steps) script += step + "\n";
        auto r = test::Run({"unshare", "-rm", "sh", "-c", script});
        INFO(what, ": ", r.out, r.err);
        REQUIRE(r.status == 0);
        const std::string said = Read(out / "sync.err");
        MESSAGE(what << " on a full disk: " << said.substr(said.rfind('\n', said.size() - 2) + 1));
        const bool failed_clearly = Read(out / "sync.status") == "1\n" &&
                                    Read(out / "sync.err").find("No space left on device") != std::string::npos;
        CHECK(failed_clearly);
        if (what == "delta apply") CHECK(said.find("delta path failed (installed bundle") != std::string::npos);
        const bool same_results = Read(out / "after.json") == Read(out / "before.json");
        CHECK(same_results);
        CHECK(nlohmann::json::parse(Read(out / "before.json")).size() > 0);
        const std::string problem = CheckAfterFailure(out / "after-fail");
        CHECK_MESSAGE(problem.empty(), problem);
        INFO("later sync: ", Read(out / "sync2.err"));
        CHECK(Read(out / "sync2.status") == "0\n");
        const auto status = nlohmann::json::parse(Read(out / "status2.json"));
        bool at_v2 = false;
        for (const auto& p : status.at("packs")) at_v2 = at_v2 || (p.at("pack") == "test-pack" && p.at("version") == 2);
        CHECK(at_v2);
        refused_cleanly += failed_clearly && same_results && problem.empty() && at_v2;
    }
    test::WriteReport("full-disk-sync", {{"full disks refused cleanly: sync", refused_cleanly}});
}
