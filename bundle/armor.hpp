// Updates as text ("armor"): a signed delta (.fkd) or a small bundle (.fkb) written as plain
// text parts that survive SMS, e-mail, chat apps and copying by hand, and read back from any
// text that holds them (in any order, duplicated, quoted, re-wrapped, among other words).
// Pure: no files, no keys. The parts only carry the bytes; the reader verifies them like any
// other delta or bundle once all have arrived. Layout in FORMAT.md, "Armored text".
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "platform/result.hpp"

namespace fk::bundle {

enum class ArmorKind { kDelta, kBundle };

inline constexpr size_t kArmorIdBytes = 5;              // the whole payload's short id
inline constexpr size_t kArmorLineChars = 64;           // payload characters per line
inline constexpr std::uint64_t kMaxArmorPayload = 4 << 20;  // bytes, decoded
inline constexpr std::uint32_t kMaxArmorParts = 99999;

using ArmorId = std::array<std::uint8_t, kArmorIdBytes>;

// What every part of one payload says about it (unsigned labels; the signature decides).
struct ArmorLabel {
    ArmorKind kind = ArmorKind::kDelta;
    std::string pack;
    std::uint64_t from = 0;  // the base edition (0 for a bundle: it needs none)
    std::uint64_t to = 0;    // the edition it leads to
    std::uint32_t count = 0;  // parts in all
    ArmorId id{};
    bool operator<(const ArmorLabel& o) const;
    bool operator==(const ArmorLabel& o) const;
};

struct ArmorPart {
    ArmorLabel label;
    std::uint32_t index = 0;  // 1 … label.count
    std::string chars;        // this part's payload characters, canonical (upper case)
};

// RFC 4648 base32 without padding; decoding ignores case and refuses padding, characters
// outside the alphabet and non-zero trailing bits (so every text has one byte string).
std::string Base32Encode(std::string_view bytes);
Result<std::string> Base32Decode(std::string_view text);

// The id printed in headers (8 base32 characters), and the one the packed bytes the parts
// carry have (the file's length and its zstd frame, see FORMAT.md).
std::string ArmorIdText(const ArmorId& id);
ArmorId ArmorIdOf(std::string_view packed);

// Reads pack and editions from the file's own manifest, unverified: for labelling a
// publisher's file in `bundle armor`, never for trusting it. kNotABundle when it is neither.
Result<ArmorLabel> LabelForFile(std::string_view file, ArmorKind kind);

struct ArmoredText {
    ArmorLabel label;                // with its id and part count
    std::vector<std::string> parts;  // without a trailing newline; print them a blank line apart
};

// Packs `file` (zstd) and splits it into parts. part_chars = 0: one part, unbounded. Otherwise
// every part, header and line breaks included, is at most part_chars characters (kUsage if the
// header alone does not leave room, or more than kMaxArmorParts parts would be needed).
Result<ArmoredText> ArmorEncode(const ArmorLabel& label, std::string_view file, size_t part_chars);

// One part in its canonical text: header line, then the payload in lines of kArmorLineChars.
std::string FormatArmorPart(const ArmorPart& part);

struct ArmorScan {
    std::vector<ArmorPart> parts;       // every part whose checksum holds (duplicates included)
    std::vector<std::string> problems;  // one line each: which part (or line) is damaged
    // Damaged parts whose header could be read: (problem index, label, part number), so that a
    // reader that also has a good copy can say so.
    struct Damaged {
        size_t problem;
        ArmorLabel label;
        std::uint32_t index;
        size_t line;  // where its header is in the text
    };
    std::vector<Damaged> damaged;
};

// Finds the parts in any text. A line's leading quote marks ("> ", ">>") are dropped, a part
// may be wrapped anywhere between and inside its payload words, and words before and after it
// are ignored. A part whose checksum does not hold is named in `problems` and not returned.
ArmorScan ScanArmor(std::string_view text);

// The parts of one payload gathered so far.
struct ArmorSet {
    ArmorLabel label;
    std::map<std::uint32_t, std::string> chars;  // index -> payload characters
    std::vector<std::uint32_t> Missing() const;
    bool Complete() const { return chars.size() == label.count; }
};

// Groups parts by payload; a second, different part with an index already held is named in
// `problems` and not used.
std::vector<ArmorSet> GroupArmor(const std::vector<ArmorPart>& parts, std::vector<std::string>& problems);

// The file a complete set carries: the packed bytes must hash to the set's id and unpack to at
// most kMaxArmorPayload bytes (kCorrupt otherwise); kTruncated when parts are missing.
Result<std::string> JoinArmor(const ArmorSet& set);

// "fieldkit-core 20261127 -> 20261201 (update ABCDEFGH)" for messages.
std::string DescribeArmor(const ArmorLabel& label);
// "part 2/5 of " and the above, for messages.
std::string DescribeArmorPart(const ArmorLabel& label, std::uint32_t index);
// "3, 5, 7-9"
std::string FormatPartList(const std::vector<std::uint32_t>& indices);

}  // namespace fk::bundle
