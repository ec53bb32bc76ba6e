// Gathering armored parts into whole updates and installing them. See armor_import.hpp.
#include "kit/core/armor_import.hpp"

#include <map>
#include <set>

#include "bundle/delta.hpp"
#include "platform/files.hpp"
#include "platform/i18n.hpp"
#include "platform/utf8_path.hpp"

namespace fk::core {
namespace {
namespace fs = std::filesystem;

// A stored file holds at most one update's parts: base32 text of at most the largest payload.
constexpr std::uint64_t kMaxStoredText = bundle::kMaxArmorPayload * 2;
// Parts pasted from hostile text must not fill the disk: at most this many unfinished updates.
constexpr size_t kMaxKeptUpdates = 16;

size_t KeptUpdates(const fs::path& store) {
    std::error_code ec;
    size_t n = 0;
    for (const auto& f : fs::directory_iterator(store, ec))
        if (f.is_regular_file()) ++n;
    return n;
}

std::string IdHex(const bundle::ArmorId& id) {
    static const char kHex[] = "0123456789abcdef";
    std::string s;
    for (auto b : id) {
        s += kHex[b >> 4];
        s += kHex[b & 15];
    }
    return s;
}

fs::path StoreFile(const fs::path& data_dir, const bundle::ArmorId& id) {
    return ArmorStoreDir(data_dir) / (IdHex(id) + ".txt");
}

// The stored parts of the update with this id (the file is ours, but read with the same
// checked scanner as anything pasted).
std::vector<bundle::ArmorPart> StoredParts(const fs::path& data_dir, const bundle::ArmorId& id) {
    auto text = platform::ReadFile(StoreFile(data_dir, id), tr("stored update parts"), kMaxStoredText);
    if (!text) return {};
    auto scan = bundle::ScanArmor(*text);
    std::vector<bundle::ArmorPart> out;
    for (auto& p : scan.parts)
        if (p.label.id == id) out.push_back(std::move(p));
    return out;
}

// Every update kept in the store, as grouped parts.
std::vector<bundle::ArmorSet> PendingSets(const fs::path& data_dir) {
    std::vector<bundle::ArmorSet> out;
    std::error_code ec;
    for (const auto& f : fs::directory_iterator(ArmorStoreDir(data_dir), ec)) {
        const std::string name = platform::Utf8FromPath(f.path().filename());
        if (name.size() != 14 || !name.ends_with(".txt") || !f.is_regular_file()) continue;
        auto text = platform::ReadFile(f.path(), tr("stored update parts"), kMaxStoredText);
        if (!text) continue;
        std::vector<std::string> unused;
        for (auto& set : bundle::GroupArmor(bundle::ScanArmor(*text).parts, unused)) out.push_back(std::move(set));
    }
    return out;
}

// Text scanned, with the stored parts of every update it touches, grouped.
struct Gathered {
    ArmorImport result;
    std::vector<bundle::ArmorSet> sets;
};

Gathered Gather(const fs::path& data_dir, std::string_view text) {
    Gathered g;
    auto scan = bundle::ScanArmor(text);
    g.result.parts_found = scan.parts.size();
    g.result.problems = std::move(scan.problems);
    std::set<bundle::ArmorId> ids;
    for (const auto& p : scan.parts) ids.insert(p.label.id);
    // Whole updates kept because they could not install yet (a key not trusted then) try again.
    for (const auto& s : PendingSets(data_dir))
        if (s.Complete()) ids.insert(s.label.id);
    std::vector<bundle::ArmorPart> all;
    for (const auto& id : ids) {
        auto stored = StoredParts(data_dir, id);
        all.insert(all.end(), stored.begin(), stored.end());
    }
    all.insert(all.end(), scan.parts.begin(), scan.parts.end());  // stored first: they were checked before
    g.sets = bundle::GroupArmor(all, g.result.problems);
    for (const auto& d : scan.damaged)  // a repeat with an error, beside a good copy: nothing to ask for
        for (const auto& set : g.sets)
            if (set.label == d.label && set.chars.count(d.index))
                g.result.problems[d.problem] =
                    Format(tr("{part} (line {line}) is damaged: its checksum does not match; a good copy of it is here "
                              "and used"),
                           {{"part", bundle::DescribeArmorPart(d.label, d.index)}, {"line", std::to_string(d.line)}});
    return g;
}

ArmorSetStatus StatusOf(const bundle::ArmorSet& set) {
    ArmorSetStatus s;
    s.label = set.label;
    for (const auto& [i, chars] : set.chars) s.present.push_back(i);
    s.missing = set.Missing();
    return s;
}

// Whether a refusal is final for these bytes: trying them again can never succeed.
bool FinalRefusal(ErrorCode code) {
    switch (code) {
        case ErrorCode::kBadSignature:
        case ErrorCode::kCorrupt:
        case ErrorCode::kTruncated:
        case ErrorCode::kNotABundle:
        case ErrorCode::kTooNew:
        case ErrorCode::kTooLarge:
        case ErrorCode::kRetiredKey:
        case ErrorCode::kOlderThanInstalled:
            return true;
        default:
            return false;
    }
}

Result<ImportReport> Install(Library& lib, const bundle::ArmorSet& set) {
    auto bytes = bundle::JoinArmor(set);
    if (!bytes) return bytes.error();
    // TRANSLATORS: who named the update that was expected, in "... as named by {who}".
    const ExpectedRelease expected{set.label.pack, set.label.to, tr("the parts' header")};
    if (set.label.kind == bundle::ArmorKind::kDelta) {
        if (!bundle::LooksLikeDelta(*bytes))
            return MakeError(ErrorCode::kNotABundle, tr("the parts say delta but do not hold a fieldkit delta"));
        return lib.ImportDeltas({std::move(*bytes)}, expected);
    }
    if (bundle::LooksLikeDelta(*bytes))
        return MakeError(ErrorCode::kNotABundle, tr("the parts say bundle but hold a delta"));
    return lib.ImportBundle(*bytes, expected);
}

}  // namespace

fs::path ArmorStoreDir(const fs::path& data_dir) { return data_dir / "armor"; }

ArmorImport PreviewArmor(const Library& lib, std::string_view text) {
    Gathered g = Gather(lib.DataDir(), text);
    for (const auto& set : g.sets) g.result.sets.push_back(StatusOf(set));
    return std::move(g.result);
}

ArmorImport ImportArmor(Library& lib, std::string_view text) {
    Gathered g = Gather(lib.DataDir(), text);
    // Installs in edition order, so a chain of deltas pasted at once applies one after another.
    for (const auto& set : g.sets) {
        ArmorSetStatus status = StatusOf(set);
        const fs::path file = StoreFile(lib.DataDir(), set.label.id);
        std::error_code ec;
        if (set.Complete()) {
            auto r = Install(lib, set);
            if (r) status.installed = *r;
            else status.refused = r.error();
            if (r || FinalRefusal(r.error().code)) fs::remove(file, ec);
        }
        if (!status.installed && !(status.refused && FinalRefusal(status.refused->code))) {
            // Keep every part of this id, those of other labels under it included (never mixed:
            // they are grouped by their whole label when read back).
            std::string keep;
            for (const auto& other : g.sets)
                if (other.label.id == set.label.id)
                    for (const auto& [i, chars] : other.chars) keep += bundle::FormatArmorPart({other.label, i, chars}) + "\n\n";
            const fs::path store = ArmorStoreDir(lib.DataDir());
            if (!fs::exists(file, ec) && KeptUpdates(store) >= kMaxKeptUpdates) {
                g.result.problems.push_back(
                    Format(trn("not keeping the parts of {update}: {n} unfinished update is kept already ({dir})",
                               "not keeping the parts of {update}: {n} unfinished updates are kept already ({dir})",
                               kMaxKeptUpdates),
                           {{"update", bundle::DescribeArmor(set.label)},
                            {"n", std::to_string(kMaxKeptUpdates)},
                            {"dir", platform::Utf8FromPath(store)}}));
            } else {
                auto made = platform::MakeDirs(store, tr("update parts folder"));
                auto st = made ? platform::WriteFileAtomic(file, keep, tr("update parts")) : made;
                if (!st)
                    g.result.problems.push_back(
                        Format(tr("could not keep the parts of {update}: {error}"),
                               {{"update", bundle::DescribeArmor(set.label)}, {"error", st.error().detail}}));
            }
        }
        g.result.sets.push_back(std::move(status));
    }
    return std::move(g.result);
}

std::vector<ArmorSetStatus> PendingArmor(const Library& lib) {
    std::vector<ArmorSetStatus> out;
    for (const auto& set : PendingSets(lib.DataDir())) out.push_back(StatusOf(set));
    return out;
}

}  // namespace fk::core
