// ReadPassphrase on POSIX terminals (termios).
#include <fcntl.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>

#include "platform/passphrase.hpp"

namespace fk::platform {

Result<std::string> ReadPassphrase(std::string_view prompt) {
    int fd = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return MakeError(ErrorCode::kUsage, "no terminal to ask for the passphrase on");
    termios saved{};
    const bool is_tty = ::tcgetattr(fd, &saved) == 0;
    if (is_tty) {
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
    if (is_tty) ::tcsetattr(fd, TCSAFLUSH, &saved);
    (void)!::write(fd, "\n", 1);
    ::close(fd);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!ended && line.empty()) return MakeError(ErrorCode::kUsage, "no passphrase given");
    return line;
}

void WipeString(std::string& secret) {
    if (!secret.empty()) explicit_bzero(secret.data(), secret.size());
    secret.clear();
}

}  // namespace fk::platform
