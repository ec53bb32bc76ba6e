// Armored text parts: encode (publisher) and scan (reader). Layout: bundle/FORMAT.md.
#include "bundle/armor.hpp"

#include <sodium.h>

#include <algorithm>
#include <charconv>
#include <tuple>

#include "bundle/bundle_file.hpp"
#include "bundle/delta.hpp"
#include "bundle/manifest.hpp"
#include "bundle/pack_id.hpp"
#include "bundle/zstd_codec.hpp"
#include "platform/i18n.hpp"

namespace fk::bundle {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr size_t kChecksumBytes = 5;
constexpr size_t kMaxProblems = 100;  // hostile text could name thousands

// The value of a base32 character (either case), or -1.
int Base32Value(char c) {
    if (c >= 'a' && c <= 'z') return c - 'a';
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= '2' && c <= '7') return c - '2' + 26;
    return -1;
}

bool IsBase32Word(std::string_view w) {
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return Base32Value(c) >= 0; });
}

std::string Upper(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

std::string Lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

const char* Magic(ArmorKind kind) { return kind == ArmorKind::kDelta ? "FKD1" : "FKB1"; }

// The header without its checksum: "FKD1 pack from to i/n ID".
std::string CanonicalHeader(const ArmorLabel& l, std::uint32_t index) {
    return std::string(Magic(l.kind)) + " " + l.pack + " " + std::to_string(l.from) + " " + std::to_string(l.to) + " " +
           std::to_string(index) + "/" + std::to_string(l.count) + " " + ArmorIdText(l.id);
}

// BLAKE2b-256 state over the canonical header and a newline; the payload characters follow.
crypto_generichash_state ChecksumStart(const std::string& canonical_header) {
    crypto_generichash_state st;
    crypto_generichash_init(&st, nullptr, 0, crypto_generichash_BYTES);
    const std::string head = canonical_header + "\n";
    crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(head.data()), head.size());
    return st;
}

void ChecksumAdd(crypto_generichash_state& st, std::string_view chars) {
    crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(chars.data()), chars.size());
}

// Finishes a copy, so the caller can go on adding words.
std::string ChecksumText(const crypto_generichash_state& st) {
    crypto_generichash_state copy = st;
    unsigned char h[crypto_generichash_BYTES];
    crypto_generichash_final(&copy, h, sizeof h);
    return Base32Encode(std::string_view(reinterpret_cast<const char*>(h), kChecksumBytes));
}

size_t Digits(std::uint64_t v) { return std::to_string(v).size(); }

template <typename T>
bool ParseNumber(std::string_view s, T& out) {
    if (s.empty() || s.size() > 20 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

bool ParseId(std::string_view s, ArmorId& id) {
    if (s.size() != 8) return false;
    auto bytes = Base32Decode(s);
    if (!bytes || bytes->size() != kArmorIdBytes) return false;
    std::copy(bytes->begin(), bytes->end(), id.begin());
    return true;
}

struct Word {
    std::string_view text;
    size_t line;
};

// The words of the text, with each line's leading quote marks ("> ", ">>", " > ") removed.
std::vector<Word> Words(std::string_view text) {
    std::vector<Word> words;
    size_t line_no = 0, pos = 0;
    while (pos <= text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        ++line_no;
        size_t i = 0;
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '>')) ++i;
        while (i < line.size()) {
            while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r' || line[i] == '\f' ||
                                       line[i] == '\v'))
                ++i;
            size_t start = i;
            while (i < line.size() && !(line[i] == ' ' || line[i] == '\t' || line[i] == '\r' || line[i] == '\f' ||
                                        line[i] == '\v'))
                ++i;
            if (i > start) words.push_back({line.substr(start, i - start), line_no});
        }
        pos = end + 1;
    }
    return words;
}

// Parses the six header words after the magic; false when any is not what a header holds.
bool ParseHeader(ArmorKind kind, const std::vector<Word>& w, size_t at, ArmorPart& part, std::string& checksum) {
    if (at + 6 > w.size()) return false;
    ArmorLabel& l = part.label;
    l.kind = kind;
    l.pack = Lower(w[at].text);
    if (!IsValidPackId(l.pack)) return false;
    if (!ParseNumber(w[at + 1].text, l.from) || !ParseNumber(w[at + 2].text, l.to)) return false;
    const std::string_view of = w[at + 3].text;
    const size_t slash = of.find('/');
    if (slash == std::string_view::npos || !ParseNumber(of.substr(0, slash), part.index) ||
        !ParseNumber(of.substr(slash + 1), l.count))
        return false;
    if (part.index < 1 || part.index > l.count || l.count > kMaxArmorParts) return false;
    if (!ParseId(w[at + 4].text, l.id)) return false;
    checksum = Upper(w[at + 5].text);
    ArmorId unused;
    return ParseId(checksum, unused);
}

std::string PartName(const ArmorPart& p) {
    return DescribeArmorPart(p.label, p.index);
}

}  // namespace

bool ArmorLabel::operator<(const ArmorLabel& o) const {
    return std::tie(pack, from, to, kind, count, id) < std::tie(o.pack, o.from, o.to, o.kind, o.count, o.id);
}
bool ArmorLabel::operator==(const ArmorLabel& o) const {
    return std::tie(pack, from, to, kind, count, id) == std::tie(o.pack, o.from, o.to, o.kind, o.count, o.id);
}

std::string Base32Encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() * 8 + 4) / 5);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (unsigned char c : bytes) {
        buffer = (buffer << 8) | c;
        bits += 8;
        while (bits >= 5) {
            out.push_back(kAlphabet[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
    }
    if (bits > 0) out.push_back(kAlphabet[(buffer << (5 - bits)) & 31]);
    return out;
}

Result<std::string> Base32Decode(std::string_view text) {
    // 8 characters carry 5 bytes; a last group of 1, 3 or 6 characters cannot come from whole bytes.
    const size_t rest = text.size() % 8;
    if (rest == 1 || rest == 3 || rest == 6)
        return MakeError(ErrorCode::kCorrupt, tr("base32 text has a wrong length"));
    std::string out;
    out.reserve(text.size() * 5 / 8);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (char c : text) {
        const int v = Base32Value(c);
        if (v < 0) return MakeError(ErrorCode::kCorrupt, tr("base32 text holds a character outside its alphabet"));
        buffer = (buffer << 5) | static_cast<std::uint32_t>(v);
        bits += 5;
        if (bits >= 8) {
            out.push_back(static_cast<char>((buffer >> (bits - 8)) & 0xff));
            bits -= 8;
        }
    }
    if (bits > 0 && (buffer & ((1u << bits) - 1)) != 0)
        return MakeError(ErrorCode::kCorrupt, tr("base32 text has stray trailing bits"));
    return out;
}

std::string ArmorIdText(const ArmorId& id) {
    return Base32Encode(std::string_view(reinterpret_cast<const char*>(id.data()), id.size()));
}

ArmorId ArmorIdOf(std::string_view payload) {
    unsigned char h[crypto_generichash_BYTES];
    crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(payload.data()), payload.size(), nullptr, 0);
    ArmorId id;
    std::copy(h, h + id.size(), id.begin());
    return id;
}

Result<ArmorLabel> LabelForFile(std::string_view file, ArmorKind kind) {
    ArmorLabel label;
    label.kind = kind;
    if (kind == ArmorKind::kDelta) {
        if (!LooksLikeDelta(file)) return MakeError(ErrorCode::kNotABundle, tr("not a fieldkit delta (.fkd)"));
        auto dm = PeekDelta(file);
        if (!dm) return dm.error();
        label.pack = dm->pack;
        label.from = dm->base_version;
        label.to = dm->result_version;
    } else {
        if (file.size() < 32 || file.substr(0, 8) != "FKBUNDLE")
            return MakeError(ErrorCode::kNotABundle, tr("not a fieldkit bundle (.fkb)"));
        auto bm = PeekBundleManifest(file);
        if (!bm) return bm.error();
        label.pack = bm->pack;
        label.to = bm->version;
    }
    if (!IsValidPackId(label.pack))
        return MakeError(ErrorCode::kInvalidContent, tr("the file names an invalid pack id"));
    return label;
}

Result<ArmoredText> ArmorEncode(const ArmorLabel& label_in, std::string_view payload, size_t part_chars) {
    if (payload.empty()) return MakeError(ErrorCode::kUsage, tr("nothing to armor"));
    if (payload.size() > kMaxArmorPayload)
        return MakeError(ErrorCode::kTooLarge, Format(tr("too large to send as text (more than {size} MiB)"),
                                                      {{"size", std::to_string(kMaxArmorPayload >> 20)}}));
    ArmorLabel label = label_in;
    // The file's length, then the file as one zstd frame: the signed parts of a delta (hex
    // hashes, JSON) shrink by about a third, which is a third fewer messages.
    std::string packed;
    for (int i = 0; i < 4; ++i) packed.push_back(static_cast<char>((payload.size() >> (8 * i)) & 0xff));
    packed += ZstdCompress(payload);
    label.id = ArmorIdOf(packed);
    const std::string chars = Base32Encode(packed);
    size_t per_part = chars.size();
    label.count = 1;
    if (part_chars > 0) {
        // The header grows with the digits of the part count, which depends on the room left.
        for (size_t digits = 1;; ++digits) {
            ArmorLabel probe = label;
            probe.count = 1;
            const size_t header = CanonicalHeader(probe, 1).size() - 2 + 2 * digits + 1 + 8;
            if (part_chars < header + 2)
                return MakeError(
                    ErrorCode::kUsage,
                    Format(tr("--part-chars {chars} leaves no room after the header ({header} characters); "
                              "use at least {least}"),
                           {{"chars", std::to_string(part_chars)},
                            {"header", std::to_string(header)},
                            {"least", std::to_string(header + 17)}}));
            const size_t room = part_chars - header - 1;  // the newline after the header
            size_t c = room;
            while (c > 1 && c + (c - 1) / kArmorLineChars > room) --c;
            const size_t n = (chars.size() + c - 1) / c;
            if (n > kMaxArmorParts)
                return MakeError(ErrorCode::kUsage,
                                 Format(tr("that would take {n} parts (at most {max}); use a larger --part-chars"),
                                        {{"n", std::to_string(n)}, {"max", std::to_string(kMaxArmorParts)}}));
            if (Digits(n) <= digits) {
                per_part = c;
                label.count = static_cast<std::uint32_t>(n);
                break;
            }
        }
    }
    ArmoredText out{label, {}};
    for (std::uint32_t i = 0; i < label.count; ++i) {
        ArmorPart part{label, i + 1, chars.substr(i * per_part, per_part)};
        out.parts.push_back(FormatArmorPart(part));
    }
    return out;
}

std::string FormatArmorPart(const ArmorPart& part) {
    const std::string head = CanonicalHeader(part.label, part.index);
    auto st = ChecksumStart(head);
    ChecksumAdd(st, part.chars);
    std::string out = head + " " + ChecksumText(st);
    for (size_t at = 0; at < part.chars.size(); at += kArmorLineChars)
        out += "\n" + part.chars.substr(at, kArmorLineChars);
    return out;
}

ArmorScan ScanArmor(std::string_view text) {
    ArmorScan scan;
    const std::vector<Word> words = Words(text);
    for (size_t at = 0; at < words.size(); ++at) {
        const std::string magic = Upper(words[at].text);
        if (magic != "FKD1" && magic != "FKB1") continue;
        const ArmorKind kind = magic == "FKD1" ? ArmorKind::kDelta : ArmorKind::kBundle;
        const std::string line = std::to_string(words[at].line);
        ArmorPart part;
        std::string checksum;
        if (!ParseHeader(kind, words, at + 1, part, checksum)) {
            if (scan.problems.size() >= kMaxProblems) continue;
            scan.problems.push_back(
                Format(tr("line {line}: a part header ({magic} ...) that cannot be read; ask for that part again"),
                       {{"line", line}, {"magic", magic}}));
            continue;
        }
        // The payload ends where the checksum holds: the words after it may be anything, even
        // words that look like base32 ("Thanks").
        auto st = ChecksumStart(CanonicalHeader(part.label, part.index));
        bool found = false;
        size_t next = at + 7;
        for (; next < words.size() && IsBase32Word(words[next].text); ++next) {
            const std::string w = Upper(words[next].text);
            if (part.chars.size() + w.size() > kMaxArmorPayload * 2) break;
            part.chars += w;
            ChecksumAdd(st, w);
            if (ChecksumText(st) == checksum) {
                found = true;
                break;
            }
        }
        if (!found) {
            if (scan.problems.size() >= kMaxProblems) continue;
            scan.damaged.push_back({scan.problems.size(), part.label, part.index, words[at].line});
            scan.problems.push_back(
                Format(tr("{part} (line {line}) is damaged: its checksum does not match; ask for it again"),
                       {{"part", PartName(part)}, {"line", line}}));
            continue;
        }
        scan.parts.push_back(std::move(part));
        at = next;
    }
    return scan;
}

std::vector<std::uint32_t> ArmorSet::Missing() const {
    std::vector<std::uint32_t> missing;
    for (std::uint32_t i = 1; i <= label.count; ++i)
        if (!chars.count(i)) missing.push_back(i);
    return missing;
}

std::vector<ArmorSet> GroupArmor(const std::vector<ArmorPart>& parts, std::vector<std::string>& problems) {
    std::map<ArmorLabel, ArmorSet> sets;
    for (const auto& p : parts) {
        auto& set = sets[p.label];
        set.label = p.label;
        auto [it, added] = set.chars.emplace(p.index, p.chars);
        if (!added && it->second != p.chars)
            problems.push_back(Format(tr("{part} came twice with different contents; the second copy is not used"),
                                      {{"part", PartName(p)}}));
    }
    std::vector<ArmorSet> out;
    for (auto& [label, set] : sets) out.push_back(std::move(set));
    return out;
}

Result<std::string> JoinArmor(const ArmorSet& set) {
    if (!set.Complete())
        return MakeError(ErrorCode::kTruncated,
                         Format(tr("{update}: parts missing: {parts}"),
                                {{"update", DescribeArmor(set.label)}, {"parts", FormatPartList(set.Missing())}}));
    std::string chars;
    for (const auto& [i, c] : set.chars) chars += c;
    auto packed = chars.size() <= kMaxArmorPayload * 8 / 5 + 8 ? Base32Decode(chars)
                                                               : Result<std::string>(MakeError(ErrorCode::kTooLarge, ""));
    auto mixed = [&] {
        return MakeError(ErrorCode::kCorrupt,
                         Format(tr("{update}: the parts do not add up to the update they name (parts of "
                                   "different updates, or altered); nothing installed"),
                                {{"update", DescribeArmor(set.label)}}));
    };
    if (!packed || packed->size() < 4 || ArmorIdOf(*packed) != set.label.id) return mixed();
    std::uint64_t size = 0;
    for (int i = 3; i >= 0; --i) size = (size << 8) | static_cast<unsigned char>((*packed)[static_cast<size_t>(i)]);
    if (size == 0 || size > kMaxArmorPayload) return mixed();
    auto file = ZstdDecompress(std::string_view(*packed).substr(4), size);
    if (!file) return mixed();
    return file;
}

std::string DescribeArmor(const ArmorLabel& l) {
    if (l.kind == ArmorKind::kDelta)
        // TRANSLATORS: {pack} is a pack id, {from} and {to} its edition numbers, {id} an 8-letter code.
        return Format(tr("{pack} {from} -> {to} (update {id})"), {{"pack", l.pack},
                                                                  {"from", std::to_string(l.from)},
                                                                  {"to", std::to_string(l.to)},
                                                                  {"id", ArmorIdText(l.id)}});
    return Format(tr("{pack} {to} (bundle {id})"),
                  {{"pack", l.pack}, {"to", std::to_string(l.to)}, {"id", ArmorIdText(l.id)}});
}

std::string DescribeArmorPart(const ArmorLabel& label, std::uint32_t index) {
    return Format(
        // TRANSLATORS: one part of a text-armored update, "part 2/5 of fieldkit-core 3 -> 4 (update ABCDEFGH)".
        tr("part {index}/{count} of {update}"),
        {{"index", std::to_string(index)}, {"count", std::to_string(label.count)}, {"update", DescribeArmor(label)}});
}

std::string FormatPartList(const std::vector<std::uint32_t>& v) {
    std::string out;
    for (size_t i = 0; i < v.size();) {
        size_t j = i;
        while (j + 1 < v.size() && v[j + 1] == v[j] + 1) ++j;
        if (!out.empty()) out += ", ";
        out += std::to_string(v[i]);
        if (j > i) out += "-" + std::to_string(v[j]);
        i = j + 1;
    }
    return out;
}

}  // namespace fk::bundle
