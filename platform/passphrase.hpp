// Asking a person for a passphrase on the controlling terminal, without echo.
#pragma once

#include <string>
#include <string_view>

#include "platform/result.hpp"

namespace fk::platform {

// Writes `prompt` to the terminal (/dev/tty, not stdout), reads one line with echo off and
// restores the terminal. kUsage when there is no terminal; at most 1 KiB is kept.
Result<std::string> ReadPassphrase(std::string_view prompt);

// Overwrites a secret's bytes (the compiler may not drop it) and empties the string.
void WipeString(std::string& secret);

}  // namespace fk::platform
