// The passphrase prompt on a real terminal (a pseudo-terminal the test owns): echo is off
// while it waits, and Ctrl-C (SIGINT) or a kill (SIGTERM) leaves the terminal echoing again.
#include <doctest/doctest.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <string>

#include "tests/support/temp_dir.hpp"

namespace {

// Reads from the terminal until `want` appears or a few seconds pass.
bool WaitFor(int master, const std::string& want) {
    std::string seen;
    char buf[256];
    for (int i = 0; i < 100 && seen.find(want) == std::string::npos; ++i) {
        pollfd p{master, POLLIN, 0};
        if (::poll(&p, 1, 100) <= 0) continue;
        const ssize_t n = ::read(master, buf, sizeof buf);
        if (n <= 0) break;
        seen.append(buf, static_cast<size_t>(n));
    }
    return seen.find(want) != std::string::npos;
}

bool Echoing(int master) {
    termios t{};
    REQUIRE(::tcgetattr(master, &t) == 0);
    return (t.c_lflag & ECHO) != 0;
}

void InterruptAtPrompt(int sig) {
    fk::test::TempDir dir;
    int master = -1;
    const pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::execl(FK_BINARY, FK_BINARY, "--data-dir", dir.path().c_str(), "notes", "passphrase", nullptr);
        ::_exit(127);
    }
    CHECK(Echoing(master));
    REQUIRE(WaitFor(master, "assphrase"));
    CHECK_FALSE(Echoing(master));
    ::kill(pid, sig);
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    CHECK(WIFSIGNALED(status));
    CHECK(Echoing(master));
    ::close(master);
}

}  // namespace

TEST_CASE("Ctrl-C at the passphrase prompt leaves the terminal echoing") {
    InterruptAtPrompt(SIGINT);
}

TEST_CASE("a kill at the passphrase prompt leaves the terminal echoing") {
    InterruptAtPrompt(SIGTERM);
}
