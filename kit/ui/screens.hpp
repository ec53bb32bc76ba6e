// The draw functions: each reads the model, keeps only visual state in ViewState, and
// queues actions. None of them does I/O.
#pragma once

#include <functional>
#include <vector>

#include "kit/ui/actions.hpp"
#include "kit/ui/labels.hpp"
#include "kit/ui/model.hpp"
#include "kit/ui/view_state.hpp"
#include "platform/i18n.hpp"

namespace fk::ui {

// The whole window for one frame: top bar, shortcuts, message line and the current screen.
void DrawFrame(const Model& model, ViewState& view, ActionQueue& out);

void DrawHome(const Model& model, ViewState& view, ActionQueue& out);
void DrawSearch(const Model& model, ViewState& view, ActionQueue& out);
void DrawArticle(const Model& model, ViewState& view, ActionQueue& out);
void DrawLibrary(const Model& model, ViewState& view, ActionQueue& out);
// "Share with this room" (draw_share.cpp), on the Library screen; and an address the room
// opens, as large text and a QR code (the presenter shows the feedback form's).
void DrawShare(const Model& model, ViewState& view, ActionQueue& out);
void DrawShareAddress(const std::string& url, const core::QrMatrix& qr, ViewState& view);
void DrawSettings(const Model& model, ViewState& view, ActionQueue& out);
// The presenter view over the open workshop article, for view.presenter_role (draw_presenter.cpp).
void DrawPresenter(const Model& model, ViewState& view, ActionQueue& out);

// The article body (inside DrawArticle's scrolling region), skipping off-screen blocks.
void DrawBlocks(const ArticleState& article, ViewState& view, ActionQueue& out);

// The sync state with "Check now" (Home and Library), and the metered-link choice (Settings).
void DrawSyncState(const Model& model, ViewState& view, ActionQueue& out);
void DrawMeteredSettings(const Model& model, ViewState& view, ActionQueue& out);

// "Paste update" on the Library screen: updates that came as text parts (draw_paste.cpp).
void DrawPasteUpdate(const Model& model, ViewState& view, ActionQueue& out);

// The passphrase prompt of locked notes (`where` keeps widget ids apart), and the Settings
// sections on the passphrase, history and wiping the reader's data (draw_privacy.cpp).
void DrawUnlockPrompt(const Model& model, ViewState& view, ActionQueue& out, const char* where);
void DrawPrivacySettings(const Model& model, ViewState& view, ActionQueue& out);

// Field reports (draw_reports.cpp): the "Report a problem" panel under an article's header,
// and the Settings section with the outbox (delete, Send) and a new practice.
void DrawReportPanel(const ArticleState& article, ViewState& view, ActionQueue& out);
void DrawReportSettings(const Model& model, ViewState& view, ActionQueue& out);
void DrawInterfaceLanguage(const Model& model, ViewState& view, ActionQueue& out);  // draw_language.cpp

// Small shared widgets.
// Wrapped text in the interface's direction (right-aligned and reordered in Arabic).
void DrawText(const std::string& text);
void DrawMuted(const ViewState& view, const std::string& text);
// A heading (text already drawable, as L() gives it), at the reading side of the line.
void DrawHeading(ImFont* font, const char* text);
bool DrawChip(const char* label, bool active, const ViewState& view);
// A row of buttons or fields in reading order, wrapped onto more lines when it does not fit;
// laid out from the right in Arabic.
struct RowItem {
    float width;  // as drawn: ButtonWidth(label) for a button or chip
    std::function<void()> draw;
};
void DrawRow(const std::vector<RowItem>& items);
float ButtonWidth(const char* label);
void DrawArticleLink(const std::string& address, const std::string& title, ViewState& view, ActionQueue& out);
std::string AgeText(std::int64_t unix_seconds);

}  // namespace fk::ui
