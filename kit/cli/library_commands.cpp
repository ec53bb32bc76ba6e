// Reader-facing commands: search, show, list, status, import, trust.
#include <chrono>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "bundle/signer.hpp"
#include "kit/cli/command.hpp"
#include "kit/cli/output.hpp"
#include "kit/core/content_index.hpp"
#include "kit/core/markdown_render.hpp"
#include "kit/core/pack_labels.hpp"
#include "kit/core/sync_state.hpp"
#include "platform/files.hpp"
#include "platform/i18n.hpp"
#include "platform/utf8_path.hpp"

namespace fk::cli {
namespace {

using nlohmann::json;

std::int64_t Now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// `labels`, when given, receives the short names of the installed packs (empty with one pack).
Result<core::ContentIndex> OpenIndex(const Context& ctx, std::map<std::string, std::string>* labels = nullptr) {
    auto lib = OpenLibrary(ctx);
    if (!lib) return lib.error();
    if (labels) *labels = core::PackLabels(lib->State());
    return core::ContentIndex::Open(lib->IndexPath());
}

// " · Pack title" after a result when several packs are installed, else "".
std::string FromPack(const std::map<std::string, std::string>& labels, const std::string& pack) {
    auto it = labels.find(pack);
    return it == labels.end() ? std::string() : " \u00b7 " + it->second;
}

core::Filters FiltersFrom(const Args& a) {
    return {a.OptionOr("--phase", ""), a.OptionOr("--audience", ""), a.OptionOr("--type", ""),
            a.OptionOr("--lang", ""), "", ""};
}

// Unknown facet values are a usage mistake worth naming, not an empty result.
std::optional<std::string> CheckFilters(core::ContentIndex& index, const core::Filters& f) {
    auto t = index.Taxonomy();
    // `pattern` is translated: {value} the value given, {known} the values there are.
    auto check = [](const bundle::Labels& labels, const std::string& v,
                    const char* pattern) -> std::optional<std::string> {
        if (v.empty() || bundle::HasLabel(labels, v)) return std::nullopt;
        std::string known;
        for (const auto& [k, l] : labels) known += (known.empty() ? "" : ", ") + k;
        return Format(pattern, {{"value", v}, {"known", known}});
    };
    if (auto e = check(t.phases, f.phase, tr("unknown phase '{value}' (one of: {known})"))) return e;
    if (auto e = check(t.audiences, f.audience, tr("unknown audience '{value}' (one of: {known})"))) return e;
    if (auto e = check(t.types, f.type, tr("unknown type '{value}' (one of: {known})"))) return e;
    return std::nullopt;
}

json SummaryJson(const core::ArticleSummary& a) {
    return {{"id", a.id},           {"pack", a.pack},      {"address", a.address},     {"title", a.title},
            {"type", a.type},       {"phases", a.phases},  {"audiences", a.audiences}, {"lang", a.lang},
            {"summary", a.summary}, {"updated", a.updated}};
}

int RunSearch(Context& ctx, const Args& a) {
    if (a.Positional().empty()) return Usage(tr("search needs a query (fieldkit search --help)"));
    std::string query;
    for (const auto& p : a.Positional()) query += (query.empty() ? "" : " ") + p;
    int limit = 10;
    try {
        limit = std::stoi(a.OptionOr("--limit", "10"));
    } catch (...) {
        limit = -1;
    }
    if (limit < 1 || limit > 1000) return Usage(tr("--limit must be a number from 1 to 1000"));
    std::map<std::string, std::string> labels;
    auto index = OpenIndex(ctx, &labels);
    if (!index) return Fail(index.error().detail);
    core::Filters f = FiltersFrom(a);
    if (auto e = CheckFilters(*index, f)) return Usage(*e);
    // A trailing space means "the last word is complete": no prefix matching from the CLI.
    core::SearchResults r = index->Search(query + " ", f, limit);
    if (a.Flag("--json")) {
        json arr = json::array();
        for (const auto& h : r.hits) {
            json j = SummaryJson(h.article);
            j["snippet"] = RenderSnippet(h.snippet, false);
            j["score"] = h.score;
            arr.push_back(j);
        }
        std::cout << arr.dump(2) << "\n";
        return 0;
    }
    if (!r.corrected_query.empty())
        std::cout << Format(tr("Showing results for: {query}"), {{"query", r.corrected_query}}) << "\n\n";
    if (r.hits.empty()) {
        std::cout << Format(tr("No articles match '{query}'."), {{"query", query}}) << "\n";
        return 0;
    }
    int n = 0;
    const std::string also_in = core::AlsoInLine(r);
    for (const auto& h : r.hits) {
        const auto& art = h.article;
        if (art.lang != r.reader_lang && n > 0 && r.hits[n - 1].article.lang == r.reader_lang)
            std::cout << "\n" << also_in << "\n";
        else if (art.lang != r.reader_lang && n == 0)
            std::cout << Format(tr("Nothing in {language}."), {{"language", core::LanguageName(r.reader_lang)}}) << " "
                      << also_in << "\n";
        std::string bold = ctx.stdout_is_tty ? "\x1b[1m" : "", plain = ctx.stdout_is_tty ? "\x1b[0m" : "";
        std::cout << ++n << ". " << bold << art.title << plain << "  [" << art.type;
        if (art.lang != r.reader_lang) std::cout << ", " << art.lang;
        std::cout << "]" << FromPack(labels, art.pack) << "\n   " << RenderSnippet(h.snippet, ctx.stdout_is_tty)
                  << "\n   fieldkit show " << art.address << "\n";
    }
    return 0;
}

int RunShow(Context& ctx, const Args& a) {
    if (a.Positional().size() != 1) return Usage(tr("show needs exactly one article id"));
    const std::string format = a.OptionOr("--format", "text");
    if (format != "text" && format != "md" && format != "html") return Usage(tr("--format must be text, md or html"));
    std::string address = a.Positional()[0];
    if (const std::string pack = a.OptionOr("--pack", ""); !pack.empty()) {
        if (address.find('/') != std::string::npos) return Usage(tr("give the pack once: ID --pack P, or P/ID"));
        address = pack + "/" + address;
    }
    auto index = OpenIndex(ctx);
    if (!index) return Fail(index.error().detail);
    auto view = index->Get(address, a.OptionOr("--lang", "en"));
    if (!view) return Fail(Format(tr("no article '{id}' (try fieldkit search)"), {{"id", address}}));
    // Said on stderr so that the article itself can still be piped.
    for (const auto& other : view->other_packs)
        std::cerr << Format(tr("note: pack {pack} also has an article '{id}': fieldkit show {pack}/{id}"),
                            {{"pack", other}, {"id", view->article.id}})
                  << "\n";
    if (view->TranslationIsOlder())
        std::cerr << Format(tr("note: {note} (fieldkit show {address} --lang en)"),
                            {{"note", core::OlderTranslationNote(*view)}, {"address", view->address}})
                  << "\n";
    bundle::Article art = view->article;
    if (format == "html") {
        std::cout << core::RenderHtml(art) << "\n";
        return 0;
    }
    if (format == "md") {
        std::cout << core::RenderMarkdown(art);
        return 0;
    }
    art.id = view->address;  // the name that opens this article again
    // A link names the article it opens from here: its own pack's first ("pack/id" outside the core).
    const auto address_of = [&](std::string_view id) { return index->Resolve(id, view->pack).value_or(std::string(id)); };
    std::cout << core::RenderText(art, ctx.stdout_is_tty, address_of);
    return 0;
}

int RunList(Context& ctx, const Args& a) {
    std::map<std::string, std::string> labels;
    auto index = OpenIndex(ctx, &labels);
    if (!index) return Fail(index.error().detail);
    core::Filters f = FiltersFrom(a);
    if (auto e = CheckFilters(*index, f)) return Usage(*e);
    auto list = index->List(f);
    if (a.Flag("--json")) {
        json arr = json::array();
        for (const auto& s : list) arr.push_back(SummaryJson(s));
        std::cout << arr.dump(2) << "\n";
        return 0;
    }
    for (const auto& s : list) {
        std::string address = s.address;
        if (address.size() < 44) address.resize(44, ' ');
        std::cout << address << " " << s.title << FromPack(labels, s.pack) << "\n";
    }
    std::cout << Format(trn("{n} article", "{n} articles", list.size()), {{"n", std::to_string(list.size())}}) << "\n";
    return 0;
}

int RunStatus(Context& ctx, const Args& a) {
    auto lib = OpenLibrary(ctx);
    if (!lib) return Fail(lib.error().detail);
    const auto& st = lib->State();
    const std::int64_t now = std::max(Now(), st.clock_floor);
    auto keys = lib->TrustedKeys();
    auto sync_loaded = core::LoadSyncState(ctx.data_dir);
    const core::SyncState sync = sync_loaded ? *sync_loaded : core::SyncState{};
    auto known = [&](const std::string& id) {
        auto it = sync.packs.find(id);
        return it == sync.packs.end() ? core::KnownRelease{} : it->second;
    };
    const ReaderStatus reader = GetReaderStatus(ctx);
    if (a.Flag("--json")) {
        json packs = json::array();
        for (const auto& [id, p] : st.packs) {
            const core::KnownRelease k = known(id);
            packs.push_back({{"pack", id},           {"title", p.title},      {"version", p.version},
                             {"created", bundle::IsoTime(p.created)}, {"age_seconds", now - p.created},
                             {"articles", p.article_count}, {"key_id", p.key_id}, {"built_in", p.embedded},
                             {"newest_known", std::max(k.version, p.version)}, {"source", k.source},
                             {"last_success", sync.last_success}, {"last_check", sync.last_check}});
        }
        json key_ids = json::array();
        for (const auto& k : keys) key_ids.push_back(bundle::KeyIdHex(k.id));
        json out = {{"data_dir", platform::Utf8FromPath(ctx.data_dir)},
                    {"packs", packs},
                    {"trusted_keys", key_ids},
                    {"clock_behind", Now() < st.clock_floor},
                    {"sync",
                     {{"mirrors", sync.mirrors},
                      {"last_check", sync.last_check},
                      {"last_success", sync.last_success},
                      {"release_expires", sync.release_expires},
                      {"last_error", sync.last_error}}},
                    {"reader", {{"locked", reader.locked}, {"history", reader.history}}}};
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    std::cout << Format(tr("data directory: {dir}"), {{"dir", platform::Utf8FromPath(ctx.data_dir)}}) << "\n";
    if (Now() < st.clock_floor)
        std::cout << Format(tr("warning: this computer's clock is behind the newest signed content; ages use {time}"),
                            {{"time", bundle::IsoTime(st.clock_floor)}})
                  << "\n";
    for (const auto& [id, p] : st.packs) {
        const std::string version = std::to_string(p.version);
        std::cout << (p.embedded
                          ? Format(tr("pack {pack} version {version} (built in)"), {{"pack", id}, {"version", version}})
                          : Format(tr("pack {pack} version {version}"), {{"pack", id}, {"version", version}}))
                  << "\n  "
                  << Format(
                         // TRANSLATORS: {title} is the pack's title, {time} an ISO date, {age} e.g. "3 days old".
                         trn("{title}, {n} article, made {time} ({age})", "{title}, {n} articles, made {time} ({age})",
                             static_cast<unsigned long>(p.article_count)),
                         {{"title", p.title},
                          {"n", std::to_string(p.article_count)},
                          {"time", bundle::IsoTime(p.created)},
                          {"age", HumanOld(now - p.created)}})
                  << "\n  " << Format(tr("signed by key {key}"), {{"key", p.key_id}}) << "\n";
        const core::KnownRelease k = known(id);
        // Clauses of one line, each a statement of its own, joined by "; ".
        std::vector<std::string> clauses;
        if (sync.last_success)
            clauses.push_back(
                // TRANSLATORS: {time} is an ISO date, {ago} e.g. "3 days ago".
                Format(tr("last successful check {time} ({ago})"),
                       {{"time", bundle::IsoTime(sync.last_success)}, {"ago", HumanAgo(now - sync.last_success)}}));
        else
            clauses.push_back(tr("last successful check never"));
        if (k.version > p.version)
            clauses.push_back(
                Format(tr("newer release known: version {version}"), {{"version", std::to_string(k.version)}}));
        else if (sync.last_success && !k.source.empty())
            clauses.push_back(tr("no newer release known"));
        else if (sync.last_success)
            clauses.push_back(tr("not offered by the mirrors checked"));
        // TRANSLATORS: {source} is the mirror (a URL) the release was seen on.
        if (!k.source.empty()) clauses.push_back(Format(tr("from {source}"), {{"source", k.source}}));
        std::cout << " ";
        for (size_t i = 0; i < clauses.size(); ++i) std::cout << (i ? "; " : " ") << clauses[i];
        std::cout << "\n";
    }
    if (sync.last_check && sync.last_check != sync.last_success && !sync.last_error.empty())
        std::cout << Format(tr("last sync attempt {time} failed: {error}"),
                            {{"time", bundle::IsoTime(sync.last_check)}, {"error", sync.last_error}})
                  << "\n";
    if (sync.release_expires && now > sync.release_expires)
        std::cout << Format(tr("the release list last verified is past its freshness date ({time}): content stays "
                               "usable; a newer edition may exist"),
                            {{"time", bundle::IsoTime(sync.release_expires)}})
                  << "\n";
    std::cout << tr("trusted keys:");
    for (const auto& k : keys) std::cout << " " << bundle::KeyIdHex(k.id);
    std::cout << "\n" << reader.line << "\n";
    return 0;
}

int RunImport(Context& ctx, const Args& a) {
    if (a.Positional().empty())
        return Usage(tr("import needs a bundle or delta file, text files of update parts, or - (standard input)"));
    return ImportInputs(ctx, a);
}

int RunTrustAdd(Context& ctx, const Args& a) {
    if (a.Positional().size() != 1) return Usage(tr("trust add needs exactly one public key file"));
    auto text = platform::ReadFile(a.PathAt(0), "public key", 4096);
    if (!text) return Fail(text.error().detail);
    auto lib = OpenLibrary(ctx);
    if (!lib) return Fail(lib.error().detail);
    auto parsed = bundle::ParsePublicKey(*text);
    const bool already = parsed && bundle::ContainsKey(lib->TrustedKeys(), *parsed);
    auto key = lib->TrustKey(*text);
    if (!key) return Fail(a.Positional()[0] + ": " + key.error().detail);
    const std::string id = bundle::KeyIdHex(key->id), fingerprint = bundle::KeyFingerprint(*key).substr(0, 16);
    std::cout << (already ? Format(tr("already trusted: key {id} (fingerprint {fingerprint})"),
                                   {{"id", id}, {"fingerprint", fingerprint}})
                          : Format(tr("trusting key {id} (fingerprint {fingerprint})"),
                                   {{"id", id}, {"fingerprint", fingerprint}}))
              << "\n";
    return 0;
}

int RunTrustList(Context& ctx, const Args&) {
    auto lib = OpenLibrary(ctx);
    if (!lib) return Fail(lib.error().detail);
    const auto retired = lib->RetiredKeys();
    for (const auto& k : lib->TrustedKeys())
        std::cout << bundle::KeyIdHex(k.id) << " " << bundle::KeyFingerprint(k)
                  << (bundle::ContainsKey(retired, k) ? " retired" : "") << "\n";
    return 0;
}

int RunTrustRemove(Context& ctx, const Args& a) {
    if (a.Positional().size() != 1) return Usage(tr("trust remove needs one key id or fingerprint"));
    auto lib = OpenLibrary(ctx);
    if (!lib) return Fail(lib.error().detail);
    auto key = lib->UntrustKey(a.Positional()[0]);
    if (!key) return Fail(key.error().detail);
    std::cout << Format(
                     tr("no longer trusting key {id} (fingerprint {fingerprint})"),
                     {{"id", bundle::KeyIdHex(key->id)}, {"fingerprint", bundle::KeyFingerprint(*key).substr(0, 16)}})
              << "\n";
    return 0;
}

}  // namespace

// The filter options are spelled out in each help text: a help is one message for translators.
std::vector<Command> LibraryCommands() {
    ArgSpec filters{{"--json"}, {"--phase", "--audience", "--type", "--lang", "--limit"}, {}};
    return {
        {"search", "QUERY... [--json] [--limit N] [--phase P] [--audience A] [--type T] [--lang L]",
         N_("search the library (typos in long words are forgiven)"),
         N_("Any text is a valid query. Matching words are shown in bold (or **word** when not on a\n"
            "terminal). A query in French, Spanish, Ukrainian or Arabic lists that language's\n"
            "articles first, then \"Also in English: N articles\", found through the term lists.\n"
            "Options:\n  --json          print one JSON array of hits\n"
            "  --limit N       at most N hits (default 10)\n"
            "  --phase P       prepare, protect, resilience, mitigate or recover\n"
            "  --audience A    network-operator, dns-operator, ixp, humanitarian, policymaker, trainer\n"
            "  --type T        guide, checklist, case, reference, workshop, glossary\n"
            "  --lang L        only articles in this language (en, fr, es, uk, ar, ...)\n"),
         filters, RunSearch},
        {"show",
         "ID|PACK/ID [--pack P] [--format text|md|html] [--lang L]",
         N_("print one article"),
         N_("An article is named by its id; when several packs have that id, the built-in pack's\n"
            "article is shown (else the first pack's by name) and PACK/ID names another pack's.\n"
            "  --pack P        the article of pack P (the same as P/ID)\n"
            "  --format F      text (default), md (Markdown with its metadata) or html\n"
            "  --lang L        prefer this translation (falls back to English)\n"),
         {{}, {"--format", "--lang", "--pack"}, {}},
         RunShow},
        {"list", "[--phase P] [--audience A] [--type T] [--lang L] [--json]", N_("list articles by title"),
         N_("  --json          print one JSON array\n"
            "  --phase P       prepare, protect, resilience, mitigate or recover\n"
            "  --audience A    network-operator, dns-operator, ixp, humanitarian, policymaker, trainer\n"
            "  --type T        guide, checklist, case, reference, workshop, glossary\n"
            "  --lang L        only articles in this language (en, fr, es, uk, ar, ...)\n"),
         filters, RunList},
        {"status",
         "[--json]",
         N_("installed packs, versions, content age, trusted keys, whether notes are locked"),
         "",
         {{"--json"}, {}, {}},
         RunStatus},
        {"import",
         "FILE... | -",
         N_("install a signed bundle or delta from a file, or an update sent as text parts"),
         N_("The bundle must be signed by a trusted key (the built-in release key or one added with\n"
            "`fieldkit trust add`) and newer than the installed version of its pack. The old version\n"
            "stays in use until the new one is installed and checked.\n"
            "Text parts (from `fieldkit bundle armor`: SMS, e-mail, chat) are read from text files or\n"
            "standard input (`-`), in any order and among other text; parts that arrived are kept in\n"
            "the data directory until the rest come, and the update installs once it is whole.\n"),
         {{}, {}, {}},
         RunImport},
        {"trust add", "KEY.pub", N_("trust another publisher's minisign public key"), "", {{}, {}, {}}, RunTrustAdd},
        {"trust list",
         "",
         N_("print the trusted keys: id, fingerprint, and `retired` for a replaced key"),
         "",
         {{}, {}, {}},
         RunTrustList},
        {"trust remove",
         "ID|FINGERPRINT",
         N_("stop trusting a key added with `trust add`"),
         N_("An id shared by several trusted keys is refused: name the key by its fingerprint (from\n"
            "`fieldkit trust list`; its first 16 hex digits are enough).\n"),
         {{}, {}, {}},
         RunTrustRemove},
    };
}

}  // namespace fk::cli
