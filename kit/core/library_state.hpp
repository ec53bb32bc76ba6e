// What is installed, kept in one small JSON file that is replaced atomically: it is the
// commit point of every install. Also holds the rollback floors and the clock floor.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "platform/result.hpp"

namespace fk::core {

struct InstalledPack {
    std::string pack;
    std::uint64_t version = 0;
    std::string title;
    std::string publisher;
    std::int64_t created = 0;
    std::uint64_t article_count = 0;
    std::string file;        // bundle file, relative to the data directory
    std::string public_key;  // the signer's key in minisign's base64 form
    std::string key_id;
    bool embedded = false;   // installed from the copy compiled into fieldkit
    std::int64_t installed_at = 0;
};

// A publisher's key rotations as far as this kit has followed them (see bundle/root_chain.hpp).
struct RootState {
    std::uint64_t root = 0;            // highest root reached
    std::vector<std::string> retired;  // keys its links replaced, minisign base64 lines
};

struct LibraryState {
    std::map<std::string, InstalledPack> packs;
    std::map<std::string, std::uint64_t> floors;  // highest version ever accepted per pack
    std::string index_file;                       // relative to the data directory
    std::uint64_t generation = 0;
    std::int64_t clock_floor = 0;                 // newest `created` of any verified bundle
    std::map<std::string, RootState> roots;       // per chain, named by its first key line
};

// A missing file gives an empty state; an unreadable one gives kCorrupt.
Result<LibraryState> LoadLibraryState(const std::filesystem::path& file);
Status SaveLibraryState(const std::filesystem::path& file, const LibraryState& state);

}  // namespace fk::core
