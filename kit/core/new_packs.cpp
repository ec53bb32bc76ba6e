// New packs offered by trusted publishers: the offer, the decision, and remembered "Not now".
#include "kit/core/new_packs.hpp"

#include <nlohmann/json.hpp>

#include "bundle/pack_id.hpp"
#include "bundle/signer.hpp"
#include "kit/core/sync_state.hpp"
#include "platform/files.hpp"
#include "platform/i18n.hpp"

namespace fk::core {
namespace {

constexpr const char* kDeclinedFile = "declined-new-packs.json";
constexpr std::uint64_t kMaxDeclinedFile = 256 << 10;

// A title from a release list, fit to print on a terminal or draw: control bytes (an escape
// sequence would drive the reader's terminal) dropped, at most kMaxTitle bytes, cut between
// UTF-8 characters.
constexpr std::size_t kMaxTitle = 160;
std::string PrintableTitle(const std::string& title) {
    std::string out;
    for (char c : title) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f) continue;
        out += c;
    }
    if (out.size() > kMaxTitle) {
        std::size_t cut = kMaxTitle;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
        out.resize(cut);
    }
    return out;
}

}  // namespace

std::optional<NewPackOffer> MakeNewPackOffer(const bundle::PackRelease& release, const bundle::PublicKey& signer,
                                             const std::string& mirror) {
    const bundle::ReleaseEntry* newest = release.Newest();
    if (!newest || !bundle::CheckPackId(release.pack)) return std::nullopt;
    NewPackOffer o;
    o.pack = release.pack;
    o.title = PrintableTitle(release.title);
    o.version = newest->version;
    o.bytes = newest->file.size;
    o.signer = signer;
    o.key_id = bundle::KeyIdHex(signer.id);
    o.fingerprint = bundle::KeyFingerprint(signer).substr(0, 16);
    o.mirror = mirror;
    return o;
}

NewPackAction DecideNewPack(const NewPackOffer& offer, const NewPackPolicy& policy,
                            const std::map<std::string, std::uint64_t>& declined) {
    if (policy.deltas_only) return NewPackAction::kMeteredRefused;
    if (policy.yes) return NewPackAction::kInstall;
    if (auto d = declined.find(offer.pack); d != declined.end() && d->second >= offer.version)
        return NewPackAction::kNotNow;
    return policy.can_ask ? NewPackAction::kAsk : NewPackAction::kListOnly;
}

const char* NewPackOutcomeName(NewPackOutcome outcome) {
    switch (outcome) {
        case NewPackOutcome::kInstalled:
            return "installed";
        case NewPackOutcome::kDeclined:
            return "declined";
        case NewPackOutcome::kOffered:
            return "offered";
        case NewPackOutcome::kMeteredRefused:
            return "metered";
        case NewPackOutcome::kNotNow:
            return "not-now";
        case NewPackOutcome::kFailed:
            return "failed";
    }
    return "offered";
}

std::vector<NewPackResult> NewPacksToAsk(const std::vector<NewPackResult>& results,
                                         const std::map<std::string, std::uint64_t>& declined) {
    std::vector<NewPackResult> waiting;
    for (const auto& r : results) {
        const bool open = r.outcome == NewPackOutcome::kOffered || r.outcome == NewPackOutcome::kDeclined ||
                          r.outcome == NewPackOutcome::kMeteredRefused;
        auto d = declined.find(r.offer.pack);
        if (open && (d == declined.end() || d->second < r.offer.version)) waiting.push_back(r);
    }
    return waiting;
}

std::map<std::string, std::uint64_t> LoadDeclinedNewPacks(const std::filesystem::path& data_dir) {
    std::map<std::string, std::uint64_t> declined;
    auto text = platform::ReadFile(SyncDir(data_dir) / kDeclinedFile, "declined new packs", kMaxDeclinedFile);
    if (!text) return declined;
    const auto j = nlohmann::json::parse(*text, nullptr, false);
    if (!j.is_object()) return declined;  // damaged: asking again is the safe side
    for (const auto& [pack, version] : j.items())
        if (version.is_number_unsigned() && bundle::CheckPackId(pack)) declined[pack] = version.get<std::uint64_t>();
    return declined;
}

Status RememberDeclinedNewPack(const std::filesystem::path& data_dir, const std::string& pack, std::uint64_t version) {
    if (auto st = bundle::CheckPackId(pack); !st) return st.error();
    auto declined = LoadDeclinedNewPacks(data_dir);
    declined[pack] = std::max(declined[pack], version);
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [p, v] : declined) j[p] = v;
    if (auto st = platform::MakeDirs(SyncDir(data_dir), tr("sync directory")); !st) return st;
    return platform::WriteFileAtomic(SyncDir(data_dir) / kDeclinedFile, j.dump(), tr("declined new packs"));
}

}  // namespace fk::core
