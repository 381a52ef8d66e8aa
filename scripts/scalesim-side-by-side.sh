#!/usr/bin/env bash
# Runs SCALE-Sim and BitForge's SCALE-Sim compatibility mode on the same config and topology, each as a whole
# process, checks that every layer's Total Cycles and Stall Cycles are identical, and prints both wall times and
# their ratio. See docs/performance.md.
#
# Usage: scripts/scalesim-side-by-side.sh SCALESIM_CHECKOUT [CONFIG.cfg ...]
#   SCALESIM_CHECKOUT  a clone of scale-sim-v2 or scale-sim-v3 (its Python package in SCALESIM_CHECKOUT/scalesim,
#                      its requirements installed for python3)
#   CONFIG.cfg         SCALE-Sim configs to run (default: examples/scalesim/side-by-side-{os,ws,is}.cfg)
# Environment: TOPOLOGY (default examples/scalesim/side-by-side.csv), PYTHON (default python3).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ $# -lt 1 ] || [ ! -d "$1/scalesim" ]; then
  echo "usage: $0 SCALESIM_CHECKOUT [CONFIG.cfg ...]  (SCALESIM_CHECKOUT/scalesim must exist)" >&2
  exit 2
fi
scalesim="$(cd "$1" && pwd)"
shift
configs=("$@")
[ ${#configs[@]} -eq 0 ] && configs=("$root"/examples/scalesim/side-by-side-{os,ws,is}.cfg)
topology="$(realpath "${TOPOLOGY:-$root/examples/scalesim/side-by-side.csv}")"
python="${PYTHON:-python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A GEMM topology (columns M, N, K) needs SCALE-Sim's -i gemm; a convolution topology is the default.
input_type=conv
head -1 "$topology" | tr -d ' ' | grep -qi '^layername,m,n,k' && input_type=gemm

"$root/bitforge" --version >/dev/null # build the jar (and its start-up archive) before timing

seconds() { date +%s.%N; }
status=0
for config in "${configs[@]}"; do
  config="$(realpath "$config")"
  name="$(basename "$config" .cfg)"
  run_name="$(sed -n 's/^[[:space:]]*run_name[[:space:]]*=[[:space:]]*//p' "$config" | head -1 | tr -d '[:space:]')"

  start=$(seconds)
  (cd "$scalesim" && PYTHONPATH="$scalesim" "$python" -m scalesim.scale -c "$config" -t "$topology" \
     -p "$work/scalesim-$name" -i "$input_type") >"$work/scalesim-$name.log" 2>&1 \
    || { echo "$name: SCALE-Sim failed, see its log:" >&2; cat "$work/scalesim-$name.log" >&2; exit 1; }
  scalesim_seconds=$(echo "$(seconds) - $start" | bc)

  start=$(seconds)
  "$root/bitforge" gemm --scalesim-config "$config" --topology "$topology" --out "$work/bitforge-$name" \
    >"$work/bitforge-$name.log"
  bitforge_seconds=$(echo "$(seconds) - $start" | bc)

  theirs="$(find "$work/scalesim-$name" -path "*${run_name}*" -name COMPUTE_REPORT.csv | head -1)"
  ours="$work/bitforge-$name/COMPUTE_REPORT.csv"
  if [ -z "$theirs" ]; then
    echo "$name: SCALE-Sim wrote no COMPUTE_REPORT.csv under $work/scalesim-$name" >&2
    exit 1
  fi
  # Compare by column name: v2 and v3 order the columns differently (v3 adds "Total Cycles (incl. prefetch)").
  if ! diff <("$root/scripts/scalesim-cycles.awk" "$theirs") <("$root/scripts/scalesim-cycles.awk" "$ours") \
      >"$work/diff-$name"; then
    echo "$name: cycles differ (< SCALE-Sim, > BitForge):"
    cat "$work/diff-$name"
    status=1
  fi
  layers=$(($(wc -l <"$ours") - 1))
  printf '%s: %d layers, cycles %s; SCALE-Sim %.2f s, BitForge %.2f s, ratio %.0fx\n' "$name" "$layers" \
    "$([ -s "$work/diff-$name" ] && echo DIFFER || echo identical)" "$scalesim_seconds" "$bitforge_seconds" \
    "$(echo "$scalesim_seconds / $bitforge_seconds" | bc -l)"
done
exit $status
