// Search-result snippets over an article's text (input: query words "\n--\n" text).
#include "kit/core/snippet.hpp"
#include "kit/core/words.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    const auto [query, text] = fk::fuzz::SplitTwo(fk::fuzz::Bytes(data, size));
    const auto terms = fk::core::SplitWords(query, 16);
    (void)fk::core::MakeSnippet(text, terms);
    (void)fk::core::MakeSnippet(text, terms, 1);
    return 0;
}
