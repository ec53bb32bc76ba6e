#include "tests/sync/support/publishers.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "platform/files.hpp"
#include "tests/support/process.hpp"
#include "tests/support/sample_content.hpp"

namespace fk::test {
namespace fs = std::filesystem;

std::string Slurp(const fs::path& path) {
    auto text = platform::ReadFile(path, "test file", 64 << 20);
    REQUIRE(text.ok());
    return *text;
}

void Spit(const fs::path& path, const std::string& bytes) {
    REQUIRE(platform::WriteFileAtomic(path, bytes, "test file").ok());
}

void BuildPack(const fs::path& dir, const std::string& pack, int edition, const fs::path& sec, std::uint64_t version,
               const fs::path& out) {
    const fs::path content = dir / ("content-" + pack + "-" + std::to_string(edition));
    if (!fs::exists(content)) WriteSampleContent(content, 3, pack, "edition" + std::string(1, static_cast<char>('a' + edition)));
    auto b = Fieldkit(dir / "scratch", {"bundle", "build", content, "-o", out, "-s", sec, "--version", std::to_string(version)},
                      {{"SOURCE_DATE_EPOCH", "1700000000"}});
    INFO(b.err);
    REQUIRE(b.status == 0);
}

std::uint64_t InstalledVersion(const fs::path& kit, const std::string& pack) {
    auto r = Fieldkit(kit, {"status", "--json"});
    REQUIRE(r.status == 0);
    const auto j = nlohmann::json::parse(r.out);
    for (const auto& p : j.at("packs"))
        if (p.at("pack") == pack) return p.at("version").get<std::uint64_t>();
    return 0;
}

bool MinisignAccepts(const fs::path& file, const fs::path& pub) {
    return Run({"minisign", "-Vm", file, "-x", file.string() + ".minisig", "-p", pub}).status == 0;
}

}  // namespace fk::test
