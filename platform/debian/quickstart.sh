#!/bin/sh
# One-step set-up for a Debian 12 machine: installs what is missing (apt-get, as root),
# builds everything into ./build, then either opens the kit or runs the whole test suite.
#   platform/debian/quickstart.sh run     build and open the window (built-in content)
#   platform/debian/quickstart.sh test    build and run every test through ctest
set -eu
cd "$(dirname "$0")/../.."
mode=${1:-run}
case "$mode" in run|test) ;; *) echo "usage: $0 run|test" >&2; exit 2 ;; esac

packages=$(grep -v '^#' platform/debian/packages.txt)
missing=$(for p in $packages; do dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'ok installed' || echo "$p"; done)
if [ -n "$missing" ]; then
    echo "installing: $(echo $missing)"
    if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFIELDKIT_WERROR=ON >/dev/null
cmake --build build -j "$jobs"

if [ "$mode" = test ]; then
    # Tests leave their figures (fuzz, crash trials, flipped bytes) here for the closing report.
    rm -rf build/report
    status=0
    FK_REPORT_DIR="$PWD/build/report" ctest --test-dir build --output-on-failure -j "$jobs" || status=$?
    sh tests/report/print_report.sh build/report
    exit "$status"
fi
exec ./build/fieldkit
