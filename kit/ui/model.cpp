// Model: opening the stores, navigation with back/forward, search as you type, the
// article's checklist, bookmark and note, settings and imports.
#include "kit/ui/model.hpp"

#include <algorithm>
#include <chrono>
#include <iterator>

#include "bundle/markdown_scan.hpp"
#include "platform/i18n.hpp"

namespace fk::ui {

Result<std::unique_ptr<Model>> Model::Open(const std::filesystem::path& data_dir, const core::BuiltIn& built_in) {
    std::unique_ptr<Model> m(new Model());
    m->m_data_dir = data_dir;
    m->m_built_in = built_in;
    auto lib = core::Library::Open(data_dir, built_in);
    if (!lib) return lib.error();
    m->m_library.emplace(std::move(*lib));
    auto index = core::ContentIndex::Open(m->m_library->IndexPath());
    if (!index) return index.error();
    m->m_index.emplace(std::move(*index));
    auto reader = core::ReaderData::Open(data_dir);
    if (!reader) return reader.error();
    m->m_reader.emplace(std::move(*reader));
    m->m_settings = m->m_reader->LoadSettings();
    m->m_search.filters.audience = m->m_settings.audience;
    m->m_taxonomy = m->m_index->Taxonomy();
    m->ApplyInterfaceLanguage();
    m->m_article_count = m->m_index->ArticleCount();
    m->RefreshHome();
    m->m_paste.pending = core::PendingArmor(*m->m_library);  // update parts kept from before
    m->RefreshOutbox();
    m->ApplySync({}, false, 0);
    return m;
}

namespace {

// Actions that derive a key from the passphrase: Argon2id takes a second or more, by design.
bool DerivesKey(ActionType t) {
    return t == ActionType::kUnlock || t == ActionType::kSetPassphrase || t == ActionType::kChangePassphrase ||
           t == ActionType::kRemovePassphrase;
}

constexpr const char* kKeyWork = N_("Working on your passphrase: this takes a second or two, on purpose.");

}  // namespace

bool Model::Apply(ActionQueue& actions) {
    if (actions.empty()) return false;
    ActionQueue now;
    now.swap(actions);
    for (size_t i = 0; i < now.size(); ++i) {
        if (DerivesKey(now[i].type) && !m_key_work_shown) {
            // Say so in one drawn frame before the window stops answering for the derivation.
            m_key_work_shown = true;
            SetMessage(tr(kKeyWork), false);
            actions.insert(actions.begin(), std::make_move_iterator(now.begin() + static_cast<std::ptrdiff_t>(i)),
                           std::make_move_iterator(now.end()));
            return true;
        }
        const bool derived = DerivesKey(now[i].type);
        Apply(std::move(now[i]));
        if (derived) {
            m_key_work_shown = false;
            if (m_message == tr(kKeyWork)) m_message.clear();
        }
    }
    return true;
}

Model::Place Model::Here() const {
    return {m_screen, m_screen == Screen::kArticle && m_article ? m_article->view.address : std::string()};
}

void Model::Navigate(Place to, bool record) {
    if (record) {
        Place here = Here();
        if (here.screen != to.screen || here.article != to.article) {
            m_back.push_back(here);
            if (m_back.size() > 100) m_back.erase(m_back.begin());
            m_forward.clear();
        }
    }
    if (to.screen == Screen::kArticle && (!m_article || m_article->view.address != to.article))
        if (!LoadArticle(to.article)) return;  // stays where it was
    if (to.screen == Screen::kHome) RefreshHome();
    m_screen = to.screen;
}

bool Model::LoadArticle(const std::string& address) {
    auto view = m_index->Get(address, m_settings.language);
    if (!view) {
        SetMessage(Format(tr("No article '{address}' in the installed library."), {{"address", address}}), true);
        return false;
    }
    InjectArticle(std::move(*view));
    if (auto st = m_reader->RecordView(m_article->view.address, m_article->view.article.title); !st)
        SetMessage(st.error().detail, true);
    return true;
}

void Model::InjectArticle(core::ArticleView view) {
    int generation = m_article ? m_article->generation + 1 : 1;
    m_article.emplace();
    m_article->generation = generation;
    m_article->view = std::move(view);
    if (m_article->view.address.empty()) m_article->view.address = m_article->view.article.id;
    const auto& a = m_article->view.article;
    // The reader's data is keyed by address: another pack's article never shares a core one's.
    const std::string& key = m_article->view.address;
    m_article->blocks = ParseBlocks(a.body);
    // In a right-to-left article every paragraph is right-to-left, even one opening with "BGP".
    if (a.lang == "ar" || a.lang == "he" || a.lang == "fa" || a.lang == "ur")
        for (auto& b : m_article->blocks) b.rtl = b.kind != BlockKind::kCode;
    if (m_reader) {
        m_article->ticked = m_reader->Ticked(key);
        m_article->note = m_reader->Note(key);
        m_article->bookmarked = m_reader->IsBookmarked(key);
    }
    if (m_index)
        for (const auto& r : a.related)
            if (auto v = m_index->Get(r, m_settings.language, m_article->view.pack))
                m_article->related.push_back({v->pack, v->article.id, v->address, v->article.lang, v->article.title,
                                              v->article.summary, v->article.type, v->article.updated,
                                              v->article.phases, v->article.audiences});
    m_screen = Screen::kArticle;
}

void Model::InjectResults(core::SearchResults results) {
    m_search.results = std::move(results);
    m_search.selected = 0;
    ++m_search.generation;
    m_screen = Screen::kSearch;
}

void Model::RunSearch() {
    core::Filters f = m_search.filters;
    f.reader_lang = m_settings.language;
    bool any_filter = !f.phase.empty() || !f.audience.empty() || !f.type.empty() || !f.lang.empty();
    core::SearchResults r;
    if (m_search.query.find_first_not_of(' ') != std::string::npos) {
        r = m_index->Search(m_search.query, f, 500);
    } else if (any_filter) {
        for (auto& s : m_index->List(f)) {
            std::string snippet = s.summary;
            r.hits.push_back({std::move(s), std::move(snippet), 0});
        }
    }
    m_search.results = std::move(r);
    m_search.selected = 0;
    ++m_search.generation;
}

void Model::RefreshHome() {
    if (!m_index || !m_reader) return;
    m_home.start_here.clear();
    core::Filters f;
    f.lang = m_settings.language;
    for (auto& s : m_index->List(f))
        if (s.id.starts_with("start-here") &&
            (m_settings.audience.empty() || std::count(s.audiences.begin(), s.audiences.end(), m_settings.audience)))
            m_home.start_here.push_back(std::move(s));
    m_lock = m_reader->GetLockState();
    m_history_on = m_reader->HistoryEnabled();
    m_home.recent = m_reader->Recent(8);
    m_home.bookmarks = m_reader->Bookmarks();
    if (auto sync = core::LoadSyncState(m_data_dir)) m_home.sync = std::move(*sync);
}

void Model::ApplyInterfaceLanguage() {
    i18n::SetLanguage(m_settings.interface_language.empty() ? i18n::SystemLanguage() : m_settings.interface_language);
    m_shown_taxonomy = bundle::InLanguage(m_taxonomy, i18n::CurrentLanguage());
    // The sync lines are sentences made once per change: make them again in the new language.
    ApplySync(
        m_sync.view, m_sync.running,
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count());
}

void Model::ReopenIndex() {
    auto index = core::ContentIndex::Open(m_library->IndexPath());
    if (!index) {
        SetMessage(index.error().detail, true);
        return;
    }
    m_index.emplace(std::move(*index));
    m_taxonomy = m_index->Taxonomy();
    m_shown_taxonomy = bundle::InLanguage(m_taxonomy, i18n::CurrentLanguage());
    m_article_count = m_index->ArticleCount();
    RefreshHome();
    if (!m_search.query.empty()) RunSearch();
    RestartSharingAfterUpdate();
}

void Model::SaveSettings() {
    if (auto st = m_reader->SaveSettings(m_settings); !st) SetMessage(st.error().detail, true);
}

void Model::SetMessage(std::string text, bool error) {
    m_message = std::move(text);
    m_message_error = error;
}

void Model::Apply(Action a) {
    switch (a.type) {
        case ActionType::kShowScreen:
            if (static_cast<Screen>(a.value) == Screen::kLibrary && !m_room) RefreshShareAddresses();
            Navigate({static_cast<Screen>(a.value), {}}, true);
            break;
        case ActionType::kOpenArticle:
            Navigate({Screen::kArticle, a.text}, true);
            break;
        case ActionType::kOpenLink: {
            std::string id = bundle::ArticleIdFromLink(a.text);
            if (!id.empty()) {
                // A link leads to its own pack's article first.
                auto address = m_index->Resolve(id, m_article ? m_article->view.pack : "");
                Navigate({Screen::kArticle, address ? *address : id}, true);
            } else {
                SetMessage(
                    Format(tr("External link, copied to the clipboard (you may be offline): {url}"), {{"url", a.text}}),
                    false);
            }
            break;
        }
        case ActionType::kSetQuery:
            m_search.query = a.text;
            RunSearch();
            if (m_screen != Screen::kSearch) Navigate({Screen::kSearch, {}}, true);
            break;
        case ActionType::kSetFilter: {
            auto& f = m_search.filters;
            std::string* field = a.text == "phase"      ? &f.phase
                                 : a.text == "audience" ? &f.audience
                                 : a.text == "type"     ? &f.type
                                 : a.text == "lang"     ? &f.lang
                                                        : nullptr;
            if (field) *field = a.arg;
            RunSearch();
            if (m_screen != Screen::kSearch) Navigate({Screen::kSearch, {}}, true);
            break;
        }
        case ActionType::kMoveSelection: {
            int n = static_cast<int>(m_search.results.hits.size());
            if (n) m_search.selected = std::clamp(m_search.selected + a.value, 0, n - 1);
            break;
        }
        case ActionType::kOpenSelected:
            if (m_search.selected >= 0 && m_search.selected < static_cast<int>(m_search.results.hits.size()))
                Navigate(
                    {Screen::kArticle, m_search.results.hits[static_cast<size_t>(m_search.selected)].article.address},
                    true);
            break;
        case ActionType::kBack:
            if (!m_back.empty()) {
                m_forward.push_back(Here());
                Place p = m_back.back();
                m_back.pop_back();
                Navigate(p, false);
            }
            break;
        case ActionType::kForward:
            if (!m_forward.empty()) {
                m_back.push_back(Here());
                Place p = m_forward.back();
                m_forward.pop_back();
                Navigate(p, false);
            }
            break;
        case ActionType::kSetTicked:
            if (m_article) {
                if (auto st = m_reader->SetTicked(m_article->view.address, a.text, a.value != 0); !st) {
                    SetMessage(st.error().detail, true);
                    break;
                }
                if (a.value)
                    m_article->ticked.insert(a.text);
                else
                    m_article->ticked.erase(a.text);
            }
            break;
        case ActionType::kResetChecklist:
            if (m_article) {
                if (auto st = m_reader->ResetChecklist(m_article->view.address); !st)
                    SetMessage(st.error().detail, true);
                else
                    m_article->ticked.clear();
            }
            break;
        case ActionType::kToggleBookmark:
            if (m_article) {
                const auto& view = m_article->view;
                if (auto st = m_reader->SetBookmark(view.address, view.article.title, !m_article->bookmarked); !st)
                    SetMessage(st.error().detail, true);
                else
                    m_article->bookmarked = !m_article->bookmarked;
            }
            break;
        case ActionType::kSetNote:
            if (m_article) {
                if (auto st = m_reader->SaveNote(m_article->view.address, a.text); !st)
                    SetMessage(st.error().detail, true);
                m_article->note = a.text;
            }
            break;
        case ActionType::kSetTheme:
            m_settings.theme = a.text;
            SaveSettings();
            break;
        case ActionType::kChangeFontSize:
            m_settings.font_size = std::clamp(m_settings.font_size + a.value, core::kMinFontSize, core::kMaxFontSize);
            SaveSettings();
            break;
        case ActionType::kSetAudience:
            m_settings.audience = a.text;
            m_search.filters.audience = a.text;
            SaveSettings();
            RefreshHome();
            if (!m_search.query.empty()) RunSearch();
            break;
        case ActionType::kSetInterfaceLanguage:
            m_settings.interface_language = a.text;
            SaveSettings();
            ApplyInterfaceLanguage();
            break;
        case ActionType::kSetLanguage:
            m_settings.language = a.text;
            SaveSettings();
            RefreshHome();
            if (m_article && m_screen == Screen::kArticle) {
                std::string address = m_article->view.address;
                m_article.reset();
                LoadArticle(address);
            }
            break;
        case ActionType::kImportFile: {
            auto r = m_library->ImportFile(a.text);
            if (!r) {
                SetMessage(
                    Format(tr("Import of '{file}' failed: {error}"), {{"file", a.text}, {"error", r.error().detail}}),
                    true);
                break;
            }
            std::string text = Format(trn("Installed {pack} version {version} ({n} article).",
                                          "Installed {pack} version {version} ({n} articles).",
                                          static_cast<unsigned long>(r->manifest.article_count)),
                                      {{"pack", r->manifest.title},
                                       {"version", std::to_string(r->manifest.version)},
                                       {"n", std::to_string(r->manifest.article_count)}});
            if (!r->shared_ids.empty())
                text += " " + Format(trn("{n} of its article ids are also in another pack; the built-in articles keep "
                                         "theirs.",
                                         "{n} of its article ids are also in another pack; the built-in articles keep "
                                         "theirs.",
                                         static_cast<unsigned long>(r->shared_ids.size())),
                                     {{"n", std::to_string(r->shared_ids.size())}});
            SetMessage(text, false);
            ReopenIndex();
            break;
        }
        case ActionType::kTrustKeyFile:
            TrustKeyFile(a.text);
            break;
        case ActionType::kCheckNow:
            if (m_sync_link) m_sync_link->CheckNow();
            break;
        case ActionType::kDownloadHeld:
            if (m_sync_link) m_sync_link->AllowHeldDownload();
            break;
        case ActionType::kInstallNewPack:
        case ActionType::kDeclineNewPack:
            AnswerNewPack(a.text, a.type == ActionType::kInstallNewPack);
            break;
        case ActionType::kSetMetered:
            SetMetered(a.text, a.value);
            break;
        case ActionType::kDismissMessage:
            m_message.clear();
            break;
        case ActionType::kUnlock:
        case ActionType::kLockNow:
        case ActionType::kSetPassphrase:
        case ActionType::kChangePassphrase:
        case ActionType::kRemovePassphrase:
        case ActionType::kSetHistory:
        case ActionType::kWipeData:
            ApplyPrivacy(a);
            break;
        case ActionType::kPasteText:
        case ActionType::kPasteInstall:
            ApplyPaste(a);
            break;
        case ActionType::kReportArticle:
        case ActionType::kReportPractice:
        case ActionType::kDeleteReport:
        case ActionType::kSendReports:
            ApplyReports(a);
            break;
        case ActionType::kPresent:
        case ActionType::kEndPresenting:
        case ActionType::kPresentPage:
        case ActionType::kPresentReveal:
        case ActionType::kPresentClock:
        case ActionType::kPresentBlock:
        case ActionType::kPresentNotes:
        case ActionType::kChangePresenterFontSize:
            ApplyPresenter(a);
            break;
        case ActionType::kShareRefresh:
        case ActionType::kShareStart:
        case ActionType::kShareStop:
        case ActionType::kCollectFeedback:
        case ActionType::kStopFeedback:
            ApplyShare(a);
            break;
        case ActionType::kPrintHandout:
            PrintHandout();
            break;
    }
}

}  // namespace fk::ui
