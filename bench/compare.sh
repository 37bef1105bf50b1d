#!/usr/bin/env bash
# Whole-run benchmarks of the release build: hyperfine medians, throughput and peak memory
# (/usr/bin/time -v), side by side with pandoc and citation-js on BibTeX → CSL-JSON, and
# enrichment of 10,000 arXiv ids against a loopback mock (bench/mock_arxiv.py).
#
# Needs: hyperfine, GNU time (/usr/bin/time), python3; pandoc and citation-js for the comparison
# (apt-get install -y hyperfine time pandoc; npm install -g @citation-js/cli).
# CORPUS (default /work/shared/corpus) and CDL (default /work/shared/bench/cdl.bib) locate the data.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${CORPUS:-/work/shared/corpus}
CDL=${CDL:-/work/shared/bench/cdl.bib}
RUNS=${RUNS:-10}

cargo build --release -q
BIN=$PWD/target/release/mdbib
WORK=$(mktemp -d)
MOCK_PID=
cleanup() {
  [ -n "$MOCK_PID" ] && kill "$MOCK_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

# The median of a hyperfine JSON export, per command, as "name<TAB>seconds".
medians() {
  python3 -c '
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print("%s\t%.4f" % (r["command"], r["median"]))' "$1"
}

# Peak resident memory in MiB of one run of "$@".
peak_mib() {
  /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }'
}

mib() { python3 -c "import os,sys; print('%.2f' % (os.path.getsize(sys.argv[1]) / 2**20))" "$1"; }

# Entries mdbib writes for a Markdown file (from its summary line).
entries() { "$BIN" export --no-enrich -f csv "$1" 2>&1 >/dev/null | sed -n 's/^mdbib: \([0-9]*\) entries.*/\1/p'; }

report() { # name file seconds
  python3 -c '
import sys
name, size, secs, n = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4] or 0)
print("%-34s %8.3f s %8.1f MB/s %10.0f entries/s" % (name, secs, size / secs, n / secs))' "$1" "$2" "$3" "$4"
}

FORMATS=(bibtex csljson csv ris markdown)
echo "== Markdown → ${FORMATS[*]} (--no-enrich), medians of $RUNS runs"
LARGEST=$(ls -S "$CORPUS"/*__*.md | head -1)
for _ in $(seq 10); do cat "$CORPUS"/*__*.md; done >"$WORK/corpus-x10.md"
for input in "$LARGEST" "$WORK/corpus-x10.md"; do
  size=$(mib "$input")
  n=$(entries "$input")
  echo "-- $(basename "$input"): $size MiB, $n entries"
  commands=()
  for fmt in "${FORMATS[@]}"; do commands+=("$BIN export --no-enrich -f $fmt $input"); done
  hyperfine -N -w 2 -r "$RUNS" --export-json "$WORK/md.json" "${commands[@]}" >/dev/null
  while IFS=$'\t' read -r cmd secs; do
    fmt=$(echo "$cmd" | awk '{ print $5 }')
    report "$fmt" "$(python3 -c "import os; print(os.path.getsize('$input') / 1e6)")" "$secs" "$n"
  done < <(medians "$WORK/md.json")
  for fmt in "${FORMATS[@]}"; do
    echo "   peak memory ($fmt): $(peak_mib "$BIN" export --no-enrich -f "$fmt" "$input") MiB (input $size MiB)"
  done
done

# The CSL-styled writers spend their time inside hayagriva (see the README): one run, timed.
echo "-- $(basename "$LARGEST") → text (CSL style apa), one run"
/usr/bin/time -f "   %e s, peak memory %M KiB" "$BIN" export --no-enrich -q -f text "$LARGEST" -o "$WORK/list.txt"

echo
echo "== BibTeX → CSL-JSON: $(basename "$CDL") ($(mib "$CDL") MiB), medians"
commands=()
"$BIN" export --no-enrich -f csljson "$CDL" >"$WORK/mdbib.json" 2>/dev/null || true
pandoc -f bibtex -t csljson "$CDL" >"$WORK/pandoc.json"
count() { python3 -c 'import json,sys
try: print(len(json.load(open(sys.argv[1]))))
except Exception: print(0)' "$1"; }
if [ "$(count "$WORK/mdbib.json")" -ge $(( $(count "$WORK/pandoc.json") * 9 / 10 )) ]; then
  commands+=("$BIN export --no-enrich -f csljson $CDL")
else
  echo "mdbib: skipped: no BibTeX reader yet"
fi
commands+=("pandoc -f bibtex -t csljson $CDL")
if command -v citation-js >/dev/null; then
  commands+=("citation-js -i $CDL -f string -s csl")
else
  echo "citation-js: skipped: not installed (npm install -g @citation-js/cli)"
fi
hyperfine -N -w 1 -r "$RUNS" --export-json "$WORK/bib.json" "${commands[@]}" >/dev/null
medians "$WORK/bib.json" | while IFS=$'\t' read -r cmd secs; do
  printf '%-60s %8.3f s\n' "${cmd%% *}" "$secs"
done
echo "entries: pandoc $(count "$WORK/pandoc.json"), mdbib $(count "$WORK/mdbib.json")"
python3 -c '
import json, sys
m = {r["command"].split()[0].rsplit("/", 1)[-1]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
if "mdbib" in m:
    for other in ("pandoc", "citation-js"):
        if other in m:
            print("mdbib is %.1fx faster than %s" % (m[other] / m["mdbib"], other))' "$WORK/bib.json"

echo
echo "== Enrichment: 10,000 arXiv ids against a loopback mock, --arxiv-delay 0"
python3 bench/mock_arxiv.py "$WORK/port" &
MOCK_PID=$!
for _ in $(seq 50); do [ -s "$WORK/port" ] && break; sleep 0.1; done
API="http://127.0.0.1:$(cat "$WORK/port")/api/query"
python3 -c '
print("# Ten thousand ids\n\n## Papers\n")
for i in range(10000):
    print("- Benchmark Paper %d. [[paper](https://arxiv.org/abs/23%02d.%05d)]" % (i, i % 12 + 1, i))' >"$WORK/ids.md"
requests() { curl -s "http://127.0.0.1:$(cat "$WORK/port")/requests"; }
enrich() { "$BIN" export -q -f csv --no-title-search --arxiv-delay 0 --arxiv-api "$API" --cache-dir "$1" "$WORK/ids.md" >/dev/null; }
before=$(requests)
start=$(date +%s.%N); enrich "$WORK/cache"; end=$(date +%s.%N)
cold=$(( $(requests) - before ))
echo "cold: $(python3 -c "print('%.2f' % ($end - $start))") s, $cold requests"
before=$(requests)
start=$(date +%s.%N); enrich "$WORK/cache"; end=$(date +%s.%N)
warm=$(( $(requests) - before ))
echo "warm: $(python3 -c "print('%.2f' % ($end - $start))") s, $warm requests"
hyperfine -N -w 1 -r 5 --export-json "$WORK/enrich.json" \
  --prepare "rm -rf $WORK/cold" \
  "$BIN export -q -f csv --no-title-search --arxiv-delay 0 --arxiv-api $API --cache-dir $WORK/cold $WORK/ids.md" \
  "$BIN export -q -f csv --no-title-search --arxiv-delay 0 --arxiv-api $API --cache-dir $WORK/cache $WORK/ids.md" >/dev/null
medians "$WORK/enrich.json" | awk -F'\t' 'NR == 1 { printf "cold median: %.2f s\n", $2 } NR == 2 { printf "warm median: %.2f s\n", $2 }'
echo "peak memory (cold): $(rm -rf "$WORK/cold"; peak_mib "$BIN" export -q -f csv --no-title-search --arxiv-delay 0 --arxiv-api "$API" --cache-dir "$WORK/cold" "$WORK/ids.md") MiB"
