// POSIX side of i18n_gettext.cpp: glibc's gettext.
#include <libintl.h>

#include <clocale>
#include <cstdlib>

#include "platform/i18n_system.hpp"

namespace fk::platform {

void BindCatalogs(const char* domain, const std::filesystem::path& dir) {
    // A bare system often has no uk_UA or ar locale generated, and gettext ignores LANGUAGE
    // under the "C" locale, so messages use C.UTF-8 with LANGUAGE set to our choice.
    setlocale(LC_MESSAGES, "C.UTF-8");
    bindtextdomain(domain, dir.c_str());
    bind_textdomain_codeset(domain, "UTF-8");
}

void SetLanguageVariable(const std::string& code) {
    setenv("LANGUAGE", code.c_str(), 1);
}

std::string UserLocaleName() {
    return "";
}

}  // namespace fk::platform
