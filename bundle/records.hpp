// The canonical record stream: a pack's content as JSON lines (taxonomy first, then one
// article a line in (lang, id) order, keys sorted). The same content always gives the
// same bytes, and one edited article changes one line, which keeps deltas small.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "bundle/content.hpp"
#include "platform/result.hpp"

namespace fk::bundle {

// Articles are encoded on up to `threads` threads (0: one per core); same bytes for any number.
std::string EncodeRecords(const Content& content, unsigned threads = 1);

// Fails with kCorrupt on anything that is not a well-formed record stream.
Result<Content> DecodeRecords(std::string_view records);

// The same, one article at a time: `head` gets the kit record and term lists, `on_article`
// each article in stream order (its error stops the decoding). Holds one article at a time.
Status DecodeRecordsEach(std::string_view records, Content& head, const std::function<Status(Article&&)>& on_article);

}  // namespace fk::bundle
