// A field report as an inbox receives it: a POSTed body, a file on a stick, or text with
// FKR1: lines (mail quoting, chat logs). Parsed and verified; what verifies must sign the same.
#include "kit/core/field_report.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    const std::string_view text = fk::fuzz::Bytes(data, size);
    if (auto r = fk::core::ParseSignedReport(text)) (void)fk::core::ReportFileName(*r);
    int bad = 0;
    for (const auto& found : fk::core::FindArmoredReports(text, &bad)) (void)fk::core::ParseSignedReport(found);
    return 0;
}
