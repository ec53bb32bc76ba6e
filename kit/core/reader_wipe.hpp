// "Wipe my data": removes the reader's own database (notes, bookmarks, history, ticks,
// settings, the passphrase record) and says plainly what that cannot promise.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "platform/result.hpp"

namespace fk::core {

struct WipeReport {
    std::vector<std::string> removed;  // file names, overwritten with zeros first
};

// Close every ReaderData on `data_dir` first (a window left open keeps writing to the
// removed file until it closes).
Result<WipeReport> WipeReaderData(const std::filesystem::path& data_dir);

// What wiping cannot reach and what it leaves on purpose, in a few plain sentences.
std::string WipeCaveats();

}  // namespace fk::core
