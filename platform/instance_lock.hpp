// One running instance per file: an advisory lock held for the life of the object (flock on
// POSIX; the kernel drops it when the process dies, even by kill -9, so no stale lock is left).
#pragma once

#include <filesystem>
#include <memory>

#include "platform/result.hpp"

namespace fk::platform {

class InstanceLock {
public:
    virtual ~InstanceLock() = default;  // releases the lock

    // Takes the lock on `path` (created if missing) and writes this process's id into it.
    // Already held by another process: kLocked, with that process's id in `holder_pid`
    // (0 if unreadable). Other failures: kIo, kNoSpace.
    static Result<std::unique_ptr<InstanceLock>> Take(const std::filesystem::path& path, long& holder_pid);

protected:
    InstanceLock() = default;
};

}  // namespace fk::platform
