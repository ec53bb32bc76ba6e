// Work spread over the machine's cores for the steps of a build that handle one article at
// a time. Each job writes only its own slot of the result, so what a build produces never
// depends on how many threads ran it.
#pragma once

#include <cstddef>
#include <functional>

namespace fk::bundle {

// `threads` 0 means one per core (at least one).
unsigned ThreadCount(unsigned threads);

// Calls job(i) for every i in [0, n), on up to `threads` threads (0: one per core), and
// returns when all are done. Jobs must not throw.
void ParallelFor(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& job);

}  // namespace fk::bundle
