// One pass of md4c over an article body: the plain text that search indexes, the links
// it makes, and its task-list items. Used by the linter and by the kit's index builder,
// so both read Markdown the same way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <md4c.h>

namespace fk::bundle {

struct TaskItem {
    std::string text;  // plain text of the item, whitespace collapsed
    bool checked = false;
};

struct MarkdownScan {
    std::string plain_text;          // words only: markup and URLs removed, one space between blocks
    std::vector<std::string> links;  // every link target, as written
    std::vector<TaskItem> tasks;
    std::vector<std::string> headings;
};

MarkdownScan ScanMarkdown(std::string_view markdown);

// md_parse over a copy of `markdown`. md4c 0.4.8 reads the byte after its input: a ')' there
// closes a link the text left open, and md4c then passes text ranges far outside the input.
// A std::string always ends in NUL, so the copy makes that byte harmless.
int ParseMarkdown(std::string_view markdown, const MD_PARSER& parser, void* user);

// The text of an HTML entity as md4c passes it ("&amp;", "&#8212;"); unknown ones unchanged.
std::string DecodeEntity(std::string_view entity);

// "other-article.md#part" -> "other-article"; empty if the target is not a relative .md link.
std::string ArticleIdFromLink(std::string_view target);

}  // namespace fk::bundle
