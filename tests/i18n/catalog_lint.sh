#!/bin/sh
# Lint of the interface's message catalogs (issue 15), with gettext's own tools:
#  1. every message the code marks (tr, trn, N_, L) is in every catalog, translated and not fuzzy;
#  2. every translation has the same {placeholders} as its English message;
#  3. no literal a person reads reaches a drawing or printing call unmarked.
# usage: catalog_lint.sh SOURCE_DIR   (exit 1 with one line per problem)
set -eu
src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
status=0

find kit bundle platform -name '*.cpp' -o -name '*.hpp' | sort >"$tmp/files"
xgettext --language=C++ --from-code=UTF-8 --keyword=tr --keyword=trn:1,2 --keyword=N_ --keyword=L \
    --force-po -f "$tmp/files" -o "$tmp/fieldkit.pot"
count=$(( $(grep -c "^msgid " "$tmp/fieldkit.pot" || true) - 1 ))
echo "catalog lint: $count messages marked in the code"

for po in kit/po/*.po; do
    lang=$(basename "$po" .po)
    # 1. msgcmp names each message the catalog lacks or has untranslated or fuzzy.
    if ! msgcmp "$po" "$tmp/fieldkit.pot" 2>"$tmp/cmp-$lang"; then
        sed "s/^/$lang: /" "$tmp/cmp-$lang" | grep -v 'msgcmp: found' | head -40
        echo "$lang: $(grep -c 'this message' "$tmp/cmp-$lang" || true) messages missing or untranslated"
        status=1
    fi
    # 2. Placeholders: one line per string (msgcat --no-wrap), then compare the sorted {names}.
    msgcat --no-wrap --no-location "$po" | awk -v lang="$lang" '
        # The {names} in s, sorted and joined; in a plural form, {n} may be left out (Arabic
        # writes "one article" or "two articles" without the number).
        function names(s, plural,   out, n, i, j, key, parts) {
            n = split(s, parts, "{"); m = 0
            for (i = 2; i <= n; i++) if (match(parts[i], /^[a-z_]+}/)) { key = substr(parts[i], 1, RLENGTH - 1); if (!(plural && key == "n")) list[++m] = key }
            for (i = 2; i <= m; i++) { key = list[i]; j = i - 1; while (j > 0 && list[j] > key) { list[j + 1] = list[j]; j-- } list[j + 1] = key }
            out = ""; for (i = 1; i <= m; i++) out = out "{" list[i] "}"
            return out
        }
        function check(str, plural,   want) {
            want = plural ? names(many, 1) : names(id, 0)
            if (str != "" && names(str, plural) != want) { printf "%s: placeholders differ: \"%s\" -> \"%s\"\n", lang, plural ? many : id, str; bad = 1 }
        }
        /^msgid "/        { id = substr($0, 8, length($0) - 8); many = ""; next }
        /^msgid_plural "/ { many = substr($0, 15, length($0) - 15); next }
        /^msgstr "/       { check(substr($0, 9, length($0) - 9), 0); next }
        /^msgstr\[[0-9]+\] "/ { s = $0; sub(/^msgstr\[[0-9]+\] "/, "", s); check(substr(s, 1, length(s) - 1), 1); next }
        END { exit bad }' || status=1
done

# 3. Unmarked literals at the places a person reads them: ImGui widgets, the window's own
# text widgets and messages, and the CLI's output and errors. The first literal there counts
# when it holds a word (two letters in a row) once printf conversions, \x escapes, ImGui ##ids,
# the name fieldkit and a leading command name ("sync: ") are taken out.
{
    grep -nE '(ImGui::(Text|TextUnformatted|TextWrapped|TextDisabled|BulletText|Button|SmallButton|Selectable|Checkbox|RadioButton|MenuItem|SetTooltip|BeginCombo|BeginMenu|CollapsingHeader|InputTextWithHint)|DrawMuted|DrawText|DrawChip|DrawHeading|SetMessage|Fail|Usage|FailWith|Warn|Note|Progress) *\((view, *)?"' \
        kit/ui/*.cpp kit/cli/*.cpp || true
    grep -nE '(std::cout|std::cerr) *<< *"' kit/cli/*.cpp || true
} | awk '{
    line = $0; rest = $0
    if (match(rest, /(ImGui::[A-Za-z]+|Draw[A-Za-z]+|SetMessage|Fail|Usage|FailWith|Warn|Note|Progress) *\((view, *)?"/)) rest = substr(rest, RSTART + RLENGTH)
    else if (match(rest, /<< *"/)) rest = substr(rest, RSTART + RLENGTH)
    s = rest; sub(/".*/, "", s)
    gsub(/\\x[0-9A-Fa-f][0-9A-Fa-f]/, "", s); gsub(/%[-+ 0-9.]*(ll|l|z|h)?[a-z]/, "", s); sub(/##.*/, "", s)
    gsub(/fieldkit/, "", s); while (sub(/^[ :]*[a-z]+: */, "", s)) {}
    if (s ~ /[A-Za-z][A-Za-z]/) print line
}' >"$tmp/unmarked"
if [ -s "$tmp/unmarked" ]; then
    sed 's/^/unmarked: /' "$tmp/unmarked" | head -40
    echo "$(wc -l <"$tmp/unmarked") lines show a person a literal that is not in the catalog"
    status=1
fi
exit $status
