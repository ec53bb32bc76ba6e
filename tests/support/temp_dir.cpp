// TempDir implementation (mkdtemp under $TMPDIR or /tmp).
#include "tests/support/temp_dir.hpp"

#include <cstdlib>
#include <system_error>

namespace fk::test {

TempDir::TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string tmpl = std::string(base && *base ? base : "/tmp") + "/fieldkit-test-XXXXXX";
    if (char* made = mkdtemp(tmpl.data())) m_path = made;
}

TempDir::~TempDir() {
    std::error_code ec;
    if (!m_path.empty()) std::filesystem::remove_all(m_path, ec);
}

}  // namespace fk::test
