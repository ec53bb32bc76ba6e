// What the draw functions ask for: small value objects queued during a frame and applied
// by the model after it (draw functions never change the model or touch files).
#pragma once

#include <string>
#include <vector>

namespace fk::ui {

enum class Screen { kHome, kSearch, kArticle, kLibrary, kSettings };

// Who a presenter frame is drawn for: one screen (the trainer's pane on request), the trainer's
// window beside a projector (pane always shown), or the projector (never the trainer's pane).
enum class PresenterRole { kSingle, kTrainer, kAudience };

enum class ActionType {
    kShowScreen,     // value = Screen
    kOpenArticle,    // text = id
    kOpenLink,       // text = href as written in the article
    kSetQuery,       // text = query
    kSetFilter,      // text = "phase|audience|type|lang", arg = value ("" = any)
    kMoveSelection,  // value = delta
    kOpenSelected,
    kBack,
    kForward,
    kSetTicked,  // text = task key, value = 0/1
    kResetChecklist,
    kToggleBookmark,
    kSetNote,               // text = note
    kSetTheme,              // text = theme
    kChangeFontSize,        // value = delta
    kSetAudience,           // text = audience key
    kSetLanguage,           // text = language
    kSetInterfaceLanguage,  // text = language of the window's own words, "" = the system's
    kImportFile,            // text = path
    kTrustKeyFile,          // text = path of a minisign public key
    kCheckNow,              // ask the sync engine to check the mirrors now
    kDownloadHeld,          // download the update metered mode held back, once
    kInstallNewPack,        // text: a new pack a trusted publisher offers: install it
    kDeclineNewPack,        // text: that pack: not now (for the version offered)
    kSetMetered,            // text = off|deltas|ask, value = ask-above limit in MB (0 = keep)
    kDismissMessage,
    kUnlock,            // text = passphrase
    kLockNow,           // forget the key
    kSetPassphrase,     // text = new passphrase
    kChangePassphrase,  // text = new passphrase, arg = current passphrase
    kRemovePassphrase,  // text = current passphrase
    kSetHistory,        // value = 0/1
    kWipeData,          // delete reader.sqlite (the screen asked for confirmation)
    kPasteText,         // text = what the reader pasted: shows the update parts in it, keeps nothing
    kPasteInstall,      // text = the same: keeps its parts, installs every update now whole
    kReportArticle,     // a field report on the open article: arg = kind, text = note
    kReportPractice,    // a field report of a new practice: text = note
    kDeleteReport,      // text = report id
    kSendReports,       // send the waiting field reports (the reader pressed Send)
    // The presenter view of a workshop article (model_presenter.cpp).
    kPresent,                  // text = address, "" = the open article
    kEndPresenting,            // back to the article, where it was
    kPresentPage,              // value = +1 next section, -1 previous
    kPresentReveal,            // value = +1 reveal the next inject, -1 hide the last
    kPresentClock,             // start or pause the agenda clock
    kPresentBlock,             // value = +1 next agenda block, -1 previous
    kPresentNotes,             // show or hide the trainer's pane (one screen)
    kChangePresenterFontSize,  // value = steps
    // "Share with this room" (model_share.cpp).
    kShareRefresh,  // list the machine's network addresses again
    kShareStart,    // value = index into Share().addresses
    kShareStop,
    kCollectFeedback,  // text = workshop article address: open its feedback form (sharing if needed)
    kStopFeedback,
    kPrintHandout,  // save the open article (a workshop: with its checklists) as printable HTML
};

struct Action {
    Action(ActionType t, std::string text_ = {}, int value_ = 0, std::string arg_ = {})
        : type(t), text(std::move(text_)), value(value_), arg(std::move(arg_)) {}
    ActionType type;
    std::string text;
    int value = 0;
    std::string arg;
};

using ActionQueue = std::vector<Action>;

}  // namespace fk::ui
