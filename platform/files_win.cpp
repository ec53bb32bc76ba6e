// Windows implementation of platform/files.hpp: the W functions on UTF-16 paths. Atomic
// replace is MoveFileExW(MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH) after the
// temporary was flushed with FlushFileBuffers; there is no directory to flush afterwards.
// First: the other Windows headers need its types.
#include <windows.h>

#include <bcrypt.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

#include "platform/files.hpp"
#include "platform/i18n.hpp"
#include "platform/utf8_path.hpp"
#include "platform/win_text.hpp"

namespace fk::platform {

Error ErrnoError(int err, std::string_view role, const fs::path& path) {
    ErrorCode code = ErrorCode::kIo;
    if (err == ENOSPC) code = ErrorCode::kNoSpace;
    if (err == ENOENT) code = ErrorCode::kNotFound;
    const char* what = err == ENOENT ? tr("not found") : std::strerror(err);
    return MakeError(code, Format(tr("{what} '{path}': {reason}"),
                                  {{"what", role}, {"path", Utf8FromPath(path)}, {"reason", what}}));
}

namespace {

// The W functions stop at a NUL as the C library does: refuse such a path, never cut it short.
Status CheckNoNul(const fs::path& path, std::string_view role) {
    if (path.native().find(L'\0') == std::wstring::npos) return Ok{};
    std::string shown;
    for (char c : Utf8FromPath(path)) shown += c == '\0' ? std::string("\\x00") : std::string(1, c);
    return MakeError(ErrorCode::kInvalidContent,
                     Format(tr("{what} '{path}': a NUL byte in the path; refused"), {{"what", role}, {"path", shown}}));
}

// Closes a handle on every way out.
struct Handle {
    HANDLE h = INVALID_HANDLE_VALUE;
    explicit Handle(HANDLE handle) : h(handle) {}
    ~Handle() { Close(); }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    bool ok() const { return h != INVALID_HANDLE_VALUE; }
    BOOL Close() {
        const BOOL closed = ok() ? CloseHandle(h) : TRUE;
        h = INVALID_HANDLE_VALUE;
        return closed;
    }
};

bool WriteAll(HANDLE h, const char* data, size_t size) {
    while (size > 0) {
        DWORD wrote = 0;
        const DWORD chunk = static_cast<DWORD>(std::min<size_t>(size, 1u << 30));
        if (!WriteFile(h, data, chunk, &wrote, nullptr)) return false;
        data += wrote;
        size -= wrote;
    }
    return true;
}

// Creates `path` (CREATE_NEW: never over anything, FILE_FLAG_OPEN_REPARSE_POINT: a planted
// link counts as taken rather than being followed), writes and flushes `bytes`. Removes it on
// failure. There is no mode: a file under the user's profile inherits its owner-only ACL.
Status WriteNew(const fs::path& path, std::string_view bytes, std::string_view role, bool* existed = nullptr) {
    Handle file(CreateFileW(path.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW,
                            FILE_ATTRIBUTE_NORMAL | FILE_FLAG_OPEN_REPARSE_POINT, nullptr));
    if (!file.ok()) {
        const DWORD err = GetLastError();
        if (existed) *existed = err == ERROR_FILE_EXISTS || err == ERROR_ALREADY_EXISTS;
        return WinError(err, role, path);
    }
    if (!WriteAll(file.h, bytes.data(), bytes.size()) || !FlushFileBuffers(file.h)) {
        const DWORD err = GetLastError();
        file.Close();
        DeleteFileW(path.c_str());
        return WinError(err, role, path);
    }
    if (!file.Close()) {
        const DWORD err = GetLastError();
        DeleteFileW(path.c_str());
        return WinError(err, role, path);
    }
    return Ok{};
}

// A virus scanner or the search indexer may hold the target open for a moment without
// FILE_SHARE_DELETE; the replace is tried again a few times before it counts as failed.
bool ReplaceWithRetries(const fs::path& from, const fs::path& to) {
    for (int attempt = 0;; ++attempt) {
        if (MoveFileExW(from.c_str(), to.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) return true;
        const DWORD err = GetLastError();
        if (attempt >= 20 || (err != ERROR_ACCESS_DENIED && err != ERROR_SHARING_VIOLATION)) return false;
        Sleep(50);
        SetLastError(err);
    }
}

}  // namespace

Result<std::string> ReadFile(const fs::path& path, std::string_view role, std::uint64_t max_bytes) {
    if (auto st = CheckNoNul(path, role); !st) return st.error();
    const DWORD attributes = GetFileAttributesW(path.c_str());
    if (attributes != INVALID_FILE_ATTRIBUTES && (attributes & FILE_ATTRIBUTE_DIRECTORY))
        return MakeError(ErrorCode::kIo,
                         Format(tr("{what} '{path}': is a directory"), {{"what", role}, {"path", Utf8FromPath(path)}}));
    Handle file(CreateFileW(path.c_str(), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                            OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr));
    if (!file.ok()) return WinError(GetLastError(), role, path);
    LARGE_INTEGER size{};
    if (!GetFileSizeEx(file.h, &size)) return WinError(GetLastError(), role, path);
    if (static_cast<std::uint64_t>(size.QuadPart) > max_bytes)
        return MakeError(ErrorCode::kTooLarge,
                         Format(tr("{what} '{path}': larger than {max} bytes"),
                                {{"what", role}, {"path", Utf8FromPath(path)}, {"max", std::to_string(max_bytes)}}));
    std::string data(static_cast<size_t>(size.QuadPart), '\0');
    size_t got = 0;
    while (got < data.size()) {
        DWORD n = 0;
        const DWORD chunk = static_cast<DWORD>(std::min<size_t>(data.size() - got, 1u << 30));
        if (!::ReadFile(file.h, data.data() + got, chunk, &n, nullptr)) return WinError(GetLastError(), role, path);
        if (n == 0) break;
        got += n;
    }
    data.resize(got);
    return data;
}

Status SyncDirectory(const fs::path& dir) {
    // TRANSLATORS: this and the other short nouns passed to file functions name a thing in an
    // error message of the form "<what> '<path>': <reason>".
    return CheckNoNul(dir, tr("directory"));  // MOVEFILE_WRITE_THROUGH already made the rename durable
}

Status SyncFile(const fs::path& path, std::string_view role) {
    if (auto st = CheckNoNul(path, role); !st) return st;
    // FlushFileBuffers needs write access; nothing is written.
    Handle file(CreateFileW(path.c_str(), GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                            nullptr, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr));
    if (!file.ok() || !FlushFileBuffers(file.h)) return WinError(GetLastError(), role, path);
    return Ok{};
}

fs::path UniqueTempPath(const fs::path& target, std::string_view tag) {
    unsigned char random[8] = {};
    if (BCryptGenRandom(nullptr, random, sizeof random, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
        throw std::system_error(EIO, std::generic_category(), "BCryptGenRandom");
    static constexpr char kHex[] = "0123456789abcdef";
    std::string suffix(tag);
    for (unsigned char b : random) {
        suffix += kHex[b >> 4];
        suffix += kHex[b & 15];
    }
    fs::path out = target;
    out += PathFromUtf8(suffix);
    return out;
}

Status WriteFileAtomic(const fs::path& path, std::string_view bytes, std::string_view role) {
    if (auto st = CheckNoNul(path, role); !st) return st;
    const fs::path tmp = UniqueTempPath(path, ".tmp-");
    if (auto st = WriteNew(tmp, bytes, role); !st) return st;
    if (!ReplaceWithRetries(tmp, path)) {
        const DWORD err = GetLastError();
        DeleteFileW(tmp.c_str());
        return WinError(err, role, path);
    }
    return Ok{};
}

Status WriteNewFile(const fs::path& path, std::string_view bytes, std::string_view role, unsigned /*mode*/) {
    if (auto st = CheckNoNul(path, role); !st) return st;
    bool existed = false;
    if (auto st = WriteNew(path, bytes, role, &existed); !st) {
        if (existed)
            return MakeError(ErrorCode::kUsage,
                             Format(tr("{what} '{path}' already exists; not overwriting it (move it away first)"),
                                    {{"what", role}, {"path", Utf8FromPath(path)}}));
        return st;
    }
    return Ok{};
}

Result<fs::path> WriteFileUnderFreeName(const fs::path& dir, std::string_view stem, std::string_view ext,
                                        std::string_view bytes, std::string_view role) {
    auto name = [&](int n) {
        std::string file(stem);
        if (n > 1) file += "-" + std::to_string(n);
        return dir / PathFromUtf8(file + std::string(ext));
    };
    if (auto st = CheckNoNul(name(1), role); !st) return st.error();
    const fs::path tmp = UniqueTempPath(name(1), ".tmp-");
    if (auto st = WriteNew(tmp, bytes, role); !st) return st.error();
    bool links = true;
    for (int n = 1; n <= 999; ++n) {
        const fs::path target = name(n);
        if (links) {
            if (CreateHardLinkW(target.c_str(), tmp.c_str(), nullptr)) {
                DeleteFileW(tmp.c_str());
                return target;
            }
            const DWORD err = GetLastError();
            if (err == ERROR_ALREADY_EXISTS || err == ERROR_FILE_EXISTS) continue;
            if (err != ERROR_INVALID_FUNCTION && err != ERROR_NOT_SUPPORTED && err != ERROR_ACCESS_DENIED) {
                DeleteFileW(tmp.c_str());
                return WinError(err, role, target);
            }
            links = false;  // FAT or exFAT on a USB stick: create the name exclusively instead
            DeleteFileW(tmp.c_str());
        }
        bool existed = false;
        if (auto st = WriteNew(target, bytes, role, &existed); st)
            return target;
        else if (!existed)
            return st.error();
    }
    if (links) DeleteFileW(tmp.c_str());
    return MakeError(ErrorCode::kIo, Format(tr("{what} '{path}': no free file name"),
                                            {{"what", role}, {"path", Utf8FromPath(name(1))}}));
}

Status MakeDirs(const fs::path& path, std::string_view role) {
    if (auto st = CheckNoNul(path, role); !st) return st;
    std::error_code ec;
    fs::create_directories(path, ec);
    if (!ec) return Ok{};
    if (ec.category() == std::system_category()) return WinError(static_cast<DWORD>(ec.value()), role, path);
    return ErrnoError(ec.value(), role, path);
}

Result<bool> OverwriteAndRemove(const fs::path& path, std::string_view role) {
    if (auto st = CheckNoNul(path, role); !st) return st.error();
    const DWORD attributes = GetFileAttributesW(path.c_str());
    if (attributes == INVALID_FILE_ATTRIBUTES) {
        const DWORD err = GetLastError();
        if (err == ERROR_FILE_NOT_FOUND || err == ERROR_PATH_NOT_FOUND) return false;
        return WinError(err, role, path);
    }
    if (attributes & FILE_ATTRIBUTE_READONLY) SetFileAttributesW(path.c_str(), attributes & ~FILE_ATTRIBUTE_READONLY);
    if (!(attributes & (FILE_ATTRIBUTE_REPARSE_POINT | FILE_ATTRIBUTE_DIRECTORY))) {
        Handle file(CreateFileW(path.c_str(), GENERIC_WRITE, 0, nullptr, OPEN_EXISTING,
                                FILE_ATTRIBUTE_NORMAL | FILE_FLAG_OPEN_REPARSE_POINT, nullptr));
        if (!file.ok()) return WinError(GetLastError(), role, path);
        LARGE_INTEGER size{};
        GetFileSizeEx(file.h, &size);
        static const char zeros[65536] = {};
        for (long long left = size.QuadPart; left > 0;) {
            const size_t n = static_cast<size_t>(std::min<long long>(left, sizeof zeros));
            if (!WriteAll(file.h, zeros, n)) break;  // still removed below; the caveat about old blocks covers this
            left -= static_cast<long long>(n);
        }
        FlushFileBuffers(file.h);
    }
    const BOOL removed = (attributes & FILE_ATTRIBUTE_DIRECTORY) ? RemoveDirectoryW(path.c_str())  // a directory link
                                                                 : DeleteFileW(path.c_str());
    if (!removed) return WinError(GetLastError(), role, path);
    return true;
}

}  // namespace fk::platform
