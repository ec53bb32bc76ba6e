// Updates as text: `bundle armor` (publisher) and the text side of `import` (reader).
#include <cstdio>
#include <iostream>

#include "bundle/armor.hpp"
#include "bundle/bundle_file.hpp"
#include "bundle/delta.hpp"
#include "kit/cli/command.hpp"
#include "kit/cli/output.hpp"
#include "kit/core/armor_import.hpp"
#include "platform/files.hpp"
#include "platform/i18n.hpp"
#include "platform/terminal.hpp"
#include "platform/utf8_path.hpp"

namespace fk::cli {
namespace {

constexpr std::uint64_t kMaxTextInput = 16 << 20;

bool IsBinaryUpdate(std::string_view bytes) {
    return bundle::LooksLikeDelta(bytes) || bytes.substr(0, 8) == "FKBUNDLE";
}

Result<std::string> ReadStandardInput() {
    if (platform::IsTerminal(platform::StdStream::kIn))
        std::cerr << tr("Paste the update's text parts (any order, with the rest of the message if you like), then "
                        "press Ctrl+D on a line of its own.")
                  << "\n";
    std::string text;
    char buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, stdin)) > 0) {
        text.append(buf, n);
        if (text.size() > kMaxTextInput)
            return MakeError(ErrorCode::kTooLarge, tr("standard input: more than 16 MiB of text; nothing installed"));
    }
    if (std::ferror(stdin)) return MakeError(ErrorCode::kIo, tr("standard input: read error"));
    return text;
}

void PrintInstalled(const core::ImportReport& r) {
    const auto n = static_cast<unsigned long>(r.manifest.article_count);
    if (r.previous_version)
        std::cout << Format(trn("installed {pack} version {version} (was {previous}): {n} article",
                                "installed {pack} version {version} (was {previous}): {n} articles", n),
                            {{"pack", r.manifest.pack},
                             {"version", std::to_string(r.manifest.version)},
                             {"previous", std::to_string(r.previous_version)},
                             {"n", std::to_string(n)}});
    else
        std::cout << Format(
            trn("installed {pack} version {version}: {n} article", "installed {pack} version {version}: {n} articles",
                n),
            {{"pack", r.manifest.pack}, {"version", std::to_string(r.manifest.version)}, {"n", std::to_string(n)}});
    std::cout << "\n";
}

int RunArmor(Context&, const Args& a) {
    if (a.Positional().size() != 1)
        return Usage(tr("bundle armor needs exactly one delta (or, with --bundle, bundle) file"));
    const std::string& path = a.Positional()[0];  // as given, for messages
    const auto kind = a.Flag("--bundle") ? bundle::ArmorKind::kBundle : bundle::ArmorKind::kDelta;
    size_t part_chars = 0;
    if (auto n = a.Option("--part-chars")) {
        try {
            size_t used = 0;
            const long long v = std::stoll(*n, &used);
            if (used != n->size() || v < 1) throw 0;
            part_chars = static_cast<size_t>(v);
        } catch (...) {
            return Usage(tr("--part-chars must be a whole number of characters (160 for one SMS)"));
        }
    }
    auto bytes = platform::ReadFile(a.PathAt(0), kind == bundle::ArmorKind::kDelta ? "delta" : "bundle",
                                    bundle::kMaxArmorPayload);
    if (!bytes) return Fail(bytes.error().detail);
    auto label = bundle::LabelForFile(*bytes, kind);
    if (!label) {
        if (kind == bundle::ArmorKind::kDelta && bytes->substr(0, 8) == "FKBUNDLE")
            return Fail(Format(tr("{file} is a bundle: add --bundle to send a whole (small) bundle as text"),
                               {{"file", path}}));
        return Fail(path + ": " + label.error().detail);
    }
    auto armored = bundle::ArmorEncode(*label, *bytes, part_chars);
    if (!armored)
        return armored.error().code == ErrorCode::kUsage ? Usage(armored.error().detail)
                                                         : Fail(path + ": " + armored.error().detail);
    const auto* parts = &armored->parts;
    std::string text;
    for (const auto& p : *parts) text += (text.empty() ? "" : "\n") + p + "\n";
    const std::string summary =
        // TRANSLATORS: {what} describes the update, e.g. "delta test-pack 1 -> 2".
        Format(trn("{n} part, {chars} characters, for {what}", "{n} parts, {chars} characters, for {what}",
                   static_cast<unsigned long>(parts->size())),
               {{"n", std::to_string(parts->size())},
                {"chars", std::to_string(text.size())},
                {"what", bundle::DescribeArmor(armored->label)}});
    if (auto out = a.PathOption("-o")) {
        if (auto st = platform::WriteFileAtomic(*out, text, "text parts"); !st) return Fail(st.error().detail);
        std::cout << Format(tr("wrote {file}: {summary}"),
                            {{"file", platform::Utf8FromPath(*out)}, {"summary", summary}})
                  << "\n";
    } else {
        std::cout << text;
        std::cerr << summary << "\n";
    }
    return 0;
}

}  // namespace

int ImportInputs(Context& ctx, const Args& a) {
    auto lib = OpenLibrary(ctx);
    if (!lib) return Fail(lib.error().detail);
    std::string text;
    int status = 0;
    bool any_text = false;
    const auto paths = a.PathPositionals();
    for (size_t i = 0; i < paths.size(); ++i) {
        const std::string& name = a.Positional()[i];  // as given, for messages
        Result<std::string> bytes =
            name == "-" ? ReadStandardInput() : platform::ReadFile(paths[i], "bundle", bundle::kMaxRawPayloadSize);
        if (!bytes) {
            status = Fail(bytes.error().detail);
            continue;
        }
        const bool binary = IsBinaryUpdate(*bytes);
        const auto scan = binary ? bundle::ArmorScan{} : bundle::ScanArmor(*bytes);
        const bool parts = !scan.parts.empty() || !scan.problems.empty();
        // A bundle or delta file, or a lone file that holds no parts: installed or refused as ever.
        if (name != "-" && (binary || (a.Positional().size() == 1 && !parts))) {
            auto r = binary && bundle::LooksLikeDelta(*bytes) ? lib->ImportDeltas({std::move(*bytes)}) : lib->ImportBundle(*bytes);
            if (!r) {
                status = Fail(name + ": " + r.error().detail);
                continue;
            }
            PrintInstalled(*r);
            std::cerr << SharedIdsWarning(r->manifest.pack, r->shared_ids);
            continue;
        }
        if (binary) {
            status =
                Fail(tr("standard input: give a bundle or delta file by its name; standard input takes text parts"));
            continue;
        }
        any_text = true;
        text += *bytes + "\n";
    }
    if (!any_text) return status;
    const core::ArmorImport r = core::ImportArmor(*lib, text);
    for (const auto& p : r.problems) std::cerr << "fieldkit: " << p << "\n";
    if (r.sets.empty()) return Fail(tr("no update parts found in the text (they begin with FKD1 or FKB1)"));
    for (const auto& s : r.sets) {
        const std::string what = bundle::DescribeArmor(s.label);
        if (s.installed) {
            PrintInstalled(*s.installed);
            std::cerr << SharedIdsWarning(s.installed->manifest.pack, s.installed->shared_ids);
        } else if (s.refused) {
            const auto count = static_cast<unsigned long>(s.label.count);
            status = Fail(Format(trn("{what}: all {n} part arrived, but it is refused: {error}",
                                     "{what}: all {n} parts arrived, but it is refused: {error}", count),
                                 {{"what", what}, {"n", std::to_string(count)}, {"error", s.refused->detail}}));
        } else {
            const auto count = static_cast<unsigned long>(s.label.count);
            std::cout << Format(
                             // TRANSLATORS: {present} of {n} parts of an update arrived; {missing} lists the part numbers missing.
                             trn("{what}: {present} of {n} part; missing {missing} (the others are kept: import the "
                                 "rest when they arrive)",
                                 "{what}: {present} of {n} parts; missing {missing} (the others are kept: import the "
                                 "rest when they arrive)",
                                 count),
                             {{"what", what},
                              {"present", std::to_string(s.present.size())},
                              {"n", std::to_string(count)},
                              {"missing", bundle::FormatPartList(s.missing)}})
                      << "\n";
        }
    }
    return status;
}

std::vector<Command> ArmorCommands() {
    return {
        {"bundle armor",
         "DELTA.fkd [--bundle] [--part-chars N] [-o FILE]",
         N_("write a signed delta (or a small bundle) as text parts for SMS, e-mail, radio mail"),
         N_("Each part is a header line (FKD1 PACK FROM TO I/N ID CHECKSUM) and lines of base32: letters\n"
            "and the digits 2-7 only, case-insensitive, so phones, mail clients and hands do not change it.\n"
            "Readers install it with `fieldkit import -` (paste) or `fieldkit import FILE...`, parts in any\n"
            "order, among other text; it installs only once every part arrived and the signature checks.\n"
            "  --bundle         FILE is a bundle (.fkb), for a new small pack\n"
            "  --part-chars N   at most N characters a part, header included (160: one SMS);\n"
            "                   default one part of any length\n"
            "  -o FILE          write the parts to FILE instead of standard output\n"),
         {{"--bundle"}, {"--part-chars", "-o"}, {{"--output", "-o"}}},
         RunArmor},
    };
}

}  // namespace fk::cli
