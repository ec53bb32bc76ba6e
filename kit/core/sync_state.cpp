// JSON (de)serialisation of SyncState.
#include "kit/core/sync_state.hpp"

#include <nlohmann/json.hpp>

#include "bundle/json_int.hpp"
#include "platform/files.hpp"
#include "platform/i18n.hpp"

namespace fk::core {

std::filesystem::path SyncDir(const std::filesystem::path& data_dir) { return data_dir / "sync"; }

Result<SyncState> LoadSyncState(const std::filesystem::path& data_dir) {
    auto text = platform::ReadFile(SyncDir(data_dir) / "state.json", tr("sync state"), 1 << 20);
    if (!text) {
        if (text.error().code == ErrorCode::kNotFound) return SyncState{};
        return text.error();
    }
    try {
        auto j = nlohmann::json::parse(*text);
        SyncState s;
        s.mirrors = j.value("mirrors", std::vector<std::string>{});
        s.last_check = bundle::JsonIntOr<std::int64_t>(j, "last_check", 0);
        s.last_success = bundle::JsonIntOr<std::int64_t>(j, "last_success", 0);
        s.release_created_floor = bundle::JsonIntOr<std::int64_t>(j, "release_created_floor", 0);
        s.release_expires = bundle::JsonIntOr<std::int64_t>(j, "release_expires", 0);
        const nlohmann::json floors = j.value("pack_floors", nlohmann::json::object());
        for (const auto& [pack, floor] : floors.items())
            s.pack_floors[pack] = bundle::JsonIntValue<std::int64_t>(floor, pack);
        s.consecutive_failures = bundle::JsonIntOr<int>(j, "consecutive_failures", 0);
        s.online = j.value("online", false);
        s.last_error = j.value("last_error", std::string{});
        const nlohmann::json packs = j.value("packs", nlohmann::json::object());
        for (const auto& [id, p] : packs.items())
            s.packs[id] =
                KnownRelease{bundle::JsonIntOr<std::uint64_t>(p, "version", 0), p.value("source", std::string{}),
                             bundle::JsonIntOr<std::int64_t>(p, "installed_via_sync", 0)};
        return s;
    } catch (const nlohmann::json::exception& e) {
        return MakeError(ErrorCode::kCorrupt, Format(tr("sync state is damaged: {reason}"), {{"reason", e.what()}}));
    }
}

Status SaveSyncState(const std::filesystem::path& data_dir, const SyncState& s) {
    if (auto st = platform::MakeDirs(SyncDir(data_dir), tr("sync directory")); !st) return st;
    nlohmann::json packs = nlohmann::json::object();
    for (const auto& [id, p] : s.packs)
        packs[id] = {{"version", p.version}, {"source", p.source}, {"installed_via_sync", p.installed_via_sync}};
    nlohmann::json j = {{"mirrors", s.mirrors},
                        {"last_check", s.last_check},
                        {"last_success", s.last_success},
                        {"release_created_floor", s.release_created_floor},
                        {"release_expires", s.release_expires},
                        {"pack_floors", s.pack_floors},
                        {"consecutive_failures", s.consecutive_failures},
                        {"online", s.online},
                        {"last_error", s.last_error},
                        {"packs", packs}};
    return platform::WriteFileAtomic(SyncDir(data_dir) / "state.json", j.dump(2) + "\n", tr("sync state"));
}

}  // namespace fk::core
