// An article body of a third-party pack parsed into the blocks the window draws.
#include "kit/ui/markdown_blocks.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    const auto body = fk::fuzz::Bytes(data, size);
    for (const auto& block : fk::ui::ParseBlocks(body)) {
        (void)fk::ui::PlainText(block.runs);
        for (const auto& row : block.rows)
            for (const auto& cell : row) (void)fk::ui::PlainText(cell);
    }
    (void)fk::ui::StartsRightToLeft(body);
    return 0;
}
