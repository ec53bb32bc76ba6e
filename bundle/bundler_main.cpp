// Build-time tool: turns content/ into the default bundle that the fieldkit binary embeds.
// Usage: fieldkit-bundler CONTENT_DIR OUT_DIR  (writes default.fkb and default.pub)
#include <cstdio>
#include <filesystem>
#include <string>

#include "bundle/builder.hpp"
#include "platform/files.hpp"
#include "platform/i18n.hpp"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "%s\n", fk::tr("usage: fieldkit-bundler CONTENT_DIR OUT_DIR"));
        return 2;
    }
    const std::filesystem::path out_dir = argv[2];
    if (auto st = fk::platform::MakeDirs(out_dir, fk::tr("output directory")); !st) {
        std::fprintf(stderr, "fieldkit-bundler: %s\n", st.error().detail.c_str());
        return 1;
    }
    const auto keys = fk::bundle::GenerateKeyPair();
    std::vector<fk::bundle::Problem> problems;
    auto built = fk::bundle::BuildFromDirectory(argv[1], keys.sec, {}, problems);
    for (const auto& p : problems) std::fprintf(stderr, "%s\n", fk::bundle::FormatProblem(p).c_str());
    if (!built) {
        std::fprintf(stderr, "fieldkit-bundler: %s\n", built.error().detail.c_str());
        return 1;
    }
    auto st = fk::bundle::WriteBundleFiles(*built, keys.sec, out_dir / "default.fkb");
    if (st)
        st = fk::platform::WriteFileAtomic(out_dir / "default.pub", fk::bundle::FormatPublicKey(keys.pub),
                                           fk::tr("public key"));
    if (!st) {
        std::fprintf(stderr, "fieldkit-bundler: %s\n", st.error().detail.c_str());
        return 1;
    }
    const unsigned long articles = static_cast<unsigned long>(built->manifest.article_count);
    std::printf("%s\n", fk::Format(fk::trn("default bundle: {n} article, {bytes} bytes",
                                           "default bundle: {n} articles, {bytes} bytes", articles),
                                   {{"n", std::to_string(articles)}, {"bytes", std::to_string(built->bytes.size())}})
                            .c_str());
    return 0;
}
