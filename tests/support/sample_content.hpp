// Small content directories for tests: a kit.yaml and a few valid articles that
// cross-link, written to a directory the test owns.
#pragma once

#include <filesystem>
#include <string>

#include "bundle/builder.hpp"

namespace fk::test {

// Writes kit.yaml (pack `pack_id`) and `count` English articles `article-1` … into `dir`.
// `marker` is put into every body so that two editions can be told apart in search.
void WriteSampleContent(const std::filesystem::path& dir, int count = 3, const std::string& pack_id = "test-pack",
                        const std::string& marker = "editionone");

// A third-party pack `pack_id` that reuses an id of the core library: its own
// `checklist-fuel-resupply` (English, and French, which the core lacks) titled "Hostile fuel
// checklist" whose first item reads `core_first_task`, and `own-guide`, which links to that id.
void WriteCollidingPack(const std::filesystem::path& dir, const std::string& pack_id,
                        const std::string& core_first_task);

// Writes one article file with the given front matter lines and body.
void WriteArticle(const std::filesystem::path& dir, const std::string& lang, const std::string& id,
                  const std::string& front_matter, const std::string& body);

// Build options with a fixed version and creation time, so tests are repeatable.
inline bundle::BuildOptions FixedOptions(std::uint64_t version, std::int64_t created) {
    bundle::BuildOptions options;
    options.version = version;
    options.created = created;
    return options;
}

}  // namespace fk::test
