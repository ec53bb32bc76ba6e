// A download's partial file: opened for appending under a stable name (so a later attempt
// resumes it), never through a symbolic link, created if missing.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string_view>

#include "platform/result.hpp"

namespace fk::platform {

class PartialFile {
public:
    // `role` names the file in error messages. Errors as ErrnoError (kIo, kNoSpace, kNotFound).
    static Result<std::unique_ptr<PartialFile>> Open(const std::filesystem::path& path, std::string_view role);
    virtual ~PartialFile() = default;

    virtual Result<std::uint64_t> Size() = 0;  // as it is now on disk
    virtual Status Truncate() = 0;             // to zero bytes
    virtual Status Append(const char* data, size_t size) = 0;
    virtual Status Sync() = 0;  // flushed to the medium

protected:
    PartialFile() = default;
};

}  // namespace fk::platform
