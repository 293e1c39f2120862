#!/usr/bin/env bash
# Prints the raw and gzip sizes of what a first visit loads from dist/
# (wasm, JS, CSS, HTML) and checks the total against the budget; the
# simulation worker, loaded after the first paint, is listed apart.
# Usage: scripts/size.sh [BUDGET_KB]   (default 400 KB gzip in all)
# Exits non-zero when over budget; `make test` runs it as its size layer.
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$ROOT"
budget_kb=${1:-400}
[ -d dist ] || { echo "no dist/: run 'make dist' first" >&2; exit 1; }
total_raw=0
total_gz=0
printf '%-44s %10s %10s\n' file raw gzip
later=()
for f in dist/*.wasm dist/*.js dist/*.css dist/*.html; do
    [ -e "$f" ] || continue
    # The Web Worker (Monte Carlo runs, goal seek) and the extras module
    # (src/ui/island.rs) load after first paint.
    case "${f#dist/}" in sunset-worker*|sunset-extras*) later+=("$f"); continue ;; esac
    raw=$(stat -c %s "$f")
    gz=$(gzip -9 -c "$f" | wc -c)
    total_raw=$((total_raw + raw))
    total_gz=$((total_gz + gz))
    printf '%-44s %10d %10d\n' "${f#dist/}" "$raw" "$gz"
done
printf '%-44s %10d %10d\n' total "$total_raw" "$total_gz"
for f in "${later[@]}"; do
    printf '%-44s %10d %10d  (after first paint)\n' "${f#dist/}" "$(stat -c %s "$f")" "$(gzip -9 -c "$f" | wc -c)"
done
limit=$((budget_kb * 1000))
if [ "$total_gz" -gt "$limit" ]; then
    echo "over budget: $total_gz bytes gzip > $budget_kb KB" >&2
    exit 1
fi
echo "within budget: $total_gz bytes gzip <= $budget_kb KB"
