// fk_reader_writer notes|ticks DATA_DIR FIRST: saves notes (or sets checklist ticks) through
// kit/core's ReaderData, write FIRST, FIRST+1, ... until killed. After each save returns it
// prints the write's number on a line of its own and flushes, so the test that kills it
// knows which saves completed. A failed save prints "error: ..." and exits 1.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "kit/core/reader_data.hpp"
#include "tests/support/reader_workload.hpp"

using namespace fk::test::workload;

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: fk_reader_writer notes|ticks DATA_DIR FIRST\n");
        return 2;
    }
    const std::string mode = argv[1];
    auto reader = fk::core::ReaderData::Open(argv[2]);
    if (!reader) {
        std::printf("error: %s\n", reader.error().detail.c_str());
        return 1;
    }
    for (long g = std::atol(argv[3]); g < (1L << 40); ++g) {
        const auto saved = mode == "notes" ? reader->SaveNote(NoteArticle(g), NoteText(g))
                                           : reader->SetTicked(TickArticle(g), TickKey(g), TickOn(g));
        if (!saved) {
            std::printf("error: %s\n", saved.error().detail.c_str());
            return 1;
        }
        std::printf("%ld\n", g);
        std::fflush(stdout);
    }
    return 0;
}
