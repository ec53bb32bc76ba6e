// Model: the reader's passphrase (unlock, lock now, set, change, remove), history on/off and
// "wipe my data". Passphrases arrive in actions and are wiped as soon as they are used.
#include "kit/core/reader_wipe.hpp"
#include "kit/ui/model.hpp"
#include "platform/i18n.hpp"
#include "platform/passphrase.hpp"

namespace fk::ui {

// After the lock state changed: what the screens show comes from the database again.
void Model::RefreshReaderState() {
    RefreshHome();
    if (m_article) {
        const std::string& id = m_article->view.article.id;
        m_article->note = m_reader->Note(id);
        m_article->bookmarked = m_reader->IsBookmarked(id);
        ++m_article->revision;
    }
}

void Model::ApplyPrivacy(Action& a) {
    auto done = [&](const Status& st, const char* ok_message) {
        m_pass_error = st ? "" : st.error().detail;
        if (st && ok_message) SetMessage(ok_message, false);
    };
    switch (a.type) {
        case ActionType::kUnlock: {
            Status st = m_reader->Unlock(a.text);
            done(st, nullptr);
            if (st)
                if (auto v = m_reader->VerifyRows(); !v) SetMessage(v.error().detail, true);
            break;
        }
        case ActionType::kLockNow:
            m_reader->LockNow();
            m_pass_error.clear();
            break;
        case ActionType::kSetPassphrase:
            done(m_reader->SetPassphrase(a.text, m_kdf_cost),
                 tr("Notes, bookmarks and history are now encrypted with your passphrase. It cannot be recovered if "
                    "you forget it."));
            break;
        case ActionType::kChangePassphrase:
            done(m_reader->ChangePassphrase(a.arg, a.text, m_kdf_cost),
                 tr("Passphrase changed; everything was re-encrypted under a new key."));
            break;
        case ActionType::kRemovePassphrase:
            done(m_reader->RemovePassphrase(a.text),
                 tr("Passphrase removed: notes, bookmarks and history are stored in plain text again."));
            break;
        case ActionType::kSetHistory:
            if (auto st = m_reader->SetHistoryEnabled(a.value != 0); !st) SetMessage(st.error().detail, true);
            break;
        case ActionType::kWipeData:
            WipeReaderData();
            break;
        default:
            break;
    }
    platform::WipeString(a.text);
    platform::WipeString(a.arg);
    RefreshReaderState();
}

void Model::WipeReaderData() {
    m_reader.reset();  // closes reader.sqlite before its files go
    auto report = core::WipeReaderData(m_data_dir);
    auto reopened = core::ReaderData::Open(m_data_dir);
    if (!reopened) {
        SetMessage(reopened.error().detail, true);
        return;
    }
    m_reader.emplace(std::move(*reopened));
    m_settings = m_reader->LoadSettings();
    m_search.filters.audience = m_settings.audience;
    m_back.clear();
    m_forward.clear();
    m_pass_error.clear();
    if (!report) {
        SetMessage(Format(tr("Wipe failed: {error}"), {{"error", report.error().detail}}), true);
        return;
    }
    SetMessage(std::string(tr("Your notes, bookmarks, history, checklist ticks and settings were deleted.")) + " " +
                   core::WipeCaveats(),
               false);
    if (m_article) m_article->ticked.clear();
}

}  // namespace fk::ui
