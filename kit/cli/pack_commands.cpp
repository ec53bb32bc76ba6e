// `fieldkit pack new DIR`: a trainer's own pack in one step (kit.yaml, a key pair, a sample
// article and a sample workshop) that lint, build and publish accept unchanged.
#include <ctime>
#include <filesystem>
#include <iostream>

#include "bundle/manifest.hpp"
#include "bundle/minisign.hpp"
#include "bundle/pack_id.hpp"
#include "bundle/pack_scaffold.hpp"
#include "bundle/signer.hpp"
#include "kit/cli/command.hpp"
#include "platform/files.hpp"
#include "platform/i18n.hpp"
#include "platform/utf8_path.hpp"

namespace fk::cli {
namespace {
namespace fs = std::filesystem;

int RunPackNew(Context&, const Args& a) {
    if (a.Positional().size() != 1) return Usage(tr("pack new needs exactly one directory"));
    const fs::path dir = a.PathAt(0);
    auto title = a.Option("--title");
    if (!title || title->empty()) return Usage(tr("pack new needs --title \"TITLE\""));
    if (title->find_first_of("\r\n") != std::string::npos) return Usage(tr("--title must be one line"));
    if (auto lang = a.Option("--lang"); lang && *lang != "en")
        return Usage(Format(tr("--lang {lang}: a pack's source articles are English (en/); add translations in "
                               "DIR/{lang}/ after the English ones"),
                            {{"lang", *lang}}));
    std::string id;
    if (auto given = a.Option("--id")) {
        if (auto st = bundle::CheckPackId(*given); !st) return Usage(st.error().detail);
        id = *given;
    } else if (auto derived = bundle::PackIdFromTitle(*title)) {
        id = *derived;
    } else {
        return Usage(
            tr("the title has no Latin letters or digits to make a pack id from: give one with --id ID "
               "(lower-case letters and digits joined by dashes)"));
    }
    std::error_code ec;
    const auto status = fs::symlink_status(dir, ec);
    if (status.type() != fs::file_type::not_found) {
        if (status.type() != fs::file_type::directory)
            return Fail(Format(tr("'{dir}' exists and is not a directory; nothing written"),
                               {{"dir", platform::Utf8FromPath(dir)}}));
        if (!fs::is_empty(dir, ec) || ec)
            return Fail(Format(tr("'{dir}' is not empty; nothing written (pick a new or empty directory)"),
                               {{"dir", platform::Utf8FromPath(dir)}}));
    }
    // The passphrase first: a cancelled prompt leaves nothing behind.
    auto passphrase = AskPassphrase(tr("Passphrase for the new secret key: "), true);
    if (!passphrase) return Fail(passphrase.error().detail);

    char today[16];
    const std::time_t now = std::time(nullptr);
    std::strftime(today, sizeof today, "%Y-%m-%d", std::gmtime(&now));
    const auto files = bundle::ScaffoldPackFiles(id, *title, today);
    for (const fs::path& sub : {dir, dir / "en", dir / "keys"})
        if (auto st = platform::MakeDirs(sub, tr("pack directory")); !st) return Fail(st.error().detail);
    const fs::path pub = dir / "keys" / (id + ".pub"), sec = dir / "keys" / (id + ".sec");
    auto kp = bundle::GenerateKeyPair();
    std::string sec_text = bundle::FormatEncryptedSecretKey(kp.sec, *passphrase);
    bundle::Wipe(*passphrase);
    auto st = platform::WriteNewFile(sec, sec_text, tr("secret key"), 0600);
    bundle::Wipe(sec_text);
    if (!st) return Fail(st.error().detail);
    if (auto pst = platform::WriteNewFile(pub, bundle::FormatPublicKey(kp.pub), tr("public key"), 0644); !pst)
        return Fail(pst.error().detail);
    // Kept out of version control: the secret key never travels with the articles.
    if (auto gst = platform::WriteNewFile(dir / ".gitignore", "keys/*.sec\n", tr("pack file"), 0644); !gst)
        return Fail(gst.error().detail);
    for (const auto& [rel, text] : files)
        if (auto fst = platform::WriteNewFile(dir / rel, text, tr("pack file"), 0644); !fst)
            return Fail(fst.error().detail);

    const std::string d = platform::Utf8FromPath(dir), key_id = bundle::KeyIdHex(kp.pub.id);
    std::cout
        << Format(tr("made pack {pack} in {dir}: kit.yaml, a sample article and a sample workshop in {dir}/en/, "
                     "key {key} ({public}; secret key {secret}, encrypted with your passphrase)"),
                  {{"pack", id},
                   {"dir", d},
                   {"key", key_id},
                   {"public", platform::Utf8FromPath(pub)},
                   {"secret", platform::Utf8FromPath(sec)}})
        << "\n\n"
        << tr("Next steps:") << "\n"
        << "  "
        << tr("1. Replace the sample articles with your own (the content rules: README, Writing content), then check:")
        << "\n       fieldkit bundle lint " << d << "\n"
        << "  " << tr("2. Build and sign a bundle (asks for the passphrase):") << "\n       fieldkit bundle build " << d
        << " -o " << id << ".fkb -s " << platform::Utf8FromPath(sec) << "\n"
        << "  " << tr("3. Publish it to a mirror directory and share it on the room's network:")
        << "\n       fieldkit bundle publish --mirror " << id << "-mirror " << id << ".fkb -s "
        << platform::Utf8FromPath(sec) << "\n       fieldkit serve --dir " << id << "-mirror --bind 0.0.0.0:8765\n"
        << "  " << tr("4. On each participant's kit (give them the public key file):") << "\n       fieldkit trust add "
        << platform::Utf8FromPath(pub.filename()) << "\n       fieldkit sync --mirror http://HOST:8765/ --yes\n"
        << "  "
        << Format(tr("Keep {secret} private and backed up: whoever has it (and the passphrase) can sign as you."),
                  {{"secret", platform::Utf8FromPath(sec)}})
        << "\n";
    return 0;
}

}  // namespace

std::vector<Command> PackCommands() {
    return {
        {"pack new",
         "DIR --title \"TITLE\" [--id ID] [--lang en]",
         N_("scaffold a trainer's own pack: kit.yaml, a key pair, a sample article and workshop"),
         N_("Creates DIR (which must not exist or be empty; nothing is ever overwritten) with kit.yaml,\n"
            "a sample guide and a sample workshop in DIR/en/ (agenda, injects, debrief checklist), each\n"
            "marked as a sample to replace, and a new key pair in DIR/keys/ whose secret key is encrypted\n"
            "with a passphrase you are asked for (FIELDKIT_PASSPHRASE_FILE: its first line, for scripts).\n"
            "`fieldkit bundle lint`, `bundle build` and `bundle publish` accept the result unchanged.\n"
            "  --title \"TITLE\"  the pack's title (required)\n"
            "  --id ID          the pack id (default: made from the title): lower-case letters and digits\n"
            "                   in words joined by dashes, at most 64 characters\n"
            "  --lang en        the language of the sample articles (sources are English)\n"),
         {{}, {"--title", "--id", "--lang"}, {}},
         RunPackNew},
    };
}

}  // namespace fk::cli
