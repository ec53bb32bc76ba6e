// The files of `fieldkit pack new`: a kit.yaml and two sample articles in the shipped shapes.
#include "bundle/pack_scaffold.hpp"

#include "bundle/pack_id.hpp"

namespace fk::bundle {
namespace {

// A YAML double-quoted scalar: the title may hold quotes, colons or a leading dash.
std::string Quoted(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        if (static_cast<unsigned char>(c) < 0x20) continue;  // one line: control bytes dropped
        out += c;
    }
    return out + "\"";
}

const char* kKitTail = R"(publisher: "Replace with your name or organisation"
source_language: en

# The same phases, audiences and types as the core library, so your articles sit beside its own.
phases:
  prepare: Preparing for crisis before it comes
  protect: Prevention and protection under legal frameworks
  resilience: Keeping networks and core resources running through the shock
  mitigate: Mitigating impacts while the crisis goes on
  recover: Rebuilding and recovery

audiences:
  network-operator: Network operators
  dns-operator: DNS and registry operators
  ixp: Internet exchange point operators
  humanitarian: Humanitarian responders
  policymaker: Policymakers and regulators
  trainer: Trainers

types:
  guide: Guide
  checklist: Checklist
  case: Case study
  reference: Reference
  workshop: Workshop module
  glossary: Glossary

phase_names:
  prepare: Prepare
  protect: Protect
  resilience: Resilience
  mitigate: Mitigate
  recover: Recover
)";

const char* kSource = R"(sources:
  - title: "IXP Toolkit: Physical Infrastructure"
    publisher: Internet Society
    year: 2020
    url: http://ixptoolkit.org/content/physical-infrastructure
)";

}  // namespace

std::optional<std::string> PackIdFromTitle(std::string_view title) {
    std::string id;
    bool dash = false;
    for (char c : title) {
        const auto u = static_cast<unsigned char>(c);
        const bool alnum = (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z');
        if (!alnum) {
            dash = !id.empty();
            continue;
        }
        if (dash) id += '-';
        dash = false;
        id += static_cast<char>(u >= 'A' && u <= 'Z' ? u - 'A' + 'a' : u);
    }
    while (id.size() > kMaxPackIdLength) {
        const auto cut = id.rfind('-', kMaxPackIdLength);
        id.resize(cut == std::string::npos || cut == 0 ? kMaxPackIdLength : cut);
    }
    if (id.empty() || !IsValidPackId(id)) return std::nullopt;
    return id;
}

std::map<std::string, std::string> ScaffoldPackFiles(const std::string& pack_id, const std::string& title,
                                                     const std::string& today) {
    std::map<std::string, std::string> files;
    files["kit.yaml"] =
        "# Your pack: its identity and the labels its articles use (made by `fieldkit pack new`).\n"
        "pack: " +
        pack_id + "\ntitle: " + Quoted(title) + "\n" + kKitTail;
    const std::string guide = "sample-site-contacts", workshop = "workshop-sample-site-outage";
    files["en/" + guide + ".md"] =
        "---\nid: " + guide +
        "\ntitle: \"Sample guide: the contact sheet for each site\"\n"
        "summary: A sample article to replace with your own, kept short to show the format.\n"
        "type: guide\nphases: [prepare]\naudiences: [network-operator, ixp]\n"
        "tags: [sample, contacts, site]\nrelated: [" +
        workshop + "]\n" + kSource + "updated: " + today +
        "\n---\n\n"
        "> Sample text: replace this article with your own, or delete it. Every actionable claim needs a source "
        "in the front matter.\n\n"
        "Keep one printed contact sheet per site: who holds the keys, who can authorise work, and how to reach "
        "the power and fibre suppliers when phones are down. This is common operational practice.\n\n"
        "## What the sheet holds\n\n"
        "- [ ] Named site contact and a deputy, with two ways to reach each\n"
        "- [ ] Power supplier and generator service contacts\n"
        "- [ ] Fibre and transit suppliers' emergency numbers\n"
        "- [ ] The date the sheet was last checked\n\n"
        "The [sample workshop](" +
        workshop + ".md) practises using it.\n";
    files["en/" + workshop + ".md"] =
        "---\nid: " + workshop +
        "\ntitle: \"Sample workshop: a site loses power and contact (60 min)\"\n"
        "summary: A sample 60-minute tabletop to replace with your own, in the shape of the core library's "
        "workshop modules.\n"
        "type: workshop\nphases: [prepare, mitigate]\naudiences: [trainer, network-operator, ixp]\n"
        "tags: [sample, workshop, tabletop, exercise, power, contacts]\nrelated: [" +
        guide + "]\n" + kSource + "updated: " + today +
        "\n---\n\n"
        "> Sample text: replace this workshop with your own. Keep the sections (learning goals, agenda, scenario, "
        "injects, discussion questions, debrief checklist): the kit and its readers expect them.\n\n"
        "Run this module with NOC and site staff. Each group leaves with a checked contact sheet for one site.\n\n"
        "## Learning goals\n\n"
        "1. Find who to call for a site when the usual channels are down.\n"
        "2. Decide which site gets help first when only one crew can travel.\n\n"
        "## Agenda\n\n"
        "| Minutes | Block | Notes for the trainer |\n"
        "|---|---|---|\n"
        "| 10 | Welcome; form groups | One group per site type |\n"
        "| 30 | Tabletop with three injects | About 10 minutes per inject |\n"
        "| 10 | Plenary on discussion questions | |\n"
        "| 10 | Debrief checklist | |\n"
        "| **60** | **Total** | |\n\n"
        "## Scenario\n\n"
        "A storm cuts grid power to a regional site at night. The site's batteries last four hours; the "
        "generator does not start.\n\n"
        "## Injects\n\n"
        "| Time into exercise | What happens | What groups must decide |\n"
        "|---|---|---|\n"
        "| 0 min | The site drops off the monitoring | Who is called first, and how? |\n"
        "| 10 min | The site contact does not answer | Who is the deputy? Who may send a crew? |\n"
        "| 20 min | A second site reports the same outage | Which site gets the only crew? |\n\n"
        "## Discussion questions\n\n"
        "1. When was each site's contact sheet last checked?\n"
        "2. Which contacts work without the mobile network?\n\n"
        "## Debrief checklist\n\n"
        "- [ ] Each group checked the contact sheet of one site\n"
        "- [ ] A deputy is named for every site contact\n"
        "- [ ] A rule for which site gets the crew first was written down\n\n"
        "## Articles used\n\n"
        "- [Sample guide: the contact sheet for each site](" +
        guide + ".md)\n";
    return files;
}

}  // namespace fk::bundle
