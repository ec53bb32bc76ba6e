// SyncOnce: mirrors in order with failover; manifest signature, then hash and length of every
// artifact, before anything is opened; installs go through Library (atomic, old stays usable).
#include "kit/core/sync_check.hpp"

#include <chrono>
#include <set>

#include "bundle/delta.hpp"
#include "bundle/manifest.hpp"
#include "bundle/minisign.hpp"
#include "bundle/release_manifest.hpp"
#include "kit/core/sync_plan.hpp"
#include "kit/core/sync_state.hpp"
#include "platform/files.hpp"

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
        if (auto bytes = platform::ReadFile(held, "held artifact", a.size); bytes && bundle::HashHex(*bytes) == a.hash)
            return bytes;
        if (auto st = platform::MakeDirs(SyncDir(m_dir) / "partial", "sync directory"); !st) return st.error();
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
            Note("  " + a.name.substr(0, 12) + ": " + st.error().detail + "; " + std::to_string(have) + " of " +
                 std::to_string(a.size) + " bytes kept" + (again ? ", resuming" : ""));
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
        auto bytes = platform::ReadFile(part, "partial download", a.size);
        if (!bytes) return bytes.error();
        if (bytes->size() != a.size || bundle::HashHex(*bytes) != a.hash) {
            fs::remove(part, ec);  // never resume onto bytes that failed their check
            return MakeError(ErrorCode::kCorrupt, "'" + Join(m_mirror, a.name) + "' does not match its signed hash");
        }
        if (a.name.ends_with(".fkd")) {
            // Held deltas are offered again by `fieldkit export` and `fieldkit serve`.
            if (platform::MakeDirs(held.parent_path(), "sync directory")) fs::rename(part, held, ec);
        }
        fs::remove(part, ec);
        return bytes;
    }

    // Fetches and applies one plan; returns the import report.
    Result<ImportReport> Execute(Library& lib, const std::string& pack, const UpdatePlan& plan) {
        std::vector<std::string> files;
        for (const auto& a : plan.steps) {
            auto bytes = Fetch(pack, a);
            if (!bytes) return bytes.error();
            files.push_back(std::move(*bytes));
        }
        Progress(SyncPhase::kApplying, pack, "", plan.bytes, plan.bytes);
        // Signed is not enough: it must be the pack and version the release list named.
        const ExpectedRelease expected{pack, plan.target_version};
        auto r = plan.full ? lib.ImportBundle(files.front(), expected) : lib.ImportDeltas(files, expected);
        if (!r) return r.error();
        if (r->manifest.version != plan.target_version)
            return MakeError(ErrorCode::kCorrupt, "mirror delivered version " + std::to_string(r->manifest.version) +
                                                      " where its manifest announced " + std::to_string(plan.target_version));
        return r;
    }

    Result<SyncReport> Run() {
        auto state_r = LoadSyncState(m_dir);
        SyncState state = state_r ? *state_r : SyncState{};
        const std::int64_t now = Now();
        state.last_check = now;
        if (!m_o.mirrors.empty()) state.mirrors = m_o.mirrors;

        std::vector<std::string> mirrors = m_o.mirrors.empty() ? state.mirrors : m_o.mirrors;
        if (mirrors.empty()) return MakeError(ErrorCode::kUsage, "no mirror configured (fieldkit sync --mirror URL)");
        std::set<std::string> pending_done;  // packs finished (updated or current)
        std::set<std::string> seen_mirrors(mirrors.begin(), mirrors.end());
        SyncReport report;
        std::optional<Error> last_error;
        bool verified_any = false;

        for (size_t mi = 0; mi < mirrors.size(); ++mi) {
            if (m_o.cancel && m_o.cancel->load()) break;
            m_mirror = mirrors[mi];
            if (!platform::IsHttpUrl(m_mirror)) {
                Note("mirror " + m_mirror + ": skipped (only http:// and https://)");
                continue;
            }
            Progress(SyncPhase::kChecking, "", bundle::kReleaseFile, 0, 0);
            auto lib = Library::Open(m_dir, m_built_in);
            if (!lib) return lib.error();
            auto json = platform::HttpGet(Join(m_mirror, bundle::kReleaseFile), bundle::kMaxReleaseFileSize, m_o.limits,
                                          &m_stats, m_o.cancel);
            auto sig = json ? platform::HttpGet(Join(m_mirror, std::string(bundle::kReleaseFile) + ".minisig"),
                                                bundle::kMaxSignatureFileSize, m_o.limits, &m_stats, m_o.cancel)
                            : Result<std::string>(json.error());
            if (!json || !sig) {
                last_error = json ? sig.error() : json.error();
                Note("mirror " + m_mirror + ": " + last_error->detail);
                continue;
            }
            const auto keys = lib->TrustedKeys();
            auto rm = bundle::VerifyReleaseManifest(*json, *sig, keys);
            if (!rm) {
                last_error = rm.error();
                Note("mirror " + m_mirror + ": refused: " + rm.error().detail);
                continue;
            }
            // Rollback floor per publisher key: a trainer's own mirror has its own clock of releases.
            const std::string signer = bundle::KeyIdHex(bundle::ParseSignatureFile(*sig)->key_id);
            std::int64_t& floor = state.release_floors[signer];
            if (rm->created < floor) {
                last_error = MakeError(ErrorCode::kOlderThanInstalled,
                                       "mirror " + m_mirror + " offers an older release (made " + bundle::IsoTime(rm->created) +
                                           "; already seen one made " + bundle::IsoTime(floor) + ")");
                Note(last_error->detail + ": refused");
                continue;
            }
            verified_any = true;
            state.last_success = now;
            floor = rm->created;
            state.release_created_floor = std::max(state.release_created_floor, rm->created);
            state.release_expires = rm->expires;
            report.mirror = m_mirror;
            report.release_created = rm->created;
            report.release_expires = rm->expires;
            report.expired = rm->expires < now;
            if (report.expired)
                Note("mirror " + m_mirror + ": release list is past its freshness date " + bundle::IsoTime(rm->expires) +
                     " (content stays usable; a newer edition may exist)");
            (void)platform::MakeDirs(SyncDir(m_dir) / "held", "sync directory");
            (void)platform::WriteFileAtomic(SyncDir(m_dir) / "held" / bundle::kReleaseFile, *json, "held release manifest");
            (void)platform::WriteFileAtomic(SyncDir(m_dir) / "held" / (std::string(bundle::kReleaseFile) + ".minisig"), *sig,
                                            "held release signature");
            for (const auto& extra : rm->mirrors)
                if (platform::IsHttpUrl(extra) && seen_mirrors.insert(extra).second) mirrors.push_back(extra);

            bool mirror_failed = false;
            for (const auto& [id, pr] : rm->packs) {
                if (pending_done.count(id)) continue;
                auto installed = lib->State().packs.find(id);
                if (installed == lib->State().packs.end()) continue;  // only packs this kit carries
                KnownRelease& known = state.packs[id];
                if (pr.version > known.version) known = KnownRelease{pr.version, m_mirror, known.installed_via_sync};
                const std::uint64_t have = installed->second.version;
                if (pr.version <= have) {
                    if (pr.version < have)
                        Note("pack " + id + ": mirror offers version " + std::to_string(pr.version) +
                             ", you already have " + std::to_string(have));
                    pending_done.insert(id);
                    continue;
                }
                auto raw = lib->InstalledRawHash(id);
                UpdatePlan plan = CheapestPlan(pr, raw ? *raw : std::string());
                if (plan.full && m_o.metered == Metered::kDeltasOnly) {
                    report.skipped.push_back(id + ": needs the full bundle (" + std::to_string(plan.bytes) +
                                             " bytes); metered mode takes deltas only");
                    pending_done.insert(id);
                    continue;
                }
                if (m_o.metered == Metered::kAskAbove && plan.bytes > m_o.ask_above_bytes &&
                    !(m_o.ask && m_o.ask(id, plan.bytes))) {
                    report.skipped.push_back(id + ": " + std::to_string(plan.bytes) + " bytes is above the metered limit");
                    pending_done.insert(id);
                    continue;
                }
                Note("pack " + id + ": " + std::to_string(have) + " -> " + std::to_string(plan.target_version) + " via " +
                     (plan.full ? std::string("full bundle") : std::to_string(plan.steps.size()) + " delta(s)") + ", " +
                     std::to_string(plan.bytes) + " bytes");
                auto r = Execute(*lib, id, plan);
                if (!r && !plan.full && m_o.metered != Metered::kDeltasOnly && r.error().code != ErrorCode::kOlderThanInstalled) {
                    Note("pack " + id + ": delta path failed (" + r.error().detail + "); trying the full bundle");
                    plan = FullPlan(pr);
                    r = Execute(*lib, id, plan);
                }
                if (!r) {
                    if (r.error().code == ErrorCode::kOlderThanInstalled) {
                        pending_done.insert(id);  // another process got there first
                        continue;
                    }
                    last_error = r.error();
                    Note("pack " + id + ": " + r.error().detail);
                    mirror_failed = true;
                    continue;
                }
                report.updated.push_back(PackUpdate{id, have, r->manifest.version, !plan.full,
                                                    static_cast<int>(plan.steps.size()), plan.bytes});
                known.source = m_mirror;
                known.installed_via_sync = Now();
                pending_done.insert(id);
            }
            if (!mirror_failed) {
                last_error.reset();
                break;
            }
        }
        report.bytes_received = m_stats.bytes_received;
        state.online = verified_any;
        Note("received " + std::to_string(m_stats.bytes_received) + " bytes over the wire");
        if (verified_any && !last_error) {
            state.consecutive_failures = 0;
            state.last_error.clear();
        } else {
            state.consecutive_failures += 1;
            state.last_error = last_error ? last_error->detail : "no mirror answered";
        }
        (void)SaveSyncState(m_dir, state);
        if (last_error) return *last_error;
        if (!verified_any) return MakeError(ErrorCode::kOffline, "no mirror answered");
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
