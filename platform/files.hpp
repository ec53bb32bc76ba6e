// File helpers with crash safety: whole-file reads with a size cap, and atomic replace
// (write a temporary beside the target, fsync it, rename over, fsync the directory).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "platform/result.hpp"

namespace fk::platform {

namespace fs = std::filesystem;

// Reads a whole file. `role` names it in error messages ("bundle", "public key").
// Fails with kTooLarge past max_bytes, kNotFound if absent.
Result<std::string> ReadFile(const fs::path& path, std::string_view role,
                             std::uint64_t max_bytes = 1ull << 30);

// Replaces `path` with `bytes` so that a crash leaves either the old or the new file. The
// temporary beside it has an unpredictable name and is created with O_EXCL|O_NOFOLLOW, so a
// symlink planted on a foreign disk is never followed.
Status WriteFileAtomic(const fs::path& path, std::string_view bytes, std::string_view role);

// Creates `path` (which must not exist, not even as a symlink) with `mode` and writes `bytes`.
// Used for secret keys: 0600 from the first byte, and never over an existing file.
Status WriteNewFile(const fs::path& path, std::string_view bytes, std::string_view role, unsigned mode);

// Saves `bytes` in `dir` as "<stem><ext>", or "<stem>-2<ext>", "-3" ... when that name is
// taken: never over an existing file. The file appears whole or not at all (written beside,
// then hard-linked into place) where the file system has hard links; elsewhere (FAT on a USB
// stick) it is created exclusively and written. Returns the path written. `stem` and `ext`
// must be plain names (no '/'). Gives up after 999 names with kIo.
Result<fs::path> WriteFileUnderFreeName(const fs::path& dir, std::string_view stem, std::string_view ext,
                                        std::string_view bytes, std::string_view role);

// `target` + `tag` + 16 random hex digits: a name beside the target nobody can plant in advance.
fs::path UniqueTempPath(const fs::path& target, std::string_view tag);

// Creates a directory and its parents; reports failures with the role and path.
Status MakeDirs(const fs::path& path, std::string_view role);

// Flushes a directory entry so a preceding rename survives power loss (on Windows the
// replace itself is written through, and this does nothing).
Status SyncDirectory(const fs::path& dir);

// Flushes a whole file's data to the medium (a file another library wrote, like SQLite with
// synchronous=OFF). Errors as ErrnoError.
Status SyncFile(const fs::path& path, std::string_view role);

// Overwrites a regular file with zeros (and fsyncs) before removing it; a symbolic link is
// removed without following it. Returns false if there was nothing to remove. On flash
// storage and copy-on-write file systems the old blocks may survive the overwrite.
Result<bool> OverwriteAndRemove(const fs::path& path, std::string_view role);

// Maps errno to an ErrorCode (ENOSPC -> kNoSpace, ENOENT -> kNotFound, otherwise kIo).
Error ErrnoError(int err, std::string_view role, const fs::path& path);

}  // namespace fk::platform
