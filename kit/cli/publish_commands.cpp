// Publisher commands for mirrors: bundle diff (one delta), bundle publish (a mirror release).
#include <iostream>

#include "bundle/bundle_file.hpp"
#include "bundle/delta.hpp"
#include "bundle/manifest.hpp"
#include "bundle/publish.hpp"
#include "bundle/root_chain.hpp"
#include "kit/cli/command.hpp"
#include "kit/cli/output.hpp"
#include "platform/files.hpp"
#include "platform/http_client.hpp"

namespace fk::cli {
namespace {

int RunDiff(Context&, const Args& a) {
    if (a.Positional().size() != 2) return Usage("bundle diff needs OLD.fkb and NEW.fkb");
    auto out = a.Option("-o");
    auto sec = a.Option("-s");
    if (!out || !sec) return Usage("bundle diff needs -o DELTA.fkd and -s KEY.sec (the key that signed both bundles)");
    auto key = LoadSecretKey(*sec);
    if (!key) return Fail(key.error().detail);
    auto old_bytes = platform::ReadFile(a.Positional()[0], "old bundle", bundle::kMaxRawPayloadSize);
    if (!old_bytes) return Fail(old_bytes.error().detail);
    auto new_bytes = platform::ReadFile(a.Positional()[1], "new bundle", bundle::kMaxRawPayloadSize);
    if (!new_bytes) return Fail(new_bytes.error().detail);
    auto delta = bundle::MakeDelta(*old_bytes, *new_bytes, *key);
    if (!delta) return Fail(delta.error().detail);
    if (auto st = platform::WriteFileAtomic(*out, *delta, "delta"); !st) return Fail(st.error().detail);
    const double pct = 100.0 * static_cast<double>(delta->size()) / static_cast<double>(new_bytes->size());
    std::printf("wrote %s: %s (%.2f%% of the full bundle, %s)\n", out->c_str(), HumanBytes(delta->size()).c_str(), pct,
                HumanBytes(new_bytes->size()).c_str());
    return 0;
}

int RunPublish(Context&, const Args& a) {
    if (a.Positional().size() != 1) return Usage("bundle publish needs exactly one bundle file");
    auto dir = a.Option("--mirror");
    auto sec = a.Option("-s");
    if (!dir || !sec) return Usage("bundle publish needs --mirror DIR and -s KEY.sec");
    auto key = LoadSecretKey(*sec);
    if (!key) return Fail(key.error().detail);
    auto bytes = platform::ReadFile(a.Positional()[0], "bundle", bundle::kMaxRawPayloadSize);
    if (!bytes) return Fail(bytes.error().detail);
    bundle::PublishOptions opts;
    if (auto mirrors = a.All("--also"); !mirrors.empty()) opts.mirrors = mirrors;
    if (auto inbox = a.Option("--inbox")) {
        if (!inbox->empty() && !platform::IsHttpUrl(*inbox)) return Usage("--inbox takes an http:// or https:// URL (or \"\" to remove it)");
        opts.inbox = *inbox;
    }
    if (auto days = a.Option("--expires-days")) {
        try {
            opts.expiry_seconds = std::stoll(*days) * 86400;
        } catch (...) {
            return Usage("--expires-days must be a number");
        }
    }
    if (auto n = a.Option("--delta-bases")) {
        try {
            opts.delta_bases = std::stoi(*n);
            if (opts.delta_bases < 0) throw 0;
        } catch (...) {
            return Usage("--delta-bases must be a whole number");
        }
    }
    auto r = bundle::PublishRelease(*dir, *bytes, *key, opts);
    if (!r) return Fail(r.error().detail);
    std::cout << "published " << r->full.name << " (" << HumanBytes(r->full.size) << ") to " << *dir << "\n";
    for (const auto& d : r->new_deltas)
        std::printf("  delta %llu -> %llu: %s (%.2f%% of the full bundle)\n",
                    static_cast<unsigned long long>(d.base_version), static_cast<unsigned long long>(d.result_version),
                    HumanBytes(d.file.size).c_str(),
                    100.0 * static_cast<double>(d.file.size) / static_cast<double>(r->full.size));
    std::cout << "release.json created " << bundle::IsoTime(r->manifest.created) << ", fresh until "
              << bundle::IsoTime(r->manifest.expires) << "\n";
    return 0;
}

int RunRotate(Context&, const Args& a) {
    auto from = a.Option("--from"), to = a.Option("--to"), roots = a.Option("--roots");
    if (!from || !to || !roots) return Usage("bundle rotate needs --from OLD.sec --to NEW.sec --roots ROOTS.json");
    auto old_key = LoadSecretKey(*from);
    if (!old_key) return Fail(old_key.error().detail);
    auto new_key = LoadSecretKey(*to);
    if (!new_key) return Fail(new_key.error().detail);
    std::vector<bundle::RootLink> chain;
    if (auto text = platform::ReadFile(*roots, "roots file", 1 << 20)) {
        auto parsed = bundle::RootsFromJson(*text);
        if (!parsed) return Fail(*roots + ": " + parsed.error().detail);
        chain = *parsed;
    } else if (text.error().code != ErrorCode::kNotFound) {
        return Fail(text.error().detail);
    }
    // The new link must continue the chain from its newest key.
    if (!chain.empty()) {
        auto newest = bundle::ParsePublicKey(chain.back().key);
        if (!newest || newest->id != old_key->id)
            return Fail("--from must be the newest key of the chain in " + *roots);
    }
    const std::uint64_t root = chain.empty() ? 2 : chain.back().root + 1;
    chain.push_back(bundle::MakeRootLink(root, *old_key, *new_key));
    if (auto st = platform::WriteFileAtomic(*roots, bundle::RootsToJson(chain), "roots file"); !st)
        return Fail(st.error().detail);
    std::cout << "root " << root << ": key " << bundle::KeyIdHex(old_key->id) << " -> " << bundle::KeyIdHex(new_key->id)
              << " in " << *roots << "; build every bundle from now on with --roots " << *roots << "\n";
    return 0;
}

}  // namespace

std::vector<Command> PublishCommands() {
    return {
        {"bundle diff", "OLD.fkb NEW.fkb -o DELTA.fkd -s KEY.sec", "make a signed delta between two editions",
         "Both bundles must be signed by KEY's public key. The delta is a zstd patch of the record\n"
         "stream (like `zstd --patch-from`) plus the new bundle's signed header; applying it rebuilds\n"
         "NEW.fkb byte for byte. `fieldkit import DELTA.fkd` applies it.\n",
         {{}, {"-o", "-s"}, {{"--output", "-o"}}}, RunDiff},
        {"bundle publish", "--mirror DIR FILE.fkb -s KEY.sec [--also URL]... [--expires-days N] [--delta-bases N] [--inbox URL]",
         "add a release to a static mirror directory",
         "Writes the bundle and deltas from up to five previous releases (named by their hash),\n"
         "then the signed release.json; every file gets a .minisig for stock `minisign -V`.\n"
         "  --also URL         further mirrors to list in release.json (repeatable)\n"
         "  --expires-days N   soft expiry, a freshness signal for clients (default 30)\n"
         "  --delta-bases N    deltas from this many previous releases (default 5)\n"
         "  --inbox URL        where kits POST field reports (kept for later releases; \"\" removes it)\n",
         {{}, {"--mirror", "-s", "--also", "--expires-days", "--delta-bases", "--inbox"}, {}}, RunPublish},
        {"bundle rotate", "--from OLD.sec --to NEW.sec --roots ROOTS.json", "rotate the publisher key (extends the root chain)",
         "Appends a root link signed by both keys to ROOTS.json (created if missing). Build every\n"
         "later bundle with `bundle build --roots ROOTS.json -s NEW.sec`: kits that trust any key of\n"
         "the chain walk it to the new key, however long they were offline.\n",
         {{}, {"--from", "--to", "--roots"}, {}}, RunRotate},
    };
}

}  // namespace fk::cli
