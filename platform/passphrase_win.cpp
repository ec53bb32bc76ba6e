// ReadPassphrase on the Windows console (echo off with SetConsoleMode: console_win.hpp).
#include <windows.h>

#include "platform/console_win.hpp"
#include "platform/i18n.hpp"
#include "platform/passphrase.hpp"

namespace fk::platform {

Result<std::string> ReadPassphrase(std::string_view prompt) {
    return ReadConsoleLineWithoutEcho(prompt, 1024, tr("no terminal to ask for the passphrase on"));
}

void WipeString(std::string& secret) {
    if (!secret.empty()) SecureZeroMemory(secret.data(), secret.size());
    secret.clear();
}

}  // namespace fk::platform
