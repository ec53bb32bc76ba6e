// Article output for the command line: a terminal-friendly text form, Markdown with its
// metadata, and HTML (md4c-html). The window draws Markdown itself (kit/ui).
#pragma once

#include <functional>
#include <string>
#include <string_view>

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

}  // namespace fk::core
