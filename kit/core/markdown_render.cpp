// Text, Markdown and HTML renderings of an article.
#include "kit/core/markdown_render.hpp"

#include <md4c-html.h>

#include <regex>

#include "kit/core/words.hpp"

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

std::string EscapeHtml(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace

std::string RenderText(const bundle::Article& a, bool tty) {
    static const std::regex internal(R"(\[([^\]]+)\]\(([a-z0-9-]+)\.md(#[^)]*)?\))");
    const std::string bold = tty ? "\x1b[1m" : "", plain = tty ? "\x1b[0m" : "";
    std::string out = bold + a.title + plain + "\n" + std::string(std::min<size_t>(CodePointCount(a.title), 80), '=') + "\n";
    out += a.summary + "\n\n";
    out += a.type + " | " + Join(a.phases, ", ") + " | " + Join(a.audiences, ", ") + " | updated " + a.updated +
           " | id " + a.id + "\n\n";
    out += std::regex_replace(a.body, internal, "$1 (see: $2)");
    if (!out.ends_with("\n")) out += "\n";
    if (!a.sources.empty()) out += "\n" + bold + "Sources" + plain + "\n" + SourcesList(a);
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
    static const std::regex internal(R"(\]\(([a-z0-9-]+)\.md(#[^)]*)?\))");
    std::string body = std::regex_replace(a.body, internal, "]($1.html$2)");
    std::string html;
    md_html(body.data(), static_cast<MD_SIZE>(body.size()),
            [](const MD_CHAR* text, MD_SIZE size, void* user) { static_cast<std::string*>(user)->append(text, size); },
            &html, MD_DIALECT_GITHUB | MD_FLAG_NOHTML, 0);
    std::string out = "<!doctype html>\n<html lang=\"" + EscapeHtml(a.lang) + "\"" + (a.lang == "ar" ? " dir=\"rtl\"" : "") +
                      "><meta charset=\"utf-8\"><title>" + EscapeHtml(a.title) + "</title>\n<h1>" +
                      EscapeHtml(a.title) + "</h1>\n<p><em>" + EscapeHtml(a.summary) + "</em></p>\n" + html;
    if (!a.sources.empty()) {
        out += "<h2>Sources</h2>\n<ul>\n";
        for (const auto& s : a.sources) {
            out += "<li>" + EscapeHtml(s.title) + ". " + EscapeHtml(s.publisher) + ", " + std::to_string(s.year);
            if (!s.url.empty()) out += ". <a href=\"" + EscapeHtml(s.url) + "\">" + EscapeHtml(s.url) + "</a>";
            out += "</li>\n";
        }
        out += "</ul>\n";
    }
    return out;
}

}  // namespace fk::core
