// The web reader's forms and query strings: a feedback form body, or a query, from anyone in
// the room. Whatever ParseFeedbackForm accepts must be what the store and the CSV expect.
#include "kit/core/web_reader.hpp"
#include "kit/core/workshop_feedback.hpp"
#include "platform/http_request.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    const std::string_view in = fk::fuzz::Bytes(data, size);
    if (auto fields = fk::platform::ParseForm(in))
        for (const auto& [name, value] : *fields)
            if (name.find('\0') != std::string::npos || value.find('\0') != std::string::npos) __builtin_trap();
    (void)fk::platform::PercentDecode(in, false);
    (void)fk::core::PageLanguage(in, in);
    if (auto e = fk::core::ParseFeedbackForm(in)) {
        if (e->rating < 1 || e->rating > 5) __builtin_trap();
        if (e->worked.size() > fk::core::kMaxFeedbackText || e->change.size() > fk::core::kMaxFeedbackText)
            __builtin_trap();
        if (e->worked.find('\r') != std::string::npos || e->module.empty()) __builtin_trap();
        const std::string csv = fk::core::FeedbackCsv({*e});
        if (csv.find("\r\n=") != std::string::npos) __builtin_trap();
    }
    return 0;
}
