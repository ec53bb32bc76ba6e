// fieldkit's entry point: a subcommand runs; no arguments (or --screenshot, --present, --share) hand over to
// fieldkit-window. Only this file and the UI's run loop print and exit.
#include <algorithm>
#include <iostream>

#include "kit/cli/built_in.hpp"
#include "kit/cli/command.hpp"
#include "kit/cli/data_dir_option.hpp"
#include "platform/i18n.hpp"
#include "platform/paths.hpp"
#include "platform/programs.hpp"
#include "platform/terminal.hpp"
#include "platform/utf8_path.hpp"

namespace {

using fk::cli::Command;

void PrintOverview(const std::vector<Command>& commands) {
    // The usage lines line up under the first, whatever "usage:" is in this language.
    const std::string usage = fk::tr("usage:");
    const std::string indent(
        static_cast<size_t>(std::count_if(usage.begin(), usage.end(), [](char c) { return (c & 0xC0) != 0x80; })) + 1,
        ' ');
    std::cout << fk::tr("fieldkit: an offline field kit for keeping networks and people connected in crises.") << "\n\n"
              << usage << " fieldkit [--data-dir DIR]                  " << fk::tr("open the window") << "\n"
              << indent << "fieldkit [--data-dir DIR] COMMAND [ARGS]   " << fk::tr("run a command") << "\n"
              << indent
              << "fieldkit --screenshot FILE.png [--open ID] [--search Q] [--screen S] [--size WxH] [--theme T]\n"
              << indent << "         [--scale S] [--present ID [--page N] [--reveal N] [--notes]]\n"
              << indent << "fieldkit --present ID                      " << fk::tr("present a workshop module") << "\n"
              << indent << "fieldkit --share ADDR [--present ID [--feedback]]  "
              << fk::tr("share with the room on this address (and collect feedback)") << "\n\n"
              << fk::tr("commands:") << "\n";
    for (const auto& c : commands) {
        std::string left = "  " + c.name + " " + c.usage;
        if (left.size() < 52) left.resize(52, ' ');
        else left += "\n" + std::string(52, ' ');
        std::cout << left << fk::tr(c.summary.c_str()) << "\n";
    }
    std::cout << "\n"
              << fk::tr(
                     "Every command takes --help and --data-dir DIR (default: $FIELDKIT_DATA_DIR, else\n"
                     "$XDG_DATA_HOME/fieldkit, else ~/.local/share/fieldkit). Exit status: 0 success,\n"
                     "1 failure, 2 usage error.")
              << "\n";
}

// Hands over to fieldkit-window with the same arguments; returns only if it cannot start.
int OpenWindow(const std::optional<std::filesystem::path>& data_dir, const std::vector<std::string>& args) {
    std::vector<std::string> forwarded;
    if (data_dir) forwarded = {"--data-dir", fk::platform::Utf8FromPath(*data_dir)};
    forwarded.insert(forwarded.end(), args.begin(), args.end());
    const auto program = fk::platform::CompanionProgram("fieldkit-window");
    auto started = fk::platform::ReplaceProcess(program, forwarded);
    std::cerr << "fieldkit: " << fk::tr("cannot open the window:") << " " << started.error().detail << "\n"
              << fk::tr("The command line works without it: fieldkit --help") << "\n";
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args = fk::platform::Utf8Arguments(argc, argv);
    fk::platform::PrepareConsole();
    // The interface speaks the environment's language; --json output never changes with it.
    fk::i18n::Init(fk::i18n::LocaleDirOfExecutable());
    if (std::find(args.begin(), args.end(), "--json") != args.end()) fk::i18n::SetLanguage("en");
    fk::cli::Context ctx;
    ctx.built_in = fk::cli::BuiltInContent();
    ctx.stdout_is_tty = fk::platform::IsTerminal(fk::platform::StdStream::kOut);
    ctx.stderr_is_tty = fk::platform::IsTerminal(fk::platform::StdStream::kErr);
    ctx.data_dir = fk::platform::DefaultDataDir();

    auto data_dir = fk::cli::TakeDataDirOption(args);
    if (data_dir.error) {
        std::cerr << "fieldkit: " << *data_dir.error << "\n";
        return 2;
    }
    if (data_dir.dir) ctx.data_dir = *data_dir.dir;

    std::vector<Command> commands = fk::cli::LibraryCommands();
    for (auto& c : fk::cli::BundleCommands()) commands.push_back(std::move(c));
    for (auto& c : fk::cli::PublishCommands()) commands.push_back(std::move(c));
    for (auto& c : fk::cli::SyncCommands()) commands.push_back(std::move(c));
    for (auto& c : fk::cli::NotesCommands()) commands.push_back(std::move(c));
    for (auto& c : fk::cli::ArmorCommands()) commands.push_back(std::move(c));
    for (auto& c : fk::cli::ReportCommands()) commands.push_back(std::move(c));
    for (auto& c : fk::cli::PackCommands()) commands.push_back(std::move(c));
    for (auto& c : fk::cli::HandoutCommands()) commands.push_back(std::move(c));

    if (args.empty() || args[0] == "--screenshot" || args[0] == "--present" || args[0] == "--share")
        return OpenWindow(data_dir.dir, args);
    if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        PrintOverview(commands);
        return 0;
    }
    if (args[0] == "--version") {
        std::cout << "fieldkit " << FIELDKIT_VERSION << "\n";
        return 0;
    }

    // Longest matching command name: "bundle build" before "bundle".
    const Command* found = nullptr;
    size_t used = 0;
    for (const auto& c : commands) {
        size_t words = 1 + static_cast<size_t>(std::count(c.name.begin(), c.name.end(), ' '));
        if (words > args.size() || words <= used) continue;
        std::string joined = args[0];
        for (size_t k = 1; k < words; ++k) joined += " " + args[k];
        if (joined == c.name) {
            found = &c;
            used = words;
        }
    }
    if (!found) {
        std::string group = args[0];
        bool is_group = false;
        for (const auto& c : commands) is_group |= c.name.starts_with(group + " ");
        if (is_group) {
            std::cerr << "fieldkit: " << fk::Format(fk::tr("'{group}' needs a subcommand:"), {{"group", group}})
                      << "\n";
            for (const auto& c : commands)
                if (c.name.starts_with(group + " ")) std::cerr << "  fieldkit " << c.name << " " << c.usage << "\n";
            return 2;
        }
        std::cerr << "fieldkit: "
                  << fk::Format(fk::tr("unknown command '{command}' (see fieldkit --help)"), {{"command", args[0]}})
                  << "\n";
        return 2;
    }
    std::vector<std::string> rest(args.begin() + static_cast<long>(used), args.end());
    if (std::find(rest.begin(), rest.end(), "--help") != rest.end() ||
        std::find(rest.begin(), rest.end(), "-h") != rest.end()) {
        std::cout << fk::tr("usage:") << " fieldkit " << found->name << " " << found->usage << "\n\n"
                  << fk::tr(found->summary.c_str()) << "\n";
        if (!found->help.empty()) std::cout << "\n" << fk::tr(found->help.c_str());
        return 0;
    }
    fk::cli::Args parsed;
    if (auto err = parsed.Parse(rest, found->spec)) return fk::cli::UsageError(*found, *err);
    return found->run(ctx, parsed);
}
