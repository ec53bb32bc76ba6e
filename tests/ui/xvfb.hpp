// Running the real window under Xvfb in tests: the command line and the environment.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "tests/support/process.hpp"

namespace fk::test {

// xvfb-run comes with the test set-up (platform/debian/packages.txt): missing, it is a failure.
inline void RequireXvfb() {
    if (!HaveProgram("xvfb-run")) FAIL("xvfb-run is not installed (apt-get install xvfb)");
}

// `xvfb-run -a -s SCREEN` followed by `argv`.
inline std::vector<std::string> UnderXvfb(std::vector<std::string> argv, const std::string& screen = "-screen 0 1280x800x24") {
    argv.insert(argv.begin(), {"xvfb-run", "-a", "-s", screen});
    return argv;
}

// The window's environment. In the ASan build LeakSanitizer is off for it: Mesa's driver is
// unloaded before exit, so what it never freed cannot be told apart from our leaks (every
// other test keeps leak checks; address and undefined-behaviour checks stay on here too).
inline std::map<std::string, std::string> WindowEnv(const std::filesystem::path& config_home) {
    return {{"XDG_CONFIG_HOME", config_home.string()}, {"ASAN_OPTIONS", "detect_leaks=0"}};
}

}  // namespace fk::test
