// The console of a Windows process (internal to platform/): one line read without echo from
// the console itself (CONIN$, even when standard input is redirected), as /dev/tty on POSIX.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "platform/result.hpp"

namespace fk::platform {

// Shows `prompt`, reads a line with echo off (as UTF-16, so any script typed arrives whole)
// and restores the console's mode, also when Ctrl+C ends the process meanwhile. Keeps at most
// `max_bytes` of UTF-8. `no_console` is the kUsage message when there is no console.
Result<std::string> ReadConsoleLineWithoutEcho(std::string_view prompt, size_t max_bytes, const char* no_console);

}  // namespace fk::platform
