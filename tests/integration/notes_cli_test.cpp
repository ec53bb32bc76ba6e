// `fieldkit notes ...` and `fieldkit status` on the real binary: passphrases from files
// (FIELDKIT_PASSPHRASE_FILE), lock state in status, wrong passphrase refused, change,
// history on, and `notes wipe` removing reader.sqlite and its companions but no pack.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "kit/core/reader_data.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

using fk::test::Fieldkit;
namespace fs = std::filesystem;

namespace {

std::string WritePass(const fk::test::TempDir& dir, const std::string& name, const std::string& text) {
    const std::string path = dir / name;
    std::ofstream(path) << text << "\n";
    return path;
}

std::string Slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("notes passphrase locks the notes, status says so, a wrong passphrase is refused") {
    fk::test::TempDir dir;
    const std::string data = dir / "data";
    {
        auto reader = fk::core::ReaderData::Open(data);
        REQUIRE(reader.ok());
        REQUIRE(reader->SaveNote("fuel-logistics", "the key is under the blue barrel").ok());
        REQUIRE(reader->SetBookmark("fuel-logistics", "Fuel logistics", true).ok());
    }
    auto status = Fieldkit(data, {"status"});
    REQUIRE(status.status == 0);
    CHECK(status.out.find("your notes: no passphrase") != std::string::npos);
    CHECK(status.out.find("history off") != std::string::npos);

    const std::string pass = WritePass(dir, "pass", "field kit 2026");
    auto set = Fieldkit(data, {"notes", "passphrase", "--cost", "interactive"}, {{"FIELDKIT_PASSPHRASE_FILE", pass}});
    INFO(set.err);
    REQUIRE(set.status == 0);
    CHECK(Slurp(fs::path(data) / "reader.sqlite").find("blue barrel") == std::string::npos);
    CHECK(Slurp(fs::path(data) / "reader.sqlite-wal").find("blue barrel") == std::string::npos);

    status = Fieldkit(data, {"status"});
    CHECK(status.out.find("Notes locked") != std::string::npos);
    auto json = nlohmann::json::parse(Fieldkit(data, {"status", "--json"}).out);
    CHECK(json["reader"]["locked"] == true);

    auto wrong = Fieldkit(data, {"notes", "list"}, {{"FIELDKIT_PASSPHRASE_FILE", WritePass(dir, "bad", "guess")}});
    CHECK(wrong.status == 1);
    CHECK(wrong.err == "fieldkit: wrong passphrase\n");
    CHECK(wrong.out.find("blue barrel") == std::string::npos);

    auto list = Fieldkit(data, {"notes", "list"}, {{"FIELDKIT_PASSPHRASE_FILE", pass}});
    INFO(list.err);
    REQUIRE(list.status == 0);
    CHECK(list.out.find("fuel-logistics: the key is under the blue barrel") != std::string::npos);
    CHECK(list.out.find("Fuel logistics") != std::string::npos);

    const std::string next = WritePass(dir, "next", "a new one");
    auto change = Fieldkit(data, {"notes", "passphrase", "--cost", "interactive"},
                           {{"FIELDKIT_PASSPHRASE_FILE", pass}, {"FIELDKIT_NEW_PASSPHRASE_FILE", next}});
    INFO(change.err);
    REQUIRE(change.status == 0);
    CHECK(Fieldkit(data, {"notes", "list"}, {{"FIELDKIT_PASSPHRASE_FILE", pass}}).status == 1);
    CHECK(Fieldkit(data, {"notes", "list", "--json"}, {{"FIELDKIT_PASSPHRASE_FILE", next}}).out.find("blue barrel") !=
          std::string::npos);

    auto remove = Fieldkit(data, {"notes", "passphrase", "--remove"}, {{"FIELDKIT_PASSPHRASE_FILE", next}});
    REQUIRE(remove.status == 0);
    CHECK(Fieldkit(data, {"notes", "list"}).out.find("blue barrel") != std::string::npos);
}

TEST_CASE("notes history on records views, notes wipe removes reader data and keeps the packs") {
    fk::test::TempDir dir;
    const std::string data = dir / "data";
    REQUIRE(Fieldkit(data, {"status"}).status == 0);  // installs the built-in pack
    auto on = Fieldkit(data, {"notes", "history", "on"});
    REQUIRE(on.status == 0);
    CHECK(Fieldkit(data, {"status"}).out.find("history on") != std::string::npos);
    CHECK(Fieldkit(data, {"notes", "history", "maybe"}).status == 2);
    {
        auto reader = fk::core::ReaderData::Open(data);
        REQUIRE(reader.ok());
        REQUIRE(reader->RecordView("fuel-logistics", "Fuel logistics").ok());
        REQUIRE(reader->SaveNote("fuel-logistics", "wipe this").ok());
    }
    CHECK(Fieldkit(data, {"notes", "list"}).out.find("Fuel logistics") != std::string::npos);

    auto refused = Fieldkit(data, {"notes", "wipe"});  // not a terminal and no --yes: nothing deleted
    CHECK(refused.status == 2);
    CHECK(fs::exists(fs::path(data) / "reader.sqlite"));

    auto wipe = Fieldkit(data, {"notes", "wipe", "--yes"});
    INFO(wipe.err);
    REQUIRE(wipe.status == 0);
    for (const char* name : {"reader.sqlite", "reader.sqlite-wal", "reader.sqlite-shm", "reader.sqlite-journal"})
        CHECK_FALSE(fs::exists(fs::path(data) / name));
    CHECK(wipe.out.find("full-disk encryption") != std::string::npos);
    CHECK(wipe.out.find("Not deleted: installed packs") != std::string::npos);
    CHECK(fs::exists(fs::path(data) / "library.json"));
    CHECK(Fieldkit(data, {"show", "fuel-logistics"}).status == 0);
}
