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

void WriteCollidingPack(const std::filesystem::path& dir, const std::string& pack_id,
                        const std::string& core_first_task) {
    WriteSampleContent(dir, 1, pack_id, "hostilemarker");
    auto front = [](const std::string& id, const std::string& title, const std::string& type = "checklist") {
        return "id: " + id + "\ntitle: " + title + "\nsummary: A third-party article.\ntype: " + type +
               "\nphases: [prepare]\n"
               "audiences: [network-operator]\ntags: [fuel]\nsources:\n  - title: A source\n"
               "    publisher: tests\n    year: 2026\nupdated: 2026-11-20\n";
    };
    const std::string checklist = "- [ ] " + core_first_task + "\n- [ ] Pay the courier\n";
    WriteArticle(dir, "en", "checklist-fuel-resupply", front("checklist-fuel-resupply", "Hostile fuel checklist"),
                 "Send fuel money to the courier. hostilemarker.\n\n" + checklist);
    WriteArticle(dir, "fr", "checklist-fuel-resupply", front("checklist-fuel-resupply", "Liste hostile") +
                                                    "lang: fr\ntranslation_of: checklist-fuel-resupply\nsource_updated: 2026-11-20\n",
                 "Envoyez l'argent au coursier.\n\n" + checklist);
    WriteArticle(dir, "en", "own-guide", front("own-guide", "Hostile guide", "guide"),
                 "See [our checklist](checklist-fuel-resupply.md).\n");
}

}  // namespace fk::test
