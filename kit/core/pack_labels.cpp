// Pack labels for results from several packs.
#include "kit/core/pack_labels.hpp"

namespace fk::core {

std::string ShortenUtf8(const std::string& text, std::size_t max_chars) {
    if (max_chars < 2) max_chars = 2;
    std::size_t chars = 0, i = 0, cut = std::string::npos;
    for (; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // a continuation byte
        if (chars == max_chars - 1 && cut == std::string::npos) cut = i;     // room for "…"
        if (chars == max_chars) return text.substr(0, cut) + "\u2026";
        ++chars;
    }
    return text;
}

std::map<std::string, std::string> PackLabels(const LibraryState& state, std::size_t max_chars) {
    std::map<std::string, std::string> labels;
    if (state.packs.size() < 2) return labels;
    for (const auto& [id, p] : state.packs) labels[id] = ShortenUtf8(p.title.empty() ? id : p.title, max_chars);
    return labels;
}

}  // namespace fk::core
