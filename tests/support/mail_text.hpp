// What mail clients and chat apps do to text: the tests of armored updates feed parts through them.
#pragma once

#include <string>

namespace fk::test {

// Wraps lines longer than `cols` at their last space before it, as a mail client does; a word
// longer than the line is cut.
std::string Wrap(const std::string& text, size_t cols);

// Quotes every line with "> ", as a reply does.
std::string Quote(const std::string& text);

}  // namespace fk::test
