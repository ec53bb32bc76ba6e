// Report files for tests/report/print_report.sh.
#include "tests/support/report.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace fk::test {

void WriteReport(const std::string& name, const ReportLines& lines) {
    const char* dir = std::getenv("FK_REPORT_DIR");
    if (!dir || !*dir) return;
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(dir, ec);
    const fs::path target = fs::path(dir) / (name + ".tsv");
    const fs::path temp = fs::path(dir) / (name + ".tsv.part");
    {
        std::ofstream out(temp, std::ios::trunc);
        for (const auto& [label, number] : lines) out << label << '\t' << number << '\n';
        CHECK_MESSAGE(out.good(), "cannot write " << temp);
    }
    fs::rename(temp, target, ec);
    CHECK_MESSAGE(!ec, "cannot write " << target << ": " << ec.message());
}

int KillTrials(int fallback) {
    const char* t = std::getenv("FK_KILL_TRIALS");
    return t && *t ? std::max(1, std::atoi(t)) : fallback;
}

}  // namespace fk::test
