// Handouts for trainers: one or more articles (a workshop module brings the checklists it
// links to) as a single printable file, self-contained HTML or Markdown. No window, no I/O
// besides the index lookups: the caller writes the file.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kit/core/content_index.hpp"
#include "kit/core/library_state.hpp"
#include "platform/result.hpp"

namespace fk::core {

// The edition of a pack a handout's articles came from, for its footer.
struct HandoutPack {
    std::string pack;
    std::string title;
    std::uint64_t version = 0;
    std::string edition_date;  // YYYY-MM-DD the release was built
};

struct HandoutPart {
    ArticleView view;
    // Every id its body links to -> the address that link opens (as ContentIndex::Resolve
    // from the article's pack); an id that opens nothing is absent.
    std::map<std::string, std::string> links;
};

struct Handout {
    std::vector<HandoutPart> parts;  // in print order, each article once
    std::vector<HandoutPack> packs;  // the packs of the parts, in order of first use
    std::string exported;            // YYYY-MM-DD, as the caller gave it
};

// The articles at `addresses` ("id" or "pack/id"), each in `lang` where it exists (as
// ContentIndex::Get chooses). A workshop module is followed by the checklists it links to:
// its body's links first, then its `related` list, each once in the whole handout.
// Fails with kNotFound naming the first address that opens nothing; kUsage if none is given.
Result<Handout> CollectHandout(ContentIndex& index, const std::map<std::string, InstalledPack>& packs,
                               const std::vector<std::string>& addresses, std::string_view lang,
                               std::string exported_date);

// One self-contained HTML document: print CSS inline, no scripts, no external resources,
// checklist items with empty boxes to tick with a pen, sources after each article, and a
// footer naming the packs and editions and the export date. An Arabic (right-to-left) article
// is marked dir="rtl"; the document takes the first article's language and direction.
std::string HandoutHtml(const Handout& handout);

// The same as Markdown: articles separated by a rule, checklists as "- [ ]", the footer last.
std::string HandoutMarkdown(const Handout& handout);

// A file name for the handout without its extension: the first article's id.
std::string HandoutFileStem(const Handout& handout);

// Whether text in `lang` (a content language tag) is written right to left.
bool IsRightToLeftLanguage(std::string_view lang);

}  // namespace fk::core
