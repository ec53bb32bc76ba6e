// Publisher commands: bundle lint, keygen, build, verify.
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "bundle/builder.hpp"
#include "bundle/bundle_file.hpp"
#include "bundle/root_chain.hpp"
#include "kit/cli/command.hpp"
#include "kit/cli/output.hpp"
#include "platform/files.hpp"
#include "platform/i18n.hpp"
#include "platform/terminal.hpp"
#include "platform/utf8_path.hpp"

namespace fk::cli {
namespace {
namespace fs = std::filesystem;

// "DIR/en/x.md:3: message", quoted as printing a path always did.
std::string ProblemLine(const fs::path& dir, const bundle::Problem& p) {
    std::ostringstream line;
    line << std::quoted(platform::Utf8FromPath(dir / platform::PathFromUtf8(bundle::FormatProblem(p))));
    return line.str();
}

int RunLint(Context&, const Args& a) {
    if (a.Positional().size() != 1) return Usage(tr("bundle lint needs exactly one content directory"));
    const fs::path dir = a.PathAt(0);
    auto loaded = bundle::LoadContentDir(dir);
    if (!loaded) return Fail(loaded.error().detail);
    for (const auto& p : loaded->problems) std::cout << ProblemLine(dir, p) << "\n";
    if (!loaded->problems.empty()) {
        const auto n = static_cast<unsigned long>(loaded->problems.size());
        std::cerr << Format(trn("{n} problem", "{n} problems", n), {{"n", std::to_string(n)}}) << "\n";
        return 1;
    }
    const auto articles = static_cast<unsigned long>(loaded->content.articles.size());
    std::cout << Format(trn("{n} article, no problems", "{n} articles, no problems", articles),
                        {{"n", std::to_string(articles)}})
              << "\n";
    return 0;
}

int RunKeygen(Context&, const Args& a) {
    auto pub = a.PathOption("-p"), sec = a.PathOption("-s");
    if (!pub || !sec) return Usage(tr("bundle keygen needs -p KEY.pub and -s KEY.sec"));
    for (const auto& path : {*sec, *pub}) {
        std::error_code ec;
        if (fs::symlink_status(path, ec).type() != fs::file_type::not_found)
            return Fail(Format(tr("'{file}' already exists; refusing to overwrite a key (move it away first)"),
                               {{"file", platform::Utf8FromPath(path)}}));
    }
    const bool encrypted = !a.Flag("-W");
    std::string passphrase;
    if (encrypted) {
        auto p = AskPassphrase(tr("Passphrase for the new secret key: "), true);
        if (!p) return Fail(p.error().detail);
        passphrase = std::move(*p);
    }
    auto kp = bundle::GenerateKeyPair();
    std::string text =
        encrypted ? bundle::FormatEncryptedSecretKey(kp.sec, passphrase) : bundle::FormatSecretKey(kp.sec);
    bundle::Wipe(passphrase);
    // 0600 from the first byte, O_EXCL|O_NOFOLLOW: never another file's permissions or contents.
    auto st = platform::WriteNewFile(*sec, text, "secret key", 0600);
    bundle::Wipe(text);
    if (!st) return Fail(st.error().detail);
    if (auto pst = platform::WriteNewFile(*pub, bundle::FormatPublicKey(kp.pub), "public key", 0644); !pst) {
        std::error_code ec;
        fs::remove(*sec, ec);  // ours, just made: a key pair is written whole or not at all
        return Fail(pst.error().detail);
    }
    const std::string id = bundle::KeyIdHex(kp.pub.id), pub_name = platform::Utf8FromPath(*pub),
                      sec_name = platform::Utf8FromPath(*sec);
    std::cout << (encrypted ? Format(tr("key {id}: public {public}, secret {secret} (encrypted with your passphrase)"),
                                     {{"id", id}, {"public", pub_name}, {"secret", sec_name}})
                            : Format(tr("key {id}: public {public}, secret {secret} (unencrypted: keep it offline)"),
                                     {{"id", id}, {"public", pub_name}, {"secret", sec_name}}))
              << "\n";
    return 0;
}

int RunBuild(Context&, const Args& a) {
    if (a.Positional().size() != 1) return Usage(tr("bundle build needs exactly one content directory"));
    auto out = a.PathOption("-o");
    auto sec = a.PathOption("-s");
    if (!out || !sec) return Usage(tr("bundle build needs -o FILE.fkb and -s KEY.sec"));
    auto key = LoadSecretKey(*sec);
    if (!key) return Fail(key.error().detail);
    bundle::BuildOptions opts;
    if (auto v = a.Option("--version")) {
        try {
            size_t used = 0;
            opts.version = std::stoull(*v, &used);
            if (used != v->size() || *opts.version == 0) throw std::invalid_argument(*v);
        } catch (...) {
            return Usage(Format(tr("--version must be a positive whole number, not '{value}'"), {{"value", *v}}));
        }
    }
    if (auto roots = a.PathOption("--roots")) {
        auto text = platform::ReadFile(*roots, "roots file", 1 << 20);
        if (!text) return Fail(text.error().detail);
        auto chain = bundle::RootsFromJson(*text);
        if (!chain) return Fail(platform::Utf8FromPath(*roots) + ": " + chain.error().detail);
        opts.roots = *chain;
    }
    std::vector<bundle::Problem> problems;
    const fs::path dir = a.PathAt(0);
    auto built = bundle::BuildFromDirectory(dir, *key, opts, problems);
    for (const auto& p : problems) std::cerr << ProblemLine(dir, p) << "\n";
    if (!built) return Fail(built.error().detail);
    if (auto st = bundle::WriteBundleFiles(*built, *key, *out); !st) return Fail(st.error().detail);
    const auto& m = built->manifest;
    // TRANSLATORS: {size} is the bundle's size, {content} the size of its content before compression.
    std::cout << Format(trn("built {file}: pack {pack} version {version}, {n} article, {size} (content {content}); "
                            "signature {file}.minisig",
                            "built {file}: pack {pack} version {version}, {n} articles, {size} (content {content}); "
                            "signature {file}.minisig",
                            static_cast<unsigned long>(m.article_count)),
                        {{"file", platform::Utf8FromPath(*out)},
                         {"pack", m.pack},
                         {"version", std::to_string(m.version)},
                         {"n", std::to_string(m.article_count)},
                         {"size", HumanBytes(built->bytes.size())},
                         {"content", HumanBytes(m.raw_size)}})
              << "\n";
    return 0;
}

int RunVerify(Context& ctx, const Args& a) {
    if (a.Positional().size() != 1) return Usage(tr("bundle verify needs exactly one bundle file"));
    const std::string file = a.Positional()[0];  // as given, for messages
    std::vector<bundle::PublicKey> keys;
    if (auto p = a.PathOption("-p")) {
        auto text = platform::ReadFile(*p, "public key", 4096);
        if (!text) return Fail(text.error().detail);
        auto key = bundle::ParsePublicKey(*text);
        if (!key)
            return Fail(
                Format(tr("public key '{file}': not a minisign public key"), {{"file", platform::Utf8FromPath(*p)}}));
        keys.push_back(*key);
    } else {
        auto lib = OpenLibrary(ctx);
        if (!lib) return Fail(lib.error().detail);
        keys = lib->TrustedKeys();
    }
    auto bytes = platform::ReadFile(a.PathAt(0), "bundle", bundle::kMaxRawPayloadSize + (1 << 20));
    if (!bytes) return Fail(bytes.error().detail);
    auto vb = bundle::VerifyBundle(*bytes, keys);
    if (!vb) return Fail(file + ": " + vb.error().detail + " [" + ErrorCodeName(vb.error().code) + "]");
    auto raw = bundle::OpenPayload(*vb);
    if (!raw) return Fail(file + ": " + raw.error().detail + " [" + ErrorCodeName(raw.error().code) + "]");
    const auto& m = vb->manifest;
    std::cout << Format(tr("{file}: good signature from key {key}"),
                        {{"file", file}, {"key", bundle::KeyIdHex(vb->signer.id)}})
              << "\n  "
              << Format(trn("pack {pack} version {version}, {n} article, created {time}",
                            "pack {pack} version {version}, {n} articles, created {time}",
                            static_cast<unsigned long>(m.article_count)),
                        {{"pack", m.pack},
                         {"version", std::to_string(m.version)},
                         {"n", std::to_string(m.article_count)},
                         {"time", bundle::IsoTime(m.created)}})
              << "\n";
    return 0;
}

}  // namespace

std::vector<Command> BundleCommands() {
    return {
        {"bundle lint",
         "DIR",
         N_("check a content directory against the content rules"),
         N_("Prints each problem as path:line: message and exits 1 if there are any.\n"),
         {{}, {}, {}},
         RunLint},
        {"bundle keygen",
         "-p KEY.pub -s KEY.sec [-W]",
         N_("make a publisher key pair (minisign format)"),
         N_("The secret key is encrypted with a passphrase you choose, exactly as `minisign -G` does,\n"
            "and created readable by you alone (0600); existing files are never overwritten.\n"
            "  -W, --unencrypted   no passphrase (like `minisign -G -W`), for tests and CI only\n"
            "Commands that sign ask for the passphrase on the terminal, or read the first line of the\n"
            "file named by FIELDKIT_PASSPHRASE_FILE (e.g. /dev/stdin or a file of your own).\n"),
         {{"-W"}, {"-p", "-s"}, {{"--unencrypted", "-W"}}},
         RunKeygen},
        {"bundle build",
         "DIR -o FILE.fkb -s KEY.sec [--version N] [--roots ROOTS.json]",
         N_("lint, then build and sign a bundle"),
         N_("Writes FILE.fkb (which carries its own signature) and FILE.fkb.minisig, which the stock\n"
            "`minisign -Vm FILE.fkb -p KEY.pub` accepts. --version defaults to the newest `updated`\n"
            "date of the content as YYYYMMDD; each edition of a pack needs a higher version.\n"
            "--roots ships a key-rotation chain (from `fieldkit bundle rotate`) in the manifest.\n"),
         {{}, {"-o", "-s", "--version", "--roots"}, {{"--output", "-o"}}},
         RunBuild},
        {"bundle verify",
         "FILE [-p KEY.pub]",
         N_("check a bundle's signature and integrity"),
         N_("Without -p the trusted keys are used (the built-in release key and keys added with\n"
            "`fieldkit trust add`).\n"),
         {{}, {"-p"}, {}},
         RunVerify},
    };
}

int Fail(const std::string& message) {
    std::cerr << "fieldkit: " << message << "\n";
    return 1;
}

Result<std::string> AskPassphrase(const std::string& prompt, bool twice) {
    if (const auto file = platform::PathFromEnv("FIELDKIT_PASSPHRASE_FILE")) {
        auto text = platform::ReadFile(*file, "passphrase file", 4096);
        if (!text) return text.error();
        std::string line = text->substr(0, text->find('\n'));
        bundle::Wipe(*text);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty())
            return MakeError(ErrorCode::kUsage, Format(tr("passphrase file '{file}' is empty"),
                                                       {{"file", platform::Utf8FromPath(*file)}}));
        return line;
    }
    auto first = platform::ReadSecretFromTerminal(prompt);
    if (!first)
        return MakeError(ErrorCode::kUsage, Format(tr("{error} (set FIELDKIT_PASSPHRASE_FILE to read it from a file)"),
                                                   {{"error", first.error().detail}}));
    if (first->empty()) return MakeError(ErrorCode::kUsage, tr("the passphrase is empty"));
    if (twice) {
        auto again = platform::ReadSecretFromTerminal(tr("The same passphrase again: "));
        const bool same = again && *again == *first;
        if (again) bundle::Wipe(*again);
        if (!same) {
            bundle::Wipe(*first);
            return MakeError(ErrorCode::kUsage, tr("the two passphrases differ"));
        }
    }
    return first;
}

Result<bundle::SecretKey> LoadSecretKey(const fs::path& path) {
    const std::string name = platform::Utf8FromPath(path);  // for messages
    auto text = platform::ReadFile(path, "secret key", 4096);
    if (!text) return text.error();
    std::error_code ec;
    const auto perms = fs::status(path, ec).permissions();
    if (!ec && (perms & (fs::perms::group_all | fs::perms::others_all)) != fs::perms::none)
        std::cerr << "fieldkit: "
                  << Format(tr("warning: secret key '{file}' is readable by other users; make it yours alone with: "
                               "chmod 600 '{file}'"),
                            {{"file", name}})
                  << "\n";
    std::string passphrase;
    if (bundle::IsEncryptedSecretKey(*text)) {
        auto p = AskPassphrase(Format(tr("Passphrase for secret key '{file}': "), {{"file", name}}), false);
        if (!p)
            return MakeError(p.error().code,
                             Format(tr("secret key '{file}': {error}"), {{"file", name}, {"error", p.error().detail}}));
        passphrase = std::move(*p);
    }
    auto key = bundle::ParseSecretKey(*text, passphrase);
    bundle::Wipe(passphrase);
    bundle::Wipe(*text);
    if (!key)
        return MakeError(key.error().code,
                         Format(tr("secret key '{file}': {error}"), {{"file", name}, {"error", key.error().detail}}));
    return key;
}

int Usage(const std::string& message) {
    std::cerr << "fieldkit: " << message << "\n";
    return 2;
}

int UsageError(const Command& cmd, const std::string& message) {
    std::cerr << "fieldkit " << cmd.name << ": " << message << "\n"
              << tr("usage:") << " fieldkit " << cmd.name << " " << cmd.usage << "\n";
    return 2;
}

Result<core::Library> OpenLibrary(const Context& ctx) { return core::Library::Open(ctx.data_dir, ctx.built_in); }

}  // namespace fk::cli
