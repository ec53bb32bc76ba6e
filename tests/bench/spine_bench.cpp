// Benchmark for the spine (prints figures; not a test): bundle size against tar + zstd,
// install time, and search latency on the shipped content and on 20,000 generated
// articles, in process and as a whole `fieldkit search` process.
// Run: cmake --build build --target fk_bench && ./build/tests/fk_bench
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <unordered_map>

#include "bundle/builder.hpp"
#include "bundle/records.hpp"
#include "bundle/zstd_codec.hpp"
#include "kit/core/content_index.hpp"
#include "kit/core/index_builder.hpp"
#include "kit/core/library.hpp"
#include "kit/core/words.hpp"
#include "platform/files.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

using namespace fk;
using Clock = std::chrono::steady_clock;

namespace {

const std::vector<std::string> kQueries = {
    "rpki",        "generator fuel",      "bgp hijack",        "secondary dns",        "shutdown order",
    "satellite",   "ixp route server",    "dnssec key",        "cable repair",         "data protection",
    "how do I keep dns running when the cable is cut",        "points of invincibility", "ihl",
    "satelite terminal", "genrator",      "oob",               "roa maxlength",        "escrow",
    "evidence chain of custody",          "ddos",              "starlink",             "tabletop exercise",
    "registry lock",  "serve stale",      "anycast",           "national roaming",     "fuel",
    "шатдаун",     "coupure internet",    "ملخص"};

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

struct Percentiles {
    double p50, p95, p99, max;
};

Percentiles Summarise(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    auto at = [&](double q) { return v[std::min(v.size() - 1, static_cast<size_t>(q * static_cast<double>(v.size())))]; };
    return {at(0.50), at(0.95), at(0.99), v.back()};
}

// Every query typed letter by letter (search-as-you-type), then in full, `rounds` times.
// Prints the slowest queries, the place to look when a figure regresses.
Percentiles SearchLatency(core::ContentIndex& index, int rounds, bool show_slowest = false) {
    std::vector<double> times;
    std::vector<std::pair<double, std::string>> slowest;
    for (int r = 0; r < rounds; ++r)
        for (const auto& q : kQueries)
            for (size_t len = std::min<size_t>(3, q.size()); len <= q.size(); ++len) {
                auto t0 = Clock::now();
                auto res = index.Search(q.substr(0, len), {}, 20);
                times.push_back(Ms(Clock::now() - t0));
                slowest.emplace_back(times.back(), q.substr(0, len));
                if (res.hits.size() > 1000) std::puts("");  // keep the result alive
            }
    if (show_slowest) {
        std::sort(slowest.rbegin(), slowest.rend());
        for (size_t i = 0; i < 5 && i < slowest.size(); ++i)
            std::printf("    slow: %7.3f ms  '%s'\n", slowest[i].first, slowest[i].second.c_str());
    }
    return Summarise(times);
}

void PrintLatency(const char* what, const Percentiles& p) {
    std::printf("  %-44s p50 %6.3f ms  p95 %6.3f ms  p99 %6.3f ms  max %6.3f ms\n", what, p.p50, p.p95, p.p99, p.max);
}

// Synthetic articles from the real vocabulary, with word frequencies like the real text.
bundle::Content Generate(const bundle::Content& real, int count) {
    std::vector<std::string> words;
    for (const auto& a : real.articles)
        if (a.lang == "en")
            for (auto& w : core::SplitWords(a.body)) words.push_back(w);
    std::mt19937 rng(42);
    std::uniform_int_distribution<size_t> pick(0, words.size() - 1);
    bundle::Content c;
    c.kit = real.kit;
    for (int i = 0; i < count; ++i) {
        bundle::Article a;
        a.id = "generated-" + std::to_string(i);
        a.lang = "en";
        for (int k = 0; k < 6; ++k) a.title += (k ? " " : "") + words[pick(rng)];
        for (int k = 0; k < 20; ++k) a.summary += (k ? " " : "") + words[pick(rng)];
        a.type = "guide";
        a.updated = "2026-01-01";
        a.phases = {real.kit.phases[static_cast<size_t>(i) % real.kit.phases.size()].first};
        a.audiences = {real.kit.audiences[static_cast<size_t>(i) % real.kit.audiences.size()].first};
        for (int k = 0; k < 5; ++k) a.tags.push_back(words[pick(rng)]);
        for (int para = 0; para < 8; ++para) {
            for (int k = 0; k < 50; ++k) a.body += words[pick(rng)] + " ";
            a.body += "\n\n";
        }
        c.articles.push_back(std::move(a));
    }
    return c;
}

}  // namespace

int main() {
    const std::string content_dir = std::string(FK_SOURCE_DIR) + "/content";
    test::TempDir tmp;
    auto keys = bundle::GenerateKeyPair();
    std::vector<bundle::Problem> problems;
    auto built = bundle::BuildFromDirectory(content_dir, keys.sec, {}, problems);
    if (!built) {
        std::fprintf(stderr, "cannot build content: %s\n", built.error().detail.c_str());
        return 1;
    }

    std::puts("Bundle size (shipped content)");
    auto tar = test::Run({"sh", "-c", "tar -C '" + content_dir + "' -cf - . | zstd -19 --long=27 -q -c | wc -c"});
    const double tar_zstd = std::stod(tar.out);
    std::printf("  articles %llu, Markdown %.0f KB as records\n",
                static_cast<unsigned long long>(built->manifest.article_count), built->manifest.raw_size / 1024.0);
    std::printf("  bundle .fkb                 %8zu bytes\n", built->bytes.size());
    std::printf("  tar | zstd -19 --long=27    %8.0f bytes\n", tar_zstd);
    std::printf("  ratio                       %8.3f  (goal <= 1.10)\n", static_cast<double>(built->bytes.size()) / tar_zstd);

    std::puts("\nInstall (verify, decompress, build FTS5 index, commit), fresh data directory");
    const std::string key_text = bundle::FormatPublicKey(keys.pub);
    std::vector<double> installs;
    for (int i = 0; i < 5; ++i) {
        auto dir = tmp.path() / ("install-" + std::to_string(i));
        auto t0 = Clock::now();
        auto lib = core::Library::Open(dir, {built->bytes, key_text, ""});
        installs.push_back(Ms(Clock::now() - t0));
        if (!lib) return 1;
    }
    auto inst = Summarise(installs);
    std::printf("  %zu articles: median %.1f ms, max %.1f ms\n",
                static_cast<size_t>(built->manifest.article_count), inst.p50, inst.max);

    auto lib = core::Library::Open(tmp.path() / "install-0", {built->bytes, key_text, ""});
    if (!lib) return 1;
    // The choice FORMAT.md records: build the index on the device rather than ship it.
    auto index_bytes = platform::ReadFile(lib->IndexPath(), "index");
    if (index_bytes) {
        const std::string packed = bundle::ZstdCompress(*index_bytes);
        std::printf("  shipping the index instead would add %zu bytes (zstd -19 of a %zu-byte SQLite file),"
                    " %.1fx the bundle\n",
                    packed.size(), index_bytes->size(),
                    static_cast<double>(packed.size()) / static_cast<double>(built->bytes.size()));
    }

    std::puts("\nSearch latency in process (every prefix of 30 queries, 20 hits; goal p95 <= 2 ms)");
    auto index = core::ContentIndex::Open(lib->IndexPath());
    if (!index) return 1;
    SearchLatency(*index, 1);  // warm the page cache
    PrintLatency("shipped content", SearchLatency(*index, 5, true));

    std::puts("\nGenerated corpus: 20,000 articles of ~420 words (goal p95 <= 10 ms)");
    auto real = bundle::DecodeRecords(bundle::EncodeRecords(bundle::LoadContentDir(content_dir)->content));
    core::PackContent big;
    big.manifest = built->manifest;
    big.content = Generate(*real, 20000);
    // FK_BENCH_KEEP=DIR keeps the generated index there for a closer look with sqlite3.
    const char* keep = std::getenv("FK_BENCH_KEEP");
    const auto big_index = (keep ? std::filesystem::path(keep) : tmp.path()) / "big.sqlite";
    std::filesystem::remove(big_index);
    auto t0 = Clock::now();
    if (!core::BuildIndex(big_index, {big})) return 1;
    std::printf("  index build %.1f s, index file %.1f MB\n", Ms(Clock::now() - t0) / 1000,
                static_cast<double>(std::filesystem::file_size(big_index)) / (1 << 20));
    auto big_search = core::ContentIndex::Open(big_index);
    if (!big_search) return 1;
    SearchLatency(*big_search, 1);
    PrintLatency("20,000 articles", SearchLatency(*big_search, 2, true));

    std::puts("\nWhole process: `fieldkit search --json QUERY` (goal <= 20 ms)");
    const std::string data = (tmp.path() / "cli").string();
    test::Fieldkit(data, {"status"});  // first run installs the built-in pack
    std::vector<double> procs;
    for (int r = 0; r < 3; ++r)
        for (const auto& q : kQueries) {
            auto t1 = Clock::now();
            test::Fieldkit(data, {"search", "--json", q});
            procs.push_back(Ms(Clock::now() - t1));
        }
    PrintLatency("fieldkit search (fork, exec, open, search)", Summarise(procs));
    return 0;
}
