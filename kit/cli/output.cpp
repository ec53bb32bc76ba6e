// Output helpers.
#include "kit/cli/output.hpp"

#include <cstdio>

#include "kit/core/content_index.hpp"
#include "platform/i18n.hpp"

namespace fk::cli {

std::string RenderSnippet(const std::string& snippet, bool tty) {
    std::string out;
    for (char c : snippet) {
        if (c == core::kMarkOpen) out += tty ? "\x1b[1m" : "**";
        else if (c == core::kMarkClose) out += tty ? "\x1b[0m" : "**";
        else if (c == '\n') out += ' ';
        else out += c;
    }
    return out;
}

std::string HumanAgo(std::int64_t s) {
    if (s < 60) return tr("less than a minute ago");
    if (s < 3600) {
        const auto n = static_cast<unsigned long>(s / 60);
        return Format(trn("{n} minute ago", "{n} minutes ago", n), {{"n", std::to_string(n)}});
    }
    if (s < 86400) {
        const auto n = static_cast<unsigned long>(s / 3600);
        return Format(trn("{n} hour ago", "{n} hours ago", n), {{"n", std::to_string(n)}});
    }
    const auto n = static_cast<unsigned long>(s / 86400);
    return Format(trn("{n} day ago", "{n} days ago", n), {{"n", std::to_string(n)}});
}

std::string HumanOld(std::int64_t s) {
    if (s < 60) return tr("less than a minute old");
    if (s < 3600) {
        const auto n = static_cast<unsigned long>(s / 60);
        return Format(trn("{n} minute old", "{n} minutes old", n), {{"n", std::to_string(n)}});
    }
    if (s < 86400) {
        const auto n = static_cast<unsigned long>(s / 3600);
        return Format(trn("{n} hour old", "{n} hours old", n), {{"n", std::to_string(n)}});
    }
    const auto n = static_cast<unsigned long>(s / 86400);
    return Format(trn("{n} day old", "{n} days old", n), {{"n", std::to_string(n)}});
}

std::string HumanBytes(std::uint64_t b) {
    char buf[32];
    if (b < 1024) std::snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(b));
    else if (b < 1024 * 1024) std::snprintf(buf, sizeof buf, "%.1f KB", static_cast<double>(b) / 1024);
    else std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(b) / (1024 * 1024));
    return buf;
}

std::string FewOf(const std::vector<std::string>& items, size_t few) {
    std::string list;
    for (size_t i = 0; i < items.size() && i < few; ++i) list += (i ? ", " : "") + items[i];
    if (items.size() <= few) return list;
    const auto more = static_cast<unsigned long>(items.size() - few);
    // TRANSLATORS: {list} is a few article ids ("a, b, c"), {n} how many more there are.
    return Format(trn("{list} and {n} more", "{list} and {n} more", more),
                  {{"list", list}, {"n", std::to_string(more)}});
}

std::string SharedIdsWarning(const std::string& pack, const std::vector<std::string>& shared_ids) {
    if (shared_ids.empty()) return "";
    const auto n = static_cast<unsigned long>(shared_ids.size());
    return Format(
               // TRANSLATORS: {pack} is a pack id, {ids} a list of article ids; "{pack}/ID" is typed as it is.
               trn("warning: {n} article id of {pack} also in another pack ({ids}); open this pack's as {pack}/ID",
                   "warning: {n} article ids of {pack} also in another pack ({ids}); open this pack's as {pack}/ID", n),
               {{"n", std::to_string(n)}, {"pack", pack}, {"ids", FewOf(shared_ids)}}) +
           "\n";
}

std::string UpdatedLine(const std::string& pack, std::uint64_t from, std::uint64_t to, bool via_delta,
                        std::uint64_t steps, std::uint64_t bytes) {
    if (!via_delta)
        return Format(
            tr("updated {pack} {from} -> {to} via full bundle, {size}"),
            {{"pack", pack}, {"from", std::to_string(from)}, {"to", std::to_string(to)}, {"size", HumanBytes(bytes)}});
    // TRANSLATORS: {n} deltas (binary patches) were applied to go from version {from} to {to}.
    return Format(trn("updated {pack} {from} -> {to} via {n} delta, {size}",
                      "updated {pack} {from} -> {to} via {n} deltas, {size}", static_cast<unsigned long>(steps)),
                  {{"pack", pack},
                   {"from", std::to_string(from)},
                   {"to", std::to_string(to)},
                   {"n", std::to_string(steps)},
                   {"size", HumanBytes(bytes)}});
}

namespace {

std::string OfferTitle(const core::NewPackOffer& o) {
    return o.title.empty() ? o.pack : o.title;
}

}  // namespace

std::string NewPackLine(const core::NewPackResult& r) {
    const core::NewPackOffer& o = r.offer;
    const std::string version = std::to_string(o.version), title = OfferTitle(o), size = HumanBytes(o.bytes);
    auto line = [&](const char* pattern) {
        return Format(pattern, {{"pack", o.pack},
                                {"version", version},
                                {"title", title},
                                {"key", o.key_id},
                                {"fingerprint", o.fingerprint},
                                {"size", size},
                                {"error", r.error}});
    };
    switch (r.outcome) {
        case core::NewPackOutcome::kInstalled:
            return line(
                tr("installed new pack {pack} version {version} ({title}), signed by key {key} (fingerprint "
                   "{fingerprint}), {size}"));
        case core::NewPackOutcome::kOffered: {
            const char* offered =
                // TRANSLATORS: keep `fieldkit sync --yes` as it is: it is the command to type.
                tr("new pack offered: {pack} version {version} ({title}), signed by trusted key {key} "
                   "(fingerprint {fingerprint}), {size}; not installed: run `fieldkit sync --yes` to "
                   "install it");
            return line(offered);
        }
        case core::NewPackOutcome::kDeclined:
            return line(tr("new pack {pack} not installed (you said no)"));
        case core::NewPackOutcome::kMeteredRefused:
            return line(
                tr("new pack {pack} ({size}) not downloaded: a new pack is a full bundle and metered mode "
                   "takes deltas only"));
        case core::NewPackOutcome::kNotNow:
            return line(tr("new pack {pack} version {version} not installed (\"Not now\" in the window)"));
        case core::NewPackOutcome::kFailed:
            return line(tr("new pack {pack} not installed: {error}"));
    }
    return "";
}

std::string NewPackQuestion(const core::NewPackOffer& o) {
    const char* question =
        // TRANSLATORS: the answer is read as y or yes whatever the language: keep [y/N].
        tr("Install new pack {pack} ({title}, publisher key {key}, fingerprint {fingerprint}, {size})? [y/N] ");
    return Format(question, {{"pack", o.pack},
                             {"title", OfferTitle(o)},
                             {"key", o.key_id},
                             {"fingerprint", o.fingerprint},
                             {"size", HumanBytes(o.bytes)}});
}

}  // namespace fk::cli
