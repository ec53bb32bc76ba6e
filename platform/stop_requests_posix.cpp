// Stop requests on POSIX: the signals are blocked in every thread and taken by sigwait, so no
// handler runs in the middle of a thread's work.
#include <pthread.h>
#include <signal.h>

#include "platform/stop_requests.hpp"

namespace fk::platform {
namespace {

sigset_t g_held;
std::atomic<bool>* g_flag = nullptr;

}  // namespace

void HoldStopRequests(bool hangup) {
    sigemptyset(&g_held);
    sigaddset(&g_held, SIGINT);
    sigaddset(&g_held, SIGTERM);
    if (hangup) sigaddset(&g_held, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &g_held, nullptr);
}

std::string WaitForStopRequest() {
    int sig = 0;
    sigwait(&g_held, &sig);
    return sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" : "SIGHUP";
}

void SetFlagOnStopRequest(std::atomic<bool>* flag) {
    static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");
    g_flag = flag;
    struct sigaction sa {};
    sa.sa_handler = [](int) {
        if (g_flag) g_flag->store(true);
    };
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
}

}  // namespace fk::platform
