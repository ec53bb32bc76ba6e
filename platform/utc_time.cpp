// platform/utc_time.hpp with C++20's civil calendar.
#include "platform/utc_time.hpp"

#include <chrono>

namespace fk::platform {

std::tm UtcTime(std::int64_t unix_seconds) {
    using namespace std::chrono;
    const sys_seconds at{seconds{unix_seconds}};
    const sys_days day = floor<days>(at);
    const year_month_day ymd{day};
    const hh_mm_ss<seconds> time{at - day};
    std::tm tm{};
    tm.tm_year = static_cast<int>(ymd.year()) - 1900;
    tm.tm_mon = static_cast<int>(static_cast<unsigned>(ymd.month())) - 1;
    tm.tm_mday = static_cast<int>(static_cast<unsigned>(ymd.day()));
    tm.tm_hour = static_cast<int>(time.hours().count());
    tm.tm_min = static_cast<int>(time.minutes().count());
    tm.tm_sec = static_cast<int>(time.seconds().count());
    tm.tm_wday = static_cast<int>(weekday{day}.c_encoding());
    tm.tm_yday = static_cast<int>((day - sys_days{ymd.year() / January / 1}).count());
    return tm;
}

}  // namespace fk::platform
