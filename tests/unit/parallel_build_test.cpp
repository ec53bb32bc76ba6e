// A build spread over several threads gives the bytes a single thread gives: the bundle, the
// problems and their order, and a payload large enough to be compressed in several jobs.
#include <doctest/doctest.h>

#include <random>

#include "bundle/builder.hpp"
#include "bundle/zstd_codec.hpp"
#include "tests/support/sample_content.hpp"
#include "tests/support/temp_dir.hpp"

using namespace fk::bundle;

TEST_CASE("a bundle built on one thread and on several is the same bytes") {
    fk::test::TempDir dir;
    fk::test::WriteSampleContent(dir.path() / "content", 300);
    const KeyPair keys = GenerateKeyPair();
    std::string first;
    for (unsigned threads : {1u, 2u, 3u, 8u}) {
        BuildOptions options = fk::test::FixedOptions(3, 1700000000);
        options.threads = threads;
        std::vector<Problem> problems;
        auto built = BuildFromDirectory(dir.path() / "content", keys.sec, options, problems);
        REQUIRE(built.ok());
        CHECK(built->manifest.article_count == 300);
        if (first.empty()) first = built->bytes;
        CHECK_MESSAGE(built->bytes == first, threads << " threads");
    }
}

TEST_CASE("problems come in file order on any number of threads") {
    fk::test::TempDir dir;
    fk::test::WriteSampleContent(dir.path() / "content", 40);
    for (int i = 0; i < 30; i += 3)  // every third file broken in a different way
        fk::test::WriteArticle(dir.path() / "content", "en", "broken-" + std::to_string(10 + i),
                               i % 2 ? "id: broken-" + std::to_string(10 + i) + "\ntype: nosuchtype\n" : "title: [",
                               "See [x](nowhere-" + std::to_string(i) + ".md).\n");
    auto one = LoadContentDir(dir.path() / "content", 1);
    REQUIRE(one.ok());
    REQUIRE(one->problems.size() >= 10);
    for (unsigned threads : {2u, 5u}) {
        auto many = LoadContentDir(dir.path() / "content", threads);
        REQUIRE(many.ok());
        REQUIRE(many->problems.size() == one->problems.size());
        for (size_t i = 0; i < one->problems.size(); ++i)
            CHECK(FormatProblem(many->problems[i]) == FormatProblem(one->problems[i]));
        CHECK(many->content.articles.size() == one->content.articles.size());
    }
}

TEST_CASE("a payload of several compression jobs is the same bytes on any number of threads") {
    // Past 64 MiB the payload is cut into jobs compressed side by side. Words, not noise, so
    // that the matches cross the jobs' edges; level 1 keeps the test quick.
    std::mt19937 rng(7);
    const char* words[] = {"route", "origin", "fuel", "generator", "anycast", "resolver", "cable", "shutdown"};
    std::string raw;
    raw.reserve(size_t{130} << 20);
    while (raw.size() < (size_t{130} << 20)) {
        raw += words[rng() % 8];
        raw += rng() % 9 ? ' ' : '\n';
    }
    const std::string one = ZstdCompress(raw, 1, 1);
    REQUIRE(!one.empty());
    CHECK(ZstdCompress(raw, 1, 2) == one);
    CHECK(ZstdCompress(raw, 1, 3) == one);
    auto back = ZstdDecompress(one, raw.size());
    REQUIRE(back.ok());
    CHECK(*back == raw);
}
