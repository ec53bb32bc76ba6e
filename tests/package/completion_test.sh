#!/bin/bash
# The bash completion offers commands, subcommands, options and article addresses from
# the real binary's library (a fresh data directory: the built-in pack).
#   completion_test.sh FIELDKIT COMPLETION_SCRIPT
set -eu
fieldkit=$1
source "$2"
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
"$fieldkit" --data-dir "$data" status >/dev/null
complete_line() {
    COMP_WORDS=("$fieldkit" --data-dir "$data" "$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=()
    _fieldkit
    echo "${COMPREPLY[*]}"
}
expect() {  # expect WANTED WORDS...: WANTED is among the completions
    local want=$1; shift
    local got; got=" $(complete_line "$@") "
    [[ $got == *" $want "* ]] || { echo "completing '$*': wanted $want, got:$got"; exit 1; }
}
expect search se
expect serve se
expect rotate bundle ro
expect passphrase notes pa
expect fuel-logistics show fuel-lo
expect fuel-logistics --open fuel-lo
expect recover search --phase re
expect --format show --fo
expect report rep
expect send report se
expect outdated report new fuel-logistics --kind out
[[ $(complete_line show zzz-no-such) == "" ]] || { echo "completed an id that does not exist"; exit 1; }
echo "completion: commands, options and article ids complete"
