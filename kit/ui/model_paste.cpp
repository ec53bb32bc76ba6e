// "Paste update": the model side. Scanning and installing live in kit/core/armor_import.cpp;
// this keeps what the Library screen shows and reloads the index after an install.
#include "kit/ui/model.hpp"

#include <algorithm>

namespace fk::ui {

void Model::ApplyPaste(const Action& a) {
    if (a.type == ActionType::kPasteText) {
        m_paste.found = core::PreviewArmor(*m_library, a.text);
        m_paste.pending = core::PendingArmor(*m_library);
        return;
    }
    core::ArmorImport r = core::ImportArmor(*m_library, a.text);
    std::string installed, refused, waiting;
    for (const auto& s : r.sets) {
        const std::string what = bundle::DescribeArmor(s.label);
        if (s.installed)
            installed += (installed.empty() ? "Installed " : "; ") + s.installed->manifest.title + " version " +
                         std::to_string(s.installed->manifest.version);
        else if (s.refused)
            refused += (refused.empty() ? "" : "; ") + what + " refused: " + s.refused->detail;
        else
            waiting += (waiting.empty() ? "Kept " : "; ") + std::to_string(s.present.size()) + " of " +
                       std::to_string(s.label.count) + " parts of " + what + ", still missing " +
                       bundle::FormatPartList(s.missing);
    }
    if (!refused.empty()) SetMessage(refused + ".", true);
    else if (r.sets.empty()) SetMessage("No update parts found in the pasted text (they begin with FKD1 or FKB1).", true);
    else SetMessage(installed + (installed.empty() || waiting.empty() ? "" : ". ") + waiting + ".", false);
    if (!installed.empty()) ReopenIndex();
    m_paste.found = std::move(r);  // with what was installed or refused
    m_paste.pending = core::PendingArmor(*m_library);
}

}  // namespace fk::ui
