// Builds test releases through the fieldkit binary.
#include "tests/sync/support/releases.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "tests/support/process.hpp"

namespace fk::test {
namespace fs = std::filesystem;

void EditArticles(const std::string& content_dir, int count, int seed) {
    std::vector<fs::path> files;
    for (const auto& f : fs::recursive_directory_iterator(content_dir))
        if (f.path().extension() == ".md") files.push_back(f.path());
    std::sort(files.begin(), files.end());
    std::mt19937 rng(static_cast<unsigned>(seed));
    std::shuffle(files.begin(), files.end(), rng);
    for (int i = 0; i < count && i < static_cast<int>(files.size()); ++i) {
        std::ifstream in(files[static_cast<size_t>(i)]);
        std::stringstream s;
        s << in.rdbuf();
        std::string text = s.str();
        const size_t at = text.find("\n\n", text.size() / 2);
        text.insert(at == std::string::npos ? text.size() : at,
                    "\n\nRevised in edition " + std::to_string(seed) +
                        ": confirm the fallback path and the out-of-band contact list before the next outage window.");
        std::ofstream(files[static_cast<size_t>(i)]) << text;
    }
}

Releases::Releases(int count, int edits) {
    m_pub = m_dir / "key.pub";
    m_sec = m_dir / "key.sec";
    auto r = Fieldkit(m_dir / "scratch", {"bundle", "keygen", "-W", "-p", m_pub, "-s", m_sec});
    REQUIRE(r.status == 0);
    const std::string content = m_dir / "content";
    fs::copy(FK_SOURCE_DIR "/content", content, fs::copy_options::recursive);
    {
        std::ifstream in(content + "/kit.yaml");
        std::stringstream s;
        s << in.rdbuf();
        std::string y = s.str();
        const size_t at = y.find("pack: fieldkit-core");
        REQUIRE(at != std::string::npos);
        y.replace(at, std::string("pack: fieldkit-core").size(), "pack: test-pack");
        std::ofstream(content + "/kit.yaml") << y;
    }
    for (int v = 1; v <= count; ++v) {
        if (v > 1) EditArticles(content, edits, v);
        const std::string out = m_dir / ("v" + std::to_string(v) + ".fkb");
        auto b = Fieldkit(m_dir / "scratch", {"bundle", "build", content, "-o", out, "-s", m_sec, "--version", std::to_string(v)},
                          {{"SOURCE_DATE_EPOCH", std::to_string(1700000000 + v)}});
        INFO(b.err);
        REQUIRE(b.status == 0);
        m_bundles.push_back(out);
    }
}

std::string Releases::Publish(const std::string& mirror, const std::vector<int>& versions, int delta_bases,
                              const std::string& sec) const {
    for (int v : versions) {
        auto r = Fieldkit(m_dir / "scratch", {"bundle", "publish", "--mirror", mirror, Bundle(v), "-s", sec.empty() ? m_sec : sec,
                                              "--delta-bases", std::to_string(delta_bases)});
        if (r.status != 0) return r.err;
    }
    return "";
}

std::string Releases::NewKit(const std::string& name, int version) const {
    const std::string data = m_dir / ("kit-" + name);
    auto t = Fieldkit(data, {"trust", "add", m_pub});
    REQUIRE(t.status == 0);
    if (version > 0) {
        auto i = Fieldkit(data, {"import", Bundle(version)});
        INFO(i.err);
        REQUIRE(i.status == 0);
    }
    return data;
}

int Releases::InstalledVersion(const std::string& data_dir) {
    auto r = Fieldkit(data_dir, {"status", "--json"});
    if (r.status != 0) return -1;
    auto j = nlohmann::json::parse(r.out);
    for (const auto& p : j.at("packs"))
        if (p.at("pack") == "test-pack") return p.at("version").get<int>();
    return 0;
}

}  // namespace fk::test
