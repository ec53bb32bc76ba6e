// Placeholder until the window lands: points the reader to the command line.
#include <cstdio>

#include "kit/ui/window.hpp"

namespace fk::ui {

int RunWindow(const std::filesystem::path&, const core::BuiltIn&, const std::vector<std::string>&) {
    std::fprintf(stderr, "fieldkit: the window is not built in this version; use the commands (fieldkit --help)\n");
    return 1;
}

}  // namespace fk::ui
