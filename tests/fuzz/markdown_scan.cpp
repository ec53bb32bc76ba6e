// An article body of a third-party pack, as the index builder and the linter read it.
#include "bundle/markdown_scan.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    const auto body = fk::fuzz::Bytes(data, size);
    const auto scan = fk::bundle::ScanMarkdown(body);
    for (const auto& link : scan.links) (void)fk::bundle::ArticleIdFromLink(link);
    (void)fk::bundle::DecodeEntity(body.substr(0, 32));
    return 0;
}
