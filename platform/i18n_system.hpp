// The operating-system side of i18n_gettext.cpp (internal to platform/): where gettext's
// catalogs are bound, how it is told the language, and the user's language when the
// environment names none.
#pragma once

#include <filesystem>
#include <string>

namespace fk::platform {

// Binds the catalogs of `domain` in `dir`, sets the messages locale so gettext honours
// LANGUAGE, and asks for UTF-8 translations.
void BindCatalogs(const char* domain, const std::filesystem::path& dir);

// Sets the LANGUAGE variable gettext reads (the caller drops gettext's cache).
void SetLanguageVariable(const std::string& code);

// The user's locale when LANGUAGE, LC_ALL, LC_MESSAGES and LANG are all unset: "" on POSIX
// (those variables are the system's way of saying it); on Windows the user's locale name
// from GetUserDefaultLocaleName ("fr-FR").
std::string UserLocaleName();

}  // namespace fk::platform
