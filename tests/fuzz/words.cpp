// Word splitting of article text and typed queries, stop words, the one-typo test and the
// folding that matches query words to term list phrases.
#include "kit/core/term_match.hpp"
#include "kit/core/words.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    const auto text = fk::fuzz::Bytes(data, size);
    const auto words = fk::core::SplitWords(text);
    for (size_t i = 0; i < words.size(); ++i) {
        if (words[i].empty() || words[i].size() > 64) __builtin_trap();
        (void)fk::core::IsStopWord(words[i]);
        (void)fk::core::CodePointCount(words[i]);
        if (i > 0) (void)fk::core::WithinOneEdit(words[i - 1], words[i]);
        (void)fk::core::FoldWord(words[i]);
    }
    (void)fk::core::FoldWord(text);  // also bytes that are not UTF-8
    (void)fk::core::MatchKey(text);
    (void)fk::core::CodePointCount(text);
    const auto [a, b] = fk::fuzz::SplitTwo(text);
    (void)fk::core::WithinOneEdit(a, b);
    return 0;
}
