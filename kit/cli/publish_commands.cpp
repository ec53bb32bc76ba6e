// Publisher commands for mirrors: bundle diff (one delta), bundle publish (a mirror release).
#include <cstdio>
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
#include "platform/i18n.hpp"
#include "platform/utf8_path.hpp"

namespace fk::cli {
namespace {

// A share of a whole as "12.34" (the % sign is in the translated message).
std::string Percent(std::uint64_t part, std::uint64_t whole) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f",
                  whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0);
    return buf;
}

int RunDiff(Context&, const Args& a) {
    if (a.Positional().size() != 2) return Usage(tr("bundle diff needs OLD.fkb and NEW.fkb"));
    auto out = a.PathOption("-o");
    auto sec = a.PathOption("-s");
    if (!out || !sec)
        return Usage(tr("bundle diff needs -o DELTA.fkd and -s KEY.sec (the key that signed both bundles)"));
    auto key = LoadSecretKey(*sec);
    if (!key) return Fail(key.error().detail);
    auto old_bytes = platform::ReadFile(a.PathAt(0), "old bundle", bundle::kMaxRawPayloadSize);
    if (!old_bytes) return Fail(old_bytes.error().detail);
    auto new_bytes = platform::ReadFile(a.PathAt(1), "new bundle", bundle::kMaxRawPayloadSize);
    if (!new_bytes) return Fail(new_bytes.error().detail);
    auto delta = bundle::MakeDelta(*old_bytes, *new_bytes, *key);
    if (!delta) return Fail(delta.error().detail);
    if (auto st = platform::WriteFileAtomic(*out, *delta, "delta"); !st) return Fail(st.error().detail);
    // xgettext:no-c-format
    std::cout << Format(tr("wrote {file}: {size} ({percent}% of the full bundle, {full})"),
                        {{"file", platform::Utf8FromPath(*out)},
                         {"size", HumanBytes(delta->size())},
                         {"percent", Percent(delta->size(), new_bytes->size())},
                         {"full", HumanBytes(new_bytes->size())}})
              << "\n";
    return 0;
}

int RunPublish(Context&, const Args& a) {
    if (a.Positional().size() != 1) return Usage(tr("bundle publish needs exactly one bundle file"));
    auto dir = a.PathOption("--mirror");
    auto sec = a.PathOption("-s");
    if (!dir || !sec) return Usage(tr("bundle publish needs --mirror DIR and -s KEY.sec"));
    auto key = LoadSecretKey(*sec);
    if (!key) return Fail(key.error().detail);
    auto bytes = platform::ReadFile(a.PathAt(0), "bundle", bundle::kMaxRawPayloadSize);
    if (!bytes) return Fail(bytes.error().detail);
    bundle::PublishOptions opts;
    if (auto mirrors = a.All("--also"); !mirrors.empty()) opts.mirrors = mirrors;
    if (auto inbox = a.Option("--inbox")) {
        if (!inbox->empty() && !platform::IsHttpUrl(*inbox))
            return Usage(tr("--inbox takes an http:// or https:// URL (or \"\" to remove it)"));
        opts.inbox = *inbox;
    }
    if (auto days = a.Option("--expires-days")) {
        try {
            opts.expiry_seconds = std::stoll(*days) * 86400;
        } catch (...) {
            return Usage(tr("--expires-days must be a number"));
        }
    }
    if (auto n = a.Option("--delta-bases")) {
        try {
            opts.delta_bases = std::stoi(*n);
            if (opts.delta_bases < 0) throw 0;
        } catch (...) {
            return Usage(tr("--delta-bases must be a whole number"));
        }
    }
    auto r = bundle::PublishRelease(*dir, *bytes, *key, opts);
    if (!r) return Fail(r.error().detail);
    std::cout << Format(tr("published {file} ({size}) to {dir}"), {{"file", r->full.name},
                                                                   {"size", HumanBytes(r->full.size)},
                                                                   {"dir", platform::Utf8FromPath(*dir)}})
              << "\n";
    for (const auto& d : r->new_deltas)
        std::cout << "  "
                  // xgettext:no-c-format
                  << Format(tr("delta {from} -> {to}: {size} ({percent}% of the full bundle)"),
                            {{"from", std::to_string(d.base_version)},
                             {"to", std::to_string(d.result_version)},
                             {"size", HumanBytes(d.file.size)},
                             {"percent", Percent(d.file.size, r->full.size)}})
                  << "\n";
    std::cout << Format(tr("release.json created {time}, fresh until {expires}"),
                        {{"time", bundle::IsoTime(r->manifest.created)},
                         {"expires", bundle::IsoTime(r->manifest.expires)}})
              << "\n";
    return 0;
}

int RunRotate(Context&, const Args& a) {
    auto from = a.PathOption("--from"), to = a.PathOption("--to"), roots = a.PathOption("--roots");
    if (!from || !to || !roots) return Usage(tr("bundle rotate needs --from OLD.sec --to NEW.sec --roots ROOTS.json"));
    auto old_key = LoadSecretKey(*from);
    if (!old_key) return Fail(old_key.error().detail);
    auto new_key = LoadSecretKey(*to);
    if (!new_key) return Fail(new_key.error().detail);
    const std::string roots_name = platform::Utf8FromPath(*roots);  // for messages
    std::vector<bundle::RootLink> chain;
    if (auto text = platform::ReadFile(*roots, "roots file", 1 << 20)) {
        auto parsed = bundle::RootsFromJson(*text);
        if (!parsed) return Fail(roots_name + ": " + parsed.error().detail);
        chain = *parsed;
    } else if (text.error().code != ErrorCode::kNotFound) {
        return Fail(text.error().detail);
    }
    // The new link must continue the chain from its newest key.
    if (!chain.empty()) {
        auto newest = bundle::ParsePublicKey(chain.back().key);
        if (!newest || newest->id != old_key->id)
            return Fail(Format(tr("--from must be the newest key of the chain in {file}"), {{"file", roots_name}}));
    }
    const std::uint64_t root = chain.empty() ? 2 : chain.back().root + 1;
    chain.push_back(bundle::MakeRootLink(root, *old_key, *new_key));
    if (auto st = platform::WriteFileAtomic(*roots, bundle::RootsToJson(chain), "roots file"); !st)
        return Fail(st.error().detail);
    std::cout
        << Format(tr("root {root}: key {old} -> {new} in {file}; build every bundle from now on with --roots {file}"),
                  {{"root", std::to_string(root)},
                   {"old", bundle::KeyIdHex(old_key->id)},
                   {"new", bundle::KeyIdHex(new_key->id)},
                   {"file", roots_name}})
        << "\n";
    return 0;
}

}  // namespace

std::vector<Command> PublishCommands() {
    return {
        {"bundle diff",
         "OLD.fkb NEW.fkb -o DELTA.fkd -s KEY.sec",
         N_("make a signed delta between two editions"),
         N_("Both bundles must be signed by KEY's public key. The delta is a zstd patch of the record\n"
            "stream (like `zstd --patch-from`) plus the new bundle's signed header; applying it rebuilds\n"
            "NEW.fkb byte for byte. `fieldkit import DELTA.fkd` applies it.\n"),
         {{}, {"-o", "-s"}, {{"--output", "-o"}}},
         RunDiff},
        {"bundle publish",
         "--mirror DIR FILE.fkb -s KEY.sec [--also URL]... [--expires-days N] [--delta-bases N] [--inbox URL]",
         N_("add a release to a static mirror directory"),
         N_("Writes the bundle and deltas from up to five previous releases (named by their hash),\n"
            "then the signed release.json; every file gets a .minisig for stock `minisign -V`.\n"
            "  --also URL         further mirrors to list in release.json (repeatable)\n"
            "  --expires-days N   soft expiry, a freshness signal for clients (default 30)\n"
            "  --delta-bases N    deltas from this many previous releases (default 5)\n"
            "  --inbox URL        where kits POST field reports (kept for later releases; \"\" removes it)\n"),
         {{}, {"--mirror", "-s", "--also", "--expires-days", "--delta-bases", "--inbox"}, {}},
         RunPublish},
        {"bundle rotate",
         "--from OLD.sec --to NEW.sec --roots ROOTS.json",
         N_("rotate the publisher key (extends the root chain)"),
         N_("Appends a root link signed by both keys to ROOTS.json (created if missing). Build every\n"
            "later bundle with `bundle build --roots ROOTS.json -s NEW.sec`: kits that trust any key of\n"
            "the chain walk it to the new key, however long they were offline.\n"),
         {{}, {"--from", "--to", "--roots"}, {}},
         RunRotate},
    };
}

}  // namespace fk::cli
