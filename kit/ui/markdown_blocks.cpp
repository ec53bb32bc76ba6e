// md4c callbacks that flatten a Markdown body into blocks of styled runs.
#include "kit/ui/markdown_blocks.hpp"

#include <md4c.h>

#include "bundle/markdown_scan.hpp"

namespace fk::ui {
namespace {

struct ListState {
    bool ordered = false;
    unsigned next = 1;
};

struct Builder {
    std::vector<Block> out;
    Block cur;
    bool open = false;  // `cur` collects text
    int quote = 0;
    std::vector<ListState> lists;
    std::uint8_t style = 0;
    std::vector<std::string> hrefs;
    int tasks = 0;
    int task_li_depth = -1;
    bool in_table = false, in_cell = false;
    Block table;

    void Flush() {
        if (!open) return;
        open = false;
        if (cur.kind == BlockKind::kCode) {
            while (!cur.code.empty() && cur.code.back() == '\n') cur.code.pop_back();
        } else {
            if (cur.runs.empty() && cur.kind != BlockKind::kListItem) return;
            cur.rtl = StartsRightToLeft(PlainText(cur.runs));
        }
        out.push_back(std::move(cur));
        cur = Block{};
    }
    void Start(BlockKind kind) {
        Flush();
        cur = Block{};
        cur.kind = kind;
        cur.quote = quote;
        cur.level = static_cast<int>(lists.size());
        open = true;
    }
    Runs* Target() {
        if (in_table) return in_cell && !table.rows.empty() ? &table.rows.back().back() : nullptr;
        if (!open) Start(BlockKind::kParagraph);
        return &cur.runs;
    }
    void Append(std::string_view text) {
        if (!in_table && open && cur.kind == BlockKind::kCode) {
            cur.code.append(text);
            return;
        }
        Runs* runs = Target();
        if (!runs) return;
        std::string href = (style & kStyleLink) && !hrefs.empty() ? hrefs.back() : std::string();
        if (!runs->empty() && runs->back().style == style && runs->back().href == href)
            runs->back().text.append(text);
        else
            runs->push_back({std::string(text), style, href});
    }
};

int EnterBlock(MD_BLOCKTYPE type, void* detail, void* user) {
    auto* b = static_cast<Builder*>(user);
    switch (type) {
        case MD_BLOCK_QUOTE:
            b->Flush();
            ++b->quote;
            break;
        case MD_BLOCK_UL:
            b->Flush();
            b->lists.push_back({false, 1});
            break;
        case MD_BLOCK_OL:
            b->Flush();
            b->lists.push_back({true, static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start});
            break;
        case MD_BLOCK_LI: {
            auto* li = static_cast<MD_BLOCK_LI_DETAIL*>(detail);
            b->Start(BlockKind::kListItem);
            ListState& l = b->lists.back();
            b->cur.marker = l.ordered ? std::to_string(l.next++) + "." : "\xE2\x80\xA2";
            if (li->is_task && b->task_li_depth < 0) {
                b->task_li_depth = static_cast<int>(b->lists.size());
                b->cur.task = b->tasks++;
                b->cur.task_checked = li->task_mark == 'x' || li->task_mark == 'X';
            }
            break;
        }
        case MD_BLOCK_H:
            b->Start(BlockKind::kHeading);
            b->cur.level = static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
            break;
        case MD_BLOCK_CODE:
            b->Start(BlockKind::kCode);
            break;
        case MD_BLOCK_HR:
            b->Start(BlockKind::kRule);
            b->out.push_back(b->cur);
            b->open = false;
            break;
        case MD_BLOCK_P:
            // A list item's first paragraph continues the item's own block.
            if (b->open && b->cur.kind == BlockKind::kListItem && b->cur.runs.empty()) break;
            if (!b->in_table) b->Start(BlockKind::kParagraph);
            break;
        case MD_BLOCK_TABLE:
            b->Flush();
            b->in_table = true;
            b->table = Block{};
            b->table.kind = BlockKind::kTable;
            b->table.quote = b->quote;
            b->table.level = static_cast<int>(b->lists.size());
            break;
        case MD_BLOCK_TR:
            b->table.rows.emplace_back();
            break;
        case MD_BLOCK_TH:
        case MD_BLOCK_TD:
            if (!b->table.rows.empty()) b->table.rows.back().emplace_back();
            b->in_cell = true;
            break;
        default:
            break;
    }
    return 0;
}

int LeaveBlock(MD_BLOCKTYPE type, void*, void* user) {
    auto* b = static_cast<Builder*>(user);
    switch (type) {
        case MD_BLOCK_QUOTE:
            b->Flush();
            --b->quote;
            break;
        case MD_BLOCK_UL:
        case MD_BLOCK_OL:
            b->Flush();
            b->lists.pop_back();
            break;
        case MD_BLOCK_LI:
            b->Flush();
            if (b->task_li_depth == static_cast<int>(b->lists.size())) b->task_li_depth = -1;
            break;
        case MD_BLOCK_H:
        case MD_BLOCK_CODE:
        case MD_BLOCK_P:
            if (!b->in_table) b->Flush();
            break;
        case MD_BLOCK_TH:
        case MD_BLOCK_TD:
            b->in_cell = false;
            break;
        case MD_BLOCK_TABLE:
            b->in_table = false;
            b->out.push_back(std::move(b->table));
            b->table = Block{};
            break;
        default:
            break;
    }
    return 0;
}

std::uint8_t SpanStyle(MD_SPANTYPE type) {
    switch (type) {
        case MD_SPAN_STRONG:
            return kStyleBold;
        case MD_SPAN_EM:
            return kStyleItalic;
        case MD_SPAN_CODE:
            return kStyleCode;
        case MD_SPAN_A:
            return kStyleLink;
        case MD_SPAN_DEL:
            return kStyleStrike;
        default:
            return 0;
    }
}

int EnterSpan(MD_SPANTYPE type, void* detail, void* user) {
    auto* b = static_cast<Builder*>(user);
    if (type == MD_SPAN_A) {
        auto* a = static_cast<MD_SPAN_A_DETAIL*>(detail);
        b->hrefs.emplace_back(a->href.text, a->href.size);
    }
    b->style |= SpanStyle(type);
    return 0;
}

int LeaveSpan(MD_SPANTYPE type, void*, void* user) {
    auto* b = static_cast<Builder*>(user);
    if (type == MD_SPAN_A && !b->hrefs.empty()) b->hrefs.pop_back();
    if (type == MD_SPAN_A && !b->hrefs.empty()) return 0;
    b->style &= static_cast<std::uint8_t>(~SpanStyle(type));
    return 0;
}

int Text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* user) {
    auto* b = static_cast<Builder*>(user);
    std::string_view t(text, size);
    switch (type) {
        case MD_TEXT_NULLCHAR:
            break;
        case MD_TEXT_BR:
            b->Append("\n");
            break;
        case MD_TEXT_SOFTBR:
            b->Append(" ");
            break;
        case MD_TEXT_ENTITY:
            b->Append(bundle::DecodeEntity(t));
            break;
        default:
            b->Append(t);
    }
    return 0;
}

std::uint32_t NextCodepoint(std::string_view s, size_t& i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    std::uint32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += static_cast<size_t>(len);
    return cp;
}

}  // namespace

std::vector<Block> ParseBlocks(std::string_view markdown) {
    Builder b;
    MD_PARSER parser{};
    parser.flags = MD_DIALECT_GITHUB | MD_FLAG_NOHTML;
    parser.enter_block = EnterBlock;
    parser.leave_block = LeaveBlock;
    parser.enter_span = EnterSpan;
    parser.leave_span = LeaveSpan;
    parser.text = Text;
    bundle::ParseMarkdown(markdown, parser, &b);
    b.Flush();
    return std::move(b.out);
}

std::string PlainText(const Runs& runs) {
    std::string s;
    for (const auto& r : runs) s += r.text;
    return s;
}

bool StartsRightToLeft(std::string_view text) {
    for (size_t i = 0; i < text.size();) {
        std::uint32_t cp = NextCodepoint(text, i);
        if ((cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF))
            return true;
        if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp < 0x0590)) return false;
    }
    return false;
}

}  // namespace fk::ui
