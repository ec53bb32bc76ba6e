// "Paste update" in words. See paste_text.hpp.
#include "kit/ui/paste_text.hpp"

#include <algorithm>

#include "platform/i18n.hpp"

namespace fk::ui {

PasteLines DescribePaste(const PasteState& paste) {
    PasteLines out;
    bool whole = false, parts = false;
    std::vector<bundle::ArmorId> shown;
    for (const auto& s : paste.found.sets) {
        const std::string what = bundle::DescribeArmor(s.label);
        const std::string have = std::to_string(s.present.size()), count = std::to_string(s.label.count);
        const auto n = static_cast<unsigned long>(s.label.count);
        shown.push_back(s.label.id);
        if (s.installed) {
            // TRANSLATORS: {update} describes an update sent as text parts (which pack, which version).
            out.lines.push_back({PasteLine::kInstalled, Format(tr("{update}: installed."), {{"update", what}})});
        } else if (s.refused) {
            out.lines.push_back({PasteLine::kError, Format(tr("{update}: refused: {reason}"),
                                                           {{"update", what}, {"reason", s.refused->detail}})});
        } else if (s.missing.empty()) {
            whole = true;
            out.lines.push_back(
                {PasteLine::kReady, Format(trn("{update}: all {have} of {count} part, ready to install.",
                                               "{update}: all {have} of {count} parts, ready to install.", n),
                                           {{"update", what}, {"have", have}, {"count", count}})});
        } else {
            parts = true;
            out.lines.push_back(
                // TRANSLATORS: {missing} lists the missing parts' numbers, like "2, 5".
                {PasteLine::kWaiting, Format(trn("{update}: {have} of {count} part; missing {missing}.",
                                                 "{update}: {have} of {count} parts; missing {missing}.", n),
                                             {{"update", what},
                                              {"have", have},
                                              {"count", count},
                                              {"missing", bundle::FormatPartList(s.missing)}})});
        }
    }
    for (const auto& p : paste.found.problems) out.lines.push_back({PasteLine::kError, p});
    for (const auto& s : paste.pending) {
        if (std::find(shown.begin(), shown.end(), s.label.id) != shown.end()) continue;
        const auto n = static_cast<unsigned long>(s.label.count);
        if (s.missing.empty()) {
            whole = true;
            out.lines.push_back(
                {PasteLine::kReady,
                 Format(
                     trn("{update}: all {count} part kept from before; not installed yet (trust its publisher first "
                         "if its key was unknown).",
                         "{update}: all {count} parts kept from before; not installed yet (trust its publisher first "
                         "if its key was unknown).",
                         n),
                     {{"update", bundle::DescribeArmor(s.label)}, {"count", std::to_string(s.label.count)}})});
            continue;
        }
        out.lines.push_back({PasteLine::kWaiting,
                             Format(trn("{update}: {have} of {count} part kept from before; missing {missing}.",
                                        "{update}: {have} of {count} parts kept from before; missing {missing}.", n),
                                    {{"update", bundle::DescribeArmor(s.label)},
                                     {"have", std::to_string(s.present.size())},
                                     {"count", std::to_string(s.label.count)},
                                     {"missing", bundle::FormatPartList(s.missing)}})});
    }
    const bool done = !paste.found.sets.empty() &&
                      std::all_of(paste.found.sets.begin(), paste.found.sets.end(),
                                  [](const core::ArmorSetStatus& s) { return s.installed || s.refused; });
    if (whole)
        out.button = tr("Install update");
    else if (parts && !done)
        out.button = tr("Keep these parts");
    return out;
}

}  // namespace fk::ui
