// WaitingFileLock with LockFileEx. Windows byte-range locks are mandatory, so the lock is
// taken on one byte far past the end: the file's own bytes stay readable by everyone.
#include <windows.h>

#include "platform/file_lock.hpp"

namespace fk::platform {
namespace {

class WinFileLock final : public WaitingFileLock {
public:
    explicit WinFileLock(HANDLE h) : m_h(h) {}
    ~WinFileLock() override { CloseHandle(m_h); }  // closing the handle releases the lock

private:
    HANDLE m_h;
};

}  // namespace

std::unique_ptr<WaitingFileLock> LockFileWaiting(const std::filesystem::path& path) {
    const HANDLE h =
        CreateFileW(path.c_str(), GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                    nullptr, OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (h == INVALID_HANDLE_VALUE) return nullptr;
    OVERLAPPED far_byte{};
    far_byte.OffsetHigh = 0x40000000;
    if (!LockFileEx(h, LOCKFILE_EXCLUSIVE_LOCK, 0, 1, 0, &far_byte)) {
        CloseHandle(h);
        return nullptr;
    }
    return std::make_unique<WinFileLock>(h);
}

}  // namespace fk::platform
