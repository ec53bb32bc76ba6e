// The taxonomy in the reader's language: labels from kit.yaml's `translations:`.
#include <algorithm>

#include "bundle/content.hpp"

namespace fk::bundle {
namespace {

// `base` with each label replaced where `local` has one for the same key.
Labels Overlay(const Labels& base, const Labels& local) {
    Labels out = base;
    for (auto& [key, label] : out)
        for (const auto& [k, l] : local)
            if (k == key) label = l;
    return out;
}

}  // namespace

std::string LabelOf(const Labels& labels, const std::string& key) {
    for (const auto& [k, l] : labels)
        if (k == key) return l;
    return key;
}

Taxonomy InLanguage(const Taxonomy& taxonomy, const std::string& lang) {
    Taxonomy out = taxonomy;
    out.translations.clear();
    out.phase_names.clear();
    for (const auto& [key, label] : taxonomy.phases) {
        std::string name = key;
        if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
        out.phase_names.emplace_back(key,
                                     HasLabel(taxonomy.phase_names, key) ? LabelOf(taxonomy.phase_names, key) : name);
    }
    auto it = taxonomy.translations.find(lang);
    if (it == taxonomy.translations.end()) return out;
    out.phase_names = Overlay(out.phase_names, it->second.phase_names);
    out.phases = Overlay(out.phases, it->second.phases);
    out.audiences = Overlay(out.audiences, it->second.audiences);
    out.types = Overlay(out.types, it->second.types);
    return out;
}

}  // namespace fk::bundle
