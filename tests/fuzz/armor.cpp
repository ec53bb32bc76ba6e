// Armored text parts as a reader finds them in pasted text, a file or standard input: the scan
// never trusts a part whose checksum fails, a found part formats back to a part that scans the
// same, and a complete set joins only to a file of bounded size whose packed bytes have the id its parts name;
// any bytes armor and read back whole.
#include <string>

#include "bundle/armor.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    const auto in = fk::fuzz::Bytes(data, size);
    const auto scan = fk::bundle::ScanArmor(in);
    for (const auto& part : scan.parts) {
        const auto again = fk::bundle::ScanArmor(fk::bundle::FormatArmorPart(part));
        if (again.parts.size() != 1 || again.parts[0].chars != part.chars || !(again.parts[0].label == part.label))
            __builtin_trap();
    }
    std::vector<std::string> problems;
    for (const auto& set : fk::bundle::GroupArmor(scan.parts, problems)) {
        if (set.Complete() != set.Missing().empty()) __builtin_trap();
        if (auto file = fk::bundle::JoinArmor(set); file && file->size() > fk::bundle::kMaxArmorPayload)
            __builtin_trap();
    }
    // Whatever the bytes, they armor and read back whole.
    fk::bundle::ArmorLabel label;
    label.pack = "fuzz-seeds";
    label.from = 1;
    label.to = 2;
    if (auto armored = fk::bundle::ArmorEncode(label, in, 160)) {
        std::string text;
        for (const auto& p : armored->parts) text += p + "\n";
        const auto back = fk::bundle::ScanArmor(text);
        std::vector<std::string> unused;
        auto sets = fk::bundle::GroupArmor(back.parts, unused);
        if (!back.problems.empty() || sets.size() != 1) __builtin_trap();
        auto joined = fk::bundle::JoinArmor(sets[0]);
        if (!joined || *joined != in) __builtin_trap();
    }
    return 0;
}
