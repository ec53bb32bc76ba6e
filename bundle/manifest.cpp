// Manifest JSON (canonical: sorted keys, no spaces) and the hash/time helpers it uses.
#include "bundle/manifest.hpp"

#include <sodium.h>

#include <ctime>
#include <nlohmann/json.hpp>

#include "bundle/json_int.hpp"
#include "bundle/pack_id.hpp"
#include "platform/i18n.hpp"
#include "platform/utc_time.hpp"

namespace fk::bundle {

std::string HashHex(std::string_view data) {
    unsigned char h[32];
    crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(data.data()), data.size(), nullptr, 0);
    char hex[65];
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    return hex;
}

std::string IsoTime(std::int64_t t) {
    std::time_t tt = static_cast<std::time_t>(t);
    const std::tm tm = platform::UtcTime(tt);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string ManifestToJson(const Manifest& m) {
    nlohmann::json j = {{"format", m.format},
                        {"pack", m.pack},
                        {"title", m.title},
                        {"publisher", m.publisher},
                        {"version", m.version},
                        {"created", m.created},
                        {"languages", m.languages},
                        {"article_count", m.article_count},
                        {"compression", m.compression},
                        {"payload_hash", m.payload_hash},
                        {"payload_size", m.payload_size},
                        {"raw_hash", m.raw_hash},
                        {"raw_size", m.raw_size}};
    if (!m.roots.empty()) {
        // Older readers ignore keys they do not know, so bundles with a chain still open there.
        nlohmann::json roots = nlohmann::json::array();
        for (const auto& r : m.roots)
            roots.push_back({{"root", r.root}, {"key", r.key}, {"previous", r.previous},
                             {"sig_previous", r.sig_previous}, {"sig_key", r.sig_key}});
        j["roots"] = roots;
    }
    return j.dump();
}

Result<Manifest> ManifestFromJson(std::string_view text) {
    try {
        auto j = nlohmann::json::parse(text);
        Manifest m;
        m.format = JsonInt<int>(j, "format");
        m.pack = j.at("pack").get<std::string>();
        if (auto st = CheckPackId(m.pack); !st) return st.error();  // it becomes a file name
        m.title = j.at("title").get<std::string>();
        m.publisher = j.at("publisher").get<std::string>();
        m.version = JsonInt<std::uint64_t>(j, "version");
        m.created = JsonInt<std::int64_t>(j, "created");
        m.languages = j.at("languages").get<std::vector<std::string>>();
        m.article_count = JsonInt<std::uint64_t>(j, "article_count");
        m.compression = j.at("compression").get<std::string>();
        m.payload_hash = j.at("payload_hash").get<std::string>();
        m.payload_size = JsonInt<std::uint64_t>(j, "payload_size");
        m.raw_hash = j.at("raw_hash").get<std::string>();
        m.raw_size = JsonInt<std::uint64_t>(j, "raw_size");
        if (j.contains("roots"))
            for (const auto& r : j.at("roots"))
                m.roots.push_back(RootLink{JsonInt<std::uint64_t>(r, "root"), r.at("key").get<std::string>(),
                                           r.at("previous").get<std::string>(), r.at("sig_previous").get<std::string>(),
                                           r.at("sig_key").get<std::string>()});
        return m;
    } catch (const nlohmann::json::exception& e) {
        return MakeError(ErrorCode::kCorrupt, Format(tr("manifest is malformed: {reason}"), {{"reason", e.what()}}));
    }
}

}  // namespace fk::bundle
