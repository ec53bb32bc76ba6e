// Text, Markdown and HTML renderings of an article.
#include "kit/core/markdown_render.hpp"

#include <md4c-html.h>

#include <algorithm>
#include <optional>
#include <string_view>

#include "kit/core/words.hpp"
#include "platform/i18n.hpp"

namespace fk::core {
namespace {

std::string Join(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
    return out;
}

std::string SourcesList(const bundle::Article& a) {
    std::string out;
    for (const auto& s : a.sources) {
        out += "- " + s.title + ". " + s.publisher + ", " + std::to_string(s.year);
        if (!s.url.empty()) out += ". " + s.url;
        out += "\n";
    }
    return out;
}

std::string EscapeHtmlImpl(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

// An internal link "](id.md)" or "](id.md#fragment)" whose "]" is at `close`: its id, fragment
// and the end of the match. A plain scanner: std::regex recursed once per character and
// overflowed the stack on a 150 KB link.
struct InternalLink {
    std::string_view id, fragment;
    size_t end = 0;
};

bool IsIdChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

std::optional<InternalLink> InternalLinkAt(std::string_view s, size_t close) {
    if (close + 1 >= s.size() || s[close] != ']' || s[close + 1] != '(') return std::nullopt;
    size_t i = close + 2;
    const size_t id_start = i;
    while (i < s.size() && IsIdChar(s[i])) ++i;
    if (i == id_start || s.substr(i, 3) != ".md") return std::nullopt;
    InternalLink link;
    link.id = s.substr(id_start, i - id_start);
    i += 3;
    const size_t frag_start = i;
    if (i < s.size() && s[i] == '#') i = s.find(')', i);
    if (i == std::string_view::npos || i >= s.size() || s[i] != ')') return std::nullopt;
    link.fragment = s.substr(frag_start, i - frag_start);
    link.end = i + 1;
    return link;
}

// "[text](id.md#x)" becomes "text (see: ADDRESS)"; text is everything up to the first "]".
// `keep(id)` true leaves that link as it is. `isolate` wraps the whole, the text and the address
// in Unicode bidi isolates (FSI, LRI ... PDI) so that a browser lays "(see: x)" out whole inside
// right-to-left text, whatever the language of "see".
std::string SeeAlsoLinks(std::string_view body, const LinkAddress& address_of,
                         const std::function<bool(std::string_view)>& keep = {}, bool isolate = false) {
    const std::string fsi = isolate ? "\u2068" : "", lri = isolate ? "\u2066" : "", pdi = isolate ? "\u2069" : "";
    std::string out;
    size_t i = 0, close = 0;
    std::optional<InternalLink> link;  // the match at `close`, shared by every "[" before it
    // TRANSLATORS: after the text of a link to another article in the terminal: "text (see: bgp-basics)".
    const char* see = tr("{text} (see: {address})");
    while (i < body.size()) {
        if (body[i] == '[') {
            if (close <= i) {
                close = body.find(']', i + 1);
                if (close == std::string_view::npos) close = body.size();
                link = InternalLinkAt(body, close);
            }
            if (link && close > i + 1 && !(keep && keep(link->id))) {
                const std::string address = address_of ? address_of(link->id) : std::string(link->id);
                const std::string text = fsi + std::string(body.substr(i + 1, close - i - 1)) + pdi;
                out += fsi + Format(see, {{"text", text}, {"address", lri + address + pdi}}) + pdi;
                i = link->end;
                continue;
            }
        }
        out += body[i++];
    }
    return out;
}

// "](id.md#x)" becomes "](id.html#x)" for the standalone HTML export, or "](HREF)" with
// HREF from `href_of` (which keeps no fragment: it names a place in the same document).
std::string HtmlArticleLinks(std::string_view body, const HtmlOptions& options = {}) {
    std::string out;
    size_t i = 0;
    while (i < body.size()) {
        if (auto link = body[i] == ']' ? InternalLinkAt(body, i) : std::nullopt) {
            if (auto href = options.href_of ? options.href_of(link->id) : std::nullopt)
                out.append("](").append(*href).append(")");
            else
                out.append("](").append(link->id).append(".html").append(link->fragment).append(")");
            i = link->end;
            continue;
        }
        out += body[i++];
    }
    return out;
}

char Lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Links that survive in exported HTML: http, https and mailto, links to other articles of
// the kit ("id.html", "id.html#x") and anchors in the same article. Everything else
// (javascript:, data:, vbscript:, file:, relative paths, "//host") is shown as text.
bool IsSafeExportUrlImpl(std::string_view url) {
    const size_t colon = url.find(':');
    if (colon != std::string_view::npos && url.find_first_of("/?#") > colon) {
        std::string scheme;
        for (char c : url.substr(0, colon)) scheme += Lower(c);
        return scheme == "http" || scheme == "https" || scheme == "mailto";
    }
    if (url.starts_with("#")) return true;
    size_t i = 0;
    while (i < url.size() && IsIdChar(url[i])) ++i;
    return i > 0 && url.substr(i, 5) == ".html" && (i + 5 == url.size() || url[i + 5] == '#');
}

// md4c-html writes every link as <a href="URL"...> and every image as <img src="URL" alt="ALT"...>
// (raw HTML in the source is escaped under MD_FLAG_NOHTML, so nothing else looks like these).
// Unsafe links keep their text; unsafe images become their alt text, and so do all images
// when `images` is false (a handout fetches nothing).
// With `href_of`, a kept link to another article ("id.html#x") goes to href_of(id) + "#x".
std::string WithoutUnsafeLinks(std::string_view html, const LinkAddress& href_of = {}, bool images = true) {
    constexpr std::string_view kLink = "<a href=\"", kImage = "<img src=\"", kAlt = "alt=\"";
    std::string out;
    size_t i = 0;
    bool drop_close = false;
    while (i < html.size()) {
        const bool link = html.substr(i, kLink.size()) == kLink, image = html.substr(i, kImage.size()) == kImage;
        if (drop_close && html.substr(i, 4) == "</a>") {
            drop_close = false;
            i += 4;
            continue;
        }
        if (!link && !image) {
            out += html[i++];
            continue;
        }
        const size_t url_start = i + (link ? kLink.size() : kImage.size());
        const size_t url_end = html.find('"', url_start), tag_end = html.find('>', url_start);
        if (url_end == std::string_view::npos || tag_end == std::string_view::npos) {
            out += html[i++];
            continue;
        }
        std::string url(html.substr(url_start, url_end - url_start));
        for (size_t amp; (amp = url.find("&amp;")) != std::string::npos;) url.erase(amp + 1, 4);
        const size_t dot_html = url.find(".html");
        if (IsSafeExportUrlImpl(url) && link && href_of && dot_html != std::string::npos &&
            url.find(':') == std::string::npos && !url.starts_with("#")) {
            out.append(kLink).append(EscapeHtmlImpl(href_of(std::string_view(url).substr(0, dot_html))));
            out.append(EscapeHtmlImpl(std::string_view(url).substr(dot_html + 5)));
            out.append(html.substr(url_end, tag_end + 1 - url_end));
        } else if (IsSafeExportUrlImpl(url) && (link || images)) {
            out.append(html.substr(i, tag_end + 1 - i));
        } else if (link) {
            drop_close = true;
        } else if (size_t alt = html.find(kAlt, url_end); alt < tag_end) {
            alt += kAlt.size();
            out.append(html.substr(alt, html.find('"', alt) - alt));
        }
        i = tag_end + 1;
    }
    return out;
}

// md4c-html writes a task item's box as <input type="checkbox" ... disabled[ checked]>: paper
// needs a box drawn as a character, empty or ticked.
std::string PrintableBoxes(std::string_view html) {
    constexpr std::string_view kBox = "<input type=\"checkbox\"";
    std::string out;
    size_t i = 0;
    while (i < html.size()) {
        const size_t at = html.find(kBox, i);
        const size_t end = at == std::string_view::npos ? at : html.find('>', at);
        if (end == std::string_view::npos) break;
        const bool ticked = html.substr(at, end - at).find(" checked") != std::string_view::npos;
        out.append(html.substr(i, at - i));
        out.append(ticked ? "<span class=\"box\">\u2611</span>" : "<span class=\"box\">\u2610</span>");
        i = end + 1;
    }
    out.append(html.substr(i));
    return out;
}

std::string MdToHtml(const std::string& markdown) {
    std::string html;
    md_html(
        markdown.data(), static_cast<MD_SIZE>(markdown.size()),
        [](const MD_CHAR* text, MD_SIZE size, void* user) { static_cast<std::string*>(user)->append(text, size); },
        &html, MD_DIALECT_GITHUB | MD_FLAG_NOHTML, 0);
    return html;
}

std::string BodyHtml(const std::string& markdown, bool images) {
    return WithoutUnsafeLinks(MdToHtml(markdown), {}, images);
}

std::string SourcesHtml(const bundle::Article& a, std::string_view heading) {
    if (a.sources.empty()) return "";
    std::string out = "<h2>" + EscapeHtmlImpl(heading) + "</h2>\n<ul class=\"sources\">\n";
    for (const auto& s : a.sources) {
        out += "<li>" + EscapeHtmlImpl(s.title) + ". " + EscapeHtmlImpl(s.publisher) + ", " + std::to_string(s.year);
        if (IsSafeExportUrlImpl(s.url))
            out += ". <a href=\"" + EscapeHtmlImpl(s.url) + "\">" + EscapeHtmlImpl(s.url) + "</a>";
        else if (!s.url.empty())
            out += ". " + EscapeHtmlImpl(s.url);
        out += "</li>\n";
    }
    return out + "</ul>\n";
}

}  // namespace

std::vector<std::string> LinkedArticleIds(std::string_view body) {
    std::vector<std::string> ids;
    for (size_t i = body.find(']'); i != std::string_view::npos; i = body.find(']', i + 1))
        if (auto link = InternalLinkAt(body, i); link && std::find(ids.begin(), ids.end(), link->id) == ids.end())
            ids.emplace_back(link->id);
    return ids;
}

std::string EscapeHtml(std::string_view text) {
    return EscapeHtmlImpl(text);
}

std::string RenderHtmlBody(const bundle::Article& a, const LinkAddress& href_of) {
    return WithoutUnsafeLinks(MdToHtml(HtmlArticleLinks(a.body)), href_of);
}

bool IsSafeExportUrl(std::string_view url) {
    return IsSafeExportUrlImpl(url);
}

std::string RenderText(const bundle::Article& a, bool tty, const LinkAddress& address_of) {
    const std::string bold = tty ? "\x1b[1m" : "", plain = tty ? "\x1b[0m" : "";
    std::string out = bold + a.title + plain + "\n" + std::string(std::min<size_t>(CodePointCount(a.title), 80), '=') + "\n";
    out += a.summary + "\n\n";
    // TRANSLATORS: the line under an article's title in the terminal; {type}, {phases} and
    // {audiences} are the content's own keys, {date} is YYYY-MM-DD.
    out += Format(tr("{type} | {phases} | {audiences} | updated {date} | id {id}"),
                  {{"type", a.type},
                   {"phases", Join(a.phases, ", ")},
                   {"audiences", Join(a.audiences, ", ")},
                   {"date", a.updated},
                   {"id", a.id}}) +
           "\n\n";
    out += SeeAlsoLinks(a.body, address_of);
    if (!out.ends_with("\n")) out += "\n";
    // TRANSLATORS: a heading in the terminal, above the sources an article cites.
    if (!a.sources.empty()) out += "\n" + bold + tr("Sources") + plain + "\n" + SourcesList(a);
    return out;
}

std::string RenderMarkdown(const bundle::Article& a) {
    std::string out = "---\nid: " + a.id + "\ntitle: " + a.title + "\ntype: " + a.type + "\nphases: [" +
                      Join(a.phases, ", ") + "]\naudiences: [" + Join(a.audiences, ", ") + "]\nlang: " + a.lang +
                      "\nupdated: " + a.updated + "\n---\n\n# " + a.title + "\n\n" + a.summary + "\n\n" + a.body;
    if (!out.ends_with("\n")) out += "\n";
    if (!a.sources.empty()) out += "\n## Sources\n\n" + SourcesList(a);
    return out;
}

std::string RenderHtml(const bundle::Article& a) {
    return "<!doctype html>\n<html lang=\"" + EscapeHtmlImpl(a.lang) + "\"" + (a.lang == "ar" ? " dir=\"rtl\"" : "") +
           "><meta charset=\"utf-8\"><title>" + EscapeHtmlImpl(a.title) + "</title>\n" +
           RenderHtmlArticle(a, HtmlOptions{});
}

std::string RenderHtmlArticle(const bundle::Article& a, const HtmlOptions& options) {
    std::string body = a.body;
    if (options.href_of)
        body = SeeAlsoLinks(
            body, options.address_of, [&](std::string_view id) { return options.href_of(id).has_value(); }, true);
    std::string html = BodyHtml(HtmlArticleLinks(body, options), !options.no_images);
    if (options.printable_boxes) html = PrintableBoxes(html);
    return "<h1>" + EscapeHtmlImpl(a.title) + "</h1>\n<p><em>" + EscapeHtmlImpl(a.summary) + "</em></p>\n" + html +
           SourcesHtml(a, options.sources_heading);
}

std::string RenderMarkdownArticle(const bundle::Article& a, const LinkAddress& address_of,
                                  std::string_view sources_heading) {
    std::string out = "# " + a.title + "\n\n" + a.summary + "\n\n" + SeeAlsoLinks(a.body, address_of);
    if (!out.ends_with("\n")) out += "\n";
    if (!a.sources.empty()) out += "\n## " + std::string(sources_heading) + "\n\n" + SourcesList(a);
    return out;
}

}  // namespace fk::core
