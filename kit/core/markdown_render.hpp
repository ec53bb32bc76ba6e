// Article output for the command line: a terminal-friendly text form, Markdown with its
// metadata, and HTML (md4c-html). The window draws Markdown itself (kit/ui).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bundle/content.hpp"

namespace fk::core {

// The name that opens a linked article ("id" or "pack/id"); by default the id as written.
using LinkAddress = std::function<std::string(std::string_view id)>;

// Title, summary, the body with internal links shown as "(see: ADDRESS)", then the sources.
std::string RenderText(const bundle::Article& article, bool tty, const LinkAddress& address_of = {});

// The article as a Markdown document with a YAML-style metadata header.
std::string RenderMarkdown(const bundle::Article& article);

// Whether a link may stay a link in exported HTML: http, https, mailto, "<id>.html[#x]" and "#x".
bool IsSafeExportUrl(std::string_view url);

// A standalone HTML document; internal links point at "<id>.html", unsafe links become text.
std::string RenderHtml(const bundle::Article& article);

// The article's body alone as HTML, for a page that writes its own title, head and sources:
// unsafe links become text, and a link to another article goes to `href_of(id)` (escaped
// here) with its #fragment.
std::string RenderHtmlBody(const bundle::Article& article, const LinkAddress& href_of);

// Text escaped for HTML content and attribute values.
std::string EscapeHtml(std::string_view text);

// How RenderHtmlArticle writes an article for a document that holds several (a handout).
struct HtmlOptions {
    // Where a link to another article goes ("#anchor", "id.html"). Unset: "<id>.html". Returning
    // nullopt turns the link into text, "text (see: ADDRESS)", with ADDRESS from address_of.
    std::function<std::optional<std::string>(std::string_view id)> href_of;
    LinkAddress address_of;
    // Task list items get a printed box (U+2610, U+2611 when ticked) instead of a form input.
    bool printable_boxes = false;
    // Images become their alt text: a self-contained file loads nothing from anywhere.
    bool no_images = false;
    std::string sources_heading = "Sources";  // escaped when written
};

// One article as an HTML fragment: <h1> title, the summary, the body and the sources. Raw HTML
// in the body is escaped and unsafe links become text, as in RenderHtml.
std::string RenderHtmlArticle(const bundle::Article& article, const HtmlOptions& options);

// The ids of the other articles `body` links to ("](id.md)"), in order of first link, each once.
std::vector<std::string> LinkedArticleIds(std::string_view body);

// The article's Markdown for a handout: "# Title", summary, the body with every link to another
// article as "text (see: ADDRESS)", then its sources under `sources_heading`; no metadata header.
std::string RenderMarkdownArticle(const bundle::Article& article, const LinkAddress& address_of,
                                  std::string_view sources_heading);

}  // namespace fk::core
