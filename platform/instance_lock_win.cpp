// InstanceLock with LockFileEx (LOCKFILE_FAIL_IMMEDIATELY). Byte-range locks are mandatory on
// Windows, so the locked byte lies far past the end and the pid at the start stays readable
// by a second instance. Windows drops the lock when the holder's handle closes or it dies.
#include <windows.h>

#include <string>

#include "platform/i18n.hpp"
#include "platform/instance_lock.hpp"
#include "platform/utf8_path.hpp"
#include "platform/win_text.hpp"

namespace fk::platform {
namespace {

class WinInstanceLock final : public InstanceLock {
public:
    explicit WinInstanceLock(HANDLE h) : m_h(h) {}
    ~WinInstanceLock() override { CloseHandle(m_h); }

private:
    HANDLE m_h;
};

OVERLAPPED FarByte() {
    OVERLAPPED at{};
    at.OffsetHigh = 0x40000000;  // 2^62: never part of the pid text
    return at;
}

long ReadPid(HANDLE h) {
    char buf[32] = {};
    OVERLAPPED start{};
    DWORD n = 0;
    if (!::ReadFile(h, buf, sizeof buf - 1, &n, &start) || n == 0) return 0;
    try {
        return std::stol(std::string(buf, n));
    } catch (...) {
        return 0;
    }
}

}  // namespace

Result<std::unique_ptr<InstanceLock>> InstanceLock::Take(const std::filesystem::path& path, long& holder_pid) {
    holder_pid = 0;
    const HANDLE h =
        CreateFileW(path.c_str(), GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                    nullptr, OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL | FILE_FLAG_OPEN_REPARSE_POINT, nullptr);
    if (h == INVALID_HANDLE_VALUE) return WinError(GetLastError(), tr("lock file"), path);
    OVERLAPPED far_byte = FarByte();
    if (!LockFileEx(h, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &far_byte)) {
        const DWORD err = GetLastError();
        if (err == ERROR_LOCK_VIOLATION || err == ERROR_IO_PENDING) holder_pid = ReadPid(h);
        CloseHandle(h);
        if (err == ERROR_LOCK_VIOLATION || err == ERROR_IO_PENDING)
            return MakeError(ErrorCode::kLocked,
                             Format(tr("lock file '{path}': held"), {{"path", Utf8FromPath(path)}}));
        return WinError(err, tr("lock file"), path);
    }
    const std::string pid = std::to_string(GetCurrentProcessId()) + "\n";
    FILE_END_OF_FILE_INFO empty{};
    OVERLAPPED start{};
    DWORD wrote = 0;
    if (!SetFileInformationByHandle(h, FileEndOfFileInfo, &empty, sizeof empty) ||
        !WriteFile(h, pid.data(), static_cast<DWORD>(pid.size()), &wrote, &start) || wrote != pid.size()) {
        const DWORD err = GetLastError();
        CloseHandle(h);
        return WinError(err, tr("lock file"), path);
    }
    return std::unique_ptr<InstanceLock>(new WinInstanceLock(h));
}

}  // namespace fk::platform
