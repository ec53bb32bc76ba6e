// Content directory loader and linter (yaml-cpp for front matter, md4c for links).
#include "bundle/content_loader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "bundle/markdown_scan.hpp"
#include "bundle/parallel.hpp"
#include "bundle/term_list.hpp"
#include "platform/files.hpp"
#include "platform/i18n.hpp"
#include "platform/utf8_path.hpp"

namespace fk::bundle {
namespace fs = std::filesystem;

bool HasLabel(const Labels& labels, const std::string& key) {
    return std::any_of(labels.begin(), labels.end(), [&](const auto& l) { return l.first == key; });
}

std::string FormatProblem(const Problem& p) {
    return p.path + ":" + std::to_string(p.line) + ": " + p.message;
}

namespace {

constexpr size_t kMaxArticleBytes = 512 * 1024;

// Plain scanners, not std::regex: libstdc++'s regex recurses per character of its input.
bool IsLower(char c) {
    return c >= 'a' && c <= 'z';
}
bool IsDigit(char c) {
    return c >= '0' && c <= '9';
}
bool IsAlnum(char c) {
    return IsLower(c) || IsDigit(c) || (c >= 'A' && c <= 'Z');
}

// Characters, not bytes: a Ukrainian or Arabic title has the same limit as an English one.
size_t CodePoints(const std::string& s) {
    return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// ^[a-z0-9]+(-[a-z0-9]+)*$
bool IsKebabId(const std::string& id) {
    if (id.empty() || id.front() == '-' || id.back() == '-') return false;
    for (size_t i = 0; i < id.size(); ++i)
        if (!(IsLower(id[i]) || IsDigit(id[i]) || (id[i] == '-' && id[i - 1] != '-'))) return false;
    return true;
}

// YYYY-MM-DD with a month 01-12 and a day 01-31.
bool IsIsoDate(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!IsDigit(s[i])) return false;
    const int month = (s[5] - '0') * 10 + (s[6] - '0'), day = (s[8] - '0') * 10 + (s[9] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// ^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$
bool IsLanguageTag(const std::string& s) {
    size_t i = 0;
    while (i < s.size() && IsLower(s[i])) ++i;
    if (i < 2 || i > 3) return false;
    while (i < s.size()) {
        if (s[i++] != '-') return false;
        const size_t start = i;
        while (i < s.size() && IsAlnum(s[i])) ++i;
        if (i - start < 2 || i - start > 8) return false;
    }
    return true;
}

// A kit.yaml label map (key: label); anything but plain text on either side is a problem.
Labels ReadLabels(const YAML::Node& node, std::vector<Problem>& problems) {
    Labels out;
    if (!node || !node.IsMap()) return out;
    for (const auto& kv : node) {
        if (!kv.first.IsScalar() || !kv.second.IsScalar()) {
            problems.push_back({"kit.yaml", kv.first.Mark().line + 1, tr("labels must be plain 'key: text' pairs")});
            continue;
        }
        out.emplace_back(kv.first.as<std::string>(), kv.second.as<std::string>());
    }
    return out;
}

// kit.yaml's `translations:`: per language, labels for keys the pack already has.
std::map<std::string, TaxonomyLabels> ReadTranslations(const YAML::Node& node, const Taxonomy& kit,
                                                       std::vector<Problem>& problems) {
    std::map<std::string, TaxonomyLabels> out;
    if (!node) return out;
    if (!node.IsMap()) {
        problems.push_back({"kit.yaml", node.Mark().line + 1, tr("translations must map a language to its labels")});
        return out;
    }
    for (const auto& lang : node) {
        const std::string code = lang.first.as<std::string>();
        if (code.size() < 2 || code.size() > 3 ||
            !std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
            problems.push_back({"kit.yaml", lang.first.Mark().line + 1,
                                Format(tr("'{code}' is not a language code like 'fr'"), {{"code", code}})});
        if (!lang.second.IsMap()) {
            problems.push_back({"kit.yaml", lang.first.Mark().line + 1,
                                Format(tr("translations of '{code}' must be a mapping"), {{"code", code}})});
            continue;
        }
        TaxonomyLabels& t = out[code];
        const std::pair<const char*, std::pair<Labels*, const Labels*>> parts[] = {
            {"phase_names", {&t.phase_names, &kit.phases}},
            {"phases", {&t.phases, &kit.phases}},
            {"audiences", {&t.audiences, &kit.audiences}},
            {"types", {&t.types, &kit.types}}};
        for (const auto& kv : lang.second) {
            const std::string part = kv.first.as<std::string>();
            auto it = std::find_if(std::begin(parts), std::end(parts), [&](const auto& p) { return part == p.first; });
            if (it == std::end(parts)) {
                problems.push_back({"kit.yaml", kv.first.Mark().line + 1,
                                    Format(tr("unknown key '{key}' in translations (phase_names, phases, audiences or "
                                              "types)"),
                                           {{"key", part}})});
                continue;
            }
            *it->second.first = ReadLabels(kv.second, problems);
            for (const auto& [key, label] : *it->second.first)
                if (!HasLabel(*it->second.second, key))
                    problems.push_back({"kit.yaml", kv.first.Mark().line + 1,
                                        Format(tr("{language} {part}: '{key}' is not one of the pack's {kind}"),
                                               {{"language", code},
                                                {"part", part},
                                                {"key", key},
                                                {"kind", part == "phase_names" ? "phases" : part}})});
        }
    }
    return out;
}

// Collects problems for one article file, with line numbers.
class ArticleReader {
public:
    ArticleReader(std::string rel, std::vector<Problem>& problems) : m_rel(std::move(rel)), m_problems(problems) {}

    void Report(int line, std::string message) { m_problems.push_back({m_rel, line, std::move(message)}); }

    // Front matter starts on line 2 of the file; yaml-cpp marks are 0-based within it.
    int LineOf(const YAML::Node& n) const { return n.Mark().line >= 0 ? n.Mark().line + 2 : 1; }

    std::string Str(const YAML::Node& fm, const char* key, bool required, int fallback_line) {
        YAML::Node n = fm[key];
        if (!n) {
            if (required) Report(fallback_line, Format(tr("missing required key '{key}'"), {{"key", key}}));
            return {};
        }
        if (!n.IsScalar()) {
            Report(LineOf(n), Format(tr("'{key}' must be a single value"), {{"key", key}}));
            return {};
        }
        return n.as<std::string>();
    }

    std::vector<std::string> List(const YAML::Node& fm, const char* key, bool required, int fallback_line) {
        YAML::Node n = fm[key];
        std::vector<std::string> out;
        if (!n) {
            if (required) Report(fallback_line, Format(tr("missing required key '{key}'"), {{"key", key}}));
            return out;
        }
        if (!n.IsSequence()) {
            Report(LineOf(n), Format(tr("'{key}' must be a list"), {{"key", key}}));
            return out;
        }
        for (const auto& item : n) {
            if (!item.IsScalar())
                Report(LineOf(item), Format(tr("'{key}' items must be plain values"), {{"key", key}}));
            else out.push_back(item.as<std::string>());
        }
        if (required && out.empty()) Report(LineOf(n), Format(tr("'{key}' must not be empty"), {{"key", key}}));
        return out;
    }

private:
    std::string m_rel;
    std::vector<Problem>& m_problems;
};

struct Parsed {
    Article article;
    std::string rel;
    int body_line = 1;
    int related_line = 2;
    bool draft = false;
};

std::optional<Parsed> ReadArticle(const fs::path& file, const std::string& rel, const std::string& lang,
                                  const Taxonomy& kit, std::vector<Problem>& problems) {
    ArticleReader r(rel, problems);
    // TRANSLATORS: this and the other short nouns passed to file functions name a thing in an
    // error message of the form "<what> '<path>': <reason>".
    auto text = platform::ReadFile(file, tr("article"), kMaxArticleBytes);
    if (!text) {
        r.Report(0, text.error().detail);
        return std::nullopt;
    }
    const std::string& t = *text;
    if (!t.starts_with("---\n")) {
        r.Report(1, tr("file must start with front matter between '---' lines"));
        return std::nullopt;
    }
    size_t end = t.find("\n---\n", 3);
    size_t end_len = 5;
    if (end == std::string::npos && t.ends_with("\n---")) {
        end = t.size() - 4;
        end_len = 4;
    }
    if (end == std::string::npos) {
        r.Report(1, tr("front matter is not closed by a '---' line"));
        return std::nullopt;
    }
    std::string yaml = t.substr(4, end - 3);
    int fm_lines = static_cast<int>(std::count(yaml.begin(), yaml.end(), '\n'));
    Parsed p;
    p.rel = rel;
    p.body_line = fm_lines + 3;
    p.article.body = t.substr(std::min(t.size(), end + end_len));
    if (p.article.body.find('\0') != std::string::npos) r.Report(0, tr("file contains a NUL byte"));

    YAML::Node fm;
    try {
        fm = YAML::Load(yaml);
    } catch (const YAML::Exception& e) {
        r.Report(e.mark.line >= 0 ? e.mark.line + 2 : 1,
                 Format(tr("front matter is not valid YAML: {reason}"), {{"reason", e.msg}}));
        return std::nullopt;
    }
    if (!fm.IsMap()) {
        r.Report(2, tr("front matter must be a mapping of keys to values"));
        return std::nullopt;
    }
    static const std::set<std::string> kKnown = {"id", "title", "summary", "type", "phases", "audiences", "tags",
                                                 "related", "sources", "updated", "lang", "status",
                                                 "translation_of", "source_updated"};
    for (const auto& kv : fm) {
        if (!kv.first.IsScalar()) {  // a complex key such as "? [a, b]"
            r.Report(r.LineOf(kv.first), tr("keys must be plain words"));
            continue;
        }
        std::string key = kv.first.as<std::string>();
        if (!kKnown.count(key)) r.Report(r.LineOf(kv.first), Format(tr("unknown key '{key}'"), {{"key", key}}));
    }

    Article& a = p.article;
    const std::string file_id = platform::Utf8FromPath(file.stem());
    a.id = r.Str(fm, "id", true, 2);
    if (!a.id.empty() && a.id != file_id)
        r.Report(r.LineOf(fm["id"]),
                 Format(tr("id '{id}' must equal the file name '{file}'"), {{"id", a.id}, {"file", file_id}}));
    if (!IsKebabId(file_id)) r.Report(0, tr("file name must be a kebab-case ASCII id"));
    a.id = file_id;
    a.title = r.Str(fm, "title", true, 2);
    if (CodePoints(a.title) > 80) r.Report(r.LineOf(fm["title"]), tr("title is longer than 80 characters"));
    a.summary = r.Str(fm, "summary", true, 2);
    if (CodePoints(a.summary) > 200) r.Report(r.LineOf(fm["summary"]), tr("summary is longer than 200 characters"));
    a.type = r.Str(fm, "type", true, 2);
    if (!a.type.empty() && !HasLabel(kit.types, a.type))
        r.Report(r.LineOf(fm["type"]), Format(tr("unknown type '{type}'"), {{"type", a.type}}));
    a.phases = r.List(fm, "phases", true, 2);
    for (const auto& ph : a.phases)
        if (!HasLabel(kit.phases, ph))
            r.Report(r.LineOf(fm["phases"]), Format(tr("unknown phase '{phase}'"), {{"phase", ph}}));
    a.audiences = r.List(fm, "audiences", true, 2);
    for (const auto& au : a.audiences)
        if (!HasLabel(kit.audiences, au))
            r.Report(r.LineOf(fm["audiences"]), Format(tr("unknown audience '{audience}'"), {{"audience", au}}));
    a.tags = r.List(fm, "tags", false, 2);
    a.related = r.List(fm, "related", false, 2);
    if (fm["related"]) p.related_line = r.LineOf(fm["related"]);
    a.updated = r.Str(fm, "updated", true, 2);
    if (!a.updated.empty() && !IsIsoDate(a.updated))
        r.Report(r.LineOf(fm["updated"]), tr("updated must be an ISO date (YYYY-MM-DD)"));
    a.lang = lang;
    if (fm["lang"]) {
        std::string declared = r.Str(fm, "lang", false, 2);
        if (declared != lang)
            r.Report(r.LineOf(fm["lang"]), Format(tr("lang '{lang}' differs from its folder '{folder}'"),
                                                  {{"lang", declared}, {"folder", lang}}));
    }
    a.translation_of = r.Str(fm, "translation_of", false, 2);
    a.source_updated = r.Str(fm, "source_updated", false, 2);
    if (!a.translation_of.empty() && a.translation_of != a.id)
        r.Report(r.LineOf(fm["translation_of"]), Format(tr("translation_of '{source}' must equal the id '{id}'"),
                                                        {{"source", a.translation_of}, {"id", a.id}}));
    if (!a.source_updated.empty() && !IsIsoDate(a.source_updated))
        r.Report(r.LineOf(fm["source_updated"]), tr("source_updated must be an ISO date (YYYY-MM-DD)"));
    if (lang != "en" && (a.translation_of.empty() || a.source_updated.empty()))
        r.Report(
            2,
            tr("a translation needs translation_of (the English id) and source_updated (that article's updated date)"));
    if (lang == "en" && (!a.translation_of.empty() || !a.source_updated.empty()))
        r.Report(2, tr("an English article is a source, not a translation: no translation_of or source_updated"));
    std::string status = r.Str(fm, "status", false, 2);
    if (!status.empty()) {
        if (status != "current" && status != "draft" && status != "retired")
            r.Report(r.LineOf(fm["status"]), tr("status must be current, draft or retired"));
        else
            a.status = status;
    }
    p.draft = a.status == "draft";

    YAML::Node sources = fm["sources"];
    if (sources && !sources.IsSequence()) r.Report(r.LineOf(sources), tr("'sources' must be a list"));
    if (sources && sources.IsSequence()) {
        for (const auto& s : sources) {
            if (!s.IsMap()) {
                r.Report(r.LineOf(s), tr("each source needs title, publisher and year"));
                continue;
            }
            Source src;
            src.title = r.Str(s, "title", true, r.LineOf(s));
            src.publisher = r.Str(s, "publisher", true, r.LineOf(s));
            std::string year = r.Str(s, "year", true, r.LineOf(s));
            try {
                src.year = year.empty() ? 0 : std::stoi(year);
            } catch (...) {
                src.year = 0;
            }
            if (!year.empty() && (src.year < 1800 || src.year > 2100))
                r.Report(r.LineOf(s["year"]), Format(tr("source year '{year}' is not a year"), {{"year", year}}));
            if (s["url"]) src.url = r.Str(s, "url", false, r.LineOf(s));
            if (!src.url.empty() && !src.url.starts_with("https://") && !src.url.starts_with("http://"))
                r.Report(r.LineOf(s["url"]), tr("source url must start with http:// or https://"));
            a.sources.push_back(std::move(src));
        }
    }
    if (a.sources.empty() && a.type != "glossary") r.Report(2, tr("at least one source is required"));
    return p;
}

// Line of the first occurrence of `needle` in the body, as a file line number.
// The scheme of an absolute link, lower-cased ("javascript" for "JavaScript:x"); empty when
// the link has none (a colon after the first '/', '?' or '#' is not a scheme).
std::string LinkScheme(std::string_view link) {
    const size_t colon = link.find(':');
    if (colon == std::string_view::npos || link.find_first_of("/?#") < colon) return {};
    std::string scheme;
    for (char c : link.substr(0, colon)) scheme += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return scheme;
}

int BodyLineOf(const Parsed& p, const std::string& needle) {
    size_t at = p.article.body.find(needle);
    if (at == std::string::npos) return p.body_line;
    return p.body_line + static_cast<int>(std::count(p.article.body.begin(), p.article.body.begin() + static_cast<long>(at), '\n'));
}

}  // namespace

Result<LoadedContent> LoadContentDir(const fs::path& dir, unsigned threads) {
    auto kit_text = platform::ReadFile(dir / "kit.yaml", tr("content metadata"), 1 << 20);
    if (!kit_text) return kit_text.error();
    LoadedContent out;
    Taxonomy& kit = out.content.kit;
    try {
        YAML::Node k = YAML::Load(*kit_text);
        if (!k.IsMap()) {
            out.problems.push_back({"kit.yaml", 1, tr("must be a mapping of keys to values")});
            return out;
        }
        for (const auto& kv : k)
            if (!kv.first.IsScalar())
                out.problems.push_back({"kit.yaml", kv.first.Mark().line + 1, tr("keys must be plain words")});
        kit.pack = k["pack"] ? k["pack"].as<std::string>() : "";
        kit.title = k["title"] ? k["title"].as<std::string>() : kit.pack;
        kit.publisher = k["publisher"] ? k["publisher"].as<std::string>() : "";
        kit.phases = ReadLabels(k["phases"], out.problems);
        kit.audiences = ReadLabels(k["audiences"], out.problems);
        kit.types = ReadLabels(k["types"], out.problems);
        kit.phase_names = ReadLabels(k["phase_names"], out.problems);
        kit.translations = ReadTranslations(k["translations"], kit, out.problems);
    } catch (const YAML::Exception& e) {
        out.problems.push_back(
            {"kit.yaml", std::max(e.mark.line + 1, 1), Format(tr("not valid YAML: {reason}"), {{"reason", e.msg}})});
        return out;
    }
    for (const auto& [key, name] : kit.phase_names)
        if (!HasLabel(kit.phases, key))
            out.problems.push_back(
                {"kit.yaml", 1, Format(tr("phase_names: '{key}' is not one of the pack's phases"), {{"key", key}})});
    if (!IsKebabId(kit.pack)) out.problems.push_back({"kit.yaml", 1, tr("'pack' must be a kebab-case id")});
    if (kit.phases.empty() || kit.audiences.empty() || kit.types.empty())
        out.problems.push_back({"kit.yaml", 1, tr("phases, audiences and types must all be listed")});

    std::vector<Parsed> parsed;
    std::error_code ec;
    std::vector<fs::path> files, term_files;
    for (const auto& lang_dir : fs::directory_iterator(dir, ec)) {
        if (!lang_dir.is_directory()) continue;
        for (const auto& f : fs::directory_iterator(lang_dir.path(), ec)) {
            if (!f.is_regular_file()) continue;
            if (f.path().extension() == ".md") files.push_back(f.path());
            if (f.path().filename() == "terms.yaml") term_files.push_back(f.path());
        }
    }
    if (ec) return platform::ErrnoError(ec.value(), tr("content directory"), dir);
    std::sort(files.begin(), files.end());
    // Files are read side by side, each into its own slot; problems are reported in file order.
    std::vector<std::optional<Parsed>> read(files.size());
    std::vector<std::vector<Problem>> file_problems(files.size());
    ParallelFor(files.size(), threads, [&](size_t i) {
        const fs::path& f = files[i];
        std::string lang = platform::Utf8FromPath(f.parent_path().filename());
        std::string rel = lang + "/" + platform::Utf8FromPath(f.filename());
        if (!IsLanguageTag(lang)) {
            file_problems[i].push_back(
                {rel, 0, Format(tr("folder '{folder}' is not a language tag"), {{"folder", lang}})});
            return;
        }
        try {
            read[i] = ReadArticle(f, rel, lang, kit, file_problems[i]);
        } catch (const YAML::Exception& e) {  // a shape the checks above did not foresee: report, never abort
            file_problems[i].push_back(
                {rel, std::max(e.mark.line + 2, 1), Format(tr("front matter: {reason}"), {{"reason", e.msg}})});
        } catch (const std::exception& e) {  // never across a thread's edge
            file_problems[i].push_back({rel, 0, e.what()});
        }
    });
    for (size_t i = 0; i < files.size(); ++i) {
        out.problems.insert(out.problems.end(), file_problems[i].begin(), file_problems[i].end());
        if (read[i]) parsed.push_back(std::move(*read[i]));
    }
    read.clear();

    std::sort(term_files.begin(), term_files.end());
    for (const auto& f : term_files) {
        const std::string lang = platform::Utf8FromPath(f.parent_path().filename()), rel = lang + "/terms.yaml";
        if (!IsLanguageTag(lang) || lang == "en") {
            out.problems.push_back({rel, 0, tr("a term list belongs in a translation's folder (fr/, uk/, ...)")});
            continue;
        }
        out.content.terms.push_back(ReadTermList(f, rel, lang, out.problems));
    }

    std::map<std::string, std::set<std::string>> ids_by_lang;
    std::map<std::string, std::string> english_updated;
    for (const auto& p : parsed) {
        ids_by_lang[p.article.lang].insert(p.article.id);
        if (p.article.lang == "en") english_updated[p.article.id] = p.article.updated;
    }
    // Read from several threads at once: lookups only, never operator[].
    auto has = [&](const std::string& lang, const std::string& id) {
        auto it = ids_by_lang.find(lang);
        return it != ids_by_lang.end() && it->second.count(id) > 0;
    };
    auto known = [&](const std::string& lang, const std::string& id) { return has(lang, id) || has("en", id); };
    std::vector<std::vector<Problem>> article_problems(parsed.size());
    ParallelFor(parsed.size(), threads, [&](size_t i) {
        const Parsed& p = parsed[i];
        std::vector<Problem>& problems = article_problems[i];
        const Article& a = p.article;
        for (const auto& rel_id : a.related)
            if (!known(a.lang, rel_id))
                problems.push_back(
                    {p.rel, p.related_line, Format(tr("related id '{id}' does not exist"), {{"id", rel_id}})});
        MarkdownScan scan = ScanMarkdown(a.body);
        for (const auto& link : scan.links) {
            if (link.starts_with("#")) continue;
            if (const std::string scheme = LinkScheme(link); !scheme.empty()) {
                if (scheme != "http" && scheme != "https" && scheme != "mailto")
                    problems.push_back(
                        {p.rel, BodyLineOf(p, "(" + link),
                         Format(tr("link '{link}' uses '{scheme}:'; only http, https and mailto links are allowed"),
                                {{"link", link}, {"scheme", scheme}})});
                continue;
            }
            std::string id = ArticleIdFromLink(link);
            if (id.empty())
                problems.push_back(
                    {p.rel, BodyLineOf(p, "(" + link),
                     Format(tr("link '{link}' must point to another article as 'id.md'"), {{"link", link}})});
            else if (!known(a.lang, id))
                problems.push_back({p.rel, BodyLineOf(p, "(" + link),
                                    Format(tr("link '{link}' points to no article"), {{"link", link}})});
        }
        if (a.type == "checklist" && scan.tasks.empty())
            problems.push_back({p.rel, p.body_line, tr("a checklist needs at least one task item ('- [ ] ...')")});
        if (a.lang != "en" && !has("en", a.id))
            problems.push_back(
                {p.rel, 0, Format(tr("translation has no English source with id '{id}'"), {{"id", a.id}})});
        if (auto src = english_updated.find(a.id); a.lang != "en" && src != english_updated.end() &&
                                                   a.source_updated > src->second)
            problems.push_back(
                {p.rel, 2,
                 Format(tr("source_updated {date} is later than the English article's updated {source_date}"),
                        {{"date", a.source_updated}, {"source_date", src->second}})});
    });
    for (const auto& problems : article_problems)
        out.problems.insert(out.problems.end(), problems.begin(), problems.end());
    for (auto& p : parsed)
        if (!p.draft) out.content.articles.push_back(std::move(p.article));
    std::sort(out.content.articles.begin(), out.content.articles.end(),
              [](const Article& x, const Article& y) { return std::tie(x.lang, x.id) < std::tie(y.lang, y.id); });
    CheckTermLists(out.content, out.problems);
    return out;
}

}  // namespace fk::bundle
