// Helpers shared by the *_win.cpp files (internal to platform/): UTF-8 <-> UTF-16 for the
// W functions, and Windows error codes as fieldkit errors.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "platform/result.hpp"

namespace fk::platform {

// Invalid UTF-8 or UTF-16 is replaced (U+FFFD), never cut short.
std::wstring WideFromUtf8(std::string_view utf8);
std::string Utf8FromWide(std::wstring_view wide);

// The system's sentence for a GetLastError() / WSAGetLastError() code, in UTF-8, no newline.
std::string WinErrorText(unsigned long code);

// Like ErrnoError: ERROR_DISK_FULL -> kNoSpace, file or path not found -> kNotFound, else kIo.
Error WinError(unsigned long code, std::string_view role, const std::filesystem::path& path);

}  // namespace fk::platform
