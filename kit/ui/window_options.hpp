// The window's command-line options: `fieldkit --screenshot FILE.png [--open ID]
// [--search QUERY] [--screen home|library|settings] [--size WxH] [--theme T] [--scale S]`, and
// `fieldkit --present ID` (with --screenshot also [--page N] [--reveal N] [--notes]) and
// `fieldkit --share ADDR` (share with the room on that address; with --present, --feedback
// also opens the module's feedback form).
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
    std::string present;        // a workshop article to open in the presenter view
    int page = 0;               // the presenter's page (0: the opening page), for pictures
    int reveal = 0;             // injects revealed, for pictures
    bool notes = false;         // the trainer's pane shown, for pictures
    std::string share;          // one of this computer's addresses: share the kit with the room on it
    bool feedback = false;      // with present: open its feedback form for the room
};

// Returns an error message (for a usage error) or fills `out`.
std::optional<std::string> ParseWindowOptions(const std::vector<std::string>& args, WindowOptions& out);

}  // namespace fk::ui
