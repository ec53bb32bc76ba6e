// Builds the on-device search index (one SQLite file holding the text of every installed
// pack and its FTS5 index). The index travels nowhere: it is rebuilt from verified record
// streams on install, which keeps bundles and deltas small.
#pragma once

#include <filesystem>
#include <vector>

#include "bundle/content.hpp"
#include "bundle/manifest.hpp"
#include "platform/result.hpp"

namespace fk::core {

struct PackContent {
    bundle::Manifest manifest;
    bundle::Content content;   // unused when `records` is set
    std::string_view records;  // the pack's record stream, decoded one article at a time
    bool core = false;  // the built-in pack: its ids stay bare and win over other packs' equal ids
};

// Bumped whenever the index's tables change; an index of another schema is rebuilt.
inline constexpr const char* kIndexSchema = "6";

// The stable key of a checklist item: progress follows the item's text, not its position.
std::string TaskKey(std::string_view item_text);

// Writes a fresh index at `path` (which must not exist) and flushes it to disk.
Status BuildIndex(const std::filesystem::path& path, const std::vector<PackContent>& packs);

}  // namespace fk::core
