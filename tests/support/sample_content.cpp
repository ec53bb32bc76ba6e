// Sample content for tests.
#include "tests/support/sample_content.hpp"

#include <fstream>

namespace fk::test {

void WriteArticle(const std::filesystem::path& dir, const std::string& lang, const std::string& id,
                  const std::string& front_matter, const std::string& body) {
    std::filesystem::create_directories(dir / lang);
    std::ofstream(dir / lang / (id + ".md")) << "---\n" << front_matter << "---\n" << body;
}

void WriteSampleContent(const std::filesystem::path& dir, int count, const std::string& pack_id,
                        const std::string& marker) {
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "kit.yaml") << "pack: " << pack_id << "\ntitle: Test pack\npublisher: tests\n"
                                    << "phases:\n  prepare: Prepare\n  mitigate: Mitigate\n"
                                    << "audiences:\n  network-operator: Operators\n  humanitarian: Humanitarians\n"
                                    << "types:\n  guide: Guide\n  checklist: Checklist\n  glossary: Glossary\n";
    for (int i = 1; i <= count; ++i) {
        const std::string id = "article-" + std::to_string(i);
        const std::string next = "article-" + std::to_string(i % count + 1);
        WriteArticle(dir, "en", id,
                     "id: " + id + "\ntitle: Generator fuel plan " + std::to_string(i) +
                         "\nsummary: How to keep generator number " + std::to_string(i) +
                         " running.\ntype: checklist\nphases: [prepare]\naudiences: [network-operator]\n"
                         "tags: [genset, fuel, rpki, resource public key infrastructure]\nrelated: [" + next +
                         "]\nsources:\n  - title: \"RFC 2182: Selection and Operation of Secondary DNS Servers\"\n"
                         "    publisher: IETF\n    year: 1997\n    url: https://www.rfc-editor.org/rfc/rfc2182\n"
                         "updated: 2026-11-2" + std::to_string(i % 8) + "\n",
                     "Keep diesel for 72 hours. " + marker + ".\n\n- [ ] Check the tank of site " +
                         std::to_string(i) + "\n- [ ] Call the fuel supplier\n\nSee [the next plan](" + next +
                         ".md).\n\n| site | hours |\n|---|---|\n| core | 72 |\n");
    }
}

}  // namespace fk::test
