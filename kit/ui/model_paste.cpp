// "Paste update": the model side. Scanning and installing live in kit/core/armor_import.cpp;
// this keeps what the Library screen shows and reloads the index after an install.
#include <algorithm>

#include "kit/ui/model.hpp"
#include "platform/i18n.hpp"

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
        // Each update is one clause; several are listed with "; ".
        auto add = [](std::string& list, const std::string& clause) { list += (list.empty() ? "" : "; ") + clause; };
        if (s.installed)
            add(installed, Format(tr("Installed {pack} version {version}"),
                                  {{"pack", s.installed->manifest.title},
                                   {"version", std::to_string(s.installed->manifest.version)}}));
        else if (s.refused)
            // TRANSLATORS: {update} describes an update sent as text parts (which pack, which version).
            add(refused, Format(tr("{update} refused: {reason}"), {{"update", what}, {"reason", s.refused->detail}}));
        else
            // TRANSLATORS: {missing} lists the missing parts' numbers, like "2, 5".
            add(waiting, Format(trn("Kept {have} of {count} part of {update}, still missing {missing}",
                                    "Kept {have} of {count} parts of {update}, still missing {missing}",
                                    static_cast<unsigned long>(s.label.count)),
                                {{"have", std::to_string(s.present.size())},
                                 {"count", std::to_string(s.label.count)},
                                 {"update", what},
                                 {"missing", bundle::FormatPartList(s.missing)}}));
    }
    if (!refused.empty()) SetMessage(refused + ".", true);
    else if (r.sets.empty())
        SetMessage(tr("No update parts found in the pasted text (they begin with FKD1 or FKB1)."), true);
    else SetMessage(installed + (installed.empty() || waiting.empty() ? "" : ". ") + waiting + ".", false);
    if (!installed.empty()) ReopenIndex();
    m_paste.found = std::move(r);  // with what was installed or refused
    m_paste.pending = core::PendingArmor(*m_library);
}

}  // namespace fk::ui
