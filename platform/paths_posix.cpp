// POSIX/XDG implementation of platform/paths.hpp.
#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "platform/paths.hpp"
#include "platform/utf8_path.hpp"

namespace fk::platform {
namespace {

std::filesystem::path Home() {
    if (auto home = PathFromEnv("HOME")) return *home;
    if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_dir) return pw->pw_dir;
    return ".";
}

std::filesystem::path FromEnvOr(const char* var, const char* fallback_under_home) {
    if (auto v = PathFromEnv(var)) return *v / "fieldkit";
    return Home() / fallback_under_home / "fieldkit";
}

// XDG_DOCUMENTS_DIR="$HOME/Docs" as xdg-user-dirs writes it: a quoted absolute path or one
// starting with $HOME/ (the only two forms the file may hold).
std::filesystem::path UserDirsDocuments(const std::filesystem::path& home) {
    const std::filesystem::path file = PathFromEnv("XDG_CONFIG_HOME").value_or(home / ".config") / "user-dirs.dirs";
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) {
        constexpr std::string_view kKey = "XDG_DOCUMENTS_DIR=\"";
        if (!line.starts_with(kKey) || !line.ends_with("\"")) continue;
        std::string value = line.substr(kKey.size(), line.size() - kKey.size() - 1);
        if (value.starts_with("$HOME/")) return home / value.substr(6);
        if (value.starts_with("/")) return value;
    }
    return {};
}

bool IsDirectory(const std::filesystem::path& p) {
    std::error_code ec;
    return !p.empty() && std::filesystem::is_directory(p, ec);
}

}  // namespace

std::filesystem::path DocumentsDir() {
    const std::filesystem::path home = Home();
    if (auto v = PathFromEnv("XDG_DOCUMENTS_DIR"); v && IsDirectory(*v)) return *v;
    if (auto dir = UserDirsDocuments(home); IsDirectory(dir)) return dir;
    if (IsDirectory(home / "Documents")) return home / "Documents";
    return home;
}

std::filesystem::path DefaultDataDir() {
    if (auto v = PathFromEnv("FIELDKIT_DATA_DIR")) return *v;
    return FromEnvOr("XDG_DATA_HOME", ".local/share");
}

std::filesystem::path DefaultConfigDir() { return FromEnvOr("XDG_CONFIG_HOME", ".config"); }

}  // namespace fk::platform
