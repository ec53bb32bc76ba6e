// JSON (de)serialisation of SyncState.
#include "kit/core/sync_state.hpp"

#include <nlohmann/json.hpp>

#include "platform/files.hpp"

namespace fk::core {

std::filesystem::path SyncDir(const std::filesystem::path& data_dir) { return data_dir / "sync"; }

Result<SyncState> LoadSyncState(const std::filesystem::path& data_dir) {
    auto text = platform::ReadFile(SyncDir(data_dir) / "state.json", "sync state", 1 << 20);
    if (!text) {
        if (text.error().code == ErrorCode::kNotFound) return SyncState{};
        return text.error();
    }
    try {
        auto j = nlohmann::json::parse(*text);
        SyncState s;
        s.mirrors = j.value("mirrors", std::vector<std::string>{});
        s.last_check = j.value("last_check", std::int64_t{0});
        s.last_success = j.value("last_success", std::int64_t{0});
        s.release_created_floor = j.value("release_created_floor", std::int64_t{0});
        s.release_expires = j.value("release_expires", std::int64_t{0});
        s.release_floors = j.value("release_floors", std::map<std::string, std::int64_t>{});
        s.consecutive_failures = j.value("consecutive_failures", 0);
        s.online = j.value("online", false);
        s.last_error = j.value("last_error", std::string{});
        const nlohmann::json packs = j.value("packs", nlohmann::json::object());
        for (const auto& [id, p] : packs.items())
            s.packs[id] = KnownRelease{p.value("version", std::uint64_t{0}), p.value("source", std::string{}),
                                       p.value("installed_via_sync", std::int64_t{0})};
        return s;
    } catch (const nlohmann::json::exception& e) {
        return MakeError(ErrorCode::kCorrupt, std::string("sync state is damaged: ") + e.what());
    }
}

Status SaveSyncState(const std::filesystem::path& data_dir, const SyncState& s) {
    if (auto st = platform::MakeDirs(SyncDir(data_dir), "sync directory"); !st) return st;
    nlohmann::json packs = nlohmann::json::object();
    for (const auto& [id, p] : s.packs)
        packs[id] = {{"version", p.version}, {"source", p.source}, {"installed_via_sync", p.installed_via_sync}};
    nlohmann::json j = {{"mirrors", s.mirrors},
                        {"last_check", s.last_check},
                        {"last_success", s.last_success},
                        {"release_created_floor", s.release_created_floor},
                        {"release_expires", s.release_expires},
                        {"release_floors", s.release_floors},
                        {"consecutive_failures", s.consecutive_failures},
                        {"online", s.online},
                        {"last_error", s.last_error},
                        {"packs", packs}};
    return platform::WriteFileAtomic(SyncDir(data_dir) / "state.json", j.dump(2) + "\n", "sync state");
}

}  // namespace fk::core
