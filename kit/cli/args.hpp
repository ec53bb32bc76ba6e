// A small command-line parser: positionals, `--name value`, `--name=value`, `-x value`
// and flags. Unknown options are usage errors, reported by name.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace fk::cli {

struct ArgSpec {
    std::set<std::string> flags;    // e.g. "--json"
    std::set<std::string> options;  // take a value, e.g. "--limit", "-p"
    std::map<std::string, std::string> aliases;  // "-o" -> "--output"
};

class Args {
public:
    // Returns an error message on a usage error.
    std::optional<std::string> Parse(const std::vector<std::string>& argv, const ArgSpec& spec);

    bool Flag(const std::string& name) const { return m_flags.count(name) > 0; }
    std::optional<std::string> Option(const std::string& name) const;
    std::string OptionOr(const std::string& name, const std::string& fallback) const;
    std::vector<std::string> All(const std::string& name) const;  // repeated options
    const std::vector<std::string>& Positional() const { return m_positional; }

    // Arguments that name files or directories. The text is UTF-8 (the Windows entry point
    // converts it); these make it a path without the C locale, which would mangle non-ASCII
    // names on Windows. On POSIX the path holds the same bytes.
    std::optional<std::filesystem::path> PathOption(const std::string& name) const;
    std::filesystem::path PathAt(size_t i) const;  // Positional()[i]; i must be in range
    std::vector<std::filesystem::path> PathPositionals(size_t from = 0) const;

private:
    std::set<std::string> m_flags;
    std::multimap<std::string, std::string> m_options;
    std::vector<std::string> m_positional;
};

}  // namespace fk::cli
