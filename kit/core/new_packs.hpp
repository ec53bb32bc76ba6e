// Packs this kit does not have yet, offered by a trusted publisher's signed release list, and
// what one sync does with each: install, ask, only list, or refuse. Pure (no I/O) except the
// window's remembered "Not now" answers; unit-tested.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bundle/minisign.hpp"
#include "bundle/release_manifest.hpp"
#include "platform/result.hpp"

namespace fk::core {

struct NewPackOffer {
    std::string pack;
    std::string title;
    std::uint64_t version = 0;
    std::uint64_t bytes = 0;   // the full bundle: a new pack has nothing to apply a delta to
    bundle::PublicKey signer;  // signed the release list; must sign the bundle too
    std::string key_id;        // signer's id, hex
    std::string fingerprint;   // signer's fingerprint, first 16 hex digits
    std::string mirror;        // the mirror whose list offered it
};

// The offer a verified release list (signed by `signer`) makes for `release`, a pack this kit
// does not have. None when the entry names no release or its id is not a valid pack id.
std::optional<NewPackOffer> MakeNewPackOffer(const bundle::PackRelease& release, const bundle::PublicKey& signer,
                                             const std::string& mirror);

// How a sync may treat new packs.
struct NewPackPolicy {
    bool yes = false;          // install without asking (`sync --yes`)
    bool can_ask = false;      // someone can answer now (a terminal; the window's Install button)
    bool deltas_only = false;  // metered "deltas only": a new pack is a full bundle, never fetched
};

enum class NewPackAction {
    kInstall,         // fetch and install it
    kAsk,             // ask; install only on yes
    kListOnly,        // nobody to ask: say it is offered and how to install it
    kMeteredRefused,  // metered deltas-only mode
    kNotNow,          // the reader said "Not now" to this pack and version before
};

// `declined`: pack -> the version the reader said "Not now" to (a newer version asks again).
NewPackAction DecideNewPack(const NewPackOffer& offer, const NewPackPolicy& policy,
                            const std::map<std::string, std::uint64_t>& declined = {});

enum class NewPackOutcome { kInstalled, kDeclined, kOffered, kMeteredRefused, kNotNow, kFailed };

struct NewPackResult {
    NewPackOffer offer;
    NewPackOutcome outcome = NewPackOutcome::kOffered;
    std::string error;  // kFailed: why
};

// "installed", "declined", "offered", "metered", "not-now", "failed" (for --json).
const char* NewPackOutcomeName(NewPackOutcome outcome);

// Of a sync's results, the new packs still waiting for the reader's answer: offered (or asked
// and not yet allowed) and not declined at that version; metered refusals too (shown, not asked).
std::vector<NewPackResult> NewPacksToAsk(const std::vector<NewPackResult>& results,
                                         const std::map<std::string, std::uint64_t>& declined);

// The window's remembered "Not now" answers (data_dir/sync/declined-new-packs.json, replaced
// atomically; written by the window only, read by it before asking again). Missing: none.
std::map<std::string, std::uint64_t> LoadDeclinedNewPacks(const std::filesystem::path& data_dir);
Status RememberDeclinedNewPack(const std::filesystem::path& data_dir, const std::string& pack, std::uint64_t version);

}  // namespace fk::core
