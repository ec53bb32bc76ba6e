// InstanceLock with flock(2). The pid is written after the lock is taken, so a reader that
// finds the lock held reads the holder's pid (or, in the instant before it is written, 0).
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "platform/files.hpp"
#include "platform/i18n.hpp"
#include "platform/instance_lock.hpp"

namespace fk::platform {
namespace {

class FlockInstanceLock final : public InstanceLock {
public:
    explicit FlockInstanceLock(int fd) : m_fd(fd) {}
    ~FlockInstanceLock() override { close(m_fd); }

private:
    int m_fd;
};

long ReadPid(int fd) {
    char buf[32] = {};
    const ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    if (n <= 0) return 0;
    try {
        return std::stol(std::string(buf, static_cast<size_t>(n)));
    } catch (...) {
        return 0;
    }
}

}  // namespace

Result<std::unique_ptr<InstanceLock>> InstanceLock::Take(const std::filesystem::path& path, long& holder_pid) {
    holder_pid = 0;
    const int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) return ErrnoError(errno, tr("lock file"), path);
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        if (err == EWOULDBLOCK) holder_pid = ReadPid(fd);
        close(fd);
        if (err == EWOULDBLOCK)
            return MakeError(ErrorCode::kLocked, Format(tr("lock file '{path}': held"), {{"path", path.string()}}));
        return ErrnoError(err, tr("lock file"), path);
    }
    const std::string pid = std::to_string(getpid()) + "\n";
    if (ftruncate(fd, 0) != 0 || pwrite(fd, pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size())) {
        const int err = errno;
        close(fd);
        return ErrnoError(err, tr("lock file"), path);
    }
    return std::unique_ptr<InstanceLock>(new FlockInstanceLock(fd));
}

}  // namespace fk::platform
