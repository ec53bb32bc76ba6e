// Where fieldkit keeps things on this machine (XDG base directories on POSIX).
#pragma once

#include <filesystem>

namespace fk::platform {

// $FIELDKIT_DATA_DIR, else $XDG_DATA_HOME/fieldkit, else ~/.local/share/fieldkit.
std::filesystem::path DefaultDataDir();

// $XDG_CONFIG_HOME/fieldkit, else ~/.config/fieldkit (window state, settings).
std::filesystem::path DefaultConfigDir();

// Where a document the reader asked for is saved (a printable handout): the XDG documents
// directory ($XDG_DOCUMENTS_DIR, else XDG_DOCUMENTS_DIR in ~/.config/user-dirs.dirs) if it
// exists, else ~/Documents if it exists, else the home directory.
std::filesystem::path DocumentsDir();

}  // namespace fk::platform
