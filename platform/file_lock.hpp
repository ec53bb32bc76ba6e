// A lock that waits: serialises changes to a directory between processes (a CLI import while
// the window runs). Released when the object goes, or when the process dies.
#pragma once

#include <filesystem>
#include <memory>

namespace fk::platform {

class WaitingFileLock {
public:
    virtual ~WaitingFileLock() = default;

protected:
    WaitingFileLock() = default;
};

// Opens (creating) `path` and waits for the exclusive lock on it. Null when the file cannot
// be opened (a read-only medium): the caller goes on unserialised, as it always did.
std::unique_ptr<WaitingFileLock> LockFileWaiting(const std::filesystem::path& path);

}  // namespace fk::platform
