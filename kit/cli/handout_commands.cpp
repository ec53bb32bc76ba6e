// `fieldkit export-handout`: articles, checklists or a whole workshop module as one printable
// HTML file (or Markdown) for a trainer to print or hand round.
#include <chrono>
#include <iostream>

#include "bundle/manifest.hpp"
#include "kit/cli/command.hpp"
#include "kit/core/content_index.hpp"
#include "kit/core/handout.hpp"
#include "platform/files.hpp"
#include "platform/i18n.hpp"
#include "platform/utf8_path.hpp"

namespace fk::cli {
namespace {

std::string Today() {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return bundle::IsoTime(std::chrono::duration_cast<std::chrono::seconds>(now).count()).substr(0, 10);
}

int RunExportHandout(Context& ctx, const Args& a) {
    if (a.Positional().empty()) return Usage(tr("export-handout needs at least one article id"));
    const auto output = a.Option("--output");
    if (!output || output->empty()) return Usage(tr("export-handout needs an output file: -o FILE.html"));
    std::string format = a.OptionOr("--format", "");
    if (format.empty()) format = std::string_view(*output).ends_with(".md") ? "md" : "html";
    if (format != "md" && format != "html") return Usage(tr("--format must be html or md"));

    auto lib = OpenLibrary(ctx);
    if (!lib) return Fail(lib.error().detail);
    auto index = core::ContentIndex::Open(lib->IndexPath());
    if (!index) return Fail(index.error().detail);
    auto handout =
        core::CollectHandout(*index, lib->State().packs, a.Positional(), a.OptionOr("--lang", "en"), Today());
    if (!handout) return Fail(handout.error().detail);
    const std::string text = format == "md" ? core::HandoutMarkdown(*handout) : core::HandoutHtml(*handout);
    // TRANSLATORS: names the file in an error message: "handout 'x.html': no space left".
    const char* role = tr("handout");
    if (auto st = platform::WriteFileAtomic(platform::PathFromUtf8(*output), text, role); !st)
        return Fail(st.error().detail);
    std::cerr << Format(trn("wrote {path} ({n} article)", "wrote {path} ({n} articles)", handout->parts.size()),
                        {{"path", *output}, {"n", std::to_string(handout->parts.size())}})
              << "\n";
    return 0;
}

}  // namespace

std::vector<Command> HandoutCommands() {
    return {
        {"export-handout",
         "ID... -o FILE.html|FILE.md [--format html|md] [--lang L]",
         N_("write articles, checklists or a workshop module as one printable file"),
         N_("Each ID is an article's id or PACK/ID. A workshop module brings the checklists it links\n"
            "to, in order. The HTML file holds everything it needs (print styles, no scripts, no\n"
            "network): open it in any browser and print it. Checklist items get empty boxes to tick\n"
            "with a pen, and a footer names the pack, its version and the export date.\n"
            "  -o, --output F  the file to write (replaced atomically)\n"
            "  --format F      html (default) or md (the default for a name ending in .md)\n"
            "  --lang L        prefer this translation (falls back to English)\n"),
         {{}, {"--output", "--format", "--lang"}, {{"-o", "--output"}}},
         RunExportHandout},
    };
}

}  // namespace fk::cli
