// Where fieldkit keeps things on this machine (XDG base directories on POSIX).
#pragma once

#include <filesystem>

namespace fk::platform {

// $FIELDKIT_DATA_DIR, else $XDG_DATA_HOME/fieldkit, else ~/.local/share/fieldkit.
std::filesystem::path DefaultDataDir();

// $XDG_CONFIG_HOME/fieldkit, else ~/.config/fieldkit (window state, settings).
std::filesystem::path DefaultConfigDir();

}  // namespace fk::platform
