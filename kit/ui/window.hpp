// The window: `fieldkit` with no subcommand, and `fieldkit --screenshot`.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "kit/core/library.hpp"

namespace fk::ui {

// Runs the window until it is closed; returns the process exit status. `args` are the
// command-line arguments (empty, or --screenshot and its options).
int RunWindow(const std::filesystem::path& data_dir, const core::BuiltIn& built_in,
              const std::vector<std::string>& args);

}  // namespace fk::ui
