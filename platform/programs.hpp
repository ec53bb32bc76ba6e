// The programs fieldkit is made of. The command line and the window are separate executables
// so that a command never loads the window's libraries (GLFW, GL, X11): `fieldkit` with no
// command hands over to `fieldkit-window`.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "platform/result.hpp"

namespace fk::platform {

// The directory of the running executable (empty if it cannot be known).
std::filesystem::path ExecutableDir();

// A program that ships with this one: beside it (a build tree), else in ../libexec/fieldkit
// (an installed package). Returns the first candidate that exists, else the installed path.
std::filesystem::path CompanionProgram(std::string_view name);

// Hands this process over to `program` run with `args`. Returns only on failure (kIo). POSIX
// replaces the process (execv). Windows has no exec: the program is started, waited for, and
// this process exits with its exit code.
Status ReplaceProcess(const std::filesystem::path& program, const std::vector<std::string>& args);

// The command-line arguments after the program's name, as UTF-8. POSIX: argv as given.
// Windows: the UTF-16 command line (argv there is in the ANSI code page, and loses what it
// cannot spell), converted.
std::vector<std::string> Utf8Arguments(int argc, char** argv);

}  // namespace fk::platform
