// Term list reading and the required-term check (see term_list.hpp).
#include "bundle/term_list.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <set>

#include "platform/files.hpp"
#include "platform/i18n.hpp"

namespace fk::bundle {
namespace {

constexpr size_t kMaxTermFileBytes = 1 << 20;
constexpr size_t kMaxTermBytes = 200;
constexpr size_t kMaxEquivalents = 16;

std::string AsciiLower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

bool AllDigits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool PlainTerm(const std::string& s) {
    return !s.empty() && s.size() <= kMaxTermBytes && s.find_first_of("\n\r\t") == std::string::npos;
}

}  // namespace

TermList ReadTermList(const std::filesystem::path& file, const std::string& rel, const std::string& lang,
                      std::vector<Problem>& problems) {
    TermList list{lang, {}};
    auto text = platform::ReadFile(file, tr("term list"), kMaxTermFileBytes);
    if (!text) {
        problems.push_back({rel, 0, text.error().detail});
        return list;
    }
    YAML::Node root;
    try {
        root = YAML::Load(*text);
    } catch (const YAML::Exception& e) {
        problems.push_back(
            {rel, std::max(e.mark.line + 1, 1), Format(tr("not valid YAML: {reason}"), {{"reason", e.msg}})});
        return list;
    }
    if (root.IsNull()) return list;
    if (!root.IsMap()) {
        problems.push_back({rel, 1, tr("must map each English term to a list of equivalents")});
        return list;
    }
    std::set<std::string> seen;
    for (const auto& kv : root) {
        const int line = kv.first.Mark().line + 1;
        if (!kv.first.IsScalar() || !PlainTerm(kv.first.as<std::string>())) {
            problems.push_back({rel, line, tr("each key must be one English term on one line")});
            continue;
        }
        TermEntry entry{AsciiLower(kv.first.as<std::string>()), {}};
        if (!seen.insert(entry.term).second)
            problems.push_back({rel, line, Format(tr("'{term}' is listed twice"), {{"term", entry.term}})});
        if (!kv.second.IsSequence() || kv.second.size() == 0 || kv.second.size() > kMaxEquivalents) {
            problems.push_back(
                {rel, line, Format(tr("'{term}' needs a list of 1 to 16 equivalents"), {{"term", entry.term}})});
            continue;
        }
        for (const auto& eq : kv.second) {
            if (!eq.IsScalar() || !PlainTerm(eq.as<std::string>())) {
                problems.push_back(
                    {rel, eq.Mark().line + 1,
                     Format(tr("'{term}': each equivalent is a term on one line"), {{"term", entry.term}})});
                continue;
            }
            entry.equivalents.push_back(eq.as<std::string>());
        }
        list.entries.push_back(std::move(entry));
    }
    std::sort(list.entries.begin(), list.entries.end(),
              [](const TermEntry& x, const TermEntry& y) { return x.term < y.term; });
    return list;
}

std::vector<RequiredTerm> RequiredTerms(const Content& content) {
    std::vector<RequiredTerm> out;
    std::set<std::string> have;
    auto add = [&](std::string term, std::string why) {
        term = AsciiLower(std::move(term));
        if (!AllDigits(term) && have.insert(term).second) out.push_back({std::move(term), std::move(why)});
    };
    auto spaced = [](std::string key) {
        std::replace(key.begin(), key.end(), '-', ' ');
        return key;
    };
    // TRANSLATORS: why a term must be in a translation's term list: it is a phase (an
    // audience, a glossary term) of the content.
    for (const auto& [key, label] : content.kit.phases) add(spaced(key), tr("phase"));
    for (const auto& [key, label] : content.kit.audiences) add(spaced(key), tr("audience"));
    std::map<std::string, int> tag_count;
    for (const Article& a : content.articles) {
        if (a.lang != "en" || a.status != "current") continue;
        std::set<std::string> tags;
        for (const auto& t : a.tags) tags.insert(AsciiLower(t));
        for (const auto& t : tags) ++tag_count[t];
        // A glossary entry's title is "TERM — meaning"; the index article lists them all.
        if (a.type == "glossary" && a.id != "glossary")
            add(a.title.substr(0, a.title.find(" \u2014 ")), tr("glossary term"));
    }
    for (const auto& [tag, n] : tag_count)
        if (n >= kCommonTagArticles)
            add(tag, Format(trn("tag on {n} article", "tag on {n} articles", static_cast<unsigned long>(n)),
                            {{"n", std::to_string(n)}}));
    return out;
}

void CheckTermLists(const Content& content, std::vector<Problem>& problems) {
    if (content.terms.empty()) return;
    const std::vector<RequiredTerm> required = RequiredTerms(content);
    for (const TermList& list : content.terms) {
        std::set<std::string> listed;
        for (const auto& e : list.entries) listed.insert(e.term);
        for (const auto& r : required)
            if (!listed.count(r.term))
                problems.push_back({list.lang + "/terms.yaml", 0,
                                    // TRANSLATORS: {lang} is a language code ("fr"), {why} says where the term comes from
                                    // ("phase", "tag on 5 articles").
                                    Format(tr("no {lang} translation of '{term}' ({why})"),
                                           {{"lang", list.lang}, {"term", r.term}, {"why", r.why}})});
    }
}

}  // namespace fk::bundle
