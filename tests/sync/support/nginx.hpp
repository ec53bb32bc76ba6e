// Debian's nginx, started by a test on 127.0.0.1 with its own prefix and config in a temp
// directory, serving one directory as a static mirror (Range supported, no listing).
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "tests/support/child.hpp"

namespace fk::test {

// nginx.conf serving `root` on `listen` ("127.0.0.1:8080"), with logs and temp dirs in `prefix`.
std::string NginxConfig(const std::filesystem::path& root, const std::filesystem::path& prefix,
                        const std::string& listen);

class Nginx {
public:
    // `prefix` receives nginx.conf, logs and temp dirs.
    Nginx(const std::filesystem::path& root, const std::filesystem::path& prefix);
    bool Running() const { return m_port > 0; }
    int Port() const { return m_port; }
    std::string Url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    std::string Log() const;  // error log, for INFO on failure
    // One line per request: "URI STATUS BYTES_SENT REQUEST_LENGTH" (both counts with headers).
    std::string AccessLog() const;

private:
    std::filesystem::path m_prefix;
    int m_port = -1;
    std::unique_ptr<Child> m_child;
};

}  // namespace fk::test
