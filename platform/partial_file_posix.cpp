// PartialFile on POSIX: O_APPEND|O_NOFOLLOW, so a planted symlink is never written through.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "platform/files.hpp"
#include "platform/partial_file.hpp"

namespace fk::platform {
namespace {

class PosixPartialFile final : public PartialFile {
public:
    PosixPartialFile(int fd, std::filesystem::path path, std::string role)
        : m_fd(fd), m_path(std::move(path)), m_role(std::move(role)) {}
    ~PosixPartialFile() override { ::close(m_fd); }

    Result<std::uint64_t> Size() override {
        struct stat st {};
        if (::fstat(m_fd, &st) != 0) return ErrnoError(errno, m_role, m_path);
        return static_cast<std::uint64_t>(st.st_size);
    }
    Status Truncate() override {
        if (::ftruncate(m_fd, 0) != 0) return ErrnoError(errno, m_role, m_path);
        return Ok{};
    }
    Status Append(const char* data, size_t size) override {
        size_t done = 0;
        while (done < size) {
            const ssize_t w = ::write(m_fd, data + done, size - done);
            if (w < 0 && errno == EINTR) continue;
            if (w < 0) return ErrnoError(errno, m_role, m_path);
            done += static_cast<size_t>(w);
        }
        return Ok{};
    }
    Status Sync() override {
        if (::fsync(m_fd) != 0) return ErrnoError(errno, m_role, m_path);
        return Ok{};
    }

private:
    int m_fd;
    std::filesystem::path m_path;
    std::string m_role;
};

}  // namespace

Result<std::unique_ptr<PartialFile>> PartialFile::Open(const std::filesystem::path& path, std::string_view role) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) return ErrnoError(errno, role, path);
    return std::unique_ptr<PartialFile>(new PosixPartialFile(fd, path, std::string(role)));
}

}  // namespace fk::platform
