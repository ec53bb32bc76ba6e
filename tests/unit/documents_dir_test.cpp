// Where "Print handout" saves: the XDG documents directory when it exists, else ~/Documents,
// else the home directory.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>

#include "platform/paths.hpp"
#include "tests/support/temp_dir.hpp"

using namespace fk;
namespace fs = std::filesystem;

namespace {

// Sets an environment variable for one scope and puts the old value back.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const std::optional<std::string>& value) : m_name(name) {
        if (const char* old = std::getenv(name)) m_old = old;
        if (value)
            ::setenv(name, value->c_str(), 1);
        else
            ::unsetenv(name);
    }
    ~ScopedEnv() {
        if (m_old)
            ::setenv(m_name, m_old->c_str(), 1);
        else
            ::unsetenv(m_name);
    }

private:
    const char* m_name;
    std::optional<std::string> m_old;
};

}  // namespace

TEST_CASE("documents: XDG variable, then user-dirs.dirs, then ~/Documents, then home") {
    test::TempDir dir;
    const fs::path home = dir.path() / "home", config = dir.path() / "config";
    fs::create_directories(home);
    fs::create_directories(config);
    ScopedEnv h("HOME", home.string()), c("XDG_CONFIG_HOME", config.string()), d("XDG_DOCUMENTS_DIR", std::nullopt);
    CHECK(platform::DocumentsDir() == home);
    fs::create_directories(home / "Documents");
    CHECK(platform::DocumentsDir() == home / "Documents");
    std::ofstream(config / "user-dirs.dirs")
        << "# written by xdg-user-dirs-update\nXDG_DOCUMENTS_DIR=\"$HOME/Dokumente\"\n";
    CHECK(platform::DocumentsDir() == home / "Documents");  // named, but not there
    fs::create_directories(home / "Dokumente");
    CHECK(platform::DocumentsDir() == home / "Dokumente");
    {
        ScopedEnv named("XDG_DOCUMENTS_DIR", (dir.path() / "papers").string());
        CHECK(platform::DocumentsDir() == home / "Dokumente");  // the variable names no directory
        fs::create_directories(dir.path() / "papers");
        CHECK(platform::DocumentsDir() == dir.path() / "papers");
    }
}
