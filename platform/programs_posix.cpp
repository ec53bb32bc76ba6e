// Companion programs on POSIX: found through /proc/self/exe, started with execv.
#include <unistd.h>

#include <cerrno>

#include "platform/files.hpp"
#include "platform/i18n.hpp"
#include "platform/programs.hpp"

namespace fk::platform {

std::filesystem::path ExecutableDir() {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path() : exe.parent_path();
}

std::filesystem::path CompanionProgram(std::string_view name) {
    const auto dir = ExecutableDir();
    const auto beside = dir / name;
    std::error_code ec;
    if (std::filesystem::is_regular_file(beside, ec)) return beside;
    return dir.parent_path() / "libexec" / "fieldkit" / name;
}

Status ReplaceProcess(const std::filesystem::path& program, const std::vector<std::string>& args) {
    std::vector<char*> argv;
    std::string arg0 = program.string();
    argv.push_back(arg0.data());
    std::vector<std::string> copies = args;
    for (auto& a : copies) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(program.c_str(), argv.data());
    return ErrnoError(errno, tr("program"), program);
}

std::vector<std::string> Utf8Arguments(int argc, char** argv) {
    return argc > 1 ? std::vector<std::string>(argv + 1, argv + argc) : std::vector<std::string>();
}

}  // namespace fk::platform
