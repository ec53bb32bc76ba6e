// Whatever a person types into search, against a small real index (built once per process).
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

#include "kit/core/content_index.hpp"
#include "kit/core/index_builder.hpp"
#include "tests/fuzz/fuzz_input.hpp"

namespace {

fk::bundle::Article Sample(const char* id, const char* title, const char* body) {
    fk::bundle::Article a;
    a.id = id;
    a.lang = "en";
    a.title = title;
    a.summary = title;
    a.type = "guide";
    a.updated = "2026-11-27";
    a.phases = {"prepare"};
    a.audiences = {"everyone"};
    a.tags = {"water", "fuel"};
    a.body = body;
    return a;
}

std::filesystem::path g_dir;

fk::core::ContentIndex& Index() {
    static std::optional<fk::core::ContentIndex> index = [] {
        char dir[] = "/tmp/fk-fuzz-search-XXXXXX";
        if (!mkdtemp(dir)) std::abort();
        g_dir = dir;
        std::atexit([] { std::filesystem::remove_all(g_dir); });
        fk::core::PackContent pack;
        pack.core = true;
        pack.manifest.pack = "fuzz";
        pack.manifest.title = "Fuzz";
        pack.content.kit = {
            "fuzz", "Fuzz", "Fuzz", {{"prepare", "Prepare"}}, {{"everyone", "Everyone"}}, {{"guide", "Guide"}}, {}, {}};
        pack.content.articles = {
            Sample("water-purification", "Water purification (WASH)", "Boil water for one minute. Chlorine tablets."),
            Sample("fuel-resupply", "Fuel resupply checklist", "- [ ] Check the generator\n- [x] Count jerrycans"),
            Sample("radio-check", "Radio check", "Call sign, signal strength, *readability*."),
        };
        // A French copy and a term list, so that queries also run the cross-language pass.
        auto french = Sample("radio-check", "Essai radio", "Indicatif, force du signal, lisibilité.");
        french.lang = "fr";
        pack.content.articles.push_back(french);
        pack.content.terms = {{"fr", {{"fuel", {"carburant", "gazole"}}, {"water", {"eau potable", "l'eau"}}}},
                              {"uk", {{"fuel", {"пальне", "дизельне паливо"}}}}};
        if (!fk::core::BuildIndex(g_dir / "index.sqlite", {pack})) std::abort();
        auto opened = fk::core::ContentIndex::Open(g_dir / "index.sqlite");
        if (!opened) std::abort();
        return std::optional<fk::core::ContentIndex>(std::move(*opened));
    }();
    return *index;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    const auto query = fk::fuzz::Bytes(data, size);
    (void)Index().Search(query, {});
    (void)Index().Search(query, {"prepare", "", "guide", "en", "", ""}, 3);
    (void)Index().Search(query, {"", "", "", "", "fr", ""}, 5);
    (void)Index().Resolve(query);
    return 0;
}
