// Calendar time in UTC from a Unix time, computed here rather than by gmtime_r (POSIX) or
// gmtime_s (Windows, other argument order): the same code and the same answer on every OS.
#pragma once

#include <cstdint>
#include <ctime>

namespace fk::platform {

// The broken-down UTC time of `unix_seconds` (tm_year since 1900, tm_mon from 0, tm_wday,
// tm_yday), ready for std::strftime.
std::tm UtcTime(std::int64_t unix_seconds);

}  // namespace fk::platform
