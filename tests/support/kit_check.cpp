// Data directory checks for the crash and full-disk tests.
#include "tests/support/kit_check.hpp"

#include "kit/core/library_state.hpp"
#include "kit/core/sqlite.hpp"

namespace fk::test {

std::string IntegrityCheck(const std::filesystem::path& file, bool read_only) {
    auto db = core::Database::Open(file, "database", read_only);
    if (!db) return db.error().detail;
    auto st = db->Prepare("PRAGMA integrity_check");
    if (!st) return st.error().detail;
    auto row = st->Step();
    if (!row || !*row) return "integrity_check returned nothing";
    return st->Text(0);
}

std::string CheckInstalled(const std::filesystem::path& kit, const std::string& pack, std::uint64_t& version) {
    auto state = core::LoadLibraryState(kit / "library.json");
    if (!state) return "library.json: " + state.error().detail;
    const auto found = state->packs.find(pack);
    if (found == state->packs.end()) return pack + " is no longer installed";
    version = found->second.version;
    if (!std::filesystem::exists(kit / found->second.file))
        return "the bundle file " + found->second.file + " is missing";
    if (auto index = IntegrityCheck(kit / state->index_file, true); index != "ok") return "index: " + index;
    return "";
}

}  // namespace fk::test
