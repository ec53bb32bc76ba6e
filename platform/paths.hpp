// Where fieldkit keeps things on this machine: XDG base directories on POSIX; on Windows
// %LOCALAPPDATA%\fieldkit (data) and %APPDATA%\fieldkit (settings), or everything beside the
// executable in portable mode.
#pragma once

#include <filesystem>
#include <optional>

namespace fk::platform {

// $FIELDKIT_DATA_DIR, else $XDG_DATA_HOME/fieldkit, else ~/.local/share/fieldkit.
// Windows: $FIELDKIT_DATA_DIR, else the portable data directory, else %LOCALAPPDATA%\fieldkit.
std::filesystem::path DefaultDataDir();

// $XDG_CONFIG_HOME/fieldkit, else ~/.config/fieldkit (window state, settings).
// Windows: the portable settings directory, else %APPDATA%\fieldkit.
std::filesystem::path DefaultConfigDir();

// Portable mode (Windows): a file of this name beside fieldkit.exe keeps every file the kit
// writes beside it too, so it runs from a USB stick and leaves nothing on the computer.
inline constexpr const char* kPortableMarker = "fieldkit-portable";

struct PortableDirs {
    std::filesystem::path data;    // packs, index, notes
    std::filesystem::path config;  // window state, settings
};
// The decision alone, so it can be tested anywhere: with the marker present, the directories
// under `exe_dir`; without it (or with no known exe_dir), none.
std::optional<PortableDirs> PortableDirsFor(const std::filesystem::path& exe_dir, bool marker_exists);

// Where a document the reader asked for is saved (a printable handout): the XDG documents
// directory ($XDG_DOCUMENTS_DIR, else XDG_DOCUMENTS_DIR in ~/.config/user-dirs.dirs) if it
// exists, else ~/Documents if it exists, else the home directory.
std::filesystem::path DocumentsDir();

}  // namespace fk::platform
