// Delta benchmark: bytes of a fieldkit delta (.fkd) for 1, 10 and 100 edited articles of the
// shipped corpus against the full bundle, beside `zstd --patch-from` and `xdelta3` on the same
// record streams, and peak memory of `fieldkit import` applying a delta vs a full bundle.
// --check: exit 1 unless one edit costs <= 1% and ten edits <= 3% of the full bundle.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>

#include "bundle/builder.hpp"
#include "bundle/bundle_file.hpp"
#include "bundle/content_loader.hpp"
#include "bundle/delta.hpp"
#include "bundle/records.hpp"
#include "platform/files.hpp"
#include "tests/support/process.hpp"
#include "tests/support/sample_content.hpp"
#include "tests/support/temp_dir.hpp"

extern char** environ;

namespace {
namespace fs = std::filesystem;
using namespace fk;

bundle::Content Edited(bundle::Content c, int n) {
    std::vector<size_t> idx(c.articles.size());
    for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
    std::mt19937 rng(42);
    std::shuffle(idx.begin(), idx.end(), rng);
    for (int i = 0; i < n && i < static_cast<int>(idx.size()); ++i) {
        auto& a = c.articles[idx[static_cast<size_t>(i)]];
        const size_t at = a.body.find("\n\n", a.body.size() / 2);
        a.body.insert(at == std::string::npos ? a.body.size() : at,
                      "\n\nRevised after the field review: confirm the fallback path and the out-of-band contact "
                      "list before the next outage window.");
        a.updated = "2026-12-01";
    }
    return c;
}

long long FileSize(const std::string& p) {
    std::error_code ec;
    auto s = fs::file_size(p, ec);
    return ec ? -1 : static_cast<long long>(s);
}

// Peak resident memory (KiB) of a child process.
long MaxRss(const std::vector<std::string>& argv) {
    std::vector<std::string> copy = argv;
    std::vector<char*> args;
    for (auto& s : copy) args.push_back(s.data());
    args.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    pid_t pid;
    if (posix_spawnp(&pid, args[0], &fa, nullptr, args.data(), environ) != 0) return -1;
    posix_spawn_file_actions_destroy(&fa);
    int status = 0;
    rusage ru{};
    wait4(pid, &status, 0, &ru);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? ru.ru_maxrss : -1;
}

// Peak resident memory (KiB) of a forked child running `work` (the bench is single-threaded here).
template <typename F>
long ForkedMaxRss(F work) {
    pid_t pid = fork();
    if (pid == 0) _exit(work() ? 0 : 1);
    int status = 0;
    rusage ru{};
    wait4(pid, &status, 0, &ru);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? ru.ru_maxrss : -1;
}

}  // namespace

int main(int argc, char** argv) {
    const bool check = argc > 1 && std::strcmp(argv[1], "--check") == 0;
    test::TempDir tmp;
    auto loaded = bundle::LoadContentDir(FK_SOURCE_DIR "/content");
    if (!loaded || !loaded->problems.empty()) {
        std::fprintf(stderr, "content does not load\n");
        return 1;
    }
    loaded->content.kit.pack = "bench-pack";
    const auto keys = bundle::GenerateKeyPair();
    bundle::BuildOptions o1 = test::FixedOptions(1, 1700000000);
    const auto v1 = bundle::BuildFromContent(loaded->content, keys.sec, o1);
    const std::string v1_path = tmp / "v1.fkb", v1_raw = tmp / "v1.records";
    (void)platform::WriteFileAtomic(v1_path, v1.bytes, "bench");
    (void)platform::WriteFileAtomic(v1_raw, bundle::EncodeRecords(loaded->content), "bench");
    (void)platform::WriteFileAtomic(tmp / "key.pub", bundle::FormatPublicKey(keys.pub), "bench");
    const bool have_xdelta = test::HaveProgram("xdelta3");

    std::printf("corpus: %zu articles, record stream %s bytes, full bundle %zu bytes\n", loaded->content.articles.size(),
                std::to_string(FileSize(v1_raw)).c_str(), v1.bytes.size());
    std::printf("%-8s %10s %8s | %16s %16s | %s\n", "edited", "fkd bytes", "% full", "zstd patch-from", "xdelta3 -9",
                "fkd overhead (headers+signatures)");
    bool ok = true;
    for (int n : {1, 10, 100}) {
        const auto content = Edited(loaded->content, n);
        bundle::BuildOptions o2 = test::FixedOptions(2, 1700000100);
        const auto v2 = bundle::BuildFromContent(content, keys.sec, o2);
        auto delta = bundle::MakeDelta(v1.bytes, v2.bytes, keys.sec);
        if (!delta) {
            std::fprintf(stderr, "delta: %s\n", delta.error().detail.c_str());
            return 1;
        }
        const std::string tag = std::to_string(n);
        const std::string v2_raw = tmp / ("v2-" + tag + ".records");
        (void)platform::WriteFileAtomic(v2_raw, bundle::EncodeRecords(content), "bench");
        (void)platform::WriteFileAtomic(tmp / ("v2-" + tag + ".fkb"), v2.bytes, "bench");
        (void)platform::WriteFileAtomic(tmp / ("d-" + tag + ".fkd"), *delta, "bench");
        const std::string zpatch = tmp / ("z-" + tag + ".zst");
        test::Run({"zstd", "-q", "-f", "-19", "--long=27", "--single-thread", "--patch-from=" + v1_raw, v2_raw, "-o", zpatch});
        const std::string xpatch = tmp / ("x-" + tag + ".vcdiff");
        if (have_xdelta) test::Run({"xdelta3", "-9", "-f", "-e", "-s", v1_raw, v2_raw, xpatch});
        auto vd = bundle::VerifyDelta(*delta, std::span<const bundle::PublicKey>(&keys.pub, 1));
        const double pct = 100.0 * static_cast<double>(delta->size()) / static_cast<double>(v2.bytes.size());
        std::printf("%-8d %10zu %7.2f%% | %16lld %16s | %zu\n", n, delta->size(), pct, FileSize(zpatch),
                    have_xdelta ? std::to_string(FileSize(xpatch)).c_str() : "not installed",
                    delta->size() - vd->patch.size());
        if (n == 1 && pct > 1.0) ok = false;
        if (n == 10 && pct > 3.0) ok = false;
    }

    // Peak memory of applying: import v1, then the 10-edit delta, in a fresh kit; and the full bundle.
    const std::string data_a = tmp / "kit-a", data_b = tmp / "kit-b";
    for (const auto& d : {data_a, data_b}) {
        test::Fieldkit(d, {"trust", "add", tmp / "key.pub"});
        test::Fieldkit(d, {"import", v1_path});
    }
    {
        const std::string delta_bytes = *platform::ReadFile(tmp / "d-10.fkd", "bench");
        const long base = ForkedMaxRss([&] {
            auto vb = bundle::VerifyBundle(v1.bytes, std::span<const bundle::PublicKey>(&keys.pub, 1));
            return vb && bundle::OpenPayload(*vb).ok();
        });
        const long apply = ForkedMaxRss([&] {
            auto vb = bundle::VerifyBundle(v1.bytes, std::span<const bundle::PublicKey>(&keys.pub, 1));
            auto raw = bundle::OpenPayload(*vb);
            auto vd = bundle::VerifyDelta(delta_bytes, std::span<const bundle::PublicKey>(&keys.pub, 1));
            if (!raw || !vd) return false;
            auto records = bundle::ApplyDeltaRecords(*vd, *raw);
            return records && bundle::RebuildResultBundle(*vd, *records).ok();
        });
        std::printf("peak memory applying the 10-edit delta in process: %ld KiB (%ld KiB with only the base opened)\n",
                    apply, base);
    }
    const long rss_delta = MaxRss({FK_BINARY, "--data-dir", data_a, "import", tmp / "d-10.fkd"});
    const long rss_full = MaxRss({FK_BINARY, "--data-dir", data_b, "import", tmp / "v2-10.fkb"});
    std::printf("peak memory of `fieldkit import`: delta %ld KiB, full bundle %ld KiB (includes rebuilding the index)\n",
                rss_delta, rss_full);
    if (check && !ok) {
        std::printf("FAILED: targets are <= 1%% for one edited article and <= 3%% for ten\n");
        return 1;
    }
    if (check) std::printf("targets met: <= 1%% (one article), <= 3%% (ten articles)\n");
    return 0;
}
