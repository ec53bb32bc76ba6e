// Mirror files of an installed kit (export and serve).
#include "kit/core/mirror_export.hpp"

#include "bundle/bundle_file.hpp"
#include "bundle/manifest.hpp"
#include "bundle/pack_id.hpp"
#include "bundle/release_manifest.hpp"
#include "kit/core/sync_state.hpp"
#include "platform/files.hpp"
#include "platform/i18n.hpp"
#include "platform/utf8_path.hpp"

namespace fk::core {
namespace fs = std::filesystem;

Result<std::map<std::string, fs::path>> MirrorFiles(const Library& lib) {
    std::map<std::string, fs::path> files;
    const fs::path held = SyncDir(lib.DataDir()) / "held";
    std::error_code ec;
    const std::string manifest = bundle::kReleaseFile;
    if (fs::exists(held / manifest, ec) && fs::exists(held / (manifest + ".minisig"), ec)) {
        files[manifest] = held / manifest;
        files[manifest + ".minisig"] = held / (manifest + ".minisig");
    }
    for (const auto& f : fs::directory_iterator(held, ec))
        if (f.path().extension() == ".fkd") files[platform::Utf8FromPath(f.path().filename())] = f.path();
    for (const auto& [id, p] : lib.State().packs) {
        auto bytes = lib.ReadInstalledBundle(id);
        if (!bytes) return bytes.error();
        files[bundle::HashHex(*bytes) + ".fkb"] = lib.DataDir() / p.file;
    }
    return files;
}

Result<ExportReport> ExportMirror(const Library& lib, const fs::path& out_dir) {
    auto files = MirrorFiles(lib);
    if (!files) return files.error();
    if (auto st = platform::MakeDirs(out_dir, tr("export directory")); !st) return st.error();
    ExportReport report;
    auto copy = [&](const std::string& name, const fs::path& from) -> Status {
        auto bytes = platform::ReadFile(from, tr("kit file"), bundle::kMaxRawPayloadSize);
        if (!bytes) return bytes.error();
        if (auto st = platform::WriteFileAtomic(out_dir / name, *bytes, tr("exported file")); !st) return st;
        report.files += 1;
        report.bytes += bytes->size();
        return Ok{};
    };
    for (const auto& [name, path] : *files)
        if (auto st = copy(name, path); !st) return st.error();
    for (const auto& [id, p] : lib.State().packs) {
        if (auto st = bundle::CheckPackId(id); !st) return st.error();  // it names a file in out_dir
        if (auto st = copy(id + "-" + std::to_string(p.version) + ".fkb", lib.DataDir() / p.file); !st) return st.error();
    }
    report.has_release_manifest = files->count(bundle::kReleaseFile) > 0;
    return report;
}

}  // namespace fk::core
