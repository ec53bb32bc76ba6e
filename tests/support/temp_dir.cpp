// TempDir implementation: a new directory with a random name under the system's temporary
// directory ($TMPDIR or /tmp on POSIX, GetTempPath on Windows).
#include "tests/support/temp_dir.hpp"

#include <cstdio>
#include <random>
#include <system_error>

namespace fk::test {

TempDir::TempDir() {
    std::error_code ec;
    const std::filesystem::path base = std::filesystem::temp_directory_path(ec);
    std::random_device random;
    for (int attempt = 0; attempt < 100 && !ec; ++attempt) {
        char name[32];
        std::snprintf(name, sizeof name, "fieldkit-test-%08x", static_cast<unsigned>(random()));
        const auto candidate = base / name;
        if (std::filesystem::create_directory(candidate, ec) && !ec) {
            m_path = candidate;
            return;
        }
    }
}

TempDir::~TempDir() {
    std::error_code ec;
    if (!m_path.empty()) std::filesystem::remove_all(m_path, ec);
}

}  // namespace fk::test
