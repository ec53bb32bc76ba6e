// A request to stop from outside: Ctrl+C, SIGTERM and SIGHUP on POSIX; Ctrl+C, Ctrl+Break and
// the console window being closed (or the session ending) on Windows.
#pragma once

#include <atomic>
#include <string>

namespace fk::platform {

// Long-running commands (serve, sync --watch) stop cleanly: call this before any thread
// exists, then WaitForStopRequest() on the main thread. `hangup` counts SIGHUP (and on
// Windows the console closing) as a request; without it they keep their default effect.
void HoldStopRequests(bool hangup);
// Waits for a held request; returns its name for a log line ("SIGINT", "SIGTERM", "SIGHUP";
// "Ctrl+C", "Ctrl+Break", "console closed"). On Windows, when the console is closing, the
// process has a few seconds from here to finish and exit.
std::string WaitForStopRequest();

// The window's way: each request sets `*flag` (from a signal handler or the console's
// handler thread), and the run loop closes as if the window had been closed.
void SetFlagOnStopRequest(std::atomic<bool>* flag);

}  // namespace fk::platform
