// A long-running child process for tests (nginx, `fieldkit serve`): started with its stdout
// on a pipe, stopped with SIGTERM (then SIGKILL) when the object goes away.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace fk::test {

class Child {
public:
    explicit Child(const std::vector<std::string>& argv);
    ~Child();
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    bool Started() const { return m_pid > 0; }
    pid_t Pid() const { return m_pid; }
    // Reads stdout until a full line arrives or `timeout_ms` passes; "" on timeout/EOF.
    std::string ReadLine(int timeout_ms);
    void Stop();
    // Sends `sig` and reaps the process; returns its wait status.
    int KillAndWait(int sig);

private:
    pid_t m_pid = -1;
    int m_out = -1;
    std::string m_buffer;
};

// A TCP port on 127.0.0.1 that was free a moment ago.
int FreeLoopbackPort();
// A loopback port that is bound but never listens: connecting is refused, and no other test
// can take the port while this object lives (a merely "free" port could be reused).
class DeadPort {
public:
    DeadPort();
    ~DeadPort();
    DeadPort(const DeadPort&) = delete;
    DeadPort& operator=(const DeadPort&) = delete;
    int Port() const { return m_port; }
    std::string Url() const { return "http://127.0.0.1:" + std::to_string(m_port); }

private:
    int m_fd = -1;
    int m_port = -1;
};

// Waits until something accepts connections on 127.0.0.1:port.
bool WaitForPort(int port, int timeout_ms);

}  // namespace fk::test
