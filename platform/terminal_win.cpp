// Windows implementation of platform/terminal.hpp: the console.
// First: the other Windows headers need its types.
#include <windows.h>

#include <fcntl.h>
#include <io.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>

#include "platform/console_win.hpp"
#include "platform/i18n.hpp"
#include "platform/terminal.hpp"
#include "platform/win_text.hpp"

namespace fk::platform {
namespace {

// Output handles switched to escape sequences by PrepareConsole.
bool g_vt[3] = {false, false, false};
UINT g_saved_output_cp = 0, g_saved_input_cp = 0;

DWORD StdHandleId(StdStream s) {
    return s == StdStream::kIn ? STD_INPUT_HANDLE : s == StdStream::kOut ? STD_OUTPUT_HANDLE : STD_ERROR_HANDLE;
}

bool IsConsole(StdStream s) {
    DWORD mode = 0;
    const HANDLE h = GetStdHandle(StdHandleId(s));
    return h && h != INVALID_HANDLE_VALUE && GetConsoleMode(h, &mode);
}

// The console's code pages belong to the console, not to this process: put them back, so the
// shell that started us is left as it was.
void RestoreCodePages() {
    if (g_saved_output_cp) SetConsoleOutputCP(g_saved_output_cp);
    if (g_saved_input_cp) SetConsoleCP(g_saved_input_cp);
}

// Restores the console mode if Ctrl+C or a closing console ends the process mid-prompt.
HANDLE g_prompt_in = INVALID_HANDLE_VALUE;
DWORD g_prompt_saved_mode = 0;
BOOL WINAPI RestoreModeOnStop(DWORD) {
    if (g_prompt_in != INVALID_HANDLE_VALUE) SetConsoleMode(g_prompt_in, g_prompt_saved_mode);
    return FALSE;  // and let the next handler (or the default: exit) act
}

}  // namespace

void PrepareConsole() {
    // Bytes out as written: UTF-8 text goes to files and pipes without "\r" added before "\n".
    _setmode(_fileno(stdout), _O_BINARY);
    _setmode(_fileno(stderr), _O_BINARY);
    if (IsConsole(StdStream::kOut) || IsConsole(StdStream::kErr)) {
        g_saved_output_cp = GetConsoleOutputCP();
        g_saved_input_cp = GetConsoleCP();
        SetConsoleOutputCP(CP_UTF8);
        SetConsoleCP(CP_UTF8);
        std::atexit(RestoreCodePages);
    }
    for (StdStream s : {StdStream::kOut, StdStream::kErr}) {
        const HANDLE h = GetStdHandle(StdHandleId(s));
        DWORD mode = 0;
        if (!h || h == INVALID_HANDLE_VALUE || !GetConsoleMode(h, &mode)) continue;
        // Windows 10 1511 and later understand VT escape sequences once asked; older consoles refuse.
        g_vt[static_cast<int>(s)] = SetConsoleMode(h, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING) != 0;
    }
}

bool IsTerminal(StdStream stream) {
    if (stream == StdStream::kIn) return IsConsole(stream);
    return IsConsole(stream) && g_vt[static_cast<int>(stream)];
}

Result<std::string> ReadConsoleLineWithoutEcho(std::string_view prompt, size_t max_bytes, const char* no_console) {
    const HANDLE in = CreateFileW(L"CONIN$", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr,
                                  OPEN_EXISTING, 0, nullptr);
    const HANDLE out = CreateFileW(L"CONOUT$", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                                   nullptr, OPEN_EXISTING, 0, nullptr);
    DWORD saved = 0;
    if (in == INVALID_HANDLE_VALUE || out == INVALID_HANDLE_VALUE || !GetConsoleMode(in, &saved)) {
        if (in != INVALID_HANDLE_VALUE) CloseHandle(in);
        if (out != INVALID_HANDLE_VALUE) CloseHandle(out);
        return MakeError(ErrorCode::kUsage, no_console);
    }
    g_prompt_in = in;
    g_prompt_saved_mode = saved;
    SetConsoleCtrlHandler(RestoreModeOnStop, TRUE);
    SetConsoleMode(in, (saved | ENABLE_LINE_INPUT | ENABLE_PROCESSED_INPUT) & ~static_cast<DWORD>(ENABLE_ECHO_INPUT));
    const std::wstring wide_prompt = WideFromUtf8(prompt);
    DWORD wrote = 0;
    WriteConsoleW(out, wide_prompt.data(), static_cast<DWORD>(wide_prompt.size()), &wrote, nullptr);
    std::wstring line;
    bool ended = false;
    for (;;) {
        wchar_t buf[256];
        DWORD got = 0;
        if (!ReadConsoleW(in, buf, 256, &got, nullptr) || got == 0) break;
        std::wstring_view chunk(buf, got);
        const size_t nl = chunk.find(L'\n');
        line.append(chunk.substr(0, nl));
        if (nl != std::wstring_view::npos) {
            ended = true;
            break;
        }
        if (line.size() > 4 * max_bytes) break;
    }
    SetConsoleMode(in, saved);
    SetConsoleCtrlHandler(RestoreModeOnStop, FALSE);
    g_prompt_in = INVALID_HANDLE_VALUE;
    WriteConsoleW(out, L"\r\n", 2, &wrote, nullptr);
    CloseHandle(in);
    CloseHandle(out);
    if (!line.empty() && line.back() == L'\r') line.pop_back();
    std::string text = Utf8FromWide(line);
    SecureZeroMemory(line.data(), line.size() * sizeof(wchar_t));
    if (text.size() > max_bytes) {
        SecureZeroMemory(text.data() + max_bytes, text.size() - max_bytes);
        text.resize(max_bytes);
    }
    if (!ended && text.empty()) return MakeError(ErrorCode::kUsage, tr("no passphrase given"));
    return text;
}

Result<std::string> ReadSecretFromTerminal(std::string_view prompt) {
    return ReadConsoleLineWithoutEcho(prompt, 4096, tr("no terminal to ask for the passphrase"));
}

}  // namespace fk::platform
