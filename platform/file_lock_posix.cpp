// WaitingFileLock with flock(2).
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>

#include "platform/file_lock.hpp"

namespace fk::platform {
namespace {

class FlockLock final : public WaitingFileLock {
public:
    explicit FlockLock(int fd) : m_fd(fd) {}
    ~FlockLock() override { ::close(m_fd); }

private:
    int m_fd;
};

}  // namespace

std::unique_ptr<WaitingFileLock> LockFileWaiting(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return nullptr;
    while (::flock(fd, LOCK_EX) != 0 && errno == EINTR) {
    }
    return std::make_unique<FlockLock>(fd);
}

}  // namespace fk::platform
