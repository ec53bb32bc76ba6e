// Small disks in a private mount namespace.
#include "tests/support/small_disk.hpp"

#include <doctest/doctest.h>

#include "tests/support/process.hpp"
#include "tests/support/report.hpp"
#include "tests/support/temp_dir.hpp"

namespace fk::test {

std::string SmallDiskUnavailable() {
    if (!HaveProgram("unshare")) return "unshare is not installed (util-linux)";
    TempDir dir;
    auto r = Run({"unshare", "-rm", "sh", "-c", MountSmallDisk(dir.path().string(), 1)});
    if (r.status == 0) return "";
    std::string reason = r.err.substr(0, r.err.find('\n'));
    return "no private tmpfs here: " + (reason.empty() ? "unshare -rm failed" : reason);
}

std::string MountSmallDisk(const std::string& dir, int size_mib) {
    return "mount -t tmpfs -o size=" + std::to_string(size_mib) + "m tmpfs '" + dir + "'";
}

std::string FillDisk(const std::string& dir, int leave_kib) {
    const std::string fill = "'" + dir + "/fill'";
    return "dd if=/dev/zero of=" + fill + " bs=4k count=$(( $(df -k --output=avail '" + dir + "' | tail -1) / 4 - " +
           std::to_string(leave_kib / 4) + " )) 2>/dev/null";
}

void SkipTest(const std::string& report, const std::string& what, const std::string& reason) {
    MESSAGE("FK_SKIPPED: " << what << ": " << reason);
    WriteReport(report, {{"tests skipped: " + what + " (" + reason + ")", 1}});
}

}  // namespace fk::test
