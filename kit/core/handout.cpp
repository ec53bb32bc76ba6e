// Handouts: collecting a module's articles and writing them as one printable document.
#include "kit/core/handout.hpp"

#include <algorithm>

#include "bundle/manifest.hpp"
#include "kit/core/markdown_render.hpp"
#include "platform/i18n.hpp"

namespace fk::core {
namespace {

// Print first: A4 and Letter both fit the 180 mm column inside these margins. System fonts
// only (DejaVu, Noto for Arabic), so nothing is fetched.
constexpr const char* kCss = R"(@page { margin: 16mm 15mm 18mm; }
html { font-family: "DejaVu Sans", "Noto Sans", "Noto Naskh Arabic", "Noto Sans Arabic", sans-serif;
  font-size: 11pt; line-height: 1.4; color: #000; background: #fff; }
body { max-width: 180mm; margin: 0 auto; padding: 0; }
h1 { font-size: 18pt; line-height: 1.2; margin: 0 0 4pt; }
h2 { font-size: 13.5pt; margin: 14pt 0 4pt; padding-bottom: 1pt; border-bottom: 0.6pt solid #777; }
h3 { font-size: 12pt; margin: 10pt 0 3pt; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
article + article { break-before: page; page-break-before: always; }
li, tr, blockquote, pre { break-inside: avoid; page-break-inside: avoid; }
li.task-list-item { list-style: none; margin-inline-start: -1.4em; padding: 2.5pt 0; }
.box { font-family: "DejaVu Sans", sans-serif; font-size: 15pt; line-height: 1; margin-inline-end: 0.35em;
  vertical-align: -1.5pt; }
table { border-collapse: collapse; width: 100%; font-size: 10pt; margin: 6pt 0; }
th, td { border: 0.6pt solid #666; padding: 3pt 5pt; text-align: start; vertical-align: top; }
th { background: #eee; }
code, pre { font-family: "DejaVu Sans Mono", monospace; font-size: 9.5pt; }
pre { white-space: pre-wrap; border: 0.6pt solid #aaa; padding: 4pt 6pt; }
blockquote { margin: 6pt 0; padding-inline-start: 8pt; border-inline-start: 2pt solid #999; }
h1 + p { color: #222; }
[dir="rtl"] em { font-style: normal; }  /* Arabic has no italics; a slanted copy reads badly */
a { color: inherit; }
ul.sources { font-size: 9.5pt; }
ul.sources a { overflow-wrap: anywhere; }
footer { margin-top: 18pt; padding-top: 4pt; border-top: 0.6pt solid #777; font-size: 9pt; color: #333; }
footer p { margin: 1pt 0; }
@media screen { body { margin: 12mm auto; padding: 0 10mm; } }
)";

std::string DirOf(std::string_view lang) {
    return IsRightToLeftLanguage(lang) ? "rtl" : "ltr";
}

// A place in the handout for an article's address ("pack/id" has a '/', fine in HTML but
// awkward in a fragment).
std::string AnchorOf(std::string address) {
    std::replace(address.begin(), address.end(), '/', '.');
    return "article-" + address;
}

// The name a reader types to open what `part` links to (the id as written if it opens nothing).
std::string LinkAddressFrom(const HandoutPart& part, std::string_view id) {
    auto it = part.links.find(std::string(id));
    return it == part.links.end() ? std::string(id) : it->second;
}

std::string SourcesHeading() {
    // TRANSLATORS: a heading in a printed handout, above the sources an article cites.
    return tr("Sources");
}

std::vector<std::string> FooterLines(const Handout& h) {
    std::vector<std::string> lines;
    // TRANSLATORS: the footer of a printed handout; {title} and {pack} name the pack,
    // {version} is a number and {date} is YYYY-MM-DD.
    const char* from = tr("From {title} ({pack}), version {version} of {date}.");
    for (const auto& p : h.packs)
        lines.push_back(Format(
            from,
            {{"title", p.title}, {"pack", p.pack}, {"version", std::to_string(p.version)}, {"date", p.edition_date}}));
    // TRANSLATORS: the last line of a printed handout; {date} is YYYY-MM-DD.
    lines.push_back(Format(tr("Printed from fieldkit on {date}."), {{"date", h.exported}}));
    return lines;
}

}  // namespace

bool IsRightToLeftLanguage(std::string_view lang) {
    for (std::string_view rtl : {"ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv", "sd", "ug"})
        if (lang == rtl || (lang.starts_with(rtl) && lang.size() > rtl.size() && lang[rtl.size()] == '-')) return true;
    return false;
}

Result<Handout> CollectHandout(ContentIndex& index, const std::map<std::string, InstalledPack>& packs,
                               const std::vector<std::string>& addresses, std::string_view lang,
                               std::string exported_date) {
    if (addresses.empty()) return MakeError(ErrorCode::kUsage, tr("a handout needs at least one article id"));
    Handout h;
    h.exported = std::move(exported_date);
    auto has = [&](const std::string& address) {
        return std::any_of(h.parts.begin(), h.parts.end(),
                           [&](const HandoutPart& p) { return p.view.address == address; });
    };
    for (const auto& address : addresses) {
        auto view = index.Get(address, lang);
        if (!view)
            return MakeError(ErrorCode::kNotFound,
                             Format(tr("no article '{id}' (try fieldkit search)"), {{"id", address}}));
        if (has(view->address)) continue;
        h.parts.push_back({*view, {}});
        if (view->article.type != "workshop") continue;
        // A module's checklists: linked in its text first, then the ones it lists as related.
        std::vector<std::string> ids = LinkedArticleIds(view->article.body);
        for (const auto& id : view->article.related)
            if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
        for (const auto& id : ids) {
            auto linked = index.Get(id, lang, view->pack);
            if (linked && linked->article.type == "checklist" && !has(linked->address))
                h.parts.push_back({*linked, {}});
        }
    }
    for (auto& part : h.parts)
        for (const auto& id : LinkedArticleIds(part.view.article.body))
            if (auto address = index.Resolve(id, part.view.pack)) part.links[id] = *address;
    for (const auto& part : h.parts) {
        const ArticleView& view = part.view;
        if (std::any_of(h.packs.begin(), h.packs.end(), [&](const HandoutPack& p) { return p.pack == view.pack; }))
            continue;
        HandoutPack p{view.pack, view.pack, 0, ""};
        if (auto it = packs.find(view.pack); it != packs.end()) {
            p.title = it->second.title.empty() ? view.pack : it->second.title;
            p.version = it->second.version;
            p.edition_date = bundle::IsoTime(it->second.created).substr(0, 10);
        }
        h.packs.push_back(std::move(p));
    }
    return h;
}

std::string HandoutHtml(const Handout& h) {
    const std::string lang = h.parts.empty() ? "en" : h.parts.front().view.article.lang;
    const std::string title = h.parts.empty() ? "" : h.parts.front().view.article.title;
    std::string out = "<!doctype html>\n<html lang=\"" + EscapeHtml(lang) + "\" dir=\"" + DirOf(lang) +
                      "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + EscapeHtml(title) + "</title>\n<style>\n" +
                      kCss + "</style>\n</head>\n<body>\n";
    // A link to an article printed in this handout jumps to it; any other link is printed as
    // "text (see: ADDRESS)", something a reader can type into fieldkit.
    std::map<std::string, std::string> anchors;  // address -> "#anchor"
    for (const auto& part : h.parts) anchors[part.view.address] = "#" + AnchorOf(part.view.address);
    for (const auto& part : h.parts) {
        HtmlOptions options;
        options.printable_boxes = true;
        options.no_images = true;
        options.sources_heading = SourcesHeading();
        options.href_of = [&](std::string_view id) -> std::optional<std::string> {
            auto anchor = anchors.find(LinkAddressFrom(part, id));
            return anchor == anchors.end() ? std::nullopt : std::optional(anchor->second);
        };
        options.address_of = [&](std::string_view id) { return LinkAddressFrom(part, id); };
        const auto& a = part.view.article;
        out += "<article id=\"" + EscapeHtml(AnchorOf(part.view.address)) + "\" lang=\"" + EscapeHtml(a.lang) +
               "\" dir=\"" + DirOf(a.lang) + "\">\n" + RenderHtmlArticle(a, options) + "</article>\n";
    }
    out += "<footer dir=\"auto\">\n";
    for (const auto& line : FooterLines(h)) out += "<p>" + EscapeHtml(line) + "</p>\n";
    return out + "</footer>\n</body>\n</html>\n";
}

std::string HandoutMarkdown(const Handout& h) {
    std::string out;
    for (const auto& part : h.parts) {
        if (!out.empty()) out += "\n* * *\n\n";
        out += RenderMarkdownArticle(
            part.view.article, [&](std::string_view id) { return LinkAddressFrom(part, id); }, SourcesHeading());
    }
    out += "\n* * *\n\n";
    for (const auto& line : FooterLines(h)) out += "_" + line + "_  \n";
    return out;
}

std::string HandoutFileStem(const Handout& h) {
    return h.parts.empty() ? "handout" : h.parts.front().view.article.id;
}

}  // namespace fk::core
