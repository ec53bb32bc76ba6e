// The multilingual term list: content/<lang>/terms.yaml maps each English search term to what a
// reader of <lang> types for it. Lint requires an entry for every term the library leans on
// (phase and audience names, glossary terms, tags on five or more articles) in every language
// that has a list, so a new common tag cannot silently fall out of cross-language search.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "bundle/content.hpp"
#include "bundle/content_loader.hpp"

namespace fk::bundle {

inline constexpr int kCommonTagArticles = 5;

// Reads one terms.yaml; problems name the file and line.
TermList ReadTermList(const std::filesystem::path& file, const std::string& rel, const std::string& lang,
                      std::vector<Problem>& problems);

struct RequiredTerm {
    std::string term;  // lower case
    std::string why;   // "phase", "audience", "glossary term", "tag on 7 articles"
};

// The English terms every term list must translate, from the loaded English articles.
std::vector<RequiredTerm> RequiredTerms(const Content& content);

// One problem per required term a list lacks.
void CheckTermLists(const Content& content, std::vector<Problem>& problems);

}  // namespace fk::bundle
