// Windows implementation of platform/paths.hpp: known folders, or beside the executable in
// portable mode.
// First: the other Windows headers need its types.
#include <windows.h>

#include <knownfolders.h>
#include <objbase.h>
#include <shlobj.h>

#include <cstdlib>

#include "platform/paths.hpp"
#include "platform/programs.hpp"

namespace fk::platform {
namespace {

std::filesystem::path KnownFolder(REFKNOWNFOLDERID id, const wchar_t* fallback_variable) {
    PWSTR folder = nullptr;
    std::filesystem::path out;
    if (SHGetKnownFolderPath(id, KF_FLAG_DEFAULT, nullptr, &folder) == S_OK && folder) out = folder;
    CoTaskMemFree(folder);
    if (out.empty())
        if (const wchar_t* v = _wgetenv(fallback_variable); v && *v) out = v;
    return out.empty() ? std::filesystem::path(L".") : out;
}

// Decided once: the marker is looked for beside the running fieldkit.exe.
const std::optional<PortableDirs>& Portable() {
    static const std::optional<PortableDirs> dirs = [] {
        const std::filesystem::path exe_dir = ExecutableDir();
        const DWORD marker =
            exe_dir.empty() ? INVALID_FILE_ATTRIBUTES : GetFileAttributesW((exe_dir / kPortableMarker).c_str());
        return PortableDirsFor(exe_dir, marker != INVALID_FILE_ATTRIBUTES && !(marker & FILE_ATTRIBUTE_DIRECTORY));
    }();
    return dirs;
}

}  // namespace

std::filesystem::path DefaultDataDir() {
    if (const wchar_t* v = _wgetenv(L"FIELDKIT_DATA_DIR"); v && *v) return v;
    if (const auto& portable = Portable()) return portable->data;
    return KnownFolder(FOLDERID_LocalAppData, L"LOCALAPPDATA") / L"fieldkit";
}

std::filesystem::path DefaultConfigDir() {
    if (const auto& portable = Portable()) return portable->config;
    return KnownFolder(FOLDERID_RoamingAppData, L"APPDATA") / L"fieldkit";
}

// A handout is something the reader asked to keep, so it goes to their Documents even in
// portable mode (they can save it to the stick from the window).
std::filesystem::path DocumentsDir() {
    return KnownFolder(FOLDERID_Documents, L"USERPROFILE");
}

}  // namespace fk::platform
