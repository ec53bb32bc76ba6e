// POSIX/XDG implementation of platform/paths.hpp.
#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

#include "platform/paths.hpp"

namespace fk::platform {
namespace {

std::filesystem::path Home() {
    if (const char* home = std::getenv("HOME"); home && *home) return home;
    if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_dir) return pw->pw_dir;
    return ".";
}

std::filesystem::path FromEnvOr(const char* var, const char* fallback_under_home) {
    if (const char* v = std::getenv(var); v && *v) return std::filesystem::path(v) / "fieldkit";
    return Home() / fallback_under_home / "fieldkit";
}

}  // namespace

std::filesystem::path DefaultDataDir() {
    if (const char* v = std::getenv("FIELDKIT_DATA_DIR"); v && *v) return v;
    return FromEnvOr("XDG_DATA_HOME", ".local/share");
}

std::filesystem::path DefaultConfigDir() { return FromEnvOr("XDG_CONFIG_HOME", ".config"); }

}  // namespace fk::platform
