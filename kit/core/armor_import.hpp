// Updates that arrive as text: gathers armored parts (bundle/armor.hpp) from whatever the reader
// pastes or pipes in, keeps good parts in the data directory until their update is whole (parts
// may come over several days), then installs it exactly like a delta or bundle from a file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bundle/armor.hpp"
#include "kit/core/library.hpp"

namespace fk::core {

struct ArmorSetStatus {
    bundle::ArmorLabel label;
    std::vector<std::uint32_t> present;
    std::vector<std::uint32_t> missing;     // empty when every part is here
    std::optional<ImportReport> installed;  // set when this run installed it
    std::optional<Error> refused;           // set when it was whole but refused (bad signature, ...)
};

struct ArmorImport {
    size_t parts_found = 0;             // good parts in the text (duplicates counted)
    std::vector<std::string> problems;  // damaged or conflicting parts, one line each
    std::vector<ArmorSetStatus> sets;   // every update the text had parts of
};

// Where unfinished updates wait: DATA/armor/<id as hex>.txt (names never come from the text).
std::filesystem::path ArmorStoreDir(const std::filesystem::path& data_dir);

// What importing `text` would find, stored parts included; writes and installs nothing.
ArmorImport PreviewArmor(const Library& lib, std::string_view text);

// Scans `text`, keeps its good parts with those stored before, and installs every update that is
// now whole, and every whole one kept from before (deltas through ImportDeltas, bundles through ImportBundle: verified like any other).
// The stored parts of an update go once it is installed or refused for good (bad signature,
// damaged, older than installed); they stay when it may install later (unknown key, base missing).
ArmorImport ImportArmor(Library& lib, std::string_view text);

// Every unfinished update kept in the data directory.
std::vector<ArmorSetStatus> PendingArmor(const Library& lib);

}  // namespace fk::core
