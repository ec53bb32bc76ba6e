// fieldkit-window's entry point: the window alone, so that the command line never loads
// GLFW, GL and X11. `fieldkit` with no command (or --screenshot) starts this program.
#include <iostream>

#include "kit/cli/built_in.hpp"
#include "kit/cli/data_dir_option.hpp"
#include "kit/ui/window.hpp"
#include "platform/i18n.hpp"
#include "platform/paths.hpp"
#include "platform/programs.hpp"
#include "platform/terminal.hpp"

int main(int argc, char** argv) {
    std::vector<std::string> args = fk::platform::Utf8Arguments(argc, argv);
    fk::platform::PrepareConsole();
    fk::i18n::Init(fk::i18n::LocaleDirOfExecutable());
    auto data_dir = fk::cli::TakeDataDirOption(args);
    if (data_dir.error) {
        std::cerr << "fieldkit: " << *data_dir.error << "\n";
        return 2;
    }
    return fk::ui::RunWindow(data_dir.dir.value_or(fk::platform::DefaultDataDir()), fk::cli::BuiltInContent(), args);
}
