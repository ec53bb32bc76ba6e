// POSIX implementation of platform/files.hpp.
#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

#include "platform/files.hpp"
#include "platform/i18n.hpp"

namespace fk::platform {

Error ErrnoError(int err, std::string_view role, const fs::path& path) {
    ErrorCode code = ErrorCode::kIo;
    if (err == ENOSPC || err == EDQUOT) code = ErrorCode::kNoSpace;
    if (err == ENOENT) code = ErrorCode::kNotFound;
    const char* what = err == ENOENT ? tr("not found") : std::strerror(err);
    return MakeError(
        // TRANSLATORS: {what} names the thing that failed ("content directory"), {reason} is why.
        code, Format(tr("{what} '{path}': {reason}"), {{"what", role}, {"path", path.string()}, {"reason", what}}));
}

namespace {

// The C library stops at a NUL: "packs/x\0-1.fkb" would open "packs/x". A path built from data
// that holds one is refused, never silently cut short.
Status CheckNoNul(const fs::path& path, std::string_view role) {
    const std::string& bytes = path.native();
    if (bytes.find('\0') == std::string::npos) return Ok{};
    std::string shown;
    for (char c : bytes) shown += c == '\0' ? std::string("\\x00") : std::string(1, c);
    return MakeError(ErrorCode::kInvalidContent,
                     Format(tr("{what} '{path}': a NUL byte in the path; refused"), {{"what", role}, {"path", shown}}));
}

}  // namespace

Result<std::string> ReadFile(const fs::path& path, std::string_view role, std::uint64_t max_bytes) {
    if (auto st = CheckNoNul(path, role); !st) return st.error();
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
        return MakeError(ErrorCode::kIo,
                         Format(tr("{what} '{path}': is a directory"), {{"what", role}, {"path", path.string()}}));
    }
    if (static_cast<std::uint64_t>(st.st_size) > max_bytes) {
        ::close(fd);
        return MakeError(ErrorCode::kTooLarge,
                         Format(tr("{what} '{path}': larger than {max} bytes"),
                                {{"what", role}, {"path", path.string()}, {"max", std::to_string(max_bytes)}}));
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
    // TRANSLATORS: this and the other short nouns passed to file functions name a thing in an
    // error message of the form "<what> '<path>': <reason>".
    if (auto st = CheckNoNul(dir, tr("directory")); !st) return st;
    int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return ErrnoError(errno, tr("directory"), dir);
    ::fsync(fd);
    ::close(fd);
    return Ok{};
}

Status SyncFile(const fs::path& path, std::string_view role) {
    if (auto st = CheckNoNul(path, role); !st) return st;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return ErrnoError(errno, role, path);
    if (::fsync(fd) != 0) {
        const int err = errno;
        ::close(fd);
        return ErrnoError(err, role, path);
    }
    ::close(fd);
    return Ok{};
}

fs::path UniqueTempPath(const fs::path& target, std::string_view tag) {
    // O_EXCL|O_NOFOLLOW is the protection; the random name only keeps others from squatting it.
    unsigned char random[8] = {};
    for (size_t got = 0; got < sizeof random;) {
        const ssize_t n = ::getrandom(random + got, sizeof random - got, 0);
        if (n > 0) got += static_cast<size_t>(n);
        if (n < 0 && errno != EINTR) throw std::system_error(errno, std::generic_category(), "getrandom");
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::string suffix(tag);
    for (unsigned char b : random) {
        suffix += kHex[b >> 4];
        suffix += kHex[b & 15];
    }
    fs::path out = target;
    out += suffix;
    return out;
}

namespace {

// Writes all of `bytes` to a new file, created with O_EXCL|O_NOFOLLOW so that nothing already
// there (a file, or a symlink planted on a foreign disk) is ever opened. Removes it on failure.
Status WriteNew(const fs::path& path, std::string_view bytes, std::string_view role, mode_t mode,
                bool* existed = nullptr) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
    if (fd < 0) {
        if (existed) *existed = errno == EEXIST || errno == ELOOP;
        return ErrnoError(errno, role, path);
    }
    size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            int err = errno;
            ::close(fd);
            ::unlink(path.c_str());
            return ErrnoError(err, role, path);
        }
        done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        int err = errno;
        ::unlink(path.c_str());
        return ErrnoError(err, role, path);
    }
    return Ok{};
}

}  // namespace

Status WriteFileAtomic(const fs::path& path, std::string_view bytes, std::string_view role) {
    if (auto st = CheckNoNul(path, role); !st) return st;
    fs::path tmp = UniqueTempPath(path, ".tmp-");
    if (auto st = WriteNew(tmp, bytes, role, 0644); !st) return st;
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        int err = errno;
        ::unlink(tmp.c_str());
        return ErrnoError(err, role, path);
    }
    return SyncDirectory(path.parent_path());
}

Status WriteNewFile(const fs::path& path, std::string_view bytes, std::string_view role, unsigned mode) {
    if (auto st = CheckNoNul(path, role); !st) return st;
    bool existed = false;
    if (auto st = WriteNew(path, bytes, role, static_cast<mode_t>(mode), &existed); !st) {
        if (existed)
            return MakeError(ErrorCode::kUsage,
                             Format(tr("{what} '{path}' already exists; not overwriting it (move it away first)"),
                                    {{"what", role}, {"path", path.string()}}));
        return st;
    }
    return SyncDirectory(path.parent_path());
}

Result<fs::path> WriteFileUnderFreeName(const fs::path& dir, std::string_view stem, std::string_view ext,
                                        std::string_view bytes, std::string_view role) {
    auto name = [&](int n) {
        std::string file(stem);
        if (n > 1) file += "-" + std::to_string(n);
        return dir / (file + std::string(ext));
    };
    if (auto st = CheckNoNul(name(1), role); !st) return st.error();
    const fs::path tmp = UniqueTempPath(name(1), ".tmp-");
    if (auto st = WriteNew(tmp, bytes, role, 0644); !st) return st.error();
    bool links = true;
    for (int n = 1; n <= 999; ++n) {
        const fs::path target = name(n);
        if (links) {
            if (::link(tmp.c_str(), target.c_str()) == 0) {
                ::unlink(tmp.c_str());
                if (auto st = SyncDirectory(dir); !st) return st.error();
                return target;
            }
            if (errno == EEXIST) continue;
            if (errno != EPERM && errno != ENOTSUP && errno != EOPNOTSUPP && errno != ENOSYS) {
                const int err = errno;
                ::unlink(tmp.c_str());
                return ErrnoError(err, role, target);
            }
            links = false;  // no hard links here: create the name exclusively instead
            ::unlink(tmp.c_str());
        }
        bool existed = false;
        if (auto st = WriteNew(target, bytes, role, 0644, &existed); st) {
            if (auto synced = SyncDirectory(dir); !synced) return synced.error();
            return target;
        } else if (!existed) {
            return st.error();
        }
    }
    if (links) ::unlink(tmp.c_str());
    return MakeError(ErrorCode::kIo,
                     Format(tr("{what} '{path}': no free file name"), {{"what", role}, {"path", name(1).string()}}));
}

Status MakeDirs(const fs::path& path, std::string_view role) {
    if (auto st = CheckNoNul(path, role); !st) return st;
    std::error_code ec;
    fs::create_directories(path, ec);
    if (ec) return ErrnoError(ec.value(), role, path);
    return Ok{};
}

Result<bool> OverwriteAndRemove(const fs::path& path, std::string_view role) {
    if (auto st = CheckNoNul(path, role); !st) return st.error();
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
