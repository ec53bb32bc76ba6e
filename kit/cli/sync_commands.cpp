// Reader commands for sync: sync, export, serve.
#include "kit/cli/command.hpp"

namespace fk::cli {
std::vector<Command> SyncCommands() { return {}; }
}  // namespace fk::cli
