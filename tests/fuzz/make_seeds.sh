#!/bin/sh
# Remakes the seeds of the file readers from real files: a small pack built, diffed, rotated
# and published with ./build/fieldkit under the throw-away fuzz key. Run from the tree's root
# after changing a format; it overwrites only the seeds it makes (named seed-*).
set -eu
cd "$(dirname "$0")/../.."
fk=${FIELDKIT:-./build/fieldkit}
corpus=tests/fuzz/corpus
key=$corpus/secret_key/unencrypted.sec
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Three short articles from the real content (a checklist, a glossary entry, an Arabic page).
mkdir -p "$work/pack/en" "$work/pack/ar"
printf 'pack: fuzz-seeds\ntitle: Fuzz seeds\npublisher: fieldkit tests\n' >"$work/pack/kit.yaml"
sed -n '/^phases:/,$p' content/kit.yaml >>"$work/pack/kit.yaml"
cp content/en/glossary-rtr.md content/en/checklist-ddos-first-hour.md "$work/pack/en/"
cp content/ar/glossary-rtr.md "$work/pack/ar/" 2>/dev/null || true
sed -i 's/^related:.*/related: []/' "$work/pack"/*/*.md
sed -i -E 's/\]\([a-z0-9-]+\.md[^)]*\)/]/g' "$work/pack"/*/*.md  # no links to articles the seed pack lacks

"$fk" bundle build "$work/pack" -o "$work/v1.fkb" -s "$key" --version 1 >/dev/null
sed -i 's/DDoS/denial of service/' "$work/pack/en/checklist-ddos-first-hour.md"
"$fk" bundle build "$work/pack" -o "$work/v2.fkb" -s "$key" --version 2 >/dev/null
"$fk" bundle diff "$work/v1.fkb" "$work/v2.fkb" -o "$work/v1-v2.fkd" -s "$key" >/dev/null

# A rotation to a second throw-away key, and an edition that ships the chain.
minisign -G -W -p "$work/next.pub" -s "$work/next.sec" -f >/dev/null
"$fk" bundle rotate --from "$key" --to "$work/next.sec" --roots "$work/roots.json" >/dev/null
"$fk" bundle build "$work/pack" -o "$work/v3.fkb" -s "$work/next.sec" --version 3 --roots "$work/roots.json" >/dev/null
mkdir -p "$work/mirror"
"$fk" bundle publish --mirror "$work/mirror" "$work/v1.fkb" -s "$key" >/dev/null
"$fk" bundle publish --mirror "$work/mirror" "$work/v2.fkb" -s "$key" >/dev/null

cp "$work/v1.fkb" "$corpus/bundle_reader/seed-v1.fkb"
cp "$work/v3.fkb" "$corpus/bundle_reader/seed-rotated.fkb"
cp "$work/v1-v2.fkd" "$corpus/delta_reader/seed-v1-v2.fkd"
"$fk" bundle armor "$work/v1-v2.fkd" --part-chars 160 -o "$corpus/armor/seed-sms-parts.txt" >/dev/null
"$fk" bundle armor "$work/v1-v2.fkd" -o "$corpus/armor/seed-one-part.txt" >/dev/null
cp "$work/v3.fkb" "$corpus/root_peek/seed-rotated.fkb"
cp "$work/roots.json" "$corpus/root_peek/seed-roots.json"
{ cat "$work/mirror/release.json"; printf '\n--\n'; cat "$work/mirror/release.json.minisig"; } \
    >"$corpus/release_list/seed-two-editions"
cp "$work/v1.fkb.minisig" "$corpus/signature/seed-bundle.minisig"
cp "$work/next.pub" "$corpus/public_key/seed-next.pub"
cp "$work/next.sec" "$corpus/secret_key/seed-next.sec"

# Pieces cut out of the bundle by its header (FORMAT.md): manifest, signature block, payload.
python3 - "$work" "$corpus" <<'PY'
import struct, subprocess, sys
work, corpus = sys.argv[1], sys.argv[2]
for name in ("v1", "v3"):
    data = open(f"{work}/{name}.fkb", "rb").read()
    m, s = struct.unpack_from("<II", data, 12)
    manifest, block, payload = data[32:32 + m], data[32 + m:32 + m + s], data[32 + m + s:]
    open(f"{corpus}/manifest_json/seed-{name}.json", "wb").write(manifest)
    open(f"{corpus}/signature/seed-{name}.block", "wb").write(block)
    if name == "v1":
        raw = subprocess.run(["zstd", "-d", "-c"], input=payload, capture_output=True, check=True).stdout
        open(f"{corpus}/records/seed-v1.jsonl", "wb").write(raw)
        open(f"{corpus}/zstd/seed-payload", "wb").write(len(raw).to_bytes(3, "little") + payload)
# The delta's patch against the v1 record stream it was made from (layout: FORMAT.md, "Delta").
import json
delta = open(f"{work}/v1-v2.fkd", "rb").read()
h, = struct.unpack_from("<I", delta, 12)
p, = struct.unpack_from("<Q", delta, 64)
m, = struct.unpack_from("<I", delta, 72 + 12)
result = json.loads(delta[72 + 32:72 + 32 + m])
base = open(f"{corpus}/records/seed-v1.jsonl", "rb").read()
patch = delta[72 + h:]
assert len(patch) == p
open(f"{corpus}/zstd_reference/seed-delta-patch", "wb").write(
    result["raw_size"].to_bytes(3, "little") + base + b"\n--\n" + patch)
PY
echo "seeds remade in $corpus"
