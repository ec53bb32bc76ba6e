// The window with a trusted third-party pack that reuses a core article's id: the core
// article keeps its id, its links and the reader's notes and ticks; the other pack's article
// opens by its address and its own links stay inside its pack.
#include <doctest/doctest.h>

#include <fstream>

#include "bundle/builder.hpp"
#include "kit/cli/built_in.hpp"
#include "kit/ui/model.hpp"
#include "tests/support/sample_content.hpp"
#include "tests/support/temp_dir.hpp"

using fk::ui::Action;
using fk::ui::ActionType;
using fk::ui::Screen;

namespace {

constexpr const char* kCore = "fieldkit-core";
constexpr const char* kShared = "checklist-fuel-resupply";

std::unique_ptr<fk::ui::Model> OpenModel(const fk::test::TempDir& dir) {
    auto m = fk::ui::Model::Open(dir.path() / "data", fk::cli::BuiltInContent());
    REQUIRE(m.ok());
    return std::move(*m);
}

// Signs the pack `aid-notes` with a new key, trusts the key and imports the pack, as a reader
// would from the Library screen.
void InstallCollidingPack(fk::ui::Model& m, const fk::test::TempDir& dir, const std::string& core_first_task) {
    const auto content = dir.path() / "aid";
    fk::test::WriteCollidingPack(content, "aid-notes", core_first_task);
    const fk::bundle::KeyPair keys = fk::bundle::GenerateKeyPair();
    std::vector<fk::bundle::Problem> problems;
    auto built = fk::bundle::BuildFromDirectory(content, keys.sec, fk::test::FixedOptions(1, 1790000000), problems);
    REQUIRE(built.ok());
    std::ofstream(dir / "aid.pub") << fk::bundle::FormatPublicKey(keys.pub);
    std::ofstream(dir / "aid.fkb", std::ios::binary) << built->bytes;
    m.Apply(Action{ActionType::kTrustKeyFile, dir / "aid.pub"});
    REQUIRE_FALSE(m.MessageIsError());
    m.Apply(Action{ActionType::kImportFile, dir / "aid.fkb"});
    INFO(m.Message());
    REQUIRE_FALSE(m.MessageIsError());
    CHECK(m.Message().find("1 of its article ids are also in another pack") != std::string::npos);
}

}  // namespace

TEST_CASE("another pack's article with a core id takes neither its place, its links nor the reader's notes") {
    fk::test::TempDir dir;
    auto m = OpenModel(dir);
    m->Apply(Action{ActionType::kOpenArticle, kShared});
    REQUIRE(m->Article() != nullptr);
    REQUIRE(m->Article()->view.tasks.size() >= 2);
    const std::string core_title = m->Article()->view.article.title;
    const fk::core::TaskItemRef first = m->Article()->view.tasks[0];
    m->Apply(Action{ActionType::kSetTicked, first.key, 1});
    m->Apply(Action{ActionType::kSetNote, "depot key is with Amina"});

    InstallCollidingPack(*m, dir, first.text);
    auto check_core = [&](fk::ui::Model& model) {
        REQUIRE(model.Article() != nullptr);
        CHECK(model.Article()->view.pack == kCore);
        CHECK(model.Article()->view.article.title == core_title);
        CHECK(model.Article()->note == "depot key is with Amina");
        CHECK(model.Article()->ticked == std::set<std::string>{first.key});
    };

    // The bare id still opens the core article, with the reader's note and tick.
    m->Apply(Action{ActionType::kOpenArticle, "fuel-logistics"});
    m->Apply(Action{ActionType::kOpenArticle, kShared});
    check_core(*m);

    // The core's own link leads to the core article.
    m->Apply(Action{ActionType::kOpenArticle, "fuel-logistics"});
    REQUIRE(m->Article()->view.pack == kCore);
    m->Apply(Action{ActionType::kOpenLink, std::string(kShared) + ".md"});
    check_core(*m);

    // The other pack's article opens by its address; its link stays in its own pack. It sees
    // neither the note nor the tick (its first item has the same words, so the same task key).
    m->Apply(Action{ActionType::kOpenArticle, "aid-notes/own-guide"});
    REQUIRE(m->Article() != nullptr);
    CHECK(m->Article()->view.article.title == "Hostile guide");
    m->Apply(Action{ActionType::kOpenLink, std::string(kShared) + ".md"});
    REQUIRE(m->Article() != nullptr);
    CHECK(m->Article()->view.pack == "aid-notes");
    CHECK(m->Article()->view.article.title == "Hostile fuel checklist");
    REQUIRE(m->Article()->view.tasks.size() == 2);
    CHECK(m->Article()->view.tasks[0].key == first.key);
    CHECK(m->Article()->note.empty());
    CHECK(m->Article()->ticked.empty());
    // What the reader does there stays there.
    m->Apply(Action{ActionType::kSetNote, "typed in the other pack"});
    m->Apply(Action{ActionType::kSetTicked, m->Article()->view.tasks[1].key, 1});
    m->Apply(Action{ActionType::kResetChecklist});
    m->Apply(Action{ActionType::kToggleBookmark});

    // Back to the core article: nothing of it changed, also after a restart.
    m->Apply(Action{ActionType::kBack});
    m->Apply(Action{ActionType::kOpenArticle, kShared});
    check_core(*m);
    CHECK_FALSE(m->Article()->bookmarked);
    m.reset();
    auto again = OpenModel(dir);
    again->Apply(Action{ActionType::kOpenArticle, kShared});
    check_core(*again);
    again->Apply(Action{ActionType::kOpenArticle, "aid-notes/checklist-fuel-resupply"});
    REQUIRE(again->Article() != nullptr);
    CHECK(again->Article()->view.pack == "aid-notes");
    CHECK(again->Article()->note == "typed in the other pack");
    CHECK(again->Article()->bookmarked);
}

TEST_CASE("the language setting never lets another pack's translation stand in for a core article") {
    fk::test::TempDir dir;
    auto m = OpenModel(dir);
    InstallCollidingPack(*m, dir, "Count the fuel");
    m->Apply(Action{ActionType::kSetLanguage, "fr"});
    m->Apply(Action{ActionType::kOpenArticle, kShared});
    REQUIRE(m->Article() != nullptr);
    CHECK(m->Article()->view.pack == kCore);
    CHECK(m->Article()->view.article.title != "Liste hostile");
}
