// ReadPassphrase on POSIX terminals (termios).
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>

#include "platform/i18n.hpp"
#include "platform/passphrase.hpp"

namespace fk::platform {
namespace {

// Ctrl-C or a kill while the prompt is up must not leave the terminal without echo:
// the handler puts the saved settings back, then lets the signal do what it would have done.
int g_tty_fd = -1;
termios g_saved_tty{};

void RestoreTtyAndRaise(int sig) {
    if (g_tty_fd >= 0) ::tcsetattr(g_tty_fd, TCSAFLUSH, &g_saved_tty);
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

}  // namespace

Result<std::string> ReadPassphrase(std::string_view prompt) {
    int fd = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return MakeError(ErrorCode::kUsage, tr("no terminal to ask for the passphrase on"));
    termios saved{};
    const bool is_tty = ::tcgetattr(fd, &saved) == 0;
    struct sigaction restore{}, old_int{}, old_term{}, old_hup{};
    if (is_tty) {
        g_saved_tty = saved;
        g_tty_fd = fd;
        restore.sa_handler = RestoreTtyAndRaise;
        ::sigaction(SIGINT, &restore, &old_int);
        ::sigaction(SIGTERM, &restore, &old_term);
        ::sigaction(SIGHUP, &restore, &old_hup);
        termios quiet = saved;
        quiet.c_lflag &= static_cast<tcflag_t>(~(ECHO | ECHONL));
        quiet.c_lflag |= ICANON;
        ::tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    (void)!::write(fd, prompt.data(), prompt.size());
    std::string line;
    char c = 0;
    bool ended = false;
    for (;;) {
        ssize_t n = ::read(fd, &c, 1);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0 || c == '\n') {
            ended = n > 0;
            break;
        }
        if (line.size() < 1024) line.push_back(c);
    }
    c = 0;
    if (is_tty) {
        ::tcsetattr(fd, TCSAFLUSH, &saved);
        ::sigaction(SIGINT, &old_int, nullptr);
        ::sigaction(SIGTERM, &old_term, nullptr);
        ::sigaction(SIGHUP, &old_hup, nullptr);
        g_tty_fd = -1;
    }
    (void)!::write(fd, "\n", 1);
    ::close(fd);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!ended && line.empty()) return MakeError(ErrorCode::kUsage, tr("no passphrase given"));
    return line;
}

void WipeString(std::string& secret) {
    if (!secret.empty()) explicit_bzero(secret.data(), secret.size());
    secret.clear();
}

}  // namespace fk::platform
