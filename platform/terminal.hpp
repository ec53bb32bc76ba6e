// The terminal (a console on Windows): whether a standard stream is one, setting it up for
// UTF-8 and colour, and asking the person at it for a secret (a passphrase) without echo.
#pragma once

#include <string>
#include <string_view>

#include "platform/result.hpp"

namespace fk::platform {

enum class StdStream { kIn, kOut, kErr };

// Call once at start-up, before anything is printed: a Windows console is switched to UTF-8
// output and to escape sequences (bold); elsewhere nothing to do.
void PrepareConsole();

// True when `stream` is an interactive terminal. For output this also means escape sequences
// (bold, erase to end of line) are understood: a Windows console that cannot be switched to
// them counts as not a terminal, so the output stays plain.
bool IsTerminal(StdStream stream);

// Writes `prompt` to the controlling terminal (/dev/tty, not stdout), reads one line with echo
// off and restores the terminal. kUsage if there is no terminal (a script, a CI job).
Result<std::string> ReadSecretFromTerminal(std::string_view prompt);

}  // namespace fk::platform
