// Download figures for a progress display: bytes, rate since the artifact started and time
// left. One formula for the CLI's progress bar and the window's, so both show the same.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace fk::core {

struct TransferFigures {
    std::string artifact;
    std::uint64_t have = 0;   // bytes on disk
    std::uint64_t total = 0;  // signed length
    double rate = 0;          // bytes per second since this artifact's first report
    long seconds_left = -1;   // -1 while the rate is unknown
};

// Not thread-safe: feed it from one thread (the sync thread's progress callback).
class TransferMeter {
public:
    using Clock = std::chrono::steady_clock;
    // A new artifact name restarts the clock; bytes already on disk (a resume) do not count.
    TransferFigures Update(const std::string& artifact, std::uint64_t have, std::uint64_t total,
                           Clock::time_point now = Clock::now());
    bool NewArtifact(const std::string& artifact) const { return artifact != m_artifact; }

private:
    std::string m_artifact;
    Clock::time_point m_start{};
    std::uint64_t m_start_have = 0;
};

std::string FormatBytes(std::uint64_t bytes);  // "812 B", "12.3 KB", "4.5 MB"
std::string FormatTimeLeft(long seconds);      // "m:ss", or "--:--" when unknown

}  // namespace fk::core
