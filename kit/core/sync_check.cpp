// SyncOnce: mirrors in order with failover; manifest signature, then hash and length of every
// artifact, before anything is opened; installs go through Library (atomic, old stays usable).
#include "kit/core/sync_check.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <set>

#include "bundle/delta.hpp"
#include "bundle/manifest.hpp"
#include "bundle/minisign.hpp"
#include "bundle/release_manifest.hpp"
#include "kit/core/sync_plan.hpp"
#include "kit/core/sync_state.hpp"
#include "platform/files.hpp"
#include "platform/i18n.hpp"

namespace fk::core {
namespace fs = std::filesystem;
namespace {

std::int64_t Now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string Join(const std::string& base, const std::string& name) {
    std::string b = base;
    while (!b.empty() && b.back() == '/') b.pop_back();
    return b + "/" + name;
}

bool Transient(ErrorCode c) { return c == ErrorCode::kOffline || c == ErrorCode::kTimeout; }

class Pass {
public:
    Pass(const fs::path& data_dir, const SyncOptions& o) : m_dir(data_dir), m_o(o) {}

    void Note(const std::string& line) const {
        if (m_o.on_note) m_o.on_note(line);
    }
    void Progress(SyncPhase phase, const std::string& pack, const std::string& artifact, std::uint64_t have,
                  std::uint64_t total) const {
        if (m_o.on_progress) m_o.on_progress(SyncProgress{phase, m_mirror, pack, artifact, have, total});
    }

    // Downloads an artifact (resuming across cuts) and checks its signed hash and length.
    Result<std::string> Fetch(const std::string& pack, const bundle::Artifact& a) {
        const fs::path held = SyncDir(m_dir) / "held" / a.name;
        if (auto bytes = platform::ReadFile(held, tr("held artifact"), a.size);
            bytes && bundle::HashHex(*bytes) == a.hash)
            return bytes;
        if (auto st = platform::MakeDirs(SyncDir(m_dir) / "partial", tr("sync directory")); !st) return st.error();
        const fs::path part = SyncDir(m_dir) / "partial" / (a.name + ".part");
        std::error_code size_ec;
        std::uint64_t last_have = fs::exists(part, size_ec) ? fs::file_size(part, size_ec) : 0;
        Progress(SyncPhase::kDownloading, pack, a.name, last_have, a.size);
        int stuck = 0;
        Status st = Ok{};
        for (int attempt = 0; attempt < m_o.attempts_per_artifact; ++attempt) {
            platform::HttpProgressFn progress = [&](std::uint64_t have, std::uint64_t total) {
                Progress(SyncPhase::kDownloading, pack, a.name, have, total);
                return true;
            };
            st = platform::HttpDownload(Join(m_mirror, a.name), part, a.size, m_o.limits, progress, &m_stats, m_o.cancel);
            if (st) break;
            if (!Transient(st.error().code)) break;
            std::error_code ec;
            const std::uint64_t have = fs::exists(part, ec) ? fs::file_size(part, ec) : 0;
            const bool again = attempt + 1 < m_o.attempts_per_artifact;
            const std::string shown = a.name.substr(0, 12), kept = std::to_string(have), size = std::to_string(a.size);
            Note("  " +
                 (again ? Format(tr("{file}: {error}; {have} of {size} bytes kept, resuming"),
                                 {{"file", shown}, {"error", st.error().detail}, {"have", kept}, {"size", size}})
                        : Format(tr("{file}: {error}; {have} of {size} bytes kept"),
                                 {{"file", shown}, {"error", st.error().detail}, {"have", kept}, {"size", size}})));
            stuck = have > last_have ? 0 : stuck + 1;
            last_have = have;
            if (stuck >= 2) break;  // no progress twice: this mirror is not delivering
            if (m_o.cancel && m_o.cancel->load()) break;
        }
        std::error_code ec;
        if (!st) {
            if (st.error().code == ErrorCode::kTooLarge) fs::remove(part, ec);
            return st.error();
        }
        auto bytes = platform::ReadFile(part, tr("partial download"), a.size);
        if (!bytes) return bytes.error();
        if (bytes->size() != a.size || bundle::HashHex(*bytes) != a.hash) {
            fs::remove(part, ec);  // never resume onto bytes that failed their check
            return MakeError(ErrorCode::kCorrupt,
                             Format(tr("'{url}' does not match its signed hash"), {{"url", Join(m_mirror, a.name)}}));
        }
        if (a.name.ends_with(".fkd")) {
            // Held deltas are offered again by `fieldkit export` and `fieldkit serve`.
            if (platform::MakeDirs(held.parent_path(), tr("sync directory"))) fs::rename(part, held, ec);
        }
        fs::remove(part, ec);
        return bytes;
    }

    // Fetches and applies one plan; returns the import report. `signer`: the bundle must be
    // signed by it (a new pack, bound to the publisher whose list offered it).
    Result<ImportReport> Execute(Library& lib, const std::string& pack, const UpdatePlan& plan,
                                 const std::optional<bundle::PublicKey>& signer = std::nullopt) {
        std::vector<std::string> files;
        for (const auto& a : plan.steps) {
            auto bytes = Fetch(pack, a);
            if (!bytes) return bytes.error();
            files.push_back(std::move(*bytes));
        }
        Progress(SyncPhase::kApplying, pack, "", plan.bytes, plan.bytes);
        // Signed is not enough: it must be the pack and version the release list named.
        const ExpectedRelease expected{pack, plan.target_version, {}, signer};
        auto r = plan.full ? lib.ImportBundle(files.front(), expected) : lib.ImportDeltas(files, expected);
        if (!r) return r.error();
        if (r->manifest.version != plan.target_version)
            return MakeError(ErrorCode::kCorrupt,
                             Format(tr("mirror delivered version {version} where its manifest announced {announced}"),
                                    {{"version", std::to_string(r->manifest.version)},
                                     {"announced", std::to_string(plan.target_version)}}));
        return r;
    }

    // One mirror's verified release list.
    struct VerifiedList {
        std::string mirror;
        std::string json, sig;
        bundle::ReleaseManifest rm;
        bundle::PublicKey signer;  // the trusted key that signed it
    };

    // Where to fetch an artifact of lists[best]: its own mirror first, then every other mirror
    // that answered (they may carry the same file; its hash and signer come from the list).
    static std::vector<std::string> SourcesFor(const std::vector<VerifiedList>& lists, size_t best) {
        std::vector<std::string> sources{lists[best].mirror};
        for (const auto& l : lists)
            if (std::find(sources.begin(), sources.end(), l.mirror) == sources.end()) sources.push_back(l.mirror);
        return sources;
    }

    // Fetches and verifies m_mirror's release list. An expired list, or one older than the
    // floor of a pack it names, is a failure of this mirror (it may be hiding newer releases).
    Result<VerifiedList> CheckMirror(const Library& lib, const SyncState& state, std::int64_t now) {
        // Unsigned and small: capped in size and given one overall deadline each.
        platform::HttpLimits unsigned_limits = m_o.limits;
        unsigned_limits.deadline_s = m_o.unsigned_deadline_s;
        // The last list this mirror gave that verified, with its ETag: when the mirror answers
        // "not modified", a check costs only headers (the copy is verified again all the same).
        const fs::path cache = SyncDir(m_dir) / "mirrors" / bundle::HashHex(m_mirror).substr(0, 32);
        const std::string json_name = bundle::kReleaseFile, sig_name = json_name + ".minisig";
        auto cached_json =
            platform::ReadFile(cache / json_name, tr("cached release list"), bundle::kMaxReleaseFileSize);
        auto cached_sig =
            platform::ReadFile(cache / sig_name, tr("cached release signature"), bundle::kMaxSignatureFileSize);
        auto cached_etag = platform::ReadFile(cache / "etag", tr("cached ETag"), 256);
        const bool have_cache = cached_json && cached_sig && cached_etag;
        auto answer = platform::HttpGetIfChanged(Join(m_mirror, json_name), have_cache ? *cached_etag : "",
                                                 bundle::kMaxReleaseFileSize, unsigned_limits, &m_stats, m_o.cancel);
        if (!answer) return answer.error();
        std::string json, sig;
        if (answer->not_modified) {
            if (!have_cache) return MakeError(ErrorCode::kHttpStatus, tr("answered 'not modified' to a plain request"));
            json = std::move(*cached_json);
            sig = std::move(*cached_sig);
        } else {
            json = std::move(answer->body);
            auto fetched_sig = platform::HttpGet(Join(m_mirror, sig_name), bundle::kMaxSignatureFileSize,
                                                 unsigned_limits, &m_stats, m_o.cancel);
            if (!fetched_sig) return fetched_sig.error();
            sig = std::move(*fetched_sig);
        }
        const auto keys = lib.TrustedKeys();
        bundle::PublicKey signer;
        auto rm = bundle::VerifyReleaseManifest(json, sig, keys, lib.RetiredKeys(), &signer);
        if (!rm && answer->not_modified) {  // the copy here went bad: ask for the list itself
            std::error_code ec;
            fs::remove_all(cache, ec);
            return CheckMirror(lib, state, now);
        }
        if (!rm) return MakeError(rm.error().code, Format(tr("refused: {error}"), {{"error", rm.error().detail}}));
        if (!answer->not_modified && !answer->etag.empty() && platform::MakeDirs(cache, tr("sync directory"))) {
            // The ETag last: a copy without one is never used.
            std::error_code ec;
            fs::remove(cache / "etag", ec);
            if (platform::WriteFileAtomic(cache / json_name, json, tr("cached release list")) &&
                platform::WriteFileAtomic(cache / sig_name, sig, tr("cached release signature")))
                (void)platform::WriteFileAtomic(cache / "etag", answer->etag, tr("cached ETag"));
        }
        // A list speaks only for packs its signer publishes here: another trusted publisher
        // naming fieldkit-core, or someone else's pack, must not move that pack's floor.
        const size_t named = rm->packs.size();
        for (auto it = rm->packs.begin(); it != rm->packs.end();) {
            if (lib.MayPublish(it->first, signer, rm->roots)) {
                ++it;
                continue;
            }
            Note(Format(
                tr("mirror {mirror}: its release list is signed by key {key}, not by the publisher of pack {pack}: "
                   "that entry is ignored"),
                {{"mirror", m_mirror}, {"key", bundle::KeyIdHex(signer.id)}, {"pack", it->first}}));
            it = rm->packs.erase(it);
        }
        if (named > 0 && rm->packs.empty())
            return MakeError(
                ErrorCode::kUnknownKey,
                Format(tr("release list signed by key {key} names only packs other keys publish here: refused"),
                       {{"key", bundle::KeyIdHex(signer.id)}}));
        if (rm->expires < now)
            return MakeError(
                ErrorCode::kOlderThanInstalled,
                Format(tr("release list expired {expired} (made {made}): refused, a newer one should exist"),
                       {{"expired", bundle::IsoTime(rm->expires)}, {"made", bundle::IsoTime(rm->created)}}));
        for (const auto& [id, pr] : rm->packs) {
            auto floor = state.pack_floors.find(id);
            if (floor != state.pack_floors.end() && rm->created < floor->second)
                return MakeError(
                    ErrorCode::kOlderThanInstalled,
                    Format(
                        tr("offers an older release (made {made}; already seen one for {pack} made {seen}): refused"),
                        {{"made", bundle::IsoTime(rm->created)},
                         {"pack", id},
                         {"seen", bundle::IsoTime(floor->second)}}));
        }
        return VerifiedList{m_mirror, std::move(json), std::move(sig), std::move(*rm), signer};
    }

    // Brings one installed pack to `pr` (from `lists[best]`), fetching from that list's mirror
    // first and then from the others: every artifact is checked against `pr`'s hashes.
    // Returns the error when every mirror failed.
    std::optional<Error> UpdatePack(Library& lib, SyncState& state, SyncReport& report,
                                    const std::vector<VerifiedList>& lists, size_t best, const std::string& id) {
        const bundle::PackRelease& pr = lists[best].rm.packs.at(id);
        auto installed = lib.State().packs.find(id);
        if (installed == lib.State().packs.end()) return OfferNewPack(lib, state, report, lists, best, id);
        KnownRelease& known = state.packs[id];
        if (pr.version > known.version) known = KnownRelease{pr.version, lists[best].mirror, known.installed_via_sync};
        const std::uint64_t have = installed->second.version;
        if (pr.version <= have) {
            if (pr.version < have)
                Note(Format(
                    tr("pack {pack}: mirror offers version {version}, you already have {installed}"),
                    {{"pack", id}, {"version", std::to_string(pr.version)}, {"installed", std::to_string(have)}}));
            return std::nullopt;
        }
        auto raw = lib.InstalledRawHash(id);
        const UpdatePlan cheapest = CheapestPlan(pr, raw ? *raw : std::string());
        if (cheapest.full && m_o.metered == Metered::kDeltasOnly) {
            report.skipped.push_back(
                Format(tr("{pack}: needs the full bundle ({bytes} bytes); metered mode takes deltas only"),
                       {{"pack", id}, {"bytes", std::to_string(cheapest.bytes)}}));
            return std::nullopt;
        }
        if (m_o.metered == Metered::kAskAbove && cheapest.bytes > m_o.ask_above_bytes &&
            !(m_o.ask && m_o.ask(id, cheapest.bytes))) {
            report.skipped.push_back(Format(tr("{pack}: {bytes} bytes is above the metered limit"),
                                            {{"pack", id}, {"bytes", std::to_string(cheapest.bytes)}}));
            return std::nullopt;
        }
        if (cheapest.full)
            Note(Format(tr("pack {pack}: {from} -> {to} via full bundle, {bytes} bytes"),
                        {{"pack", id},
                         {"from", std::to_string(have)},
                         {"to", std::to_string(cheapest.target_version)},
                         {"bytes", std::to_string(cheapest.bytes)}}));
        else
            Note(Format(trn("pack {pack}: {from} -> {to} via {n} delta, {bytes} bytes",
                            "pack {pack}: {from} -> {to} via {n} deltas, {bytes} bytes", cheapest.steps.size()),
                        {{"pack", id},
                         {"from", std::to_string(have)},
                         {"to", std::to_string(cheapest.target_version)},
                         {"n", std::to_string(cheapest.steps.size())},
                         {"bytes", std::to_string(cheapest.bytes)}}));
        const std::vector<std::string> sources = SourcesFor(lists, best);
        std::optional<Error> failure;
        for (const auto& source : sources) {
            if (m_o.cancel && m_o.cancel->load()) break;
            m_mirror = source;
            UpdatePlan plan = cheapest;
            auto r = Execute(lib, id, plan);
            if (!r && !plan.full && m_o.metered != Metered::kDeltasOnly && r.error().code != ErrorCode::kOlderThanInstalled) {
                Note(Format(tr("pack {pack}: delta path failed ({error}); trying the full bundle"),
                            {{"pack", id}, {"error", r.error().detail}}));
                plan = FullPlan(pr);
                r = Execute(lib, id, plan);
            }
            if (!r && r.error().code == ErrorCode::kOlderThanInstalled) return std::nullopt;  // another process got there first
            if (!r) {
                failure = r.error();
                Note(Format(tr("pack {pack}: {error}"), {{"pack", id}, {"error", r.error().detail}}));
                continue;
            }
            report.updated.push_back(PackUpdate{id, have, r->manifest.version, !plan.full,
                                                static_cast<int>(plan.steps.size()), plan.bytes, r->shared_ids});
            known.source = source;
            known.installed_via_sync = Now();
            return std::nullopt;
        }
        return failure;
    }

    // A pack this kit does not have, from the list its publisher signed: installed only when
    // the policy (or the reader, asked) says so, as one full bundle signed by that same key.
    std::optional<Error> OfferNewPack(Library& lib, SyncState& state, SyncReport& report,
                                      const std::vector<VerifiedList>& lists, size_t best, const std::string& id) {
        const VerifiedList& list = lists[best];
        auto offer = MakeNewPackOffer(list.rm.packs.at(id), list.signer, list.mirror);
        if (!offer) return std::nullopt;
        NewPackResult result{*offer, NewPackOutcome::kOffered, {}};
        NewPackPolicy policy = m_o.new_packs;
        policy.deltas_only |= m_o.metered == Metered::kDeltasOnly;
        const NewPackAction action = DecideNewPack(*offer, policy, m_o.declined_new_packs);
        const bool install = action == NewPackAction::kInstall ||
                             (action == NewPackAction::kAsk && m_o.ask_new_pack && m_o.ask_new_pack(*offer));
        if (!install) {
            result.outcome = action == NewPackAction::kMeteredRefused ? NewPackOutcome::kMeteredRefused
                             : action == NewPackAction::kNotNow       ? NewPackOutcome::kNotNow
                             : action == NewPackAction::kAsk          ? NewPackOutcome::kDeclined
                                                                      : NewPackOutcome::kOffered;
            report.new_packs.push_back(std::move(result));
            return std::nullopt;
        }
        Note(Format(tr("new pack {pack}: version {version} via full bundle, {bytes} bytes, signed by key {key}"),
                    {{"pack", id},
                     {"version", std::to_string(offer->version)},
                     {"bytes", std::to_string(offer->bytes)},
                     {"key", offer->key_id}}));
        const UpdatePlan plan = FullPlan(list.rm.packs.at(id));
        const std::vector<std::string> sources = SourcesFor(lists, best);
        std::optional<Error> failure;
        for (const auto& source : sources) {
            if (m_o.cancel && m_o.cancel->load()) break;
            m_mirror = source;
            auto r = Execute(lib, id, plan, list.signer);
            if (!r && r.error().code == ErrorCode::kOlderThanInstalled) break;  // another process got there first
            if (!r) {
                failure = r.error();
                Note(Format(tr("pack {pack}: {error}"), {{"pack", id}, {"error", r.error().detail}}));
                if (r.error().code == ErrorCode::kUnknownKey || r.error().code == ErrorCode::kRetiredKey) break;
                continue;
            }
            failure.reset();
            PackUpdate u{id, 0, r->manifest.version, false, 1, plan.bytes, r->shared_ids};
            u.new_pack = true;
            report.updated.push_back(std::move(u));
            state.packs[id] = KnownRelease{r->manifest.version, source, Now()};
            result.outcome = NewPackOutcome::kInstalled;
            break;
        }
        if (failure) {
            result.outcome = NewPackOutcome::kFailed;
            result.error = failure->detail;
        }
        report.new_packs.push_back(std::move(result));
        return failure;
    }

    Result<SyncReport> Run() {
        auto state_r = LoadSyncState(m_dir);
        SyncState state = state_r ? *state_r : SyncState{};
        const std::int64_t now = Now();
        state.last_check = now;
        if (!m_o.mirrors.empty()) state.mirrors = m_o.mirrors;

        std::vector<std::string> mirrors = m_o.mirrors.empty() ? state.mirrors : m_o.mirrors;
        if (mirrors.empty())
            return MakeError(ErrorCode::kUsage, tr("no mirror configured (fieldkit sync --mirror URL)"));
        std::set<std::string> seen_mirrors(mirrors.begin(), mirrors.end());
        SyncReport report;
        std::optional<Error> last_error;
        auto lib = Library::Open(m_dir, m_built_in);
        if (!lib) return lib.error();

        // Every mirror is asked (one that is stale, expired or frozen must not hide a newer
        // list elsewhere), and those the verified lists name.
        std::vector<VerifiedList> lists;
        for (size_t mi = 0; mi < mirrors.size(); ++mi) {
            if (m_o.cancel && m_o.cancel->load()) break;
            m_mirror = mirrors[mi];
            if (!platform::IsHttpUrl(m_mirror)) {
                Note(Format(tr("mirror {mirror}: skipped (only http:// and https://)"), {{"mirror", m_mirror}}));
                continue;
            }
            Progress(SyncPhase::kChecking, "", bundle::kReleaseFile, 0, 0);
            auto list = CheckMirror(*lib, state, now);
            if (!list) {
                last_error = MakeError(
                    list.error().code,
                    Format(tr("mirror {mirror}: {error}"), {{"mirror", m_mirror}, {"error", list.error().detail}}));
                Note(last_error->detail);
                continue;
            }
            for (const auto& extra : list->rm.mirrors)
                if (platform::IsHttpUrl(extra) && seen_mirrors.insert(extra).second) mirrors.push_back(extra);
            lists.push_back(std::move(*list));
        }

        std::optional<Error> update_error;
        if (!lists.empty()) {
            last_error.reset();  // a failing mirror is noted; the pass goes on with the others
            // The newest list is the one held (for export and serve) and reported.
            size_t newest = 0;
            for (size_t i = 1; i < lists.size(); ++i)
                if (lists[i].rm.created > lists[newest].rm.created) newest = i;
            const VerifiedList& top = lists[newest];
            state.last_success = now;
            state.release_created_floor = std::max(state.release_created_floor, top.rm.created);
            state.release_expires = top.rm.expires;
            report.mirror = top.mirror;
            report.release_created = top.rm.created;
            report.release_expires = top.rm.expires;
            (void)platform::MakeDirs(SyncDir(m_dir) / "held", tr("sync directory"));
            (void)platform::WriteFileAtomic(SyncDir(m_dir) / "held" / bundle::kReleaseFile, top.json,
                                            tr("held release manifest"));
            (void)platform::WriteFileAtomic(SyncDir(m_dir) / "held" / (std::string(bundle::kReleaseFile) + ".minisig"),
                                            top.sig, tr("held release signature"));
            // Each pack from the newest list naming it; its floor rises to that list.
            std::map<std::string, size_t> best;
            for (size_t i = 0; i < lists.size(); ++i)
                for (const auto& [id, pr] : lists[i].rm.packs)
                    if (!best.count(id) || lists[i].rm.created > lists[best[id]].rm.created) best[id] = i;
            for (const auto& [id, i] : best) {
                std::int64_t& floor = state.pack_floors[id];
                floor = std::max(floor, lists[i].rm.created);
            }
            for (const auto& [id, i] : best) {
                if (m_o.cancel && m_o.cancel->load()) break;
                if (auto failed = UpdatePack(*lib, state, report, lists, i, id)) update_error = failed;
            }
        }
        if (update_error) last_error = update_error;
        const bool verified_any = !lists.empty();
        report.bytes_received = m_stats.bytes_received;
        state.online = verified_any;
        Note(Format(tr("received {bytes} bytes over the wire"), {{"bytes", std::to_string(m_stats.bytes_received)}}));
        if (verified_any && !last_error) {
            state.consecutive_failures = 0;
            state.last_error.clear();
        } else {
            state.consecutive_failures += 1;
            state.last_error = last_error ? last_error->detail : std::string(tr("no mirror answered"));
        }
        (void)SaveSyncState(m_dir, state);
        if (last_error) return *last_error;
        if (!verified_any) return MakeError(ErrorCode::kOffline, tr("no mirror answered"));
        return report;
    }

    void SetBuiltIn(const BuiltIn& b) { m_built_in = b; }

private:
    fs::path m_dir;
    const SyncOptions& m_o;
    BuiltIn m_built_in{};
    std::string m_mirror;
    platform::HttpStats m_stats;
};

}  // namespace

Result<SyncReport> SyncOnce(const fs::path& data_dir, const BuiltIn& built_in, const SyncOptions& options) {
    Pass pass(data_dir, options);
    pass.SetBuiltIn(built_in);
    return pass.Run();
}

}  // namespace fk::core
