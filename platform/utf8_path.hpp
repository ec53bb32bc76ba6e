// The code base carries text as UTF-8 std::string; these turn it into a path and back without
// asking the C library's locale. On POSIX a path is bytes and both are copies. On Windows a
// path is UTF-16, and libstdc++ (MinGW, msvcrt) converts a narrow string with the C locale:
// checked under Wine 8, fs::path("caf\xc3\xa9") holds U+00C3 U+00A9, even with the manifest
// that makes the ANSI code page UTF-8 (GetACP() == 65001; msvcrt has no UTF-8 locale). The
// char8_t overloads convert UTF-8 <-> UTF-16 themselves, so build paths from outside text
// (arguments, environment, settings) with PathFromUtf8 and show them with Utf8FromPath.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace fk::platform {

inline std::filesystem::path PathFromUtf8(std::string_view utf8) {
    return std::filesystem::path(std::u8string_view(reinterpret_cast<const char8_t*>(utf8.data()), utf8.size()));
}

inline std::string Utf8FromPath(const std::filesystem::path& path) {
    const std::u8string text = path.u8string();
    return std::string(text.begin(), text.end());
}

// With '/' between the parts on every OS: for relative names stored in the library's own
// files ("packs/x.fkb"), which must compare equal whichever system wrote them.
inline std::string GenericUtf8FromPath(const std::filesystem::path& path) {
    const std::u8string text = path.generic_u8string();
    return std::string(text.begin(), text.end());
}

// A file or directory named by an environment variable (FIELDKIT_PASSPHRASE_FILE, XDG_*);
// nullopt when it is unset or empty. On Windows getenv gives the ANSI code page, which the
// kit's manifest makes UTF-8, so the value is converted as UTF-8 like an argument.
inline std::optional<std::filesystem::path> PathFromEnv(const char* name) {
    const char* value = std::getenv(name);
    if (!value || !*value) return std::nullopt;
    return PathFromUtf8(value);
}

}  // namespace fk::platform
