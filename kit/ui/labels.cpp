#include "kit/ui/labels.hpp"

#include <string>
#include <unordered_map>

#include "kit/ui/bidi.hpp"
#include "platform/i18n.hpp"

namespace fk::ui {

const char* L(const char* english) {
    // Keyed by the literal's address: the window asks for the same few hundred every frame.
    static std::unordered_map<const char*, std::string> cache;
    static std::string cached_language;
    if (cached_language != i18n::CurrentLanguage()) {
        cache.clear();
        cached_language = i18n::CurrentLanguage();
    }
    auto it = cache.find(english);
    if (it == cache.end()) it = cache.emplace(english, Displayable(tr(english))).first;
    return it->second.c_str();
}

}  // namespace fk::ui
