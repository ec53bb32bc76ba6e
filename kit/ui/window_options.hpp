// The window's command-line options: `fieldkit --screenshot FILE.png [--open ID]
// [--search QUERY] [--screen home|library|settings] [--size WxH] [--theme T] [--scale S]`.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace fk::ui {

struct WindowOptions {
    std::string screenshot;  // empty: interactive window
    std::string open_id;
    std::string search;
    std::string screen;         // home | library | settings; empty: home
    int width = 0, height = 0;  // 0: saved or default size
    std::string theme;          // empty: the reader's setting
    float scale = 0;            // 0: the monitor's content scale
};

// Returns an error message (for a usage error) or fills `out`.
std::optional<std::string> ParseWindowOptions(const std::vector<std::string>& args, WindowOptions& out);

}  // namespace fk::ui
