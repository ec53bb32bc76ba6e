// What every subcommand gets, and how subcommands are listed for dispatch and --help.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "kit/cli/args.hpp"
#include "kit/core/library.hpp"

namespace fk::cli {

struct Context {
    std::filesystem::path data_dir;
    core::BuiltIn built_in;
    bool stdout_is_tty = false;
    bool stderr_is_tty = false;
};

struct Command {
    std::string name;     // "search", "bundle build", "trust add"
    std::string usage;    // arguments after the name
    std::string summary;  // one line for the command list
    std::string help;     // what --help prints after the usage line
    ArgSpec spec;
    int (*run)(Context& ctx, const Args& args);
};

std::vector<Command> LibraryCommands();
std::vector<Command> BundleCommands();
std::vector<Command> PublishCommands();  // publish_commands.cpp
std::vector<Command> SyncCommands();     // sync_commands.cpp
std::vector<Command> NotesCommands();    // notes_commands.cpp
std::vector<Command> ArmorCommands();    // armor_commands.cpp
std::vector<Command> ReportCommands();   // report_commands.cpp
std::vector<Command> PackCommands();     // pack_commands.cpp
std::vector<Command> HandoutCommands();  // handout_commands.cpp

// `fieldkit import` of several inputs, standard input (`-`) or text files holding armored parts.
int ImportInputs(Context& ctx, const Args& args);

// The reader's own data as `fieldkit status` reports it.
struct ReaderStatus {
    bool locked = false;   // a passphrase is set (the command line never holds it)
    bool history = false;  // history is being recorded
    std::string line;      // one line for people
};
ReaderStatus GetReaderStatus(const Context& ctx);

// Prints "fieldkit: message" to stderr and returns 1 (exit status of a failed command).
int Fail(const std::string& message);
// Prints "fieldkit: message" to stderr and returns 2 (wrong or missing arguments).
int Usage(const std::string& message);
// Prints a usage error with the command's usage line and returns 2.
int UsageError(const Command& cmd, const std::string& message);

// A passphrase: the first line of the file named by FIELDKIT_PASSPHRASE_FILE if that is set,
// otherwise asked on the terminal without echo (`twice` to confirm a new one).
Result<std::string> AskPassphrase(const std::string& prompt, bool twice);

// Reads a publisher's secret key file (minisign format, encrypted or not), warning on stderr
// when other users can read it and asking for the passphrase of an encrypted one.
Result<bundle::SecretKey> LoadSecretKey(const std::filesystem::path& path);

// Opens the library in ctx.data_dir, installing the built-in pack on first use.
Result<core::Library> OpenLibrary(const Context& ctx);

}  // namespace fk::cli
