// nginx as a child process on a free loopback port.
#include "tests/sync/support/nginx.hpp"

#include <unistd.h>

#include <fstream>
#include <sstream>

namespace fk::test {

std::string NginxConfig(const std::filesystem::path& root, const std::filesystem::path& prefix,
                        const std::string& listen) {
    const std::string p = prefix.string();
    std::ostringstream conf;
    // As root, workers would drop to `nobody`, who cannot read a 0700 temp directory (and in
    // a user namespace `nobody` is not even mapped).
    if (geteuid() == 0) conf << "user root root;\n";
    conf << "worker_processes 1;\nerror_log " << p << "/logs/error.log;\npid " << p << "/nginx.pid;\n"
         << "events { worker_connections 64; }\nhttp {\n"
         << "  log_format wire '$request_uri $status $bytes_sent $request_length';\n"
         << "  access_log " << p << "/logs/access.log wire;\n"
         << "  client_body_temp_path " << p << "/tmp/body; proxy_temp_path " << p << "/tmp/proxy;\n"
         << "  fastcgi_temp_path " << p << "/tmp/fcgi; uwsgi_temp_path " << p << "/tmp/uwsgi; scgi_temp_path " << p
         << "/tmp/scgi;\n"
         << "  default_type application/octet-stream;\n"
         << "  keepalive_timeout 0;\n"
         << "  server { listen " << listen << "; root " << root.string() << "; autoindex off; }\n}\n";
    return conf.str();
}

Nginx::Nginx(const std::filesystem::path& root, const std::filesystem::path& prefix) : m_prefix(prefix) {
    std::filesystem::create_directories(prefix / "logs");
    std::filesystem::create_directories(prefix / "tmp");
    for (int attempt = 0; attempt < 5 && m_port < 0; ++attempt) {
        const int port = FreeLoopbackPort();
        std::ofstream conf(prefix / "nginx.conf");
        conf << NginxConfig(root, prefix, "127.0.0.1:" + std::to_string(port));
        conf.close();
        const std::string p = prefix.string();
        m_child = std::make_unique<Child>(std::vector<std::string>{"nginx", "-p", p, "-c", p + "/nginx.conf", "-g",
                                                                   "daemon off;"});
        if (m_child->Started() && WaitForPort(port, 5000)) m_port = port;
        else m_child.reset();
    }
}

std::string Nginx::AccessLog() const {
    std::ifstream in(m_prefix / "logs" / "access.log");
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string Nginx::Log() const {
    std::ifstream in(m_prefix / "logs" / "error.log");
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace fk::test
