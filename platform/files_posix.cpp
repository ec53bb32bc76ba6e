// POSIX implementation of platform/files.hpp.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "platform/files.hpp"

namespace fk::platform {

Error ErrnoError(int err, std::string_view role, const fs::path& path) {
    ErrorCode code = ErrorCode::kIo;
    if (err == ENOSPC || err == EDQUOT) code = ErrorCode::kNoSpace;
    if (err == ENOENT) code = ErrorCode::kNotFound;
    const char* what = err == ENOENT ? "not found" : std::strerror(err);
    return MakeError(code, std::string(role) + " '" + path.string() + "': " + what);
}

Result<std::string> ReadFile(const fs::path& path, std::string_view role, std::uint64_t max_bytes) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return ErrnoError(errno, role, path);
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        int err = errno;
        ::close(fd);
        return ErrnoError(err, role, path);
    }
    if (S_ISDIR(st.st_mode)) {
        ::close(fd);
        return MakeError(ErrorCode::kIo, std::string(role) + " '" + path.string() + "': is a directory");
    }
    if (static_cast<std::uint64_t>(st.st_size) > max_bytes) {
        ::close(fd);
        return MakeError(ErrorCode::kTooLarge, std::string(role) + " '" + path.string() + "': larger than " +
                                                   std::to_string(max_bytes) + " bytes");
    }
    std::string data;
    data.resize(static_cast<size_t>(st.st_size));
    size_t got = 0;
    while (got < data.size()) {
        ssize_t n = ::read(fd, data.data() + got, data.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            int err = errno;
            ::close(fd);
            return ErrnoError(err, role, path);
        }
        if (n == 0) break;
        got += static_cast<size_t>(n);
    }
    ::close(fd);
    data.resize(got);
    return data;
}

Status SyncDirectory(const fs::path& dir) {
    int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return ErrnoError(errno, "directory", dir);
    ::fsync(fd);
    ::close(fd);
    return Ok{};
}

Status WriteFileAtomic(const fs::path& path, std::string_view bytes, std::string_view role) {
    fs::path tmp = path;
    tmp += ".tmp-" + std::to_string(::getpid());
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return ErrnoError(errno, role, tmp);
    size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            int err = errno;
            ::close(fd);
            ::unlink(tmp.c_str());
            return ErrnoError(err, role, path);
        }
        done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        int err = errno;
        ::unlink(tmp.c_str());
        return ErrnoError(err, role, path);
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        int err = errno;
        ::unlink(tmp.c_str());
        return ErrnoError(err, role, path);
    }
    return SyncDirectory(path.parent_path());
}

Status MakeDirs(const fs::path& path, std::string_view role) {
    std::error_code ec;
    fs::create_directories(path, ec);
    if (ec) return ErrnoError(ec.value(), role, path);
    return Ok{};
}

Result<bool> OverwriteAndRemove(const fs::path& path, std::string_view role) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) {
        if (errno == ENOENT) return false;
        return ErrnoError(errno, role, path);
    }
    if (S_ISREG(st.st_mode)) {
        int fd = ::open(path.c_str(), O_WRONLY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0) return ErrnoError(errno, role, path);
        static const char zeros[65536] = {};
        off_t left = st.st_size;
        while (left > 0) {
            ssize_t n = ::write(fd, zeros, static_cast<size_t>(std::min<off_t>(left, sizeof zeros)));
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;  // still removed below; the caveat about old blocks covers this
            left -= n;
        }
        ::fsync(fd);
        ::close(fd);
    }
    if (::unlink(path.c_str()) != 0) return ErrnoError(errno, role, path);
    return true;
}

}  // namespace fk::platform
