// An article body of a third-party pack rendered for the terminal, as Markdown and as HTML.
#include "bundle/markdown_scan.hpp"
#include "kit/core/markdown_render.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    fk::bundle::Article article;
    article.id = "fuzz";
    article.lang = "en";
    article.title = "Fuzz";
    article.type = "guide";
    article.body = std::string(fk::fuzz::Bytes(data, size));
    article.sources.push_back({"Source", "Publisher", 2026, "https://example.org/"});
    (void)fk::core::RenderText(article, true);
    (void)fk::core::RenderText(article, false);
    (void)fk::core::RenderMarkdown(article);
    (void)fk::core::RenderHtml(article);
    for (const auto& link : fk::bundle::ScanMarkdown(article.body).links) (void)fk::core::IsSafeExportUrl(link);
    return 0;
}
