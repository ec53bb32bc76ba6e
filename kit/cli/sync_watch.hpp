// `fieldkit sync --watch`: the window's background sync engine without a window, for a server
// or an SSH session (and the fieldkit-sync systemd user unit). Prints one line per link,
// check and outcome on stdout; stops cleanly on Ctrl-C, SIGTERM or SIGHUP.
#pragma once

#include "kit/cli/command.hpp"
#include "kit/core/sync_check.hpp"

namespace fk::cli {

// `options` as parsed by `fieldkit sync`; `metered_given`: --metered was on the command line
// (otherwise the reader's metered setting, the window's, is read before every check).
int RunSyncWatch(Context& ctx, core::SyncOptions options, bool metered_given, bool yes);

}  // namespace fk::cli
