// JSON (de)serialisation of LibraryState.
#include "kit/core/library_state.hpp"

#include <nlohmann/json.hpp>

#include "bundle/json_int.hpp"
#include "bundle/pack_id.hpp"
#include "platform/files.hpp"
#include "platform/i18n.hpp"
#include "platform/utf8_path.hpp"

namespace fk::core {
namespace {

// The state file names files in the data directory; a tampered one must not name others. Only
// the names Library itself writes pass: packs/<id>-<version>.fkb and index-<n>.sqlite.
bool IsIndexFileName(const std::string& name) {
    const std::string digits = name.starts_with("index-") && name.ends_with(".sqlite")
                                   ? name.substr(6, name.size() - 6 - 7)
                                   : std::string();
    return !digits.empty() && digits.size() <= 20 && digits.find_first_not_of("0123456789") == std::string::npos;
}

Status CheckNames(const std::filesystem::path& file, const LibraryState& s) {
    auto damaged = [&](const std::string& what) {
        return MakeError(ErrorCode::kCorrupt, Format(tr("library state '{path}' is damaged: {reason}"),
                                                     {{"path", platform::Utf8FromPath(file)}, {"reason", what}}));
    };
    for (const auto& [id, p] : s.packs) {
        if (auto st = bundle::CheckPackId(id); !st) return damaged(st.error().detail);
        if (p.file != "packs/" + id + "-" + std::to_string(p.version) + ".fkb")
            return damaged(Format(tr("pack '{pack}' names the file '{file}'"),
                                  {{"pack", id}, {"file", bundle::EscapeForMessage(p.file)}}));
    }
    for (const auto& [id, floor] : s.floors)
        if (auto st = bundle::CheckPackId(id); !st) return damaged(st.error().detail);
    if (!s.index_file.empty() && !IsIndexFileName(s.index_file))
        return damaged(Format(tr("index file '{file}'"), {{"file", bundle::EscapeForMessage(s.index_file)}}));
    return Ok{};
}

}  // namespace

Result<LibraryState> LoadLibraryState(const std::filesystem::path& file) {
    auto text = platform::ReadFile(file, tr("library state"), 16 << 20);
    if (!text) {
        if (text.error().code == ErrorCode::kNotFound) return LibraryState{};
        return text.error();
    }
    try {
        auto j = nlohmann::json::parse(*text);
        LibraryState s;
        for (const auto& [id, p] : j.at("packs").items()) {
            InstalledPack ip;
            ip.pack = id;
            ip.version = bundle::JsonInt<std::uint64_t>(p, "version");
            ip.title = p.at("title").get<std::string>();
            ip.publisher = p.at("publisher").get<std::string>();
            ip.created = bundle::JsonInt<std::int64_t>(p, "created");
            ip.article_count = bundle::JsonInt<std::uint64_t>(p, "articles");
            ip.file = p.at("file").get<std::string>();
            ip.public_key = p.at("public_key").get<std::string>();
            ip.key_id = p.at("key_id").get<std::string>();
            ip.embedded = p.at("embedded").get<bool>();
            ip.installed_at = bundle::JsonInt<std::int64_t>(p, "installed_at");
            s.packs[id] = ip;
        }
        for (const auto& [id, floor] : j.at("floors").items())
            s.floors[id] = bundle::JsonIntValue<std::uint64_t>(floor, id);
        s.index_file = j.at("index").get<std::string>();
        s.generation = bundle::JsonInt<std::uint64_t>(j, "generation");
        s.clock_floor = bundle::JsonInt<std::int64_t>(j, "clock_floor");
        if (j.contains("roots"))  // absent before key rotation was remembered
            for (const auto& [origin, r] : j.at("roots").items())
                s.roots[origin] = RootState{bundle::JsonInt<std::uint64_t>(r, "root"),
                                            r.at("retired").get<std::vector<std::string>>()};
        if (auto st = CheckNames(file, s); !st) return st.error();
        return s;
    } catch (const nlohmann::json::exception& e) {
        return MakeError(ErrorCode::kCorrupt, Format(tr("library state '{path}' is damaged: {reason}"),
                                                     {{"path", platform::Utf8FromPath(file)}, {"reason", e.what()}}));
    }
}

Status SaveLibraryState(const std::filesystem::path& file, const LibraryState& s) {
    nlohmann::json packs = nlohmann::json::object();
    for (const auto& [id, p] : s.packs)
        packs[id] = {{"version", p.version},       {"title", p.title},        {"publisher", p.publisher},
                     {"created", p.created},       {"articles", p.article_count}, {"file", p.file},
                     {"public_key", p.public_key}, {"key_id", p.key_id},      {"embedded", p.embedded},
                     {"installed_at", p.installed_at}};
    nlohmann::json roots = nlohmann::json::object();
    for (const auto& [origin, r] : s.roots) roots[origin] = {{"root", r.root}, {"retired", r.retired}};
    nlohmann::json j = {{"schema", 1},          {"packs", packs},          {"roots", roots},
                        {"floors", s.floors},   {"index", s.index_file},
                        {"generation", s.generation}, {"clock_floor", s.clock_floor}};
    return platform::WriteFileAtomic(file, j.dump(2) + "\n", tr("library state"));
}

}  // namespace fk::core
