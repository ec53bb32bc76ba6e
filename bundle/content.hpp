// The content model shared by the builder, the record stream and the kit: a pack's
// taxonomy and its articles, as read from content/ or decoded from a bundle payload.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace fk::bundle {

struct Source {
    std::string title;
    std::string publisher;
    int year = 0;
    std::string url;
};

struct Article {
    std::string id;
    std::string lang;
    std::string title;
    std::string summary;
    std::string type;
    std::string status = "current";
    std::string updated;
    std::vector<std::string> phases;
    std::vector<std::string> audiences;
    std::vector<std::string> tags;
    std::vector<std::string> related;
    std::vector<Source> sources;
    std::string translation_of;  // a translation: the English article's id and its
    std::string source_updated;  // `updated` date when this translation was made
    std::string body;  // CommonMark (GitHub dialect), front matter removed
};

using Labels = std::vector<std::pair<std::string, std::string>>;  // key -> human label, in file order

// What a reader sees of the taxonomy in one language (kit.yaml's `translations:`).
struct TaxonomyLabels {
    Labels phase_names;  // short names ("Prepare"), for buttons and the line under a title
    Labels phases;       // what each phase means
    Labels audiences;
    Labels types;
};

struct Taxonomy {
    std::string pack;
    std::string title;
    std::string publisher;
    Labels phases;
    Labels audiences;
    Labels types;
    Labels phase_names;  // optional; a phase without one is shown as its key, capitalized
    std::map<std::string, TaxonomyLabels> translations;  // by language; each label optional
};

// One language's equivalents of the library's English search terms (content/<lang>/terms.yaml):
// the query translator's dictionary.
struct TermEntry {
    std::string term;                      // English, lower case
    std::vector<std::string> equivalents;  // what a reader of the language types, most common first
};
struct TermList {
    std::string lang;
    std::vector<TermEntry> entries;  // sorted by term
};

struct Content {
    Taxonomy kit;
    std::vector<TermList> terms;    // sorted by language
    std::vector<Article> articles;  // sorted by (lang, id) once loaded
};

bool HasLabel(const Labels& labels, const std::string& key);
// The label of `key`, or `key` itself when the labels lack it.
std::string LabelOf(const Labels& labels, const std::string& key);

// The taxonomy as a reader of `lang` sees it: each label in `lang` where the pack gives one,
// else the pack's own; every phase with a short name. Keys and their order never change.
Taxonomy InLanguage(const Taxonomy& taxonomy, const std::string& lang);

}  // namespace fk::bundle
