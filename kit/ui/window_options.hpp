// The window's command-line options: `fieldkit --screenshot FILE.png [--open ID]
// [--search QUERY] [--size WxH] [--theme T] [--scale S]`.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace fk::ui {

struct WindowOptions {
    std::string screenshot;  // empty: interactive window
    std::string open_id;
    std::string search;
    int width = 0, height = 0;  // 0: saved or default size
    std::string theme;          // empty: the reader's setting
    float scale = 0;            // 0: the monitor's content scale
};

// Returns an error message (for a usage error) or fills `out`.
std::optional<std::string> ParseWindowOptions(const std::vector<std::string>& args, WindowOptions& out);

}  // namespace fk::ui
