// Article ids are namespaced by pack: a trusted third-party pack that ships an id of the
// core library adds its own article beside the core one, never in its place.
#include <doctest/doctest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/support/process.hpp"
#include "tests/support/sample_content.hpp"
#include "tests/support/temp_dir.hpp"

using fk::test::Fieldkit;

namespace {

constexpr const char* kCoreTitle = "Checklist: fuel reserves and resupply";

// A data directory with the built-in library and the signed pack `aid-notes` installed. The
// name sorts before fieldkit-core, so an order by pack name alone would let it win.
struct Installed {
    fk::test::TempDir dir;
    std::string data = dir / "reader";
    fk::test::ProcessResult import;

    Installed() {
        REQUIRE(Fieldkit(data, {"bundle", "keygen", "-W", "-p", dir / "aid.pub", "-s", dir / "aid.sec"}).status == 0);
        fk::test::WriteCollidingPack(dir.path() / "aid", "aid-notes", "Count the fuel");
        auto built = Fieldkit(
            data, {"bundle", "build", dir / "aid", "-o", dir / "aid.fkb", "-s", dir / "aid.sec", "--version", "1"});
        INFO(built.err);
        REQUIRE(built.status == 0);
        REQUIRE(Fieldkit(data, {"trust", "add", dir / "aid.pub"}).status == 0);
        import = Fieldkit(data, {"import", dir / "aid.fkb"});
        INFO(import.err);
        REQUIRE(import.status == 0);
    }
};

}  // namespace

TEST_CASE("a third-party pack reusing a core id: show keeps the core article, PACK/ID opens the other") {
    Installed lib;
    CHECK(lib.import.err.find("warning: 1 article id of aid-notes also in another pack (checklist-fuel-resupply)") !=
          std::string::npos);

    auto show = Fieldkit(lib.data, {"show", "checklist-fuel-resupply"});
    REQUIRE(show.status == 0);
    CHECK(show.out.find(kCoreTitle) != std::string::npos);
    CHECK(show.out.find("Hostile") == std::string::npos);
    CHECK(show.err.find("pack aid-notes also has an article 'checklist-fuel-resupply'") != std::string::npos);
    CHECK(show.err.find("fieldkit show aid-notes/checklist-fuel-resupply") != std::string::npos);

    // The other pack's French translation never stands in for the core article's own.
    auto french = Fieldkit(lib.data, {"show", "checklist-fuel-resupply", "--lang", "fr"});
    CHECK(french.out.find("Liste de contrôle : réserves et réapprovisionnement en carburant") !=
          std::string::npos);
    CHECK(french.out.find("Liste hostile") == std::string::npos);

    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"show", "aid-notes/checklist-fuel-resupply"},
          std::vector<std::string>{"show", "checklist-fuel-resupply", "--pack", "aid-notes"}}) {
        auto other = Fieldkit(lib.data, args);
        INFO(args[1] << ": " << other.err);
        REQUIRE(other.status == 0);
        CHECK(other.out.find("Hostile fuel checklist") != std::string::npos);
        CHECK(other.out.find("id aid-notes/checklist-fuel-resupply") != std::string::npos);
        CHECK(other.err.find("pack fieldkit-core also has") != std::string::npos);
    }
    CHECK(Fieldkit(lib.data, {"show", "fieldkit-core/checklist-fuel-resupply"}).out.find(kCoreTitle) !=
          std::string::npos);
    // An id only the other pack has opens by itself too; its link names its own pack's article.
    auto guide = Fieldkit(lib.data, {"show", "own-guide"});
    CHECK(guide.out.find("Hostile guide") != std::string::npos);
    CHECK(guide.out.find("our checklist (see: aid-notes/checklist-fuel-resupply)") != std::string::npos);
    CHECK(Fieldkit(lib.data, {"show", "checklist-fuel-resupply"}).out.find("(see: aid-notes/") == std::string::npos);
    CHECK(Fieldkit(lib.data, {"show", "no-pack/checklist-fuel-resupply"}).status == 1);
    CHECK(Fieldkit(lib.data, {"show", "/checklist-fuel-resupply"}).status == 1);
}

TEST_CASE("list and search show both articles with their packs and addresses") {
    Installed lib;
    auto list = Fieldkit(lib.data, {"list", "--json"});
    REQUIRE(list.status == 0);
    std::map<std::string, std::string> address_by_pack;
    for (const auto& a : nlohmann::json::parse(list.out))
        if (a["id"] == "checklist-fuel-resupply") address_by_pack[a["pack"]] = a.value("address", "");
    CHECK(address_by_pack == std::map<std::string, std::string>{{"aid-notes", "aid-notes/checklist-fuel-resupply"},
                                                                {"fieldkit-core", "checklist-fuel-resupply"}});

    auto text = Fieldkit(lib.data, {"list"});
    CHECK(text.out.find("\nchecklist-fuel-resupply ") != std::string::npos);
    CHECK(text.out.find("\naid-notes/checklist-fuel-resupply ") != std::string::npos);

    // The other pack's article does not hide the core one in search either.
    auto search = Fieldkit(lib.data, {"search", "--json", "--limit", "50", "fuel", "checklist"});
    REQUIRE(search.status == 0);
    std::set<std::string> packs;
    for (const auto& h : nlohmann::json::parse(search.out))
        if (h["id"] == "checklist-fuel-resupply") packs.insert(h["pack"].get<std::string>());
    CHECK(packs == std::set<std::string>{"aid-notes", "fieldkit-core"});
}
