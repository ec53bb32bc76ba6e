// JSON-lines encoding of Content (nlohmann::json sorts object keys, so output is canonical).
#include "bundle/records.hpp"

#include <nlohmann/json.hpp>

#include "bundle/json_int.hpp"
#include "bundle/parallel.hpp"
#include "platform/i18n.hpp"

namespace fk::bundle {
namespace {

using nlohmann::json;

json LabelsToJson(const Labels& labels) {
    json arr = json::array();
    for (const auto& [key, label] : labels) arr.push_back({key, label});
    return arr;
}

Labels LabelsFromJson(const json& arr) {
    Labels out;
    for (const auto& pair : arr) out.emplace_back(pair.at(0).get<std::string>(), pair.at(1).get<std::string>());
    return out;
}

}  // namespace

std::string EncodeRecords(const Content& content, unsigned threads) {
    std::string out;
    const Taxonomy& k = content.kit;
    json head = {{"record", "kit"},
                 {"pack", k.pack},
                 {"title", k.title},
                 {"publisher", k.publisher},
                 {"phases", LabelsToJson(k.phases)},
                 {"audiences", LabelsToJson(k.audiences)},
                 {"types", LabelsToJson(k.types)}};
    if (!k.phase_names.empty()) head["phase_names"] = LabelsToJson(k.phase_names);
    if (!k.translations.empty()) {
        json translations = json::object();
        for (const auto& [lang, t] : k.translations)
            translations[lang] = {{"phase_names", LabelsToJson(t.phase_names)},
                                  {"phases", LabelsToJson(t.phases)},
                                  {"audiences", LabelsToJson(t.audiences)},
                                  {"types", LabelsToJson(t.types)}};
        head["translations"] = std::move(translations);
    }
    // In the kit record, whose unknown keys older readers ignore; only when there are any, so
    // a pack without a term list keeps the bytes it always had.
    if (!content.terms.empty()) {
        json terms = json::object();
        for (const TermList& list : content.terms) {
            json entries = json::array();
            for (const auto& e : list.entries) entries.push_back({e.term, e.equivalents});
            terms[list.lang] = std::move(entries);
        }
        head["terms"] = std::move(terms);
    }
    out += head.dump(-1, ' ', false, json::error_handler_t::replace);
    out += '\n';
    std::vector<std::string> lines(content.articles.size());
    ParallelFor(lines.size(), threads, [&](size_t i) {
        const Article& a = content.articles[i];
        json sources = json::array();
        for (const auto& s : a.sources)
            sources.push_back({{"title", s.title}, {"publisher", s.publisher}, {"year", s.year}, {"url", s.url}});
        json rec = {{"record", "article"}, {"id", a.id},         {"lang", a.lang},
                    {"title", a.title},    {"summary", a.summary}, {"type", a.type},
                    {"status", a.status},  {"updated", a.updated}, {"phases", a.phases},
                    {"audiences", a.audiences}, {"tags", a.tags}, {"related", a.related},
                    {"sources", sources},  {"body", a.body}};
        if (!a.translation_of.empty()) rec["translation_of"] = a.translation_of;
        if (!a.source_updated.empty()) rec["source_updated"] = a.source_updated;
        lines[i] = rec.dump(-1, ' ', false, json::error_handler_t::replace);
        lines[i] += '\n';
    });
    size_t size = out.size();
    for (const auto& l : lines) size += l.size();
    out.reserve(size);
    for (const auto& l : lines) out += l;
    return out;
}

Result<Content> DecodeRecords(std::string_view records) {
    Content c;
    auto st = DecodeRecordsEach(records, c, [&](Article&& a) -> Status {
        c.articles.push_back(std::move(a));
        return Ok{};
    });
    if (!st) return st.error();
    return c;
}

Status DecodeRecordsEach(std::string_view records, Content& head, const std::function<Status(Article&&)>& on_article) {
    Content& c = head;
    size_t line_no = 0;
    try {
        while (!records.empty()) {
            size_t nl = records.find('\n');
            if (nl == std::string_view::npos)
                return MakeError(ErrorCode::kCorrupt, tr("record stream does not end with a newline"));
            json rec = json::parse(records.substr(0, nl));
            records.remove_prefix(nl + 1);
            ++line_no;
            const std::string kind = rec.at("record").get<std::string>();
            if (line_no == 1) {
                if (kind != "kit")
                    return MakeError(ErrorCode::kCorrupt, tr("record stream does not start with the kit record"));
                c.kit.pack = rec.at("pack").get<std::string>();
                c.kit.title = rec.at("title").get<std::string>();
                c.kit.publisher = rec.at("publisher").get<std::string>();
                c.kit.phases = LabelsFromJson(rec.at("phases"));
                c.kit.audiences = LabelsFromJson(rec.at("audiences"));
                c.kit.types = LabelsFromJson(rec.at("types"));
                if (rec.contains("phase_names")) c.kit.phase_names = LabelsFromJson(rec.at("phase_names"));
                if (rec.contains("translations"))
                    for (const auto& [lang, t] : rec.at("translations").items())
                        c.kit.translations[lang] = {LabelsFromJson(t.at("phase_names")), LabelsFromJson(t.at("phases")),
                                                    LabelsFromJson(t.at("audiences")), LabelsFromJson(t.at("types"))};
                if (rec.contains("terms"))
                    for (const auto& [lang, entries] : rec.at("terms").items()) {
                        TermList list{lang, {}};
                        for (const auto& e : entries)
                            list.entries.push_back({e.at(0).get<std::string>(), e.at(1).get<std::vector<std::string>>()});
                        c.terms.push_back(std::move(list));
                    }
                continue;
            }
            if (kind != "article")
                return MakeError(ErrorCode::kCorrupt, Format(tr("unknown record kind '{kind}'"), {{"kind", kind}}));
            Article a;
            a.id = rec.at("id").get<std::string>();
            a.lang = rec.at("lang").get<std::string>();
            a.title = rec.at("title").get<std::string>();
            a.summary = rec.at("summary").get<std::string>();
            a.type = rec.at("type").get<std::string>();
            a.status = rec.at("status").get<std::string>();
            a.updated = rec.at("updated").get<std::string>();
            a.phases = rec.at("phases").get<std::vector<std::string>>();
            a.audiences = rec.at("audiences").get<std::vector<std::string>>();
            a.tags = rec.at("tags").get<std::vector<std::string>>();
            a.related = rec.at("related").get<std::vector<std::string>>();
            for (const auto& s : rec.at("sources"))
                a.sources.push_back({s.at("title").get<std::string>(), s.at("publisher").get<std::string>(),
                                     JsonInt<int>(s, "year"), s.at("url").get<std::string>()});
            a.translation_of = rec.value("translation_of", std::string());
            a.source_updated = rec.value("source_updated", std::string());
            a.body = rec.at("body").get<std::string>();
            if (auto st = on_article(std::move(a)); !st) return st;
        }
    } catch (const json::exception& e) {
        return MakeError(ErrorCode::kCorrupt, Format(tr("record {number} is malformed: {reason}"),
                                                     {{"number", std::to_string(line_no + 1)}, {"reason", e.what()}}));
    }
    if (line_no == 0) return MakeError(ErrorCode::kCorrupt, tr("record stream is empty"));
    return Ok{};
}

}  // namespace fk::bundle
