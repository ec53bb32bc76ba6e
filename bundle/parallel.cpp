// ParallelFor: a shared counter hands out indices, so a slow article never holds up a batch.
#include "bundle/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace fk::bundle {

unsigned ThreadCount(unsigned threads) {
    if (threads > 0) return threads;
    return std::max(1u, std::thread::hardware_concurrency());
}

void ParallelFor(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& job) {
    const std::size_t workers = std::min<std::size_t>(ThreadCount(threads), n);
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < n; i = next++) job(i);
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < workers; ++t) pool.emplace_back(work);
    work();  // this thread takes a share too
    for (auto& t : pool) t.join();
}

}  // namespace fk::bundle
