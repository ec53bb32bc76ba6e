// The request head and Range header of `fieldkit serve`: bytes from anyone on the LAN.
#include "platform/http_request.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    const auto [head, size_line] = fk::fuzz::SplitTwo(fk::fuzz::Bytes(data, size));
    std::uint64_t file_size = 0;
    for (char c : size_line.substr(0, 19))
        if (c >= '0' && c <= '9') file_size = file_size * 10 + static_cast<std::uint64_t>(c - '0');
    auto req = fk::platform::ParseRequestHead(head);
    const std::string_view range = req && req->range ? std::string_view(*req->range) : head;
    const auto r = fk::platform::ParseByteRange(range, file_size);
    // A partial answer must lie inside the file and be non-empty.
    if (r.kind == fk::platform::ByteRange::Kind::kPartial && !(r.from < r.to && r.to <= file_size)) __builtin_trap();
    return 0;
}
