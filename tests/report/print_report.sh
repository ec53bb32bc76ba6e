#!/bin/sh
# Prints the security report from the figures the tests wrote: print_report.sh DIR.
# Each DIR/*.tsv holds `label<TAB>number` lines; equal labels are summed across files.
# A label "group: detail" is totalled by group, with its details after the total.
set -eu
dir=${1:?usage: print_report.sh DIR}
set -- "$dir"/*.tsv
if [ ! -e "$1" ]; then
    echo "Security report: no figures in $dir (run the tests with FK_REPORT_DIR=$dir)"
    exit 0
fi
awk -F '\t' 'NF == 2 && $2 ~ /^[0-9]+$/ { sum[$1] += $2 }
    END { for (l in sum) { g = l; d = ""; i = index(l, ": ")
                           if (i) { g = substr(l, 1, i - 1); d = substr(l, i + 2) }
                           printf "%s\t%s\t%.0f\n", g, d, sum[l] } }' "$@" |
sort -t "$(printf '\t')" -k1,1 -k2,2 |
awk -F '\t' -v files="$#" '
    function flush(   line, sep, item, i) {
        if (group == "") return
        line = sprintf("  %-27s %12.0f", group ":", total); sep = "  ("
        for (i = 1; i <= n; i++) {  # details after the total, wrapped between items
            item = detail[i] (i < n ? "," : ")")
            if (i > 1 && length(line) + length(sep) + length(item) > 110) { print line; line = sprintf("%42s", ""); }
            line = line sep item; sep = " "
        }
        print line }
    BEGIN { print "Security report (" files " files):" }
    $1 != group { flush(); group = $1; total = 0; n = 0 }
    { total += $3; if ($2 != "") detail[++n] = $2 " " $3 }
    END { flush() }'
