// Companion programs on Windows: found through GetModuleFileNameW, started with CreateProcessW.
// First: the other Windows headers need its types.
#include <windows.h>

#include <shellapi.h>

#include <cstdlib>

#include "platform/i18n.hpp"
#include "platform/programs.hpp"
#include "platform/utf8_path.hpp"
#include "platform/win_text.hpp"

namespace fk::platform {
namespace {

// One argument quoted so that CommandLineToArgvW (and the C runtime) read it back unchanged:
// backslashes are literal except before a quote, where they are doubled.
void AppendQuoted(std::wstring& line, const std::wstring& arg) {
    if (!arg.empty() && arg.find_first_of(L" \t\n\v\"") == std::wstring::npos) {
        line += arg;
        return;
    }
    line += L'"';
    size_t backslashes = 0;
    for (wchar_t c : arg) {
        if (c == L'\\') {
            ++backslashes;
            continue;
        }
        if (c == L'"')
            line.append(backslashes * 2 + 1, L'\\');
        else
            line.append(backslashes, L'\\');
        backslashes = 0;
        line += c;
    }
    line.append(backslashes * 2, L'\\');
    line += L'"';
}

}  // namespace

std::filesystem::path ExecutableDir() {
    std::wstring name(MAX_PATH, L'\0');
    for (;;) {
        const DWORD n = GetModuleFileNameW(nullptr, name.data(), static_cast<DWORD>(name.size()));
        if (n == 0) return {};
        if (n < name.size()) {
            name.resize(n);
            return std::filesystem::path(name).parent_path();
        }
        name.resize(name.size() * 2);  // truncated: a long path
    }
}

std::filesystem::path CompanionProgram(std::string_view name) {
    // Everything of a Windows kit lies in one directory (installed or on a stick).
    return ExecutableDir() / PathFromUtf8(std::string(name) + ".exe");
}

Status ReplaceProcess(const std::filesystem::path& program, const std::vector<std::string>& args) {
    std::wstring line;
    AppendQuoted(line, program.native());
    for (const auto& a : args) {
        line += L' ';
        AppendQuoted(line, WideFromUtf8(a));
    }
    STARTUPINFOW startup{};
    startup.cb = sizeof startup;
    startup.dwFlags = STARTF_USESTDHANDLES;
    startup.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    startup.hStdOutput = GetStdHandle(STD_OUTPUT_HANDLE);
    startup.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    PROCESS_INFORMATION child{};
    if (!CreateProcessW(program.c_str(), line.data(), nullptr, nullptr, TRUE, 0, nullptr, nullptr, &startup, &child))
        return WinError(GetLastError(), tr("program"), program);
    CloseHandle(child.hThread);
    // The child shares the console: Ctrl+C is its to handle, this process only passes on its exit code.
    SetConsoleCtrlHandler(nullptr, TRUE);
    WaitForSingleObject(child.hProcess, INFINITE);
    DWORD code = 1;
    GetExitCodeProcess(child.hProcess, &code);
    CloseHandle(child.hProcess);
    std::exit(static_cast<int>(code));
}

std::vector<std::string> Utf8Arguments(int, char**) {
    int count = 0;
    wchar_t** wide = CommandLineToArgvW(GetCommandLineW(), &count);
    std::vector<std::string> args;
    for (int i = 1; wide && i < count; ++i) args.push_back(Utf8FromWide(wide[i]));
    LocalFree(wide);
    return args;
}

}  // namespace fk::platform
