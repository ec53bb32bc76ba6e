// Command-line parser implementation.
#include "kit/cli/args.hpp"

#include "platform/i18n.hpp"
#include "platform/utf8_path.hpp"

namespace fk::cli {

std::optional<std::string> Args::Parse(const std::vector<std::string>& argv, const ArgSpec& spec) {
    bool only_positional = false;
    for (size_t i = 0; i < argv.size(); ++i) {
        std::string a = argv[i];
        if (only_positional || a.size() < 2 || a[0] != '-') {
            m_positional.push_back(a);
            continue;
        }
        if (a == "--") {
            only_positional = true;
            continue;
        }
        std::optional<std::string> inline_value;
        if (size_t eq = a.find('='); a.starts_with("--") && eq != std::string::npos) {
            inline_value = a.substr(eq + 1);
            a = a.substr(0, eq);
        }
        if (auto al = spec.aliases.find(a); al != spec.aliases.end()) a = al->second;
        if (spec.flags.count(a)) {
            if (inline_value) return Format(tr("option {option} takes no value"), {{"option", a}});
            m_flags.insert(a);
        } else if (spec.options.count(a)) {
            if (inline_value) {
                m_options.emplace(a, *inline_value);
            } else {
                if (i + 1 >= argv.size()) return Format(tr("option {option} needs a value"), {{"option", a}});
                m_options.emplace(a, argv[++i]);
            }
        } else {
            return Format(tr("unknown option {option}"), {{"option", a}});
        }
    }
    return std::nullopt;
}

std::optional<std::string> Args::Option(const std::string& name) const {
    auto range = m_options.equal_range(name);
    if (range.first == range.second) return std::nullopt;
    return std::prev(range.second)->second;  // the last one wins
}

std::string Args::OptionOr(const std::string& name, const std::string& fallback) const {
    return Option(name).value_or(fallback);
}

std::vector<std::string> Args::All(const std::string& name) const {
    std::vector<std::string> out;
    auto range = m_options.equal_range(name);
    for (auto it = range.first; it != range.second; ++it) out.push_back(it->second);
    return out;
}

std::optional<std::filesystem::path> Args::PathOption(const std::string& name) const {
    auto value = Option(name);
    if (!value) return std::nullopt;
    return platform::PathFromUtf8(*value);
}

std::filesystem::path Args::PathAt(size_t i) const {
    return platform::PathFromUtf8(m_positional.at(i));
}

std::vector<std::filesystem::path> Args::PathPositionals(size_t from) const {
    std::vector<std::filesystem::path> out;
    for (size_t i = from; i < m_positional.size(); ++i) out.push_back(platform::PathFromUtf8(m_positional[i]));
    return out;
}

}  // namespace fk::cli
