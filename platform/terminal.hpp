// Asking the person at the terminal for a secret (a passphrase), without echoing it.
#pragma once

#include <string>
#include <string_view>

#include "platform/result.hpp"

namespace fk::platform {

// Writes `prompt` to the controlling terminal (/dev/tty, not stdout), reads one line with echo
// off and restores the terminal. kUsage if there is no terminal (a script, a CI job).
Result<std::string> ReadSecretFromTerminal(std::string_view prompt);

}  // namespace fk::platform
