#!/usr/bin/env bash
# Runs SCALE-Sim and BitForge's SCALE-Sim compatibility mode on the same config and topology, each as a whole
# process, checks that every layer's Total Cycles and Stall Cycles are identical, and prints both wall times, both
# CPU times (user + system, the steadier figure on a loaded machine) and their ratios. See docs/performance.md.
#
# Usage: scripts/scalesim-side-by-side.sh SCALESIM_CHECKOUT [CONFIG.cfg ...]
#   SCALESIM_CHECKOUT  a clone of scale-sim-v2 or scale-sim-v3 (its Python package in SCALESIM_CHECKOUT/scalesim,
#                      its requirements installed for python3; SCALE-Sim v3 needs numpy < 2)
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
head -1 "$topology" | tr -d ' ' | grep -qiE '^layer(name)?,m,n,k' && input_type=gemm

"$root/bitforge" --version >/dev/null # build the jar (and its start-up archive) before timing

# wall, user and system seconds of one command, written to the file named by $1 (bash's time keyword)
timed() {
  local out="$1"
  shift
  local TIMEFORMAT='%R %U %S'
  { time "$@" ; } 2>"$out.times"
}
status=0
for config in "${configs[@]}"; do
  config="$(realpath "$config")"
  name="$(basename "$config" .cfg)"
  run_name="$(sed -n 's/^[[:space:]]*run_name[[:space:]]*=[[:space:]]*//p' "$config" | head -1 | tr -d '[:space:]')"

  timed "$work/scalesim-$name" bash -c 'cd "$1" && PYTHONPATH="$1" "$2" -m scalesim.scale -c "$3" -t "$4" \
     -p "$5" -i "$6" >"$7" 2>&1' _ "$scalesim" "$python" "$config" "$topology" "$work/scalesim-$name" \
     "$input_type" "$work/scalesim-$name.log" \
    || { echo "$name: SCALE-Sim failed, see its log:" >&2; cat "$work/scalesim-$name.log" >&2; exit 1; }
  read -r scalesim_seconds scalesim_user scalesim_sys <"$work/scalesim-$name.times"

  timed "$work/bitforge-$name" "$root/bitforge" gemm --scalesim-config "$config" --topology "$topology" \
    --out "$work/bitforge-$name" --yes >"$work/bitforge-$name.log"
  read -r bitforge_seconds bitforge_user bitforge_sys <"$work/bitforge-$name.times"
  scalesim_cpu=$(echo "$scalesim_user + $scalesim_sys" | bc)
  bitforge_cpu=$(echo "$bitforge_user + $bitforge_sys" | bc)

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
  same=yes # SCALE-Sim v3 writes the reports in the layout BitForge does; v2's columns differ
  for report in COMPUTE_REPORT.csv BANDWIDTH_REPORT.csv DETAILED_ACCESS_REPORT.csv; do
    cmp -s "$(dirname "$theirs")/$report" "$work/bitforge-$name/$report" || same=no
  done
  printf '%s: %d layers, cycles %s, reports byte-identical %s; wall: SCALE-Sim %.2f s, BitForge %.2f s, ratio %.3gx; CPU: SCALE-Sim %.2f s, BitForge %.2f s, ratio %.3gx; load %s\n' \
    "$name" "$layers" "$([ -s "$work/diff-$name" ] && echo DIFFER || echo identical)" "$same" \
    "$scalesim_seconds" "$bitforge_seconds" "$(echo "$scalesim_seconds / $bitforge_seconds" | bc -l)" \
    "$scalesim_cpu" "$bitforge_cpu" "$(echo "$scalesim_cpu / $bitforge_cpu" | bc -l)" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
done
exit $status
