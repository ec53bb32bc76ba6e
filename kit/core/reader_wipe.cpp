// WipeReaderData: reader.sqlite and the files SQLite keeps beside it.
#include "kit/core/reader_wipe.hpp"

#include "platform/files.hpp"
#include "platform/i18n.hpp"

namespace fk::core {

Result<WipeReport> WipeReaderData(const std::filesystem::path& data_dir) {
    WipeReport report;
    // The WAL first: it may hold the newest copies of pages.
    for (const char* name : {"reader.sqlite-wal", "reader.sqlite-journal", "reader.sqlite", "reader.sqlite-shm"}) {
        auto removed = platform::OverwriteAndRemove(data_dir / name, tr("reader database"));
        if (!removed) return removed.error();
        if (*removed) report.removed.push_back(name);
    }
    // The field report key: a new one is made with the next report, so reports written after the
    // wipe cannot be linked to those before it.
    auto key = platform::OverwriteAndRemove(data_dir / "report.key", tr("report key"));
    if (!key) return key.error();
    if (*key) report.removed.push_back("report.key");
    if (auto st = platform::SyncDirectory(data_dir); !st) return st.error();
    return report;
}

std::string WipeCaveats() {
    return tr(
        "Each file is overwritten with zeros before it is deleted. On SSDs, USB sticks, SD cards and "
        "copy-on-write file systems the old blocks may survive anyway (wear levelling keeps copies the "
        "computer cannot reach), and backups or snapshots keep their own copies: full-disk encryption is the "
        "real protection for a laptop that may be taken. Not deleted: installed packs and the search index, "
        "keys you trusted, the sync state (library.json, packs/, index-*.sqlite, trusted-keys/, "
        "sync/) and the window layout (imgui.ini in the config folder).");
}

}  // namespace fk::core
