// tr() over GNU gettext (glibc's libintl; GNU libintl on Windows). The language is chosen
// here, not by the C locale, and given to gettext in LANGUAGE (i18n_system_*.cpp).
#include <libintl.h>

#include <cstdlib>
#include <mutex>
#include <shared_mutex>

#include "platform/i18n.hpp"
#include "platform/i18n_system.hpp"
#include "platform/programs.hpp"

extern "C" int _nl_msg_cat_cntr;  // gettext's documented way to drop its cache of lookups

namespace fk {
namespace {

constexpr const char* kDomain = "fieldkit";
std::string g_language = "en";

// gettext reads the language from the process's LANGUAGE variable. A ThreadLanguage sets it
// under the exclusive lock; every other lookup and switch holds the lock shared or exclusive,
// so no thread sees another's language.
std::shared_mutex g_switch;
thread_local const std::string* t_language = nullptr;  // set while this thread holds a ThreadLanguage

bool Known(std::string_view code) {
    for (const auto& l : i18n::Languages())
        if (code == l.code) return true;
    return false;
}

// "uk_UA.UTF-8" -> "uk", "fr-FR" (Windows) -> "fr"; "C" and "POSIX" -> "".
std::string CodeOf(std::string_view locale) {
    std::string code(locale.substr(0, locale.find_first_of("_.@:-")));
    return code == "C" || code == "POSIX" ? "" : code;
}

// gettext's own order; LANGUAGE may list several ("fr:en"): the first we have wins.
std::string LanguageOfEnvironment() {
    if (const char* list = std::getenv("LANGUAGE"); list && *list) {
        std::string_view rest = list;
        while (!rest.empty()) {
            size_t colon = rest.find(':');
            std::string code = CodeOf(rest.substr(0, colon));
            if (Known(code)) return code;
            rest = colon == std::string_view::npos ? "" : rest.substr(colon + 1);
        }
    }
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"})
        if (const char* v = std::getenv(var); v && *v) {
            std::string code = CodeOf(v);
            return Known(code) ? code : "en";
        }
    const std::string code = CodeOf(platform::UserLocaleName());
    return Known(code) ? code : "en";
}

}  // namespace

const char* tr(const char* english) {
    if (t_language) return dgettext(kDomain, english);
    std::shared_lock lock(g_switch);
    return dgettext(kDomain, english);
}

const char* trn(const char* english_one, const char* english_many, unsigned long n) {
    if (t_language) return dngettext(kDomain, english_one, english_many, n);
    std::shared_lock lock(g_switch);
    return dngettext(kDomain, english_one, english_many, n);
}

std::string Format(std::string_view pattern,
                   std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
    std::string out;
    out.reserve(pattern.size() + 32);
    size_t i = 0;
    while (i < pattern.size()) {
        size_t open = pattern.find('{', i);
        size_t close = open == std::string_view::npos ? open : pattern.find('}', open);
        if (close == std::string_view::npos) break;
        out.append(pattern.substr(i, open - i));
        std::string_view name = pattern.substr(open + 1, close - open - 1);
        const std::pair<std::string_view, std::string_view>* hit = nullptr;
        for (const auto& v : values)
            if (v.first == name) hit = &v;
        out.append(hit ? hit->second : pattern.substr(open, close - open + 1));
        i = close + 1;
    }
    out.append(pattern.substr(std::min(i, pattern.size())));
    return out;
}

namespace i18n {

const std::vector<Language>& Languages() {
    static const std::vector<Language> kLanguages = {{"en", "English", false},
                                                     {"fr", "Français", false},
                                                     {"es", "Español", false},
                                                     {"uk", "Українська", false},
                                                     {"ar", "العربية", true}};
    return kLanguages;
}

std::filesystem::path LocaleDirOfExecutable() {
    // Beside the binary in a build tree; ../share/locale from bin/, ../../share/locale from
    // libexec/fieldkit/ in a package.
    const auto dir = platform::ExecutableDir();
    if (dir.empty()) return "/usr/share/locale";
    std::error_code ec;
    for (const auto& candidate : {dir / "locale", dir.parent_path() / "share" / "locale"})
        if (std::filesystem::is_directory(candidate, ec)) return candidate;
    return dir.parent_path().parent_path() / "share" / "locale";
}

std::string SystemLanguage() {
    // Read once, before SetLanguage() puts its own choice into LANGUAGE.
    static const std::string kAsked = LanguageOfEnvironment();
    return kAsked;
}

void Init(const std::filesystem::path& locale_dir) {
    platform::BindCatalogs(kDomain, locale_dir);
    SetLanguage(SystemLanguage());
}

void SetLanguage(std::string_view code) {
    std::unique_lock lock(g_switch);
    g_language = Known(code) ? std::string(code) : "en";
    platform::SetLanguageVariable(g_language);
    ++_nl_msg_cat_cntr;
}

const std::string& CurrentLanguage() {
    return t_language ? *t_language : g_language;
}

bool IsRightToLeft(std::string_view code) {
    for (const auto& l : Languages())
        if (code == l.code) return l.right_to_left;
    return false;
}

bool RightToLeft() {
    return IsRightToLeft(CurrentLanguage());
}

namespace {
thread_local std::string t_language_code;
}  // namespace

ThreadLanguage::ThreadLanguage(std::string_view code) {
    g_switch.lock();
    t_language_code = Known(code) ? std::string(code) : "en";
    t_language = &t_language_code;
    platform::SetLanguageVariable(t_language_code);
    ++_nl_msg_cat_cntr;
}

ThreadLanguage::~ThreadLanguage() {
    platform::SetLanguageVariable(g_language);
    ++_nl_msg_cat_cntr;
    t_language = nullptr;
    g_switch.unlock();
}

}  // namespace i18n
}  // namespace fk
