// The reader's privacy: the unlock prompt (Home, the notes panel, Settings) and the Settings
// sections for the passphrase, history and "wipe my data".
#include <imgui.h>
#include <imgui_stdlib.h>

#include "kit/core/reader_wipe.hpp"
#include "kit/ui/bidi.hpp"
#include "kit/ui/screens.hpp"
#include "platform/passphrase.hpp"

namespace fk::ui {
namespace {

void Heading(ViewState& view, const char* text) {
    DrawHeading(view.fonts.h2, text);
}

void ErrorText(const ViewState& view, const std::string& text) {
    if (text.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, view.palette.error);
    DrawText(text);
    ImGui::PopStyleColor();
}

bool PassphraseBox(const char* id, const char* hint, std::string& buffer, ViewState& view) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    bool enter = ImGui::InputTextWithHint(id, hint, &buffer,
                                          ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    view.Record(std::string("pass:") + (id + 2));
    return enter;
}

// The action takes the passphrase; the boxes forget it.
void Send(ActionType type, ViewState& view, ActionQueue& out, std::string text, std::string arg = {}) {
    out.push_back({type, std::move(text), 0, std::move(arg)});
    platform::WipeString(view.pass_current);
    platform::WipeString(view.pass_new);
    platform::WipeString(view.pass_again);
}

// New passphrase twice; true when both boxes agree and are not empty.
bool NewPassphraseBoxes(ViewState& view) {
    PassphraseBox("##new", L("New passphrase"), view.pass_new, view);
    // TRANSLATORS: hint in the box where the new passphrase is typed a second time.
    PassphraseBox("##again", L("The same again"), view.pass_again, view);
    const bool same = view.pass_new == view.pass_again;
    if (!same && !view.pass_again.empty()) ErrorText(view, tr("The two passphrases differ."));
    return same && !view.pass_new.empty();
}

void DrawPassphrase(const Model& model, ViewState& view, ActionQueue& out) {
    Heading(view, L("Lock your notes"));
    ImGui::PushFont(view.fonts.bold);
    switch (model.Lock()) {
        case core::LockState::kNoPassphrase:
            DrawText(tr("No passphrase: notes, bookmarks and history are stored in plain text on this disk."));
            break;
        case core::LockState::kLocked:
            DrawText(tr("Locked: the key is not in memory."));
            break;
        case core::LockState::kUnlocked:
            DrawText(tr("Unlocked: notes, bookmarks and history are encrypted on disk and open in this window."));
            break;
    }
    ImGui::PopFont();
    DrawMuted(view,
              tr("With a passphrase, notes, bookmarks and history are encrypted (Argon2id and XChaCha20-Poly1305). "
                 "Not encrypted: checklist ticks and settings (theme, text size, language, \"I am a ...\"), so "
                 "checklists work for whoever holds the laptop. A forgotten passphrase cannot be recovered."));
    switch (model.Lock()) {
        case core::LockState::kLocked:
            DrawUnlockPrompt(model, view, out, "settings");
            return;
        case core::LockState::kNoPassphrase: {
            const bool ready = NewPassphraseBoxes(view);
            ImGui::BeginDisabled(!ready);
            if (ImGui::Button(L("Set passphrase"))) Send(ActionType::kSetPassphrase, view, out, view.pass_new);
            view.Record("set-passphrase");
            ImGui::EndDisabled();
            break;
        }
        case core::LockState::kUnlocked: {
            if (ImGui::Button(L("Lock now"))) Send(ActionType::kLockNow, view, out, {});
            view.Record("lock-now");
            ImGui::Spacing();
            PassphraseBox("##current", L("Current passphrase"), view.pass_current, view);
            const bool ready = NewPassphraseBoxes(view);
            ImGui::BeginDisabled(!ready || view.pass_current.empty());
            if (ImGui::Button(L("Change passphrase")))
                Send(ActionType::kChangePassphrase, view, out, view.pass_new, view.pass_current);
            view.Record("change-passphrase");
            ImGui::EndDisabled();
            ImGui::SameLine();
            ImGui::BeginDisabled(view.pass_current.empty());
            if (ImGui::Button(L("Remove passphrase")))
                Send(ActionType::kRemovePassphrase, view, out, view.pass_current);
            view.Record("remove-passphrase");
            ImGui::EndDisabled();
            break;
        }
    }
    ErrorText(view, model.PassphraseError());
}

void DrawHistory(const Model& model, ViewState& view, ActionQueue& out) {
    Heading(view, L("History"));
    bool on = model.HistoryOn();
    if (ImGui::Checkbox(L("Keep a list of the articles I open (Recently viewed)"), &on))
        out.push_back({ActionType::kSetHistory, {}, on ? 1 : 0});
    view.Record("history");
    DrawMuted(view, tr("Off unless you turn it on. Turning it off deletes the list. Nothing is recorded while notes "
                       "are locked."));
}

void DrawWipe(ViewState& view, ActionQueue& out) {
    Heading(view, L("Wipe my data"));
    DrawMuted(view, std::string(tr("Deletes reader.sqlite: notes, bookmarks, history, checklist ticks, settings and "
                                   "the passphrase.")) +
                        " " + core::WipeCaveats());
    if (!view.confirm_wipe) {
        if (ImGui::Button(L("Wipe my data..."))) view.confirm_wipe = true;
        view.Record("wipe");
        return;
    }
    ErrorText(view, tr("Delete all of it for good? This cannot be undone."));
    if (ImGui::Button(L("Yes, delete my data"))) {
        out.push_back({ActionType::kWipeData});
        view.confirm_wipe = false;
    }
    view.Record("wipe-confirm");
    ImGui::SameLine();
    if (ImGui::Button(L("Cancel"))) view.confirm_wipe = false;
}

}  // namespace

void DrawUnlockPrompt(const Model& model, ViewState& view, ActionQueue& out, const char* where) {
    ImGui::PushID(where);
    ImGui::PushFont(view.fonts.bold);
    ImGui::TextUnformatted(L("Notes locked"));
    ImGui::PopFont();
    DrawMuted(view, tr("Notes, bookmarks and history are encrypted. Enter your passphrase to open them."));
    bool enter = PassphraseBox("##unlock", L("Passphrase"), view.pass_current, view);
    ImGui::SameLine();
    bool click = ImGui::Button(L("Unlock"));
    view.Record(std::string("unlock:") + where);
    if ((enter || click) && !view.pass_current.empty()) Send(ActionType::kUnlock, view, out, view.pass_current);
    ErrorText(view, model.PassphraseError());
    ImGui::PopID();
}

void DrawPrivacySettings(const Model& model, ViewState& view, ActionQueue& out) {
    DrawPassphrase(model, view, out);
    ImGui::Spacing();
    DrawHistory(model, view, out);
    ImGui::Spacing();
    DrawWipe(view, out);
}

}  // namespace fk::ui
