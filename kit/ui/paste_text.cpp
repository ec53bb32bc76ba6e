// "Paste update" in words. See paste_text.hpp.
#include "kit/ui/paste_text.hpp"

#include <algorithm>

namespace fk::ui {

PasteLines DescribePaste(const PasteState& paste) {
    PasteLines out;
    bool whole = false, parts = false;
    std::vector<bundle::ArmorId> shown;
    for (const auto& s : paste.found.sets) {
        const std::string what = bundle::DescribeArmor(s.label);
        const std::string have = std::to_string(s.present.size()) + " of " + std::to_string(s.label.count) + " parts";
        shown.push_back(s.label.id);
        if (s.installed) {
            out.lines.push_back({PasteLine::kInstalled, what + ": installed."});
        } else if (s.refused) {
            out.lines.push_back({PasteLine::kError, what + ": refused: " + s.refused->detail});
        } else if (s.missing.empty()) {
            whole = true;
            out.lines.push_back({PasteLine::kReady, what + ": all " + have + ", ready to install."});
        } else {
            parts = true;
            out.lines.push_back({PasteLine::kWaiting, what + ": " + have + "; missing " + bundle::FormatPartList(s.missing) + "."});
        }
    }
    for (const auto& p : paste.found.problems) out.lines.push_back({PasteLine::kError, p});
    for (const auto& s : paste.pending) {
        if (std::find(shown.begin(), shown.end(), s.label.id) != shown.end()) continue;
        if (s.missing.empty()) {
            whole = true;
            out.lines.push_back({PasteLine::kReady, bundle::DescribeArmor(s.label) + ": all " +
                                                        std::to_string(s.label.count) +
                                                        " parts kept from before; not installed yet (trust its "
                                                        "publisher first if its key was unknown)."});
            continue;
        }
        out.lines.push_back({PasteLine::kWaiting, bundle::DescribeArmor(s.label) + ": " + std::to_string(s.present.size()) +
                                                      " of " + std::to_string(s.label.count) +
                                                      " parts kept from before; missing " +
                                                      bundle::FormatPartList(s.missing) + "."});
    }
    const bool done = !paste.found.sets.empty() &&
                      std::all_of(paste.found.sets.begin(), paste.found.sets.end(),
                                  [](const core::ArmorSetStatus& s) { return s.installed || s.refused; });
    if (whole) out.button = "Install update";
    else if (parts && !done) out.button = "Keep these parts";
    return out;
}

}  // namespace fk::ui
