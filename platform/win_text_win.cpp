// platform/win_text.hpp.
#include <windows.h>

#include "platform/i18n.hpp"
#include "platform/utf8_path.hpp"
#include "platform/win_text.hpp"

namespace fk::platform {

std::wstring WideFromUtf8(std::string_view utf8) {
    if (utf8.empty()) return {};
    const int n = MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), nullptr, 0);
    std::wstring out(static_cast<size_t>(n), L'\0');
    MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), out.data(), n);
    return out;
}

std::string Utf8FromWide(std::wstring_view wide) {
    if (wide.empty()) return {};
    const int n =
        WideCharToMultiByte(CP_UTF8, 0, wide.data(), static_cast<int>(wide.size()), nullptr, 0, nullptr, nullptr);
    std::string out(static_cast<size_t>(n), '\0');
    WideCharToMultiByte(CP_UTF8, 0, wide.data(), static_cast<int>(wide.size()), out.data(), n, nullptr, nullptr);
    return out;
}

std::string WinErrorText(unsigned long code) {
    wchar_t* text = nullptr;
    const DWORD n = FormatMessageW(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM |
                                       FORMAT_MESSAGE_IGNORE_INSERTS | FORMAT_MESSAGE_MAX_WIDTH_MASK,
                                   nullptr, code, 0, reinterpret_cast<wchar_t*>(&text), 0, nullptr);
    std::string out = n && text ? Utf8FromWide(std::wstring_view(text, n)) : "error " + std::to_string(code);
    if (text) LocalFree(text);
    while (!out.empty() && (out.back() == ' ' || out.back() == '\r' || out.back() == '\n' || out.back() == '.'))
        out.pop_back();
    return out;
}

Error WinError(unsigned long code, std::string_view role, const std::filesystem::path& path) {
    ErrorCode kind = ErrorCode::kIo;
    if (code == ERROR_DISK_FULL || code == ERROR_HANDLE_DISK_FULL) kind = ErrorCode::kNoSpace;
    const bool absent = code == ERROR_FILE_NOT_FOUND || code == ERROR_PATH_NOT_FOUND;
    if (absent) kind = ErrorCode::kNotFound;
    const std::string reason = absent ? std::string(tr("not found")) : WinErrorText(code);
    return MakeError(kind, Format(tr("{what} '{path}': {reason}"),
                                  {{"what", role}, {"path", Utf8FromPath(path)}, {"reason", reason}}));
}

}  // namespace fk::platform
