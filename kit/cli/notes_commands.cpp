// The reader's own data from the command line: list notes, bookmarks and history; set,
// change or remove the passphrase; turn history on or off; wipe it all.
#include <iostream>
#include <nlohmann/json.hpp>

#include "kit/cli/command.hpp"
#include "kit/core/reader_data.hpp"
#include "kit/core/reader_wipe.hpp"
#include "platform/files.hpp"
#include "platform/i18n.hpp"
#include "platform/passphrase.hpp"
#include "platform/utf8_path.hpp"

namespace fk::cli {
namespace {

using nlohmann::json;

// A passphrase held for one command and wiped when it ends.
struct Secret {
    std::string text;
    ~Secret() { platform::WipeString(text); }
};

// From the file named by `env` (its first line) when set, else from the terminal.
Result<Secret> AskPassphrase(const char* env, const std::string& prompt, bool confirm) {
    Secret s;
    if (const auto file = platform::PathFromEnv(env)) {
        auto text = platform::ReadFile(*file, "passphrase file", 4096);
        if (!text) return text.error();
        s.text = text->substr(0, text->find('\n'));
        platform::WipeString(*text);
        if (!s.text.empty() && s.text.back() == '\r') s.text.pop_back();
    } else {
        auto typed = platform::ReadPassphrase(prompt);
        if (!typed)
            return MakeError(typed.error().code, Format(tr("{error} (or set {variable})"),
                                                        {{"error", typed.error().detail}, {"variable", env}}));
        s.text = std::move(*typed);
        if (confirm) {
            auto again = platform::ReadPassphrase(tr("Type it again: "));
            if (!again) return again.error();
            const bool same = *again == s.text;
            platform::WipeString(*again);
            if (!same) return MakeError(ErrorCode::kUsage, tr("the two passphrases differ; nothing changed"));
        }
    }
    if (s.text.empty()) return MakeError(ErrorCode::kUsage, tr("the passphrase is empty"));
    return s;
}

Result<core::ReaderData> OpenReader(const Context& ctx) {
    return core::ReaderData::Open(ctx.data_dir);
}

// Unlocks for this command only; a no-op without a passphrase.
Status UnlockForCommand(core::ReaderData& reader) {
    if (reader.GetLockState() != core::LockState::kLocked) return Ok{};
    auto pass = AskPassphrase("FIELDKIT_PASSPHRASE_FILE", tr("Passphrase for your notes: "), false);
    if (!pass) return pass.error();
    return reader.Unlock(pass->text);
}

int RunNotesList(Context& ctx, const Args& a) {
    auto reader = OpenReader(ctx);
    if (!reader) return Fail(reader.error().detail);
    if (auto st = UnlockForCommand(*reader); !st) return Fail(st.error().detail);
    auto verified = reader->VerifyRows();
    if (!verified)
        std::cerr << "fieldkit: " << Format(tr("warning: {error}"), {{"error", verified.error().detail}}) << "\n";
    auto bookmarks = reader->Bookmarks();
    auto recent = reader->Recent(core::ReaderData::kHistoryLimit);
    auto notes = reader->Notes();
    if (a.Flag("--json")) {
        auto saved = [](const std::vector<core::SavedArticle>& list) {
            json arr = json::array();
            for (const auto& s : list) arr.push_back({{"id", s.id}, {"title", s.title}, {"at", s.at}});
            return arr;
        };
        json jn = json::array();
        for (const auto& n : notes) jn.push_back({{"id", n.id}, {"note", n.title}, {"at", n.at}});
        std::cout << json{{"bookmarks", saved(bookmarks)},
                          {"notes", jn},
                          {"history", saved(recent)},
                          {"history_on", reader->HistoryEnabled()}}
                         .dump(2)
                  << "\n";
        return 0;
    }
    std::cout << (bookmarks.empty() ? tr("bookmarks: none") : tr("bookmarks:")) << "\n";
    for (const auto& b : bookmarks) std::cout << "  " << b.id << "  " << b.title << "\n";
    std::cout << (notes.empty() ? tr("notes: none") : tr("notes:")) << "\n";
    for (const auto& n : notes) std::cout << "  " << n.id << ": " << n.title << "\n";
    if (!reader->HistoryEnabled()) {
        std::cout << tr("history: off (turn it on with: fieldkit notes history on)") << "\n";
        return 0;
    }
    std::cout << (recent.empty() ? tr("history: none") : tr("history:")) << "\n";
    for (const auto& r : recent) std::cout << "  " << r.id << "  " << r.title << "\n";
    return 0;
}

int RunNotesPassphrase(Context& ctx, const Args& a) {
    const auto cost = core::KdfCost::Named(a.OptionOr("--cost", "moderate"));
    if (!cost) return Usage(tr("--cost must be interactive, moderate or sensitive"));
    auto reader = OpenReader(ctx);
    if (!reader) return Fail(reader.error().detail);
    const bool has = reader->GetLockState() != core::LockState::kNoPassphrase;
    if (a.Flag("--remove")) {
        if (!has) return Fail(tr("no passphrase is set"));
        auto current = AskPassphrase("FIELDKIT_PASSPHRASE_FILE", tr("Current passphrase: "), false);
        if (!current) return Fail(current.error().detail);
        if (auto st = reader->RemovePassphrase(current->text); !st) return Fail(st.error().detail);
        std::cout << tr("passphrase removed: notes, bookmarks and history are now stored in plain text") << "\n";
        return 0;
    }
    if (!has) {
        auto next = AskPassphrase("FIELDKIT_PASSPHRASE_FILE", tr("New passphrase for your notes: "), true);
        if (!next) return Fail(next.error().detail);
        if (auto st = reader->SetPassphrase(next->text, *cost); !st) return Fail(st.error().detail);
        std::cout << tr("notes, bookmarks and history are now encrypted with your passphrase; it cannot be "
                        "recovered if you forget it")
                  << "\n";
        return 0;
    }
    auto current = AskPassphrase("FIELDKIT_PASSPHRASE_FILE", tr("Current passphrase: "), false);
    if (!current) return Fail(current.error().detail);
    auto next = AskPassphrase("FIELDKIT_NEW_PASSPHRASE_FILE", tr("New passphrase: "), true);
    if (!next) return Fail(next.error().detail);
    if (auto st = reader->ChangePassphrase(current->text, next->text, *cost); !st) return Fail(st.error().detail);
    std::cout << tr("passphrase changed: everything was re-encrypted under a new key") << "\n";
    return 0;
}

int RunNotesHistory(Context& ctx, const Args& a) {
    if (a.Positional().size() != 1 || (a.Positional()[0] != "on" && a.Positional()[0] != "off"))
        return Usage(tr("notes history needs 'on' or 'off'"));
    auto reader = OpenReader(ctx);
    if (!reader) return Fail(reader.error().detail);
    const bool on = a.Positional()[0] == "on";
    if (auto st = reader->SetHistoryEnabled(on); !st) return Fail(st.error().detail);
    std::cout << (on ? tr("history on: articles you open are listed under Recently viewed")
                     : tr("history off: the history kept so far was deleted"))
              << "\n";
    return 0;
}

int RunNotesWipe(Context& ctx, const Args& a) {
    if (!a.Flag("--yes")) {
        if (!ctx.stdout_is_tty) return Usage(tr("notes wipe deletes your notes for good; add --yes to confirm"));
        // TRANSLATORS: the answer is compared with the English word: keep 'wipe' as it is.
        std::cout << tr("Delete your notes, bookmarks, history, checklist ticks and settings for good? "
                        "Type 'wipe' to confirm: ")
                  << std::flush;
        std::string answer;
        if (!std::getline(std::cin, answer) || answer != "wipe") {
            std::cout << tr("nothing deleted") << "\n";
            return 1;
        }
    }
    auto report = core::WipeReaderData(ctx.data_dir);
    if (!report) return Fail(report.error().detail);
    if (report->removed.empty())
        std::cout << Format(tr("there was no reader data in {dir}"), {{"dir", platform::Utf8FromPath(ctx.data_dir)}})
                  << "\n";
    for (const auto& name : report->removed)
        std::cout << Format(tr("deleted {file}"), {{"file", platform::Utf8FromPath(ctx.data_dir / name)}}) << "\n";
    std::cout << core::WipeCaveats() << "\n";
    return 0;
}

}  // namespace

ReaderStatus GetReaderStatus(const Context& ctx) {
    ReaderStatus rs;
    auto reader = OpenReader(ctx);
    if (!reader) {
        rs.line = Format(tr("your notes: {error}"), {{"error", reader.error().detail}});
        return rs;
    }
    rs.locked = reader->GetLockState() != core::LockState::kNoPassphrase;
    rs.history = reader->HistoryEnabled();
    if (rs.locked && rs.history)
        rs.line =
            tr("your notes: Notes locked: notes, bookmarks and history are encrypted (`fieldkit notes list` "
               "asks for the passphrase); history on");
    else if (rs.locked)
        rs.line =
            tr("your notes: Notes locked: notes, bookmarks and history are encrypted (`fieldkit notes list` "
               "asks for the passphrase); history off");
    else if (rs.history)
        rs.line =
            tr("your notes: no passphrase: notes, bookmarks and history are stored in plain text (lock them "
               "with `fieldkit notes passphrase`); history on");
    else
        rs.line =
            tr("your notes: no passphrase: notes, bookmarks and history are stored in plain text (lock them "
               "with `fieldkit notes passphrase`); history off");
    return rs;
}

std::vector<Command> NotesCommands() {
    return {
        {"notes list",
         "[--json]",
         N_("print your bookmarks, notes and history (asks the passphrase if set)"),
         N_("Scripts and tests can give passphrases in files instead of the terminal (first line):\n"
            "  FIELDKIT_PASSPHRASE_FILE       the current passphrase (or the new one when none is set)\n"
            "  FIELDKIT_NEW_PASSPHRASE_FILE   the new passphrase when changing it\n"
            "The command line never stays unlocked: each command asks and forgets when it ends.\n"),
         {{"--json"}, {}, {}},
         RunNotesList},
        {"notes passphrase",
         "[--cost interactive|moderate|sensitive] [--remove]",
         N_("lock your notes, bookmarks and history with a passphrase (or change or remove it)"),
         N_("Encrypts notes, bookmarks and history (XChaCha20-Poly1305 under a key wrapped with Argon2id).\n"
            "Checklist ticks and settings are not encrypted. A forgotten passphrase cannot be recovered.\n"
            "  --cost C    Argon2id cost: interactive (64 MiB, for old laptops), moderate (256 MiB,\n"
            "              default) or sensitive (1 GiB)\n"
            "  --remove    decrypt everything and store it in plain text again\n"
            "Scripts and tests can give passphrases in files instead of the terminal (first line):\n"
            "  FIELDKIT_PASSPHRASE_FILE       the current passphrase (or the new one when none is set)\n"
            "  FIELDKIT_NEW_PASSPHRASE_FILE   the new passphrase when changing it\n"
            "The command line never stays unlocked: each command asks and forgets when it ends.\n"),
         {{"--remove"}, {"--cost"}, {}},
         RunNotesPassphrase},
        {"notes history",
         "on|off",
         N_("keep a list of articles you open (off by default; off deletes it)"),
         "",
         {{}, {}, {}},
         RunNotesHistory},
        {"notes wipe",
         "[--yes]",
         N_("delete your notes, bookmarks, history, ticks and settings (wipe my data)"),
         N_("Overwrites reader.sqlite and its -wal, -shm and -journal files, then deletes them. On SSDs and\n"
            "flash the old blocks may survive; full-disk encryption is the real protection. Installed packs\n"
            "and trusted keys are kept. Without --yes it asks on the terminal.\n"),
         {{"--yes"}, {}, {}},
         RunNotesWipe},
    };
}

}  // namespace fk::cli
