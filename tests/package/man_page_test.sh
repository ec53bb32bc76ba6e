#!/bin/sh
# fieldkit(1) names every command that `fieldkit --help` lists, every window option, and the
# data directories.
#   man_page_test.sh FIELDKIT MAN_SOURCE
set -eu
text=$(MANWIDTH=200 man -l "$2" 2>/dev/null | sed 's/‐/-/g')
missing=0
need() { echo "$text" | grep -Fq -- "$1" || { echo "fieldkit(1) does not mention: $1"; missing=1; }; }
commands=$("$1" --help | sed -n '/^commands:/,/^$/p' | grep -oE '^  [a-z]+( [a-z]+)?' | sed 's/^  //')
[ -n "$commands" ] || { echo "no commands in fieldkit --help"; exit 1; }
echo "$commands" | while read -r c; do echo "$text" | grep -Eq "^ +$c( |\$)" || { echo "fieldkit(1): no entry for $c"; exit 1; }; done
for o in --screenshot --open --search --screen --size --theme --scale --data-dir; do need "$o"; done
for d in FIELDKIT_DATA_DIR XDG_DATA_HOME/fieldkit .local/share/fieldkit .config/fieldkit reader.sqlite; do need "$d"; done
# Each command's options from its own --help.
echo "$commands" | while read -r c; do
    for o in $("$1" $c --help | grep -oE '^ +--[a-z-]+|\[--[a-z-]+' | tr -d ' [' | sort -u); do
        echo "$text" | grep -Fq -- "$o" || { echo "fieldkit(1): $c option $o missing"; exit 1; }
    done
done
[ "$missing" -eq 0 ]
echo "man page: $(echo "$commands" | wc -l) commands covered"
