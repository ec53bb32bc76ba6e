// An article body parsed once (md4c) into a flat list of blocks of styled runs, which
// the article screen draws every frame. No ImGui here, so tests and benches can use it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fk::ui {

enum RunStyle : std::uint8_t {
    kStyleBold = 1,
    kStyleItalic = 2,
    kStyleCode = 4,
    kStyleLink = 8,
    kStyleStrike = 16,
    kStyleMark = 32,  // a search hit's matched words
};

struct Run {
    std::string text;
    std::uint8_t style = 0;
    std::string href;  // for links, as written
};

using Runs = std::vector<Run>;

enum class BlockKind { kParagraph, kHeading, kListItem, kCode, kTable, kRule };

struct Block {
    BlockKind kind = BlockKind::kParagraph;
    int level = 0;                        // heading level 1..6; list nesting depth for list items and their paragraphs
    int quote = 0;                        // block-quote nesting
    std::string marker;                   // "•" or "3." for list items
    int task = -1;                        // index among the article's task items, or -1
    bool task_checked = false;            // as written in the source ("- [x]")
    bool rtl = false;                     // first strong character is right-to-left
    Runs runs;                            // paragraphs, headings, list items
    std::string code;                     // code blocks
    std::vector<std::vector<Runs>> rows;  // tables: rows of cells; row 0 is the header
};

std::vector<Block> ParseBlocks(std::string_view markdown);

// The plain text of a run list (for copying and for right-to-left lines).
std::string PlainText(const Runs& runs);

// True when the first strong character of `text` is right-to-left (Hebrew, Arabic...).
bool StartsRightToLeft(std::string_view text);

}  // namespace fk::ui
