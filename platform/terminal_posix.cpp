// POSIX implementation of platform/terminal.hpp.
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>

#include "platform/i18n.hpp"
#include "platform/terminal.hpp"

namespace fk::platform {

void PrepareConsole() {}

bool IsTerminal(StdStream stream) {
    const int fd = stream == StdStream::kIn ? STDIN_FILENO : stream == StdStream::kOut ? STDOUT_FILENO : STDERR_FILENO;
    return ::isatty(fd) != 0;
}

Result<std::string> ReadSecretFromTerminal(std::string_view prompt) {
    const int fd = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return MakeError(ErrorCode::kUsage, tr("no terminal to ask for the passphrase"));
    termios saved{};
    const bool have_termios = ::tcgetattr(fd, &saved) == 0;
    if (have_termios) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO | ECHONL);
        quiet.c_lflag |= ICANON;
        ::tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    (void)!::write(fd, prompt.data(), prompt.size());
    std::string line;
    bool ended = false;
    for (char c; line.size() < 4096;) {
        const ssize_t n = ::read(fd, &c, 1);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0 || c == '\n') {
            ended = n > 0;
            break;
        }
        line += c;
    }
    if (have_termios) ::tcsetattr(fd, TCSAFLUSH, &saved);
    (void)!::write(fd, "\n", 1);
    ::close(fd);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!ended && line.empty()) return MakeError(ErrorCode::kUsage, tr("no passphrase given"));
    return line;
}

}  // namespace fk::platform
