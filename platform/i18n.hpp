// The interface language: every sentence a person reads goes through tr() or trn(), and
// comes out of the message catalog of the language chosen (kit/po/*.po, GNU gettext).
// English is the source language: with no catalog, or no entry, the English text is shown.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Marks a literal for the catalog where it cannot be translated yet (a static table);
// translate it with tr() where it is shown.
#define N_(english) english

namespace fk {

// The translation of `english` in the interface language.
const char* tr(const char* english);
// The plural form for `n` of a message with a singular and a plural English text.
const char* trn(const char* english_one, const char* english_many, unsigned long n);

// Fills the {name} placeholders of a translated pattern: Format(tr("{n} articles"), {{"n", "3"}}).
// Translators may reorder placeholders; an unknown placeholder is left as it is.
std::string Format(std::string_view pattern,
                   std::initializer_list<std::pair<std::string_view, std::string_view>> values);

namespace i18n {

struct Language {
    const char* code;         // ISO 639-1, as in content/<code>/
    const char* native_name;  // what a reader of it calls it
    bool right_to_left;
};
// The interface languages there are catalogs for, English first.
const std::vector<Language>& Languages();

// Binds the catalogs in `locale_dir` (<dir>/<code>/LC_MESSAGES/fieldkit.mo) and chooses the
// language the environment asks for (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), English if none.
void Init(const std::filesystem::path& locale_dir);
// The catalogs of an installed or built fieldkit: beside the executable (the build tree)
// or in ../share/locale from it (an installed package).
std::filesystem::path LocaleDirOfExecutable();

// The language the environment asks for, if there is a catalog for it; "en" otherwise.
std::string SystemLanguage();
// Switches every later tr() to `code`; an unknown code means English.
void SetLanguage(std::string_view code);
// The interface language of this thread: a ThreadLanguage's while one is alive here, else
// the process's.
const std::string& CurrentLanguage();
bool RightToLeft();
bool IsRightToLeft(std::string_view code);

// While alive, tr() and trn() on this thread speak `code` (an unknown code means English);
// tr() on other threads waits meanwhile, so keep it short: one web page. For servers whose
// connection threads answer each visitor in their own language. Not nestable.
class ThreadLanguage {
public:
    explicit ThreadLanguage(std::string_view code);
    ~ThreadLanguage();
    ThreadLanguage(const ThreadLanguage&) = delete;
    ThreadLanguage& operator=(const ThreadLanguage&) = delete;
};

}  // namespace i18n
}  // namespace fk
