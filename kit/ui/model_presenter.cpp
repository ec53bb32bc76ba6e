// Model: presenting a workshop article. The presenter sits over the article screen, which
// stays as it was (and where it was scrolled) until Esc brings it back.
#include <algorithm>

#include "kit/ui/model.hpp"
#include "platform/i18n.hpp"

namespace fk::ui {
namespace {

bool HasCodepoints(std::string_view text, unsigned char lead_min, unsigned char lead_max) {
    return std::any_of(text.begin(), text.end(), [&](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u >= lead_min && u <= lead_max;
    });
}

}  // namespace

void Model::StartPresenting(const std::string& address) {
    if (!address.empty() && (!m_article || m_article->view.address != address))
        Navigate({Screen::kArticle, address}, true);
    if (!m_article || m_screen != Screen::kArticle) return;
    const auto& a = m_article->view.article;
    if (a.type != "workshop") {
        SetMessage(Format(tr("Only workshop modules can be presented; '{title}' is not one."), {{"title", a.title}}),
                   true);
        return;
    }
    m_presenter.emplace(core::ReadWorkshopPlan(a.body), m_presenter_clock);
    PresenterState& p = *m_presenter;
    p.address = m_article->view.address;
    p.title = a.title;
    p.summary = a.summary;
    p.rtl = StartsRightToLeft(a.title);
    for (const auto& section : p.plan.sections) {
        p.sections.push_back(ParseBlocks(section.markdown));
        for (auto& b : p.sections.back()) {
            if (p.rtl) b.rtl = b.kind != BlockKind::kCode;
            // A projected page is read, not clicked: links are plain words there.
            for (auto& run : b.runs) run.style &= static_cast<std::uint8_t>(~kStyleLink);
        }
    }
    // Cyrillic letters start with UTF-8 lead bytes D0..D3, Arabic with D8..DB.
    const std::string lang = i18n::CurrentLanguage();
    p.needs_cyrillic = lang == "uk" || HasCodepoints(a.body, 0xD0, 0xD3) || HasCodepoints(a.title, 0xD0, 0xD3);
    p.needs_arabic = lang == "ar" || HasCodepoints(a.body, 0xD8, 0xDB) || HasCodepoints(a.title, 0xD8, 0xDB);
}

void Model::ApplyPresenter(const Action& a) {
    if (a.type == ActionType::kPresent) {
        StartPresenting(a.text);
        return;
    }
    if (a.type == ActionType::kChangePresenterFontSize) {
        m_settings.presenter_font_size = std::clamp(m_settings.presenter_font_size + 4 * a.value,
                                                    core::kMinPresenterFontSize, core::kMaxPresenterFontSize);
        SaveSettings();
        return;
    }
    if (!m_presenter) return;
    core::WorkshopSession& s = m_presenter->session;
    switch (a.type) {
        case ActionType::kEndPresenting:
            m_presenter.reset();  // the article screen underneath was never left
            break;
        case ActionType::kPresentPage:
            (void)(a.value > 0 ? s.NextPage() : s.PreviousPage());
            break;
        case ActionType::kPresentReveal:
            (void)(a.value > 0 ? s.RevealNext() : s.HideLast());
            break;
        case ActionType::kPresentClock:
            s.StartOrPause();
            break;
        case ActionType::kPresentBlock:
            (void)(a.value > 0 ? s.NextBlock() : s.PreviousBlock());
            break;
        case ActionType::kPresentNotes:
            m_presenter->show_notes = !m_presenter->show_notes;
            break;
        default:
            break;
    }
}

}  // namespace fk::ui
