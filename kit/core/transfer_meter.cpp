// TransferMeter: rate since an artifact's first report and the time left at that rate.
#include "kit/core/transfer_meter.hpp"

#include <cstdio>

namespace fk::core {

TransferFigures TransferMeter::Update(const std::string& artifact, std::uint64_t have, std::uint64_t total,
                                      Clock::time_point now) {
    if (artifact != m_artifact) {
        m_artifact = artifact;
        m_start = now;
        m_start_have = have;
    }
    TransferFigures f{artifact, have, total, 0, -1};
    const double secs = std::chrono::duration<double>(now - m_start).count();
    if (secs > 0.0 && have >= m_start_have) f.rate = static_cast<double>(have - m_start_have) / secs;
    if (f.rate > 0 && total >= have) f.seconds_left = static_cast<long>(static_cast<double>(total - have) / f.rate);
    return f;
}

std::string FormatBytes(std::uint64_t b) {
    char buf[32];
    if (b < 1024)
        std::snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(b));
    else if (b < 1024 * 1024)
        std::snprintf(buf, sizeof buf, "%.1f KB", static_cast<double>(b) / 1024);
    else
        std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(b) / (1024 * 1024));
    return buf;
}

std::string FormatTimeLeft(long s) {
    if (s < 0) return "--:--";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    return buf;
}

}  // namespace fk::core
