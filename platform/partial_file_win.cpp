// PartialFile on Windows: every write goes to the end of the file (offset 0xFFFFFFFF'FFFFFFFF),
// and a name that is a link (a reparse point) is refused rather than written through.
#include <windows.h>

#include <algorithm>
#include <string>

#include "platform/partial_file.hpp"
#include "platform/win_text.hpp"

namespace fk::platform {
namespace {

class WinPartialFile final : public PartialFile {
public:
    WinPartialFile(HANDLE h, std::filesystem::path path, std::string role)
        : m_h(h), m_path(std::move(path)), m_role(std::move(role)) {}
    ~WinPartialFile() override { CloseHandle(m_h); }

    Result<std::uint64_t> Size() override {
        LARGE_INTEGER size{};
        if (!GetFileSizeEx(m_h, &size)) return Fail();
        return static_cast<std::uint64_t>(size.QuadPart);
    }
    Status Truncate() override {
        FILE_END_OF_FILE_INFO end{};
        if (!SetFileInformationByHandle(m_h, FileEndOfFileInfo, &end, sizeof end)) return Fail();
        return Ok{};
    }
    Status Append(const char* data, size_t size) override {
        while (size > 0) {
            OVERLAPPED at_end{};
            at_end.Offset = 0xFFFFFFFF;
            at_end.OffsetHigh = 0xFFFFFFFF;
            DWORD wrote = 0;
            const DWORD chunk = static_cast<DWORD>(std::min<size_t>(size, 1u << 30));
            if (!WriteFile(m_h, data, chunk, &wrote, &at_end)) return Fail();
            data += wrote;
            size -= wrote;
        }
        return Ok{};
    }
    Status Sync() override {
        if (!FlushFileBuffers(m_h)) return Fail();
        return Ok{};
    }

private:
    Error Fail() const { return WinError(GetLastError(), m_role, m_path); }

    HANDLE m_h;
    std::filesystem::path m_path;
    std::string m_role;
};

}  // namespace

Result<std::unique_ptr<PartialFile>> PartialFile::Open(const std::filesystem::path& path, std::string_view role) {
    const HANDLE h =
        CreateFileW(path.c_str(), GENERIC_WRITE | FILE_READ_ATTRIBUTES, FILE_SHARE_READ | FILE_SHARE_DELETE, nullptr,
                    OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL | FILE_FLAG_OPEN_REPARSE_POINT, nullptr);
    if (h == INVALID_HANDLE_VALUE) return WinError(GetLastError(), role, path);
    BY_HANDLE_FILE_INFORMATION info{};
    if (!GetFileInformationByHandle(h, &info) || (info.dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT)) {
        CloseHandle(h);
        return WinError(ERROR_CANT_RESOLVE_FILENAME, role, path);  // as O_NOFOLLOW's ELOOP
    }
    return std::unique_ptr<PartialFile>(new WinPartialFile(h, path, std::string(role)));
}

}  // namespace fk::platform
