#!/usr/bin/env bash
# The product path (`meridian territories design --choose-centres --adjacency`) on the 100 CTDP
# instances of ../shared/instances/ctdp-du-riosmercado (three activity measures at ±5 %, contiguous),
# converted to the project's CSVs by convert_instances.py. One line per instance: balance-feasible
# and connected or not, gap to the non-contiguous Lagrangian bound, seconds, largest deviation.
# The exact engine's results on the same instances are `territory-bench exact ctdp`.
# Usage: [SHARED=../shared] Benchmarks/TerritoryDesign/ctdp-product-path.sh [LIMIT_SECONDS] [OUT]   (default 10, out/ctdp)
set -euo pipefail
cd "$(dirname "$0")/../.."
limit="${1:-10}"
out="${2:-out/ctdp}"
mkdir -p "$out"
swift build -c release --product meridian >/dev/null
bin=.build/release/meridian
python3 Benchmarks/TerritoryDesign/convert_instances.py --shared "${SHARED:-../shared}" --out "$out/instances" >/dev/null
for d in "$out"/instances/ctdp/*/; do
  name=$(basename "$d")
  k=$(python3 -c "import json, sys; print(json.load(open(sys.argv[1]))['territories'])" "$d/instance.json")
  set +e
  summary=$("$bin" territories design --accounts "$d/accounts.csv" --territories "$d/centres.csv" --choose-centres \
    --territory-count "$k" --adjacency "$d/adjacency.csv" --metric euclidean --measure activity1:0.05 \
    --measure activity2:0.05 --measure activity3:0.05 --time-limit "$limit" --seed 1 --output "$out/run" \
    --format json --quiet 2>&1)
  set -e
  python3 - "$name" "$summary" <<'PY'
import json, sys
name, text = sys.argv[1], sys.argv[2]
try:
    s = json.loads(text.strip().splitlines()[-1])
    print(f"{name} feasible connected={s['connected']} gap={s['gap']:.4f} seconds={s['seconds']:.2f} "
          f"maxdev={max(s['maxDeviation'].values()):.4f}")
except (ValueError, KeyError, IndexError):
    print(f"{name} FAILED {text.strip().splitlines()[-1] if text.strip() else ''}")
PY
done | tee "$out/summary.txt"
echo "feasible and connected: $(grep -c 'feasible connected=True' "$out/summary.txt") of $(wc -l < "$out/summary.txt")"
