// `--data-dir DIR` (or `--data-dir=DIR`) may come anywhere on the command line of both
// programs; it is taken out before anything else reads the arguments.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace fk::cli {

struct DataDirOption {
    std::optional<std::filesystem::path> dir;  // the last one given
    std::optional<std::string> error;          // a usage error, already translated
};

DataDirOption TakeDataDirOption(std::vector<std::string>& args);

}  // namespace fk::cli
