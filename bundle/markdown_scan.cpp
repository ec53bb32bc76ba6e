// md4c callbacks that collect plain text, links, headings and task items.
#include "bundle/markdown_scan.hpp"

#include <md4c.h>

#include <cctype>
#include <utility>

namespace fk::bundle {
namespace {

struct Scanner {
    MarkdownScan out;
    int task_depth = -1;  // nesting level of the open task item, or -1
    int li_depth = 0;
    std::string task_text;
    bool in_heading = false;
    std::string heading;

    void Append(std::string_view text) {
        out.plain_text.append(text);
        if (task_depth >= 0) task_text.append(text);
        if (in_heading) heading.append(text);
    }
    void Space() {
        if (!out.plain_text.empty() && out.plain_text.back() != ' ') out.plain_text.push_back(' ');
        if (task_depth >= 0 && !task_text.empty() && task_text.back() != ' ') task_text.push_back(' ');
    }
};

std::string Collapse(const std::string& s) {
    std::string r;
    for (char c : s) {
        if (c == ' ' || c == '\n' || c == '\t') {
            if (!r.empty() && r.back() != ' ') r.push_back(' ');
        } else {
            r.push_back(c);
        }
    }
    while (!r.empty() && r.back() == ' ') r.pop_back();
    return r;
}

int EnterBlock(MD_BLOCKTYPE type, void* detail, void* user) {
    auto* s = static_cast<Scanner*>(user);
    s->Space();
    if (type == MD_BLOCK_LI) {
        ++s->li_depth;
        auto* li = static_cast<MD_BLOCK_LI_DETAIL*>(detail);
        if (li->is_task && s->task_depth < 0) {
            s->task_depth = s->li_depth;
            s->task_text.clear();
            s->out.tasks.push_back({"", li->task_mark == 'x' || li->task_mark == 'X'});
        }
    } else if (type == MD_BLOCK_H) {
        s->in_heading = true;
        s->heading.clear();
    }
    return 0;
}

int LeaveBlock(MD_BLOCKTYPE type, void*, void* user) {
    auto* s = static_cast<Scanner*>(user);
    if (type == MD_BLOCK_LI) {
        if (s->task_depth == s->li_depth) {
            s->out.tasks.back().text = Collapse(s->task_text);
            s->task_depth = -1;
        }
        --s->li_depth;
    } else if (type == MD_BLOCK_H) {
        s->in_heading = false;
        s->out.headings.push_back(Collapse(s->heading));
    }
    s->Space();
    return 0;
}

int EnterSpan(MD_SPANTYPE type, void* detail, void* user) {
    auto* s = static_cast<Scanner*>(user);
    if (type == MD_SPAN_A) {
        auto* a = static_cast<MD_SPAN_A_DETAIL*>(detail);
        s->out.links.emplace_back(a->href.text, a->href.size);
    }
    return 0;
}

int LeaveSpan(MD_SPANTYPE, void*, void*) { return 0; }

int Text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* user) {
    auto* s = static_cast<Scanner*>(user);
    switch (type) {
        case MD_TEXT_BR:
        case MD_TEXT_SOFTBR: s->Space(); break;
        case MD_TEXT_NULLCHAR: break;
        case MD_TEXT_ENTITY: s->Append(DecodeEntity(std::string_view(text, size))); break;
        default: s->Append(std::string_view(text, size));
    }
    return 0;
}

}  // namespace

std::string DecodeEntity(std::string_view e) {
    static const std::pair<std::string_view, std::string_view> kNamed[] = {
        {"&amp;", "&"},          {"&lt;", "<"},           {"&gt;", ">"},           {"&quot;", "\""},
        {"&apos;", "'"},         {"&nbsp;", "\xC2\xA0"},   {"&mdash;", "\xE2\x80\x94"}, {"&ndash;", "\xE2\x80\x93"},
        {"&hellip;", "\xE2\x80\xA6"}};
    for (const auto& [name, text] : kNamed)
        if (e == name) return std::string(text);
    if (e.size() < 4 || !e.starts_with("&#") || e.back() != ';') return std::string(e);
    // Numeric: &#39; or &#x2014; to UTF-8.
    const bool hex = e[2] == 'x' || e[2] == 'X';
    unsigned long cp = 0;
    for (char c : e.substr(hex ? 3 : 2, e.size() - (hex ? 4 : 3))) {
        int digit = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                    : hex && std::isxdigit(static_cast<unsigned char>(c)) ? std::tolower(c) - 'a' + 10
                                                                        : -1;
        if (digit < 0 || cp > 0x10FFFF) return std::string(e);
        cp = cp * (hex ? 16 : 10) + static_cast<unsigned long>(digit);
    }
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return "\xEF\xBF\xBD";
    std::string out;
    if (cp < 0x80) out += static_cast<char>(cp);
    else if (cp < 0x800) out += {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
    else if (cp < 0x10000)
        out += {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                static_cast<char>(0x80 | (cp & 0x3F))};
    else
        out += {static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
                static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
    return out;
}

int ParseMarkdown(std::string_view markdown, const MD_PARSER& parser, void* user) {
    const std::string terminated(markdown);
    return md_parse(terminated.data(), static_cast<MD_SIZE>(terminated.size()), &parser, user);
}

MarkdownScan ScanMarkdown(std::string_view markdown) {
    Scanner s;
    MD_PARSER parser{};
    parser.flags = MD_DIALECT_GITHUB | MD_FLAG_NOHTML;
    parser.enter_block = EnterBlock;
    parser.leave_block = LeaveBlock;
    parser.enter_span = EnterSpan;
    parser.leave_span = LeaveSpan;
    parser.text = Text;
    ParseMarkdown(markdown, parser, &s);
    while (!s.out.plain_text.empty() && s.out.plain_text.back() == ' ') s.out.plain_text.pop_back();
    return std::move(s.out);
}

std::string ArticleIdFromLink(std::string_view target) {
    if (target.find("://") != std::string_view::npos || target.starts_with("mailto:")) return {};
    target = target.substr(0, target.find('#'));
    if (target.starts_with("./")) target.remove_prefix(2);
    if (!target.ends_with(".md") || target.find('/') != std::string_view::npos) return {};
    target.remove_suffix(3);
    return std::string(target);
}

}  // namespace fk::bundle
