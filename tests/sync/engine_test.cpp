// In-process tests of the sync pieces: back-off schedule, path planning, the HTTP client's
// error kinds and resume against nginx, delta verification under damage, and the background
// SyncEngine (state exposed for the UI, online/offline, check now).
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "bundle/builder.hpp"
#include "bundle/bundle_file.hpp"
#include "bundle/content_loader.hpp"
#include "bundle/delta.hpp"
#include "kit/core/library.hpp"
#include "kit/core/sync_engine.hpp"
#include "kit/core/sync_plan.hpp"
#include "platform/files.hpp"
#include "platform/http_client.hpp"
#include "tests/support/report.hpp"
#include "tests/support/sample_content.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/child.hpp"
#include "tests/sync/support/nginx.hpp"
#include "tests/sync/support/releases.hpp"

namespace fs = std::filesystem;
using namespace fk;

namespace {

bundle::Artifact Art(const std::string& h, std::uint64_t size) { return {h + ".fkd", h, size}; }

struct TwoEditions {
    bundle::KeyPair keys = bundle::GenerateKeyPair();
    std::string v1, v2, delta;
    TwoEditions() {
        auto loaded = bundle::LoadContentDir(FK_SOURCE_DIR "/content");
        REQUIRE(loaded);
        loaded->content.kit.pack = "unit-pack";
        v1 = bundle::BuildFromContent(loaded->content, keys.sec, test::FixedOptions(1, 1700000000)).bytes;
        loaded->content.articles.front().body += "\n\nOne more paragraph.\n";
        v2 = bundle::BuildFromContent(loaded->content, keys.sec, test::FixedOptions(2, 1700000100)).bytes;
        auto d = bundle::MakeDelta(v1, v2, keys.sec);
        REQUIRE(d);
        delta = *d;
    }
};

}  // namespace

TEST_CASE("back-off grows from about a minute to at most an hour, with jitter") {
    using std::chrono::seconds;
    CHECK(core::BackoffDelay(1, 0.0) == seconds(30));
    CHECK(core::BackoffDelay(1, 1.0) == seconds(60));
    CHECK(core::BackoffDelay(2, 1.0) == seconds(120));
    CHECK(core::BackoffDelay(6, 1.0) == seconds(1920));
    CHECK(core::BackoffDelay(7, 1.0) == seconds(3600));
    CHECK(core::BackoffDelay(50, 1.0) == seconds(3600));
    CHECK(core::BackoffDelay(50, 0.0) == seconds(1800));
    for (int f = 1; f < 12; ++f) CHECK(core::BackoffDelay(f, 0.5) <= core::BackoffDelay(f + 1, 0.5));
}

TEST_CASE("the planner picks the cheapest of a delta chain and the full bundle") {
    bundle::PackRelease p;
    p.pack = "x";
    p.version = 4;
    for (int v = 1; v <= 4; ++v) p.releases.push_back({static_cast<std::uint64_t>(v), "r" + std::to_string(v), {"f" + std::to_string(v) + ".fkb", "f", 100000}});
    p.deltas.push_back({1, "r1", 2, "r2", Art("a", 1000)});
    p.deltas.push_back({2, "r2", 3, "r3", Art("b", 1000)});
    p.deltas.push_back({3, "r3", 4, "r4", Art("c", 1000)});
    p.deltas.push_back({2, "r2", 4, "r4", Art("d", 5000)});
    auto plan = core::CheapestPlan(p, "r1");
    CHECK_FALSE(plan.full);
    REQUIRE(plan.steps.size() == 3);  // 1->2->3->4 (3000) beats 1->2->4 (6000)
    CHECK(plan.steps[0].hash == "a");
    CHECK(plan.steps[2].hash == "c");
    CHECK(plan.bytes == 3000);
    CHECK(plan.target_version == 4);
    CHECK(core::CheapestPlan(p, "unknown").full);  // no chain: the full bundle
    p.deltas[2].file.size = 200000;                // chain dearer than the bundle
    p.deltas[3].file.size = 200000;
    CHECK(core::CheapestPlan(p, "r1").full);
}

TEST_CASE("a delta truncated at any offset or with a flipped byte is refused or still gives the signed result") {
    TwoEditions e;
    const std::span<const bundle::PublicKey> keys(&e.keys.pub, 1);
    REQUIRE(bundle::VerifyDelta(e.delta, keys));
    std::uint64_t truncations_refused = 0, flips_refused = 0;
    for (size_t n = 0; n < e.delta.size(); ++n) {
        auto r = bundle::VerifyDelta(std::string_view(e.delta).substr(0, n), keys);
        CHECK_FALSE(r.ok());
        truncations_refused += !r.ok();
    }
    auto first = bundle::VerifyDelta(e.delta, keys);
    const size_t result_head_end = static_cast<size_t>(first->patch.data() - e.delta.data());
    // Every 3rd byte of header and result head; every 97th of the patch (each patch flip costs
    // a decompression and a level-19 recompression). The base edition's number is not signed:
    // a flip there may still give the one signed result, never another.
    for (size_t i = 0; i < e.delta.size(); i += (i < result_head_end ? 3 : 97)) {
        std::string bad = e.delta;
        bad[i] ^= 0x20;
        auto vd = bundle::VerifyDelta(bad, keys);
        flips_refused += !vd;
        if (!vd) continue;  // refused up front
        // The head is checked when the rebuilt bundle is compared: never a wrong result.
        auto v1 = bundle::VerifyBundle(e.v1, keys);
        auto raw = bundle::OpenPayload(*v1);
        auto records = bundle::ApplyDeltaRecords(*vd, *raw);
        flips_refused += !records;
        if (!records) continue;
        auto rebuilt = bundle::RebuildResultBundle(*vd, *records);
        if (rebuilt) CHECK(*rebuilt == e.v2);
        flips_refused += !rebuilt;
    }
    // Wrong base: kInvalidContent, not a crash or a wrong result.
    auto vd = bundle::VerifyDelta(e.delta, keys);
    CHECK(bundle::ApplyDeltaRecords(*vd, "not the base\n").error().code == ErrorCode::kInvalidContent);
    test::WriteReport("delta-reader", {{"truncations refused: delta reader", truncations_refused},
                                       {"bytes flipped and refused: delta reader", flips_refused}});
}

TEST_CASE("Library::ImportDeltas keeps the old version when the delta does not apply") {
    TwoEditions e;
    test::TempDir dir;
    auto lib = core::Library::Open(dir.path() / "data", core::BuiltIn{});
    REQUIRE(lib);
    REQUIRE(lib->TrustKey(bundle::FormatPublicKey(e.keys.pub)));
    REQUIRE(lib->ImportBundle(e.v1));
    std::string bad = e.delta;
    bad.back() ^= 1;  // the patch no longer matches its signed hash
    auto r = lib->ImportDeltas({bad});
    CHECK(r.error().code == ErrorCode::kCorrupt);
    CHECK(lib->State().packs.at("unit-pack").version == 1);
    auto ok = lib->ImportDeltas({e.delta});
    REQUIRE(ok);
    CHECK(lib->State().packs.at("unit-pack").version == 2);
    CHECK(*lib->ReadInstalledBundle("unit-pack") == e.v2);  // byte for byte the publisher's bundle
    CHECK(lib->ImportDeltas({e.delta}).error().code == ErrorCode::kOlderThanInstalled);
}

TEST_CASE("http client: error kinds, and resume from a partial file against nginx") {
    test::TempDir dir;
    const std::string file(300000, 'x');
    REQUIRE(platform::MakeDirs(dir.path() / "www", "test"));
    REQUIRE(platform::WriteFileAtomic(dir.path() / "www" / "big.bin", file, "test"));
    test::Nginx nginx(dir.path() / "www", dir.path() / "nginx");
    REQUIRE(nginx.Running());
    platform::HttpLimits limits;

    auto missing = platform::HttpGet(nginx.Url() + "/nope", 1000, limits);
    CHECK(missing.error().code == ErrorCode::kHttpStatus);
    test::DeadPort dead;
    auto offline = platform::HttpGet(dead.Url() + "/x", 1000, limits);
    CHECK(offline.error().code == ErrorCode::kOffline);
    CHECK(platform::HttpGet("file:///etc/passwd", 1000, limits).error().code == ErrorCode::kUsage);
    CHECK(platform::HttpGet(nginx.Url() + "/big.bin", 1000, limits).error().code == ErrorCode::kTooLarge);

    const fs::path part = dir.path() / "big.part";
    REQUIRE(platform::WriteFileAtomic(part, file.substr(0, 123456), "test"));
    platform::HttpStats stats;
    auto st = platform::HttpDownload(nginx.Url() + "/big.bin", part, file.size(), limits, {}, &stats);
    REQUIRE(st);
    CHECK(stats.resumed);
    CHECK(stats.bytes_received == file.size() - 123456);  // only the missing bytes came over the wire
    CHECK(*platform::ReadFile(part, "test") == file);

    // A signed length shorter than the body: cut at the length, kTooLarge.
    const fs::path part2 = dir.path() / "short.part";
    auto shorter = platform::HttpDownload(nginx.Url() + "/big.bin", part2, 1000, limits, {}, nullptr);
    CHECK(shorter.error().code == ErrorCode::kTooLarge);
    CHECK(fs::file_size(part2) <= 1000);
}

TEST_CASE("the background engine syncs, exposes its state, and backs off while offline") {
    test::Releases rel(2);
    const std::string mirror = rel.Dir() + "/mirror";
    REQUIRE(rel.Publish(mirror, {1, 2}) == "");
    test::Nginx nginx(mirror, rel.Dir() + "/nginx");
    REQUIRE(nginx.Running());
    const std::string kit = rel.NewKit("a", 1);

    auto wait_for = [](core::SyncEngine& engine, auto pred) {
        for (int i = 0; i < 1200; ++i) {  // a bound on waiting, not a timing assertion
            if (pred(engine.Snapshot())) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return false;
    };
    {
        core::SyncOptions o;
        o.mirrors = {nginx.Url()};
        std::atomic<int> changes{0};
        core::SyncEngine engine(kit, core::BuiltIn{}, o, [&] { ++changes; });
        engine.Start();
        REQUIRE(wait_for(engine, [](const core::SyncSnapshot& s) { return s.last_check > 0 && s.phase == core::SyncPhase::kIdle; }));
        auto s = engine.Snapshot();
        CHECK(s.online);
        CHECK(s.last_error == "");
        REQUIRE(s.last_updates.size() == 1);
        CHECK(s.last_updates[0].to_version == 2);
        CHECK(s.next_check - s.last_check >= 6 * 3600 - 5);
        CHECK(changes.load() > 0);
        engine.Stop();
    }
    CHECK(test::Releases::InstalledVersion(kit) == 2);
    {
        test::DeadPort dead;
        core::SyncOptions o;
        o.mirrors = {dead.Url()};
        core::SyncEngine engine(kit, core::BuiltIn{}, o);
        engine.Start();
        REQUIRE(wait_for(engine, [](const core::SyncSnapshot& s) { return s.consecutive_failures >= 1 && s.phase == core::SyncPhase::kIdle; }));
        auto s = engine.Snapshot();
        CHECK_FALSE(s.online);
        CHECK(s.last_error.find("cannot connect") != std::string::npos);
        const auto delay = s.next_check - s.last_check;
        CHECK(delay >= 29);
        CHECK(delay <= 61);
        engine.CheckNow();  // the "check now" action runs at once instead of waiting
        REQUIRE(wait_for(engine, [](const core::SyncSnapshot& s) { return s.consecutive_failures >= 2 && s.phase == core::SyncPhase::kIdle; }));
        const auto s2 = engine.Snapshot();
        CHECK(s2.next_check - s2.last_check >= 59);
        CHECK(s2.next_check - s2.last_check <= 121);
        engine.Stop();
    }
}

TEST_CASE("a link appearing checks at once without resetting the back-off, and a mirror that answered badly keeps it") {
    test::Releases rel(1);
    const std::string kit = rel.NewKit("a", 1);
    auto wait_for = [](core::SyncEngine& engine, auto pred, int ms) {
        for (int i = 0; i < ms / 50; ++i) {  // a bound on waiting, not a timing assertion
            if (pred(engine.Snapshot())) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return false;
    };
    auto passes = [](std::uint64_t n) {
        return [n](const core::SyncSnapshot& s) { return s.passes >= n && s.phase == core::SyncPhase::kIdle; };
    };
    {
        test::DeadPort dead;  // unreachable: what a link coming up can cure
        core::SyncOptions o;
        o.mirrors = {dead.Url()};
        core::SyncEngine engine(kit, core::BuiltIn{}, o);
        engine.Start();
        REQUIRE(wait_for(engine, passes(1), 60000));
        const auto s1 = engine.Snapshot();
        REQUIRE(s1.consecutive_failures == 1);
        CHECK(s1.next_check - s1.last_check >= 29);
        engine.LinkAppeared("default route on test0");
        engine.LinkAppeared("address 10.77.0.2 on test0");  // one burst, one check
        REQUIRE(wait_for(engine, passes(2), 20000));  // the back-off alone would wait 30 s or more
        const auto s2 = engine.Snapshot();
        CHECK(s2.check_reason == "link: address 10.77.0.2 on test0");
        CHECK(s2.consecutive_failures == 2);  // counted on, not reset
        CHECK(s2.next_check - s2.last_check >= 59);
        std::this_thread::sleep_for(std::chrono::milliseconds(2500));
        CHECK(engine.Snapshot().passes == 2);
        engine.Stop();
    }
    {
        test::TempDir empty;  // nginx answers 404: the link is up, the mirror is wrong
        test::Nginx nginx(empty.path(), rel.Dir() + "/nginx-404");
        REQUIRE(nginx.Running());
        core::SyncOptions o;
        o.mirrors = {nginx.Url()};
        core::SyncEngine engine(kit, core::BuiltIn{}, o);
        engine.Start();
        REQUIRE(wait_for(engine, passes(1), 60000));
        const auto failures = engine.Snapshot().consecutive_failures;
        CHECK(failures >= 1);
        engine.LinkAppeared("default route on test0");
        CHECK(engine.Snapshot().link_ignored);
        std::this_thread::sleep_for(std::chrono::milliseconds(3000));  // past the debounce
        const auto s = engine.Snapshot();
        CHECK(s.passes == 1);
        CHECK(s.consecutive_failures == failures);
        engine.Stop();
    }
}
