// A small disk for full-disk tests: a tmpfs mounted in a private user and mount namespace
// (`unshare -rm`), so the test needs no privileges and leaves the machine unchanged. Where
// namespaces or mounts are not allowed (a chroot, some containers) the test is skipped,
// visibly: SkipTest prints the marker ctest counts as a skip and adds it to the report.
#pragma once

#include <string>

namespace fk::test {

// "" when `unshare -rm` can mount a tmpfs here, else the one-line reason why not.
std::string SmallDiskUnavailable();

// Shell commands (for `unshare -rm sh -c`) that mount a tmpfs of `size_mib` on `dir`.
std::string MountSmallDisk(const std::string& dir, int size_mib);
// Shell commands that fill the disk of `dir` (with `dir`/fill) until `leave_kib` KiB are left.
std::string FillDisk(const std::string& dir, int leave_kib);

// Reports the test as skipped: ctest (SKIP_REGULAR_EXPRESSION "FK_SKIPPED") counts it as
// such, and the security report lists it. `report` names the test's report file.
void SkipTest(const std::string& report, const std::string& what, const std::string& reason);

}  // namespace fk::test
