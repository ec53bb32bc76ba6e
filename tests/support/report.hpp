// Figures for the security report printed at the end of the suite. When FK_REPORT_DIR is
// set, a test replaces $FK_REPORT_DIR/<name>.tsv with one `label<TAB>number` line per figure;
// tests/report/print_report.sh sums equal labels across files. Labels read "group: detail"
// (e.g. "crash trials survived: note save"); the report totals each group.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace fk::test {

using ReportLines = std::vector<std::pair<std::string, std::uint64_t>>;

// Does nothing when FK_REPORT_DIR is unset; a failure to write is reported by doctest.
void WriteReport(const std::string& name, const ReportLines& lines);

// Trials per kind of kill -9 test: FK_KILL_TRIALS, or `fallback` when it is unset.
int KillTrials(int fallback);

}  // namespace fk::test
