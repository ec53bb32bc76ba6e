// Stop requests on Windows: SetConsoleCtrlHandler. The handler runs on a thread of its own
// that the system starts; it only records the request and wakes the waiter. For a closing
// console (or logoff, shutdown) the system ends the process once the handler returns, so the
// handler waits there while the main thread stops cleanly and exits (the system allows about
// five seconds).
#include <windows.h>

#include "platform/stop_requests.hpp"

namespace fk::platform {
namespace {

HANDLE g_requested = nullptr;  // manual-reset event
std::atomic<DWORD> g_kind{0};
bool g_hangup = false;
std::atomic<bool>* g_flag = nullptr;

bool IsClosing(DWORD type) {
    return type == CTRL_CLOSE_EVENT || type == CTRL_LOGOFF_EVENT || type == CTRL_SHUTDOWN_EVENT;
}

BOOL WINAPI OnConsoleEvent(DWORD type) {
    if (g_flag) {
        g_flag->store(true);
    } else {
        if (IsClosing(type) && !g_hangup) return FALSE;  // default: the process ends now
        g_kind.store(type);
        SetEvent(g_requested);
    }
    if (IsClosing(type)) Sleep(INFINITE);  // returning would end the process before it cleaned up
    return TRUE;
}

}  // namespace

void HoldStopRequests(bool hangup) {
    g_hangup = hangup;
    if (!g_requested) g_requested = CreateEventW(nullptr, TRUE, FALSE, nullptr);
    SetConsoleCtrlHandler(OnConsoleEvent, TRUE);
}

std::string WaitForStopRequest() {
    WaitForSingleObject(g_requested, INFINITE);
    switch (g_kind.load()) {
        case CTRL_C_EVENT:
            return "Ctrl+C";
        case CTRL_BREAK_EVENT:
            return "Ctrl+Break";
        case CTRL_CLOSE_EVENT:
            return "console closed";
        default:
            return "session ending";
    }
}

void SetFlagOnStopRequest(std::atomic<bool>* flag) {
    g_flag = flag;
    SetConsoleCtrlHandler(OnConsoleEvent, TRUE);
}

}  // namespace fk::platform
