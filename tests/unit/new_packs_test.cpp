// New packs from trusted publishers: which offers a release list makes, what a sync does with
// each (install, ask, list, metered refusal, "Not now"), which key may sign the bundle; and the
// scaffold of `fieldkit pack new`, pack labels of results, and ages in every language.
#include "kit/core/new_packs.hpp"

#include <doctest/doctest.h>

#include <fstream>

#include "bundle/content_loader.hpp"
#include "bundle/pack_id.hpp"
#include "bundle/pack_scaffold.hpp"
#include "bundle/root_chain.hpp"
#include "bundle/signer.hpp"
#include "kit/cli/output.hpp"
#include "kit/core/library.hpp"
#include "kit/core/pack_labels.hpp"
#include "platform/i18n.hpp"
#include "tests/support/temp_dir.hpp"

using namespace fk;

namespace {

bundle::PackRelease Release(const std::string& pack, std::uint64_t version, std::uint64_t size) {
    bundle::PackRelease r;
    r.pack = pack;
    r.title = "Trainer pack";
    r.version = version;
    r.releases.push_back({version, "raw", {"h.fkb", "h", size}});
    return r;
}

core::NewPackOffer Offer(const std::string& pack = "trainer-pack", std::uint64_t version = 3) {
    const auto kp = bundle::GenerateKeyPair();
    return *core::MakeNewPackOffer(Release(pack, version, 4096), kp.pub, "http://127.0.0.1:1/");
}

}  // namespace

TEST_CASE("a release entry becomes an offer naming its signer, and no release or a bad id offers nothing") {
    const auto kp = bundle::GenerateKeyPair();
    auto o = core::MakeNewPackOffer(Release("trainer-pack", 7, 1234), kp.pub, "http://m/");
    REQUIRE(o);
    CHECK(o->pack == "trainer-pack");
    CHECK(o->title == "Trainer pack");
    CHECK(o->version == 7);
    CHECK(o->bytes == 1234);
    CHECK(bundle::SameKey(o->signer, kp.pub));
    CHECK(o->key_id == bundle::KeyIdHex(kp.pub.id));
    CHECK(o->fingerprint.size() == 16);
    bundle::PackRelease empty = Release("trainer-pack", 7, 1);
    empty.releases.clear();
    CHECK_FALSE(core::MakeNewPackOffer(empty, kp.pub, "http://m/"));
    CHECK_FALSE(core::MakeNewPackOffer(Release("../library", 7, 1), kp.pub, "http://m/"));
    CHECK_FALSE(core::MakeNewPackOffer(Release("Trainer", 7, 1), kp.pub, "http://m/"));
    // A title is printed on the reader's terminal: no escape sequences, no endless text.
    bundle::PackRelease loud = Release("trainer-pack", 7, 1);
    loud.title = "Drill\x1b]0;owned\x07\x1b[2J\n" + std::string(300, 'x');
    auto quiet = core::MakeNewPackOffer(loud, kp.pub, "http://m/");
    REQUIRE(quiet);
    CHECK(quiet->title.find('\x1b') == std::string::npos);
    CHECK(quiet->title.find('\n') == std::string::npos);
    CHECK(quiet->title.rfind("Drill]0;owned[2J", 0) == 0);
    CHECK(quiet->title.size() <= 160);
    loud.title = std::string(159, 'x') + "\u00e9";  // the 2-byte letter would straddle the cap
    CHECK(core::MakeNewPackOffer(loud, kp.pub, "http://m/")->title == std::string(159, 'x'));
}

TEST_CASE("a new pack is installed on yes, asked on a terminal, listed otherwise, never on deltas-only") {
    using A = core::NewPackAction;
    const auto o = Offer();
    CHECK(core::DecideNewPack(o, {}) == A::kListOnly);                   // nobody to ask: list only
    CHECK(core::DecideNewPack(o, {false, true, false}) == A::kAsk);      // a terminal
    CHECK(core::DecideNewPack(o, {true, false, false}) == A::kInstall);  // --yes
    CHECK(core::DecideNewPack(o, {true, true, true}) == A::kMeteredRefused);
    CHECK(core::DecideNewPack(o, {false, true, true}) == A::kMeteredRefused);
    // "Not now" holds for that version and older; a newer version asks again.
    CHECK(core::DecideNewPack(o, {false, true, false}, {{"trainer-pack", 3}}) == A::kNotNow);
    CHECK(core::DecideNewPack(o, {false, true, false}, {{"trainer-pack", 2}}) == A::kAsk);
    CHECK(core::DecideNewPack(o, {false, true, false}, {{"other-pack", 9}}) == A::kAsk);
    CHECK(core::DecideNewPack(o, {true, false, false}, {{"trainer-pack", 3}}) == A::kInstall);  // --yes is explicit
}

TEST_CASE("the window asks about offered packs not declined at that version, and shows metered refusals") {
    using O = core::NewPackOutcome;
    std::vector<core::NewPackResult> results{{Offer("a-pack", 2), O::kOffered, {}},
                                             {Offer("b-pack", 5), O::kDeclined, {}},
                                             {Offer("c-pack", 1), O::kInstalled, {}},
                                             {Offer("d-pack", 1), O::kMeteredRefused, {}},
                                             {Offer("e-pack", 1), O::kFailed, "bad"}};
    auto waiting = core::NewPacksToAsk(results, {{"b-pack", 5}});
    REQUIRE(waiting.size() == 2);
    CHECK(waiting[0].offer.pack == "a-pack");
    CHECK(waiting[1].offer.pack == "d-pack");
    waiting = core::NewPacksToAsk(results, {{"b-pack", 4}});
    CHECK(waiting.size() == 3);
}

TEST_CASE("Not now answers are remembered per pack and version, and a damaged file asks again") {
    test::TempDir dir;
    CHECK(core::LoadDeclinedNewPacks(dir.path()).empty());
    REQUIRE(core::RememberDeclinedNewPack(dir.path(), "trainer-pack", 4));
    REQUIRE(core::RememberDeclinedNewPack(dir.path(), "trainer-pack", 3));  // never lowers it
    REQUIRE(core::RememberDeclinedNewPack(dir.path(), "other", 1));
    auto d = core::LoadDeclinedNewPacks(dir.path());
    CHECK(d.size() == 2);
    CHECK(d["trainer-pack"] == 4);
    CHECK_FALSE(core::RememberDeclinedNewPack(dir.path(), "../x", 1));
    std::ofstream(dir.path() / "sync" / "declined-new-packs.json") << "{\"../x\": 1, \"ok-pack\": \"2\", [";
    CHECK(core::LoadDeclinedNewPacks(dir.path()).empty());
    std::ofstream(dir.path() / "sync" / "declined-new-packs.json") << R"({"../x": 1, "ok-pack": 2, "n": -1})";
    d = core::LoadDeclinedNewPacks(dir.path());
    CHECK(d.size() == 1);
    CHECK(d["ok-pack"] == 2);
}

TEST_CASE("a new pack's bundle must be signed by the key that signed the list offering it") {
    const auto a = bundle::GenerateKeyPair(), b = bundle::GenerateKeyPair();
    core::ExpectedRelease expected{"trainer-pack", 3, {}, a.pub};
    CHECK(expected.CheckSigner(a.pub, {}));
    auto other = expected.CheckSigner(b.pub, {});
    REQUIRE_FALSE(other);
    CHECK(other.error().code == ErrorCode::kUnknownKey);
    CHECK(other.error().detail.find(bundle::KeyIdHex(b.pub.id)) != std::string::npos);
    // Without a named signer (an installed pack's update), the publisher binding applies instead.
    CHECK(core::ExpectedRelease{"trainer-pack", 3}.CheckSigner(b.pub, {}));
}

TEST_CASE("pack ids made from titles are valid, cut at a word, and absent for titles without Latin letters") {
    CHECK(bundle::PackIdFromTitle("Room 3: Power & Fibre \"drill\"") == "room-3-power-fibre-drill");
    CHECK(bundle::PackIdFromTitle("  --Kyiv  IXP workshop--  ") == "kyiv-ixp-workshop");
    CHECK(bundle::PackIdFromTitle("Café réseau") == "caf-r-seau");
    CHECK_FALSE(bundle::PackIdFromTitle("Київ"));
    CHECK_FALSE(bundle::PackIdFromTitle("!!!"));
    const auto longer = bundle::PackIdFromTitle(std::string(40, 'a') + " " + std::string(40, 'b'));
    REQUIRE(longer);
    CHECK(*longer == std::string(40, 'a'));
    const auto one_word = bundle::PackIdFromTitle(std::string(80, 'x'));
    REQUIRE(one_word);
    CHECK(one_word->size() == bundle::kMaxPackIdLength);
    CHECK(bundle::IsValidPackId(*one_word));
}

TEST_CASE("the scaffold of pack new passes lint unchanged, with a sample workshop in the trainers' shape") {
    test::TempDir dir;
    const auto files = bundle::ScaffoldPackFiles("room-drill", "A \"quoted\": title", "2026-12-07");
    for (const auto& [rel, text] : files) {
        std::filesystem::create_directories((dir.path() / rel).parent_path());
        std::ofstream(dir.path() / rel) << text;
    }
    auto loaded = bundle::LoadContentDir(dir.path());
    REQUIRE(loaded);
    for (const auto& p : loaded->problems) INFO(bundle::FormatProblem(p));
    CHECK(loaded->problems.empty());
    CHECK(loaded->content.kit.pack == "room-drill");
    CHECK(loaded->content.kit.title == "A \"quoted\": title");
    REQUIRE(loaded->content.articles.size() == 2);
    int workshops = 0;
    for (const auto& a : loaded->content.articles) {
        CHECK(a.body.find("Sample text: replace") != std::string::npos);
        CHECK_FALSE(a.sources.empty());
        if (a.type != "workshop") continue;
        ++workshops;
        for (const char* section : {"## Learning goals", "## Agenda", "## Scenario", "## Injects",
                                    "## Discussion questions", "## Debrief checklist", "- [ ] "})
            CHECK_MESSAGE(a.body.find(section) != std::string::npos, section);
    }
    CHECK(workshops == 1);
}

TEST_CASE("results name their pack only when several packs are installed, in a short label") {
    core::LibraryState st;
    st.packs["fieldkit-core"].title = "fieldkit core library";
    CHECK(core::PackLabels(st).empty());
    st.packs["trainer-pack"].title = "Атака на маршрутизацію: навчання для операторів мереж";
    st.packs["untitled"].title = "";
    const auto labels = core::PackLabels(st, 12);
    CHECK(labels.at("fieldkit-core") == "fieldkit co\u2026");
    CHECK(labels.at("trainer-pack") == "Атака на ма\u2026");  // characters, not bytes
    CHECK(labels.at("untitled") == "untitled");
    CHECK(core::ShortenUtf8("short", 12) == "short");
    CHECK(core::ShortenUtf8("exactly12chr", 12) == "exactly12chr");
}

TEST_CASE("ages in every interface language say 'ago' once, and never 'just now ago'") {
    // The word each language uses for "ago"; HumanAgo's text must hold it exactly once.
    const std::pair<const char*, const char*> ago[] = {
        {"en", "ago"}, {"fr", "il y a"}, {"es", "hace"}, {"uk", "тому"}, {"ar", "منذ"}};
    for (const auto& [lang, word] : ago) {
        i18n::SetLanguage(lang);
        for (std::int64_t s : {0, 1, 59, 60, 61, 119, 3599, 3600, 7200, 86399, 86400, 200000}) {
            const std::string text = cli::HumanAgo(s);
            INFO(lang, " ", s, ": ", text);
            CHECK(text.find("just now") == std::string::npos);
            const auto first = text.find(word);
            REQUIRE(first != std::string::npos);
            CHECK(text.find(word, first + 1) == std::string::npos);
        }
    }
    i18n::SetLanguage("en");
    CHECK(cli::HumanAgo(5) == "less than a minute ago");
    CHECK(cli::HumanAgo(-30) == "less than a minute ago");  // a clock set back: never "in ..." or "-1 minutes"
}
