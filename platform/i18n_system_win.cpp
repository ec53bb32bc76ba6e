// Windows side of i18n_gettext.cpp: GNU libintl built for Windows (wbindtextdomain takes the
// UTF-16 catalog path; libintl.h maps setlocale to its own, which knows LC_MESSAGES).
// First: the other Windows headers need its types.
#include <windows.h>

#include <libintl.h>

#include <clocale>
#include <cstdlib>

#include "platform/i18n_system.hpp"
#include "platform/win_text.hpp"

namespace fk::platform {

void BindCatalogs(const char* domain, const std::filesystem::path& dir) {
    // The user's own locale (never "C" on Windows), so gettext honours LANGUAGE.
    setlocale(LC_MESSAGES, "");
    wbindtextdomain(domain, dir.c_str());
    bind_textdomain_codeset(domain, "UTF-8");
}

void SetLanguageVariable(const std::string& code) {
    _putenv_s("LANGUAGE", code.c_str());  // the C runtime's copy, which libintl's getenv reads
}

std::string UserLocaleName() {
    wchar_t name[LOCALE_NAME_MAX_LENGTH] = {};
    const int n = GetUserDefaultLocaleName(name, LOCALE_NAME_MAX_LENGTH);
    return n > 1 ? Utf8FromWide(std::wstring_view(name, static_cast<size_t>(n - 1))) : std::string();
}

}  // namespace fk::platform
