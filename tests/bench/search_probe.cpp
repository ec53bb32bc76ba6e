// fk_search_probe INDEX QUERIES [ROUNDS]: warm in-process search latency on an installed index,
// for tests/bench/run-all.sh. Every prefix (3 letters and longer) of each query, as typed, 20
// hits; one pass to warm the page cache, then `rounds` measured passes.
// Prints one line: "p50_ms p95_ms p99_ms searches queries_with_hits".
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "kit/core/content_index.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double At(const std::vector<double>& sorted, double q) {
    return sorted[std::min(sorted.size() - 1, static_cast<size_t>(q * static_cast<double>(sorted.size())))];
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: fk_search_probe INDEX.sqlite QUERIES.txt [ROUNDS]\n");
        return 2;
    }
    const int rounds = argc > 3 ? std::atoi(argv[3]) : 3;
    std::vector<std::string> queries;
    std::ifstream in(argv[2]);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) queries.push_back(line);
    auto index = fk::core::ContentIndex::Open(argv[1]);
    if (!index || queries.empty()) {
        std::fprintf(stderr, "fk_search_probe: cannot open %s or no queries\n", argv[1]);
        return 1;
    }
    std::vector<double> times;
    int with_hits = 0;
    for (int r = 0; r <= rounds; ++r)
        for (const auto& q : queries)
            for (size_t len = std::min<size_t>(3, q.size()); len <= q.size(); ++len) {
                const auto t0 = Clock::now();
                const auto res = index->Search(q.substr(0, len), {}, 20);
                const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
                if (r == 0) {  // the warm-up pass counts which full queries find something
                    if (len == q.size() && !res.hits.empty()) ++with_hits;
                    continue;
                }
                times.push_back(ms);
            }
    std::sort(times.begin(), times.end());
    std::printf("%.3f %.3f %.3f %zu %d\n", At(times, 0.50), At(times, 0.95), At(times, 0.99), times.size(), with_hits);
    return 0;
}
