// A trainer's new pack, as files: kit.yaml (the core library's phases, audiences and types),
// one sample guide and one sample workshop, each marked as a sample to replace, that
// `fieldkit bundle lint` accepts unchanged. Pure: no I/O (`fieldkit pack new` writes them).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace fk::bundle {

// A valid pack id made from a title: lower-case ASCII letters and digits, other characters
// turned into single dashes, cut at a word boundary to fit kMaxPackIdLength. None when the
// title has no ASCII letter or digit (a Cyrillic or Arabic title: the caller asks for --id).
std::optional<std::string> PackIdFromTitle(std::string_view title);

// Relative path ("kit.yaml", "en/<id>.md") -> file text, for pack `pack_id` titled `title`
// (one line of text; quoted as needed), dated `today` (YYYY-MM-DD).
std::map<std::string, std::string> ScaffoldPackFiles(const std::string& pack_id, const std::string& title,
                                                     const std::string& today);

}  // namespace fk::bundle
