// Article output for the command line: a terminal-friendly text form, Markdown with its
// metadata, and HTML (md4c-html). The window draws Markdown itself (kit/ui).
#pragma once

#include <string>

#include "bundle/content.hpp"

namespace fk::core {

// Title, summary, the body with internal links shown as "(see: id)", then the sources.
std::string RenderText(const bundle::Article& article, bool tty);

// The article as a Markdown document with a YAML-style metadata header.
std::string RenderMarkdown(const bundle::Article& article);

// A standalone HTML document; internal links point at "<id>.html".
std::string RenderHtml(const bundle::Article& article);

}  // namespace fk::core
