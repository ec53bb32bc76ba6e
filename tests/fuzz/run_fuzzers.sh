#!/bin/sh
# Builds the libFuzzer targets (clang, into ./build-fuzz) and fuzzes each for FK_FUZZ_SECONDS
# (default 20) starting from its seed corpus in tests/fuzz/corpus/<target>/.
#   tests/fuzz/run_fuzzers.sh [TARGET...]        every target, or only those named
#   FK_FUZZ_SECONDS=14400 tests/fuzz/run_fuzzers.sh bundle_reader     four hours on one target
# New inputs the fuzzer finds go to build-fuzz/corpus/<target>/ (the tree's seeds stay as they
# are). A crash, leak, timeout or out-of-memory input is copied into the target's seed corpus as
# a regression input (commit it with the fix: the normal build replays it as a test) and the
# run fails. With FK_REPORT_DIR set, each target adds "fuzz executions: <target>" to the report.
set -eu
cd "$(dirname "$0")/../.."
seconds=${FK_FUZZ_SECONDS:-20}
jobs=$(nproc 2>/dev/null || echo 2)

CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFIELDKIT_FUZZ=ON >/dev/null
cmake --build build-fuzz -j "$jobs" --target fuzz_targets

targets=${*:-$(ls tests/fuzz/corpus)}

fuzz_one() {  # fuzz_one TARGET: fuzzes it, keeps what it found, prints one verdict line
    target=$1
    seeds=tests/fuzz/corpus/$target
    work=build-fuzz/corpus/$target
    found=build-fuzz/found/$target
    log=build-fuzz/logs/$target.log
    mkdir -p "$work" "$found" build-fuzz/logs
    # The first directory receives new inputs; the seeds are only read.
    result=ok
    ./build-fuzz/tests/fuzz/fuzz_"$target" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
        -artifact_prefix="$found/" -print_final_stats=1 "$work" "$seeds" >"$log" 2>&1 || result=failed
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    if [ -n "${FK_REPORT_DIR:-}" ] && [ -n "$runs" ]; then
        mkdir -p "$FK_REPORT_DIR"
        printf 'fuzz executions: %s\t%s\n' "$target" "$runs" >"$FK_REPORT_DIR/fuzz-$target.tsv"
    fi
    for input in "$found"/*; do
        [ -f "$input" ] || continue
        cp "$input" "$seeds/"
        echo "$target: kept $(basename "$input") in $seeds/ as a regression input"
        result=failed
    done
    rm -f "$found"/*
    if [ "$result" = ok ]; then
        echo "$target: ${runs:-?} executions in ${seconds}s, no crash"
    else
        echo "$target: FAILED (log: $log)"
        grep -m 3 -E 'ERROR|runtime error|SUMMARY' "$log" | sed 's/^/    /' || true
    fi
    [ "$result" = ok ]
}

# One worker per core, each taking every jobs-th target: the run takes half the time on two.
run_share() {
    k=$1 i=0 rc=0
    for target in $targets; do
        if [ $((i % jobs)) -eq "$k" ]; then fuzz_one "$target" || rc=1; fi
        i=$((i + 1))
    done
    return $rc
}
status=0
pids=
k=0
while [ "$k" -lt "$jobs" ]; do
    run_share "$k" &
    pids="$pids $!"
    k=$((k + 1))
done
for pid in $pids; do wait "$pid" || status=1; done
exit "$status"
