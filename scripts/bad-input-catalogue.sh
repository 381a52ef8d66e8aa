#!/usr/bin/env bash
# Runs a catalogue of a few hundred bad, odd and oversized inputs through ./bitforge, one JVM per input, and
# counts the outcomes: exit codes, stack traces, error messages longer than one line, runs past the time bound.
# It is written apart from the suite's catalogue test (cli/.../bad-inputs.catalogue) as an independent check of
# docs/limits.md: every bad input must end with exit 2 and one line on stderr, every valid one with exit 0.
#
#   scripts/bad-input-catalogue.sh [-j JOBS] [-t SECONDS] [-k] [-o RESULTS.tsv] [-x TEXT] [FILTER]
#
#   -j JOBS     runs at once (default 1; every run is one JVM)
#   -t SECONDS  time bound per run (default 60)
#   -k          keep the temporary folder (its path is printed)
#   -o FILE     write the per-row table (tab-separated) there as well
#   -x TEXT     leave out rows whose command line contains this text
#   FILTER      only rows whose command line contains this text
#   BITFORGE    (environment) the command to run instead of ./bitforge, e.g. an older build's launcher
#
# Rows are "EXPECT|ARGUMENTS": EXPECT is 2 (bad input: exit 2, one line), 0 (valid: exit 0), 1 (a write that
# fails after the path was accepted: exit 1, one line naming the output) or * (0 or 2). In ARGUMENTS, {d} is the
# temporary folder and {e} an empty argument; a first word @full sends stdout to /dev/full and @closed to a pipe
# that is already closed. The exit status is 0 when every row met its expectation, 1 otherwise.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bf="${BITFORGE:-$root/bitforge}"
jobs=1
bound=60
keep=0
table=""
exclude=""
while getopts "j:t:ko:x:" opt; do
  case "$opt" in
    j) jobs="$OPTARG" ;;
    t) bound="$OPTARG" ;;
    k) keep=1 ;;
    o) table="$OPTARG" ;;
    x) exclude="$OPTARG" ;;
    *) sed -n '5,14p' "${BASH_SOURCE[0]}" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
filter="${1:-}"

d="$(mktemp -d "${TMPDIR:-/tmp}/bitforge-catalogue.XXXXXX")"
if [ "$keep" = 1 ]; then
  echo "files in $d" >&2
else
  trap 'rm -rf "$d"' EXIT
fi

# Builds the jar (and its start-up archive) once, before any timed run.
"$bf" --version >/dev/null 2>&1 || { echo "bad-input-catalogue: ./bitforge --version failed" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------------------------
# Files
# ---------------------------------------------------------------------------------------------------------------
le64() { local n=$1 i; for i in 0 1 2 3 4 5 6 7; do printf "\\x$(printf %02x $(((n >> (8 * i)) & 255)))"; done; }
hex() { local h=$1 i; for ((i = 0; i < ${#h}; i += 2)); do printf "\\x${h:i:2}"; done; }
# safetensors NAME HEADER-JSON HEX-DATA: 8-byte little-endian header length, the header, the data
st() { { le64 "${#2}"; printf '%s' "$2"; hex "${3:-}"; } >"$d/$1"; }
# mutate BASE NAME SED-SCRIPT: NAME is BASE edited
mutate() { sed -e "$3" "$d/$1" >"$d/$2"; }

cat >"$d/hw.yaml" <<'EOF'
name: cat2-int8
node: 28nm
clockMegahertz: 800
pe:
  family: mac-int
  params: {weightBits: 8, activationBits: 8}
array: {rows: 16, cols: 16}
dataflow: ws
buffers:
  activations: {kib: 32, banks: 2, portsPerBank: 1, wordBits: 128}
  weights:     {kib: 32, banks: 2, portsPerBank: 1, wordBits: 128}
  outputs:     {kib: 32, banks: 1, portsPerBank: 1, wordBits: 512}
vectorUnit: {lanes: 16, wordBits: 16}
dram: {preset: hbm2e}
mapping: {}
EOF
mutate hw.yaml hw-rows-str.yaml 's/rows: 16/rows: "16"/'
mutate hw.yaml hw-rows-frac.yaml 's/rows: 16/rows: 16.5/'
mutate hw.yaml hw-rows-bool.yaml 's/rows: 16/rows: true/'
mutate hw.yaml hw-rows-null.yaml 's/rows: 16/rows: null/'
mutate hw.yaml hw-rows-max.yaml 's/rows: 16/rows: 65536/'
mutate hw.yaml hw-rows-over.yaml 's/rows: 16/rows: 65537/'
mutate hw.yaml hw-rows-neg.yaml 's/rows: 16/rows: -16/'
mutate hw.yaml hw-rows-hex.yaml 's/rows: 16/rows: 0x10/'
mutate hw.yaml hw-rows-exp.yaml 's/rows: 16/rows: 1.6e1/'
mutate hw.yaml hw-rows-long.yaml 's/rows: 16/rows: 99999999999999999999999/'
mutate hw.yaml hw-array-str.yaml 's/array: {rows: 16, cols: 16}/array: 16x16/'
mutate hw.yaml hw-no-array.yaml '/^array:/d'
mutate hw.yaml hw-no-buffers.yaml '/^buffers:/,/outputs:/d'
mutate hw.yaml hw-no-dram.yaml '/^dram:/d'
mutate hw.yaml hw-no-node.yaml '/^node:/d'
mutate hw.yaml hw-no-clock.yaml '/^clockMegahertz:/d'
mutate hw.yaml hw-clock-huge.yaml 's/clockMegahertz: 800/clockMegahertz: 1e308/'
mutate hw.yaml hw-clock-tiny.yaml 's/clockMegahertz: 800/clockMegahertz: 1e-300/'
mutate hw.yaml hw-clock-neg.yaml 's/clockMegahertz: 800/clockMegahertz: -800/'
mutate hw.yaml hw-clock-ninf.yaml 's/clockMegahertz: 800/clockMegahertz: -.inf/'
mutate hw.yaml hw-clock-NaN.yaml 's/clockMegahertz: 800/clockMegahertz: .NaN/'
mutate hw.yaml hw-clock-over.yaml 's/clockMegahertz: 800/clockMegahertz: 1e999/'
mutate hw.yaml hw-node-7.yaml 's/node: 28nm/node: 7nm/'
mutate hw.yaml hw-node-bare.yaml 's/node: 28nm/node: 28/'
mutate hw.yaml hw-node-space.yaml 's/node: 28nm/node: 28 nm/'
mutate hw.yaml hw-node-180.yaml 's/node: 28nm/node: 180nm/'
mutate hw.yaml hw-family-case.yaml 's/family: mac-int/family: MAC-INT/'
mutate hw.yaml hw-family-num.yaml 's/family: mac-int/family: 7/'
mutate hw.yaml hw-params-list.yaml 's/params: {weightBits: 8, activationBits: 8}/params: [8, 8]/'
mutate hw.yaml hw-params-extra.yaml 's/activationBits: 8}/activationBits: 8, groupSize: 64}/'
mutate hw.yaml hw-wbits0.yaml 's/weightBits: 8/weightBits: 0/'
mutate hw.yaml hw-wbits-neg.yaml 's/weightBits: 8/weightBits: -8/'
mutate hw.yaml hw-wbits-frac.yaml 's/weightBits: 8/weightBits: 7.5/'
mutate hw.yaml hw-kib-tiny.yaml 's/activations: {kib: 32/activations: {kib: 0.0001/'
mutate hw.yaml hw-kib-huge.yaml 's/activations: {kib: 32/activations: {kib: 1e15/'
mutate hw.yaml hw-kib-nan.yaml 's/activations: {kib: 32/activations: {kib: .nan/'
mutate hw.yaml hw-banks-huge.yaml 's/banks: 2, portsPerBank: 1, wordBits: 128}/banks: 2147483647, portsPerBank: 1, wordBits: 128}/'
mutate hw.yaml hw-ports0.yaml 's/portsPerBank: 1, wordBits: 512/portsPerBank: 0, wordBits: 512/'
mutate hw.yaml hw-word0.yaml 's/wordBits: 512/wordBits: 0/'
mutate hw.yaml hw-word-huge.yaml 's/wordBits: 512/wordBits: 2147483647/'
mutate hw.yaml hw-lanes0.yaml 's/lanes: 16/lanes: 0/'
mutate hw.yaml hw-lanes-huge.yaml 's/lanes: 16/lanes: 2147483647/'
mutate hw.yaml hw-vector-str.yaml 's/vectorUnit: {lanes: 16, wordBits: 16}/vectorUnit: wide/'
mutate hw.yaml hw-dram-custom0.yaml 's/dram: {preset: hbm2e}/dram: {custom: {bytesPerCycle: 0, latencyNanoseconds: 100, picojoulesPerBit: 4, capacityGibibytes: 16}}/'
mutate hw.yaml hw-dram-custom-nan.yaml 's/dram: {preset: hbm2e}/dram: {custom: {bytesPerCycle: .nan, latencyNanoseconds: 100, picojoulesPerBit: 4, capacityGibibytes: 16}}/'
mutate hw.yaml hw-dram-latency-neg.yaml 's/dram: {preset: hbm2e}/dram: {custom: {bytesPerCycle: 64, latencyNanoseconds: -1, picojoulesPerBit: 4, capacityGibibytes: 16}}/'
mutate hw.yaml hw-dram-energy-neg.yaml 's/dram: {preset: hbm2e}/dram: {custom: {bytesPerCycle: 64, latencyNanoseconds: 100, picojoulesPerBit: -4, capacityGibibytes: 16}}/'
mutate hw.yaml hw-dram-cap0.yaml 's/dram: {preset: hbm2e}/dram: {custom: {bytesPerCycle: 64, latencyNanoseconds: 100, picojoulesPerBit: 4, capacityGibibytes: 0}}/'
mutate hw.yaml hw-dram-tiny-bw.yaml 's/dram: {preset: hbm2e}/dram: {custom: {bytesPerCycle: 1e-300, latencyNanoseconds: 100, picojoulesPerBit: 4, capacityGibibytes: 16}}/'
mutate hw.yaml hw-dram-both.yaml 's/dram: {preset: hbm2e}/dram: {preset: hbm2e, custom: {bytesPerCycle: 64, latencyNanoseconds: 100, picojoulesPerBit: 4, capacityGibibytes: 16}}/'
mutate hw.yaml hw-dram-partial.yaml 's/dram: {preset: hbm2e}/dram: {custom: {bytesPerCycle: 64}}/'
mutate hw.yaml hw-dram-empty.yaml 's/dram: {preset: hbm2e}/dram: {}/'
mutate hw.yaml hw-map-tile0.yaml 's/mapping: {}/mapping: {tileM: 0}/'
mutate hw.yaml hw-map-order.yaml 's/mapping: {}/mapping: {loopOrder: mmn}/'
mutate hw.yaml hw-map-key.yaml 's/mapping: {}/mapping: {tileX: 4}/'
mutate hw.yaml hw-dup-key.yaml 's/^dataflow: ws/dataflow: ws\ndataflow: os/'
mutate hw.yaml hw-dataflow-case.yaml 's/^dataflow: ws/dataflow: WS/'
mutate hw.yaml hw-tab.yaml 's/^name: cat2-int8/name:\tcat2-int8\n\tnode: 28nm/'
mutate hw.yaml hw-crlf.yaml 's/$/\r/'
mutate hw.yaml hw-name-long.yaml "s/^name: cat2-int8/name: $(head -c 100000 /dev/zero | tr '\0' x)/"
mutate hw.yaml hw-alias.yaml 's/^name: cat2-int8/name: \&n cat2-int8\nalias: *n/'
head -c 200 "$d/hw.yaml" >"$d/hw-trunc.yaml"
head -c 333 "$d/hw.yaml" >"$d/hw-trunc2.yaml"
{ printf '\xef\xbb\xbf'; cat "$d/hw.yaml"; } >"$d/hw-bom.yaml"
{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$d/hw.yaml" 2>/dev/null || printf 'n\0'; } >"$d/hw-utf16.yaml"
{ cat "$d/hw.yaml"; printf 'description: caf\xe9\n'; } >"$d/hw-latin1.yaml"
{ head -c 100 "$d/hw.yaml"; printf '\0\0\0\0'; tail -c +101 "$d/hw.yaml"; } >"$d/hw-nul.yaml"
: >"$d/empty.yaml"
printf '   \n\n  \n' >"$d/blank.yaml"
printf '# only a comment\n' >"$d/comment.yaml"
printf '42\n' >"$d/scalar.yaml"
printf 'null\n' >"$d/null.yaml"
printf -- '---\nname: a\n---\nname: b\n' >"$d/two-docs.yaml"
head -c 4096 /dev/urandom >"$d/random.bin"
# A YAML alias bomb: each level doubles the one before.
{
  echo 'a0: &a0 [x, x]'
  for i in $(seq 1 30); do echo "a$i: &a$i [*a$((i - 1)), *a$((i - 1))]"; done
} >"$d/bomb.yaml"
# JSON versions of the spec.
cat >"$d/hw.json" <<'EOF'
{"name": "cat2-json", "node": "28nm", "clockMegahertz": 800,
 "pe": {"family": "mac-int", "params": {"weightBits": 8, "activationBits": 8}},
 "array": {"rows": 8, "cols": 8}, "dataflow": "os",
 "buffers": {"activations": {"kib": 32, "banks": 1, "portsPerBank": 1, "wordBits": 64},
             "weights": {"kib": 32, "banks": 1, "portsPerBank": 1, "wordBits": 64},
             "outputs": {"kib": 32, "banks": 1, "portsPerBank": 1, "wordBits": 256}},
 "vectorUnit": {"lanes": 8, "wordBits": 16}, "dram": {"preset": "hbm2e"}, "mapping": {}}
EOF
head -c 150 "$d/hw.json" >"$d/hw-trunc.json"
mutate hw.json hw-comma.json 's/"mapping": {}}/"mapping": {},}/'
mutate hw.json hw-e400.json 's/"clockMegahertz": 800/"clockMegahertz": 1e400/'
mutate hw.json hw-rows-e.json 's/"rows": 8/"rows": 8e0/'
mutate hw.json hw-comment.json 's/^{"name"/\/\/ c\n{"name"/'
mutate hw.json hw-nan.json 's/"clockMegahertz": 800/"clockMegahertz": NaN/'
{ printf '{"name": '; head -c 20000 /dev/zero | tr '\0' '['; } >"$d/deep.json"
printf '{"name": "x"} {"name": "y"}\n' >"$d/two.json"
mkdir -p "$d/adir" "$d/emptydir"
printf 'x\n' >"$d/file.txt"
printf 'old\n' >"$d/over.txt"

# Mapping files.
printf 'tileM: 8\ntileK: 8\ntileN: 8\nloopOrder: mkn\n' >"$d/map.yaml"
printf 'tileM: -8\n' >"$d/map-neg.yaml"
printf 'tileK: 2147483648\n' >"$d/map-big.yaml"
printf 'loopOrder: mnk\nloopOrder: kmn\n' >"$d/map-dup.yaml"
printf 'cycleModel: exact-ish\n' >"$d/map-cycle.yaml"
printf 'tilem: 8\n' >"$d/map-case.yaml"
printf 'tileM: 8.5\n' >"$d/map-frac.yaml"
printf 'dataflow: rs\n' >"$d/map-dataflow.yaml"
printf -- '- tileM: 8\n' >"$d/map-list.yaml"

# SCALE-Sim config and topologies.
cat >"$d/s.cfg" <<'EOF'
[general]
run_name = cat2

[architecture_presets]
ArrayHeight:    16
ArrayWidth:     16
IfmapSramSzkB:    32
FilterSramSzkB:   32
OfmapSramSzkB:    32
IfmapOffset:    0
FilterOffset:   10000000
OfmapOffset:    20000000
Dataflow : ws
Bandwidth : 8
MemoryBanks: 1

[run_presets]
InterfaceBandwidth: CALC
EOF
mutate s.cfg s-crlf.cfg 's/$/\r/'
mutate s.cfg s-dup-section.cfg 's/^\[run_presets\]/[run_presets]\nInterfaceBandwidth: CALC\n[run_presets]/'
mutate s.cfg s-dup-key.cfg 's/^ArrayWidth:     16/ArrayWidth: 16\nArrayWidth: 32/'
mutate s.cfg s-h-max.cfg 's/^ArrayHeight:    16/ArrayHeight: 2147483647/'
mutate s.cfg s-h-over.cfg 's/^ArrayHeight:    16/ArrayHeight: 2147483648/'
mutate s.cfg s-w-neg.cfg 's/^ArrayWidth:     16/ArrayWidth: -16/'
mutate s.cfg s-w-frac.cfg 's/^ArrayWidth:     16/ArrayWidth: 16.0/'
mutate s.cfg s-sram0.cfg 's/^IfmapSramSzkB:    32/IfmapSramSzkB: 0/'
mutate s.cfg s-sram-huge.cfg 's/^FilterSramSzkB:   32/FilterSramSzkB: 9223372036854775807/'
mutate s.cfg s-sram-frac.cfg 's/^OfmapSramSzkB:    32/OfmapSramSzkB: 0.5/'
mutate s.cfg s-offset-neg.cfg 's/^FilterOffset:   10000000/FilterOffset: -1/'
mutate s.cfg s-offset-huge.cfg 's/^OfmapOffset:    20000000/OfmapOffset: 99999999999999999999/'
mutate s.cfg s-bw-huge.cfg 's/^Bandwidth : 8/Bandwidth : 2147483647/'
mutate s.cfg s-bw-neg.cfg 's/^Bandwidth : 8/Bandwidth : -8/'
mutate s.cfg s-bw-empty.cfg 's/^Bandwidth : 8/Bandwidth :/'
mutate s.cfg s-banks0.cfg 's/^MemoryBanks: 1/MemoryBanks: 0/'
mutate s.cfg s-banks-many.cfg 's/^MemoryBanks: 1/MemoryBanks: 100000/'
mutate s.cfg s-user.cfg 's/InterfaceBandwidth: CALC/InterfaceBandwidth: USER/'
mutate s.cfg s-mode-case.cfg 's/InterfaceBandwidth: CALC/InterfaceBandwidth: calc/'
mutate s.cfg s-no-general.cfg '/^\[general\]/,/^run_name/d'
mutate s.cfg s-name-empty.cfg 's/^run_name = cat2/run_name =/'
mutate s.cfg s-unclosed.cfg 's/^\[run_presets\]/[run_presets/'
mutate s.cfg s-df-case.cfg 's/^Dataflow : ws/Dataflow : WS/'
mutate s.cfg s-df-missing.cfg '/^Dataflow/d'
head -c 120 "$d/s.cfg" >"$d/s-trunc.cfg"
{ cat "$d/s.cfg"; printf 'Comment: caf\xe9\n'; } >"$d/s-latin1.cfg"
printf 'Layer name, M, N, K,\nfc1, 64, 64, 64,\nfc2, 32, 128, 16,\n' >"$d/t-gemm.csv"
printf 'Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,\nc1, 16, 16, 3, 3, 8, 16, 1,\n' >"$d/t-conv.csv"
printf 'Layer name, M, N, K\r\nfc1, 64, 64, 64\r\n' >"$d/t-crlf.csv"
printf 'Layer name, M, N, K,\n' >"$d/t-header-only.csv"
: >"$d/t-empty.csv"
printf 'fc1, 64, 64, 64,\n' >"$d/t-no-header.csv"
printf 'Layer name, M, N, K,\nfc1, 64, 64,\n' >"$d/t-short.csv"
printf 'Layer name, M, N, K,\nfc1, 64, 64, 64, 64, 64,\n' >"$d/t-long.csv"
printf 'Layer name, M, N, K,\nfc1, 6.4e1, 64, 64,\n' >"$d/t-exp.csv"
printf 'Layer name, M, N, K,\nfc1, "64", 64, 64,\n' >"$d/t-quoted.csv"
printf 'Layer name, M, N, K,\nfc1, , 64, 64,\n' >"$d/t-blank-cell.csv"
printf 'Layer name, M, N, K,\nfc1, 2147483648, 64, 64,\n' >"$d/t-over.csv"
printf 'Layer name, M, N, K,\nfc1, 65536, 65536, 65536,\n' >"$d/t-big.csv"
printf 'Layer name, M, N, K,\nfc1, 64, 64, 64,\nfc1, 64, 64, 64,\n' >"$d/t-dup-name.csv"
printf 'Layer name, M, N, K,\n, 64, 64, 64,\n' >"$d/t-no-name.csv"
printf 'Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,\nc1, 16, 16, 3, 3, 8, 16, 99,\n' >"$d/t-stride-big.csv"
printf 'Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,\nc1, 16, 16, 0, 3, 8, 16, 1,\n' >"$d/t-filter0.csv"
printf 'Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,\nc1, 16, 16, 3, 3, 2147483647, 16, 1,\n' >"$d/t-channels-max.csv"
printf 'Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,\nc1, 16, 16, 3, 3, 8, 16, -1,\n' >"$d/t-stride-neg.csv"
printf 'Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides, Batch Size,\nc1, 16, 16, 3, 3, 8, 16, 1, 2,\n' >"$d/t-batch2.csv"
printf 'Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides, Batch Size,\nc1, 16, 16, 3, 3, 8, 16, 1, 1,\n' >"$d/t-batch1.csv"
printf 'Layer name, IFMAP Hieght, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,\nc1, 16, 16, 3, 3, 8, 16, 1,\n' >"$d/t-typo-col.csv"
printf 'Layer name; M; N; K\nfc1; 64; 64; 64\n' >"$d/t-semicolon.csv"
printf 'Layer name, M, N, K,\nfc\xe91, 64, 64, 64,\n' >"$d/t-latin1.csv"

# Hugging Face and diffusers configs.
cat >"$d/hf.json" <<'EOF'
{"architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": 256, "intermediate_size": 688,
 "num_hidden_layers": 2, "num_attention_heads": 8, "num_key_value_heads": 4, "vocab_size": 1000,
 "max_position_embeddings": 512, "hidden_act": "silu", "tie_word_embeddings": false}
EOF
mutate hf.json hf-heads-div.json 's/"num_attention_heads": 8/"num_attention_heads": 7/'
mutate hf.json hf-kv-div.json 's/"num_key_value_heads": 4/"num_key_value_heads": 3/'
mutate hf.json hf-kv-more.json 's/"num_key_value_heads": 4/"num_key_value_heads": 16/'
mutate hf.json hf-vocab0.json 's/"vocab_size": 1000/"vocab_size": 0/'
mutate hf.json hf-vocab-huge.json 's/"vocab_size": 1000/"vocab_size": 2147483647/'
mutate hf.json hf-hidden-huge.json 's/"hidden_size": 256/"hidden_size": 2147483647/'
mutate hf.json hf-inter-neg.json 's/"intermediate_size": 688/"intermediate_size": -688/'
mutate hf.json hf-pos0.json 's/"max_position_embeddings": 512/"max_position_embeddings": 0/'
mutate hf.json hf-layers-str.json 's/"num_hidden_layers": 2/"num_hidden_layers": "2"/'
mutate hf.json hf-layers-null.json 's/"num_hidden_layers": 2/"num_hidden_layers": null/'
mutate hf.json hf-act-num.json 's/"hidden_act": "silu"/"hidden_act": 3/'
mutate hf.json hf-type-opt.json 's/"model_type": "llama"/"model_type": "opt"/'
mutate hf.json hf-type-bert.json 's/"model_type": "llama"/"model_type": "bert"/'
mutate hf.json hf-no-type.json 's/"model_type": "llama", //'
mutate hf.json hf-moe.json 's/"tie_word_embeddings": false/"tie_word_embeddings": false, "num_local_experts": 0, "num_experts_per_tok": 2/'
mutate hf.json hf-moe-k.json 's/"tie_word_embeddings": false/"tie_word_embeddings": false, "num_local_experts": 4, "num_experts_per_tok": 9/'
mutate hf.json hf-dup.json 's/"hidden_size": 256/"hidden_size": 256, "hidden_size": 512/'
head -c 100 "$d/hf.json" >"$d/hf-trunc.json"
cat >"$d/unet.json" <<'EOF'
{"_class_name": "UNet2DConditionModel", "act_fn": "silu", "attention_head_dim": 8,
 "block_out_channels": [32, 64], "cross_attention_dim": 64,
 "down_block_types": ["CrossAttnDownBlock2D", "DownBlock2D"], "in_channels": 4, "layers_per_block": 1,
 "norm_num_groups": 16, "out_channels": 4, "sample_size": 16,
 "up_block_types": ["UpBlock2D", "CrossAttnUpBlock2D"]}
EOF
mutate unet.json unet-empty-blocks.json 's/"block_out_channels": \[32, 64\]/"block_out_channels": []/'
mutate unet.json unet-ch0.json 's/"block_out_channels": \[32, 64\]/"block_out_channels": [0, 64]/'
mutate unet.json unet-sample0.json 's/"sample_size": 16/"sample_size": 0/'
mutate unet.json unet-layers-huge.json 's/"layers_per_block": 1/"layers_per_block": 2147483647/'
mutate unet.json unet-up-mismatch.json 's/"up_block_types": \["UpBlock2D", "CrossAttnUpBlock2D"\]/"up_block_types": ["UpBlock2D"]/'
mutate unet.json unet-groups0.json 's/"norm_num_groups": 16/"norm_num_groups": 0/'
cat >"$d/dit.json" <<'EOF'
{"_class_name": "Transformer2DModel", "activation_fn": "gelu-approximate", "attention_bias": true,
 "attention_head_dim": 16, "in_channels": 4, "norm_elementwise_affine": false, "norm_type": "ada_norm_zero",
 "num_attention_heads": 4, "num_embeds_ada_norm": 10, "num_layers": 2, "out_channels": 8, "patch_size": 2,
 "sample_size": 16}
EOF
mutate dit.json dit-patch0.json 's/"patch_size": 2/"patch_size": 0/'
mutate dit.json dit-patch-big.json 's/"patch_size": 2/"patch_size": 64/'
mutate dit.json dit-patch-odd.json 's/"patch_size": 2/"patch_size": 3/'
mutate dit.json dit-norm.json 's/"norm_type": "ada_norm_zero"/"norm_type": "ada_norm_zer"/'

# safetensors: F32 little-endian; 1.0 = 0000803f, NaN = 0000c07f, +Inf = 0000807f.
ones8=0000803f0000803f0000803f0000803f0000803f0000803f0000803f0000803f
st good.safetensors '{"w":{"dtype":"F32","shape":[2,4],"data_offsets":[0,32]}}' "$ones8"
st meta.safetensors '{"__metadata__":{"format":"pt"},"w":{"dtype":"F32","shape":[2,4],"data_offsets":[0,32]}}' "$ones8"
st only-meta.safetensors '{"__metadata__":{"format":"pt"}}'
st onedim.safetensors '{"b":{"dtype":"F32","shape":[8],"data_offsets":[0,32]}}' "$ones8"
st f16.safetensors '{"w":{"dtype":"F16","shape":[2,4],"data_offsets":[0,16]}}' 003c003c003c003c003c003c003c003c
st bf16.safetensors '{"w":{"dtype":"BF16","shape":[2,4],"data_offsets":[0,16]}}' 803f803f803f803f803f803f803f803f
st i8.safetensors '{"w":{"dtype":"I8","shape":[2,4],"data_offsets":[0,8]}}' 0102030405060708
st f64.safetensors '{"w":{"dtype":"F64","shape":[1,2],"data_offsets":[0,16]}}' 000000000000f03f000000000000f03f
st shape-over.safetensors '{"w":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,32]}}' "$ones8"
st shape-neg.safetensors '{"w":{"dtype":"F32","shape":[-2,-4],"data_offsets":[0,32]}}' "$ones8"
st shape-str.safetensors '{"w":{"dtype":"F32","shape":"2x4","data_offsets":[0,32]}}' "$ones8"
st offsets-rev.safetensors '{"w":{"dtype":"F32","shape":[2,4],"data_offsets":[32,0]}}' "$ones8"
st offsets-neg.safetensors '{"w":{"dtype":"F32","shape":[2,4],"data_offsets":[-32,0]}}' "$ones8"
st offsets-past.safetensors '{"w":{"dtype":"F32","shape":[2,4],"data_offsets":[0,9223372036854775807]}}' "$ones8"
st dup-name.safetensors '{"w":{"dtype":"F32","shape":[1,4],"data_offsets":[0,16]},"w":{"dtype":"F32","shape":[1,4],"data_offsets":[16,32]}}' "$ones8"
st no-dtype.safetensors '{"w":{"shape":[2,4],"data_offsets":[0,32]}}' "$ones8"
st header-array.safetensors '[1,2,3]' "$ones8"
st header-str.safetensors '"w"' "$ones8"
st nan-mid.safetensors '{"w":{"dtype":"F32","shape":[2,4],"data_offsets":[0,32]}}' 0000803f0000803f0000803f0000803f0000803f0000c07f0000803f0000803f
st ninf.safetensors '{"w":{"dtype":"F32","shape":[2,4],"data_offsets":[0,32]}}' 000080ff0000803f0000803f0000803f0000803f0000803f0000803f0000803f
st all-nan.safetensors '{"w":{"dtype":"F32","shape":[2,4],"data_offsets":[0,32]}}' 0000c07f0000c07f0000c07f0000c07f0000c07f0000c07f0000c07f0000c07f
st zeros.safetensors '{"w":{"dtype":"F32","shape":[2,4],"data_offsets":[0,32]}}' 0000000000000000000000000000000000000000000000000000000000000000
st maxf.safetensors '{"w":{"dtype":"F32","shape":[2,4],"data_offsets":[0,32]}}' ffff7f7fffff7f7fffff7fffffff7f7f0100000001000000ffff7f7fffff7fff
st short-data.safetensors '{"w":{"dtype":"F32","shape":[2,4],"data_offsets":[0,32]}}' 0000803f0000803f
st extra-data.safetensors '{"w":{"dtype":"F32","shape":[2,4],"data_offsets":[0,32]}}' "${ones8}${ones8}"
st shape-mismatch.safetensors '{"w":{"dtype":"F32","shape":[4,4],"data_offsets":[0,32]}}' "$ones8"
st long-shape.safetensors '{"w":{"dtype":"F32","shape":[1,1,1,1,1,1,1,1],"data_offsets":[0,4]}}' 0000803f
{ le64 9223372036854775807; printf '{}'; } >"$d/hdr-max.safetensors"
{ le64 0; } >"$d/hdr-zero.safetensors"
{ le64 1000; printf '{"w":1}'; } >"$d/hdr-past.safetensors"
printf '\x10\x00\x00' >"$d/three-bytes.safetensors"
: >"$d/empty.safetensors"
{ le64 2; printf '\xff\xfe'; } >"$d/hdr-bin.safetensors"
mkdir -p "$d/stdir-empty.safetensors" "$d/stfolder"
cp "$d/good.safetensors" "$d/stfolder/model.safetensors"
printf '{"weight_map": {"w": "model-00001-of-00002.safetensors"}}\n' >"$d/model.safetensors.index.json"
printf '{"weight_map": {"w": "../good.safetensors"}}\n' >"$d/stfolder/escape.index.json"
printf '{"weight_map": ' >"$d/trunc.safetensors.index.json"

# Design-space files.
cat >"$d/space.yaml" <<'EOF'
name: cat2-space
base: tpu-like-int8
parameters:
  - path: array.rows
    values: [8, 16]
workloads:
  - {workload: opt-1.3b, label: decode, phase: decode, context: 64, generate: 1, weight: 1}
objectives: [latency, energy]
EOF
mutate space.yaml sp-range-step0.yaml 's/    values: \[8, 16\]/    range: {from: 8, to: 16, step: 0}/'
mutate space.yaml sp-range-factor1.yaml 's/    values: \[8, 16\]/    range: {from: 8, to: 16, factor: 1}/'
mutate space.yaml sp-range-factor-frac.yaml 's/    values: \[8, 16\]/    range: {from: 8, to: 16, factor: 0.5}/'
mutate space.yaml sp-range-rev.yaml 's/    values: \[8, 16\]/    range: {from: 16, to: 8, step: 4}/'
mutate space.yaml sp-range-neg-step.yaml 's/    values: \[8, 16\]/    range: {from: 16, to: 8, step: -4}/'
mutate space.yaml sp-range-nan.yaml 's/    values: \[8, 16\]/    range: {from: .nan, to: 16, step: 4}/'
mutate space.yaml sp-range-both.yaml 's/    values: \[8, 16\]/    range: {from: 8, to: 16, step: 4, factor: 2}/'
mutate space.yaml sp-range-none.yaml 's/    values: \[8, 16\]/    range: {from: 8, to: 16}/'
mutate space.yaml sp-range-tiny.yaml 's/    values: \[8, 16\]/    range: {from: 8, to: 16, step: 1e-300}/'
mutate space.yaml sp-values-empty.yaml 's/    values: \[8, 16\]/    values: []/'
mutate space.yaml sp-values-bad.yaml 's/    values: \[8, 16\]/    values: [8, -16]/'
mutate space.yaml sp-values-str.yaml 's/    values: \[8, 16\]/    values: [eight]/'
mutate space.yaml sp-values-dup.yaml 's/    values: \[8, 16\]/    values: [8, 8, 8]/'
mutate space.yaml sp-params-empty.yaml '/^  - path: array.rows/,/values/d'
mutate space.yaml sp-path-twice.yaml 's/^  - path: array.rows/  - path: array.rows\n    values: [4]\n  - path: array.rows/'
mutate space.yaml sp-no-workloads.yaml '/^workloads:/,/opt-1.3b/d'
mutate space.yaml sp-weight0.yaml 's/weight: 1}/weight: 0}/'
mutate space.yaml sp-weight-neg.yaml 's/weight: 1}/weight: -1}/'
mutate space.yaml sp-weight-nan.yaml 's/weight: 1}/weight: .nan}/'
mutate space.yaml sp-phase.yaml 's/phase: decode/phase: decoding/'
mutate space.yaml sp-context-huge.yaml 's/context: 64/context: 2147483647/'
mutate space.yaml sp-gen-huge.yaml 's/generate: 1,/generate: 400001,/'
mutate space.yaml sp-quant.yaml 's/weight: 1}/weight: 1, quant: W3A77}/'
mutate space.yaml sp-obj-empty.yaml 's/objectives: \[latency, energy\]/objectives: []/'
mutate space.yaml sp-obj-dup.yaml 's/objectives: \[latency, energy\]/objectives: [latency, latency]/'
mutate space.yaml sp-constraint-neg.yaml 's/objectives: \[latency, energy\]/objectives: [latency, energy]\nconstraints: {maxAreaSquareMillimetres: -1}/'
mutate space.yaml sp-constraint-key.yaml 's/objectives: \[latency, energy\]/objectives: [latency, energy]\nconstraints: {maxAreaMm2: 5}/'
mutate space.yaml sp-memory.yaml 's/objectives: \[latency, energy\]/objectives: [latency, energy]\nmemory: tiledd/'
mutate space.yaml sp-base-file.yaml 's/^base: tpu-like-int8/base: missing-spec.yaml/'
mutate space.yaml sp-base-inline.yaml 's/^base: tpu-like-int8/base: {name: x}/'
mutate space.yaml sp-base-bad-file.yaml 's/^base: tpu-like-int8/base: hw-rows-neg.yaml/'
mutate space.yaml sp-pe-values.yaml 's/^  - path: array.rows/  - path: pe/; s/    values: \[8, 16\]/    values: [{family: mac-int, params: {weightBits: 8, activationBits: 8}}, {family: nope}]/'
head -c 90 "$d/space.yaml" >"$d/sp-trunc.yaml"
# A small finished store to corrupt for --resume.
"$bf" explore --space "$d/space.yaml" --out "$d/store" --budget 2 --threads 1 >/dev/null 2>&1 || true
for v in garbage trunc latin1 empty nomanifest badmanifest otherspace dirresults; do cp -r "$d/store" "$d/store-$v"; done
printf 'this is not json\n' >>"$d/store-garbage/results.jsonl"
[ -f "$d/store-trunc/results.jsonl" ] && head -c 40 "$d/store/results.jsonl" >"$d/store-trunc/results.jsonl"
printf '{"id": "caf\xe9"}\n' >>"$d/store-latin1/results.jsonl"
: >"$d/store-empty/results.jsonl"
rm -f "$d/store-nomanifest/manifest.json"
printf '{"kind": ' >"$d/store-badmanifest/manifest.json"
rm -f "$d/store-dirresults/results.jsonl"; mkdir -p "$d/store-dirresults/results.jsonl"
# A results directory to report on, and broken ones.
"$bf" quantize --synthetic gaussian --rows 16 --cols 16 --format int4 --tokens 0 --out "$d/qres" >/dev/null 2>&1 || true
for v in kind json missingfile; do cp -r "$d/qres" "$d/qres-$v"; done
[ -f "$d/qres-kind/manifest.json" ] && sed -i 's/"kind" *: *"quantize"/"kind": "quantise"/' "$d/qres-kind/manifest.json"
printf '[1, 2' >"$d/qres-json/manifest.json"
rm -f "$d/qres-missingfile/quantize.json"
# A reproduction folder to corrupt.
for v in yaml-trunc paper-key layer-missing layers-bad; do cp -r "$root/examples/reproduce/ant" "$d/rep-$v"; done
head -c 300 "$root/examples/reproduce/ant/reproduction.yaml" >"$d/rep-yaml-trunc/reproduction.yaml"
sed -i 's/^batch: 64/batch: 64\nbatchSize: 64/' "$d/rep-paper-key/reproduction.yaml"
sed -i 's#layers: layers/vgg16.csv#layers: layers/vgg17.csv#' "$d/rep-layer-missing/reproduction.yaml"
for f in "$d"/rep-layers-bad/layers/*.csv; do printf 'garbage,,,\n' >>"$f"; done

# ---------------------------------------------------------------------------------------------------------------
# Rows
# ---------------------------------------------------------------------------------------------------------------
rows="$(cat <<'EOF'
# --- the command line itself
*|
2|nope
2|Simulate
2|gemm --m
2|gemm --m=
2|gemm --m {e} --k 8 --n 8
2|gemm --m 8 --m 9 --k 8 --n 8
2|gemm -m 8 --k 8 --n 8
2|gemm ---m 8 --k 8 --n 8
2|gemm --M 8 --k 8 --n 8
0|--help
0|--version
0|gemm --help
2|--tool-timeout -1 list pes
2|--tool-timeout 86401 list pes
0|--tool-timeout 86400 list pes
2|--tool-timeout 1.5 list pes
2|--tool-timeout 99999999999999999999 list pes
2|--tool-timeout NaN list pes
# --- list
0|list pes
0|list formats
0|list workloads
0|list devices
0|list memories
0|list hardware
2|list
2|list PES
2|list pe
2|list pes formats
2|list {e}
2|list pes --json {d}/l.json --csv {d}/l.json
1|list pes --json /dev/full
1|@full list pes --json -
1|@full list pes
2|list pes --json {d}/adir
2|list pes --csv {d}/nodir/l.csv
2|list pes --json {d}/file.txt/l.json
2|list pes --json {e}
0|list pes --json - --csv -
# --- gemm: sizes at, past and far past their bounds
0|gemm --m 1 --k 1 --n 1
0|gemm --m 8 --k 8 --n 8 --rows 1 --cols 1
0|gemm --m 2147483647 --k 1 --n 1
0|gemm --m 1 --k 2147483647 --n 1
0|gemm --m 1 --k 1 --n 2147483647
2|gemm --m 2147483648 --k 2147483648 --n 2147483648
2|gemm --m 9223372036854775807 --k 8 --n 8
2|gemm --m 9223372036854775808 --k 8 --n 8
2|gemm --m -9223372036854775808 --k 8 --n 8
2|gemm --m 72057594037927937 --k 1 --n 1
2|gemm --m 4294967296 --k 4294967296 --n 8
2|gemm --m 0x10 --k 8 --n 8
2|gemm --m 8.0 --k 8 --n 8
2|gemm --m NaN --k 8 --n 8
2|gemm --m Infinity --k 8 --n 8
*|gemm --m +8 --k 8 --n 8
*|gemm --m ８ --k 8 --n 8
0|gemm --m 8 --k 8 --n 8 --rows 65536 --cols 1
0|gemm --m 8 --k 8 --n 8 --rows 1 --cols 65536
*|gemm --m 8 --k 8 --n 8 --rows 65536 --cols 65536
2|gemm --m 8 --k 8 --n 8 --rows 65537
2|gemm --m 8 --k 8 --n 8 --cols -1
2|gemm --m 8 --k 8 --n 8 --rows 2147483648
0|gemm --m 1000 --k 1000 --n 1000 --rows 8 --cols 8 --dataflow is
0|gemm --m 1000 --k 1000 --n 1000 --rows 8 --cols 8 --dataflow ws
*|gemm --m 8 --k 8 --n 8 --dataflow WS
2|gemm --m 8 --k 8 --n 8 --dataflow {e}
0|gemm --m 8 --k 8 --n 8 --wbits 4 --abits 4
2|gemm --m 8 --k 8 --n 8 --wbits -4
2|gemm --m 8 --k 8 --n 8 --wbits 2147483648
2|gemm --m 8 --k 8 --n 8 --abits 65
2|gemm --m 8 --k 8 --n 8 --pe {e}
2|gemm --m 8 --k 8 --n 8 --pe MAC-INT
0|gemm --m 64 --k 64 --n 64 --pe bitfusion --wbits 2 --abits 8
*|gemm --m 64 --k 64 --n 64 --pe reram
*|gemm --m 64 --k 64 --n 64 --pe lut
*|gemm --m 64 --k 64 --n 64 --pe mac-fp --wbits 4
0|gemm --m 64 --k 64 --n 64 --ifmap-kib 0.25
2|gemm --m 8 --k 8 --n 8 --ifmap-kib 1e-300
2|gemm --m 8 --k 8 --n 8 --filter-kib 1e300
2|gemm --m 8 --k 8 --n 8 --ofmap-kib -Infinity
2|gemm --m 8 --k 8 --n 8 --ofmap-kib 64kib
0|gemm --m 4096 --k 4096 --n 4096 --bandwidth-bytes-per-cycle 0.001
2|gemm --m 4096 --k 4096 --n 4096 --bandwidth-bytes-per-cycle 1e-300
0|gemm --m 64 --k 64 --n 64 --bandwidth-bytes-per-cycle 1e300
2|gemm --m 8 --k 8 --n 8 --bandwidth-bytes-per-cycle NaN
2|gemm --m 8 --k 8 --n 8 --bandwidth-bytes-per-cycle {e}
# --- gemm: outputs
2|gemm --m 8 --k 8 --n 8 --json {d}/g.json --csv {d}/./g.json
2|gemm --m 8 --k 8 --n 8 --json {d}/g2.json --csv {d}/adir/../g2.json
0|gemm --m 8 --k 8 --n 8 --json - --csv -
1|gemm --m 8 --k 8 --n 8 --csv /dev/full
1|@full gemm --m 8 --k 8 --n 8 --csv -
1|@closed gemm --m 8 --k 8 --n 8 --json -
0|gemm --m 8 --k 8 --n 8 --json {d}/over.txt
1|gemm --m 8 --k 8 --n 8 --json /proc/version
2|gemm --m 8 --k 8 --n 8 --csv {d}/emptydir
# --- gemm: hardware specs
0|gemm --hw {d}/hw.yaml --m 8 --k 8 --n 8
0|gemm --hw {d}/hw.json --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-rows-str.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-rows-frac.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-rows-bool.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-rows-null.yaml --m 8 --k 8 --n 8
0|gemm --hw {d}/hw-rows-max.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-rows-over.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-rows-neg.yaml --m 8 --k 8 --n 8
*|gemm --hw {d}/hw-rows-hex.yaml --m 8 --k 8 --n 8
*|gemm --hw {d}/hw-rows-exp.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-rows-long.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-array-str.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-no-array.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-no-buffers.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-no-dram.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-no-node.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-no-clock.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-clock-huge.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-clock-tiny.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-clock-neg.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-clock-ninf.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-clock-NaN.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-clock-over.yaml --m 8 --k 8 --n 8
0|gemm --hw {d}/hw-node-7.yaml --m 8 --k 8 --n 8
*|gemm --hw {d}/hw-node-bare.yaml --m 8 --k 8 --n 8
*|gemm --hw {d}/hw-node-space.yaml --m 8 --k 8 --n 8
0|gemm --hw {d}/hw-node-180.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-family-case.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-family-num.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-params-list.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-params-extra.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-wbits0.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-wbits-neg.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-wbits-frac.yaml --m 8 --k 8 --n 8
*|gemm --hw {d}/hw-kib-tiny.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-kib-huge.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-kib-nan.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-banks-huge.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-ports0.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-word0.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-word-huge.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-lanes0.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-lanes-huge.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-vector-str.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-dram-custom0.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-dram-custom-nan.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-dram-latency-neg.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-dram-energy-neg.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-dram-cap0.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-dram-tiny-bw.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-dram-both.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-dram-partial.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-dram-empty.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-map-tile0.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-map-order.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-map-key.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-dup-key.yaml --m 8 --k 8 --n 8
*|gemm --hw {d}/hw-dataflow-case.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-tab.yaml --m 8 --k 8 --n 8
0|gemm --hw {d}/hw-crlf.yaml --m 8 --k 8 --n 8
0|gemm --hw {d}/hw-name-long.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-alias.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-trunc.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-trunc2.yaml --m 8 --k 8 --n 8
*|gemm --hw {d}/hw-bom.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-utf16.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-latin1.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-nul.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/empty.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/blank.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/comment.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/scalar.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/null.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/two-docs.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/random.bin --m 8 --k 8 --n 8
2|gemm --hw {d}/bomb.yaml --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-trunc.json --m 8 --k 8 --n 8
*|gemm --hw {d}/hw-comma.json --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-e400.json --m 8 --k 8 --n 8
*|gemm --hw {d}/hw-rows-e.json --m 8 --k 8 --n 8
*|gemm --hw {d}/hw-comment.json --m 8 --k 8 --n 8
2|gemm --hw {d}/hw-nan.json --m 8 --k 8 --n 8
2|gemm --hw {d}/deep.json --m 8 --k 8 --n 8
2|gemm --hw {d}/two.json --m 8 --k 8 --n 8
2|gemm --hw {d}/adir --m 8 --k 8 --n 8
2|gemm --hw {d}/file.txt --m 8 --k 8 --n 8
2|gemm --hw /dev/null --m 8 --k 8 --n 8
2|gemm --hw {e} --m 8 --k 8 --n 8
2|gemm --hw {d}/hw.yaml --hw tpu-like-int8 --m 8 --k 8 --n 8
# --- gemm: mapping files
0|gemm --m 64 --k 64 --n 64 --mapping {d}/map.yaml
2|gemm --m 64 --k 64 --n 64 --mapping {d}/map-neg.yaml
2|gemm --m 64 --k 64 --n 64 --mapping {d}/map-big.yaml
2|gemm --m 64 --k 64 --n 64 --mapping {d}/map-dup.yaml
2|gemm --m 64 --k 64 --n 64 --mapping {d}/map-cycle.yaml
2|gemm --m 64 --k 64 --n 64 --mapping {d}/map-case.yaml
2|gemm --m 64 --k 64 --n 64 --mapping {d}/map-frac.yaml
2|gemm --m 64 --k 64 --n 64 --mapping {d}/map-dataflow.yaml
2|gemm --m 64 --k 64 --n 64 --mapping {d}/map-list.yaml
2|gemm --m 64 --k 64 --n 64 --mapping {d}/random.bin
2|gemm --m 64 --k 64 --n 64 --mapping {d}/adir
2|gemm --m 64 --k 64 --n 64 --mapping {d}/missing.yaml
# --- gemm: SCALE-Sim mode, configs and topologies
0|gemm --scalesim-config {d}/s.cfg --topology {d}/t-gemm.csv
0|gemm --scalesim-config {d}/s.cfg --topology {d}/t-conv.csv
0|gemm --scalesim-config {d}/s-crlf.cfg --topology {d}/t-crlf.csv
2|gemm --scalesim-config {d}/s-dup-section.cfg --topology {d}/t-gemm.csv
2|gemm --scalesim-config {d}/s-dup-key.cfg --topology {d}/t-gemm.csv
2|gemm --scalesim-config {d}/s-h-max.cfg --topology {d}/t-gemm.csv
2|gemm --scalesim-config {d}/s-h-over.cfg --topology {d}/t-gemm.csv
2|gemm --scalesim-config {d}/s-w-neg.cfg --topology {d}/t-gemm.csv
2|gemm --scalesim-config {d}/s-w-frac.cfg --topology {d}/t-gemm.csv
2|gemm --scalesim-config {d}/s-sram0.cfg --topology {d}/t-gemm.csv
2|gemm --scalesim-config {d}/s-sram-huge.cfg --topology {d}/t-gemm.csv
*|gemm --scalesim-config {d}/s-sram-frac.cfg --topology {d}/t-gemm.csv
2|gemm --scalesim-config {d}/s-offset-neg.cfg --topology {d}/t-gemm.csv
2|gemm --scalesim-config {d}/s-offset-huge.cfg --topology {d}/t-gemm.csv
0|gemm --scalesim-config {d}/s-bw-huge.cfg --topology {d}/t-gemm.csv
2|gemm --scalesim-config {d}/s-bw-neg.cfg --topology {d}/t-gemm.csv
2|gemm --scalesim-config {d}/s-bw-empty.cfg --topology {d}/t-gemm.csv
2|gemm --scalesim-config {d}/s-banks0.cfg --topology {d}/t-gemm.csv
2|gemm --scalesim-config {d}/s-banks-many.cfg --topology {d}/t-gemm.csv
0|gemm --scalesim-config {d}/s-user.cfg --topology {d}/t-gemm.csv
*|gemm --scalesim-config {d}/s-mode-case.cfg --topology {d}/t-gemm.csv
2|gemm --scalesim-config {d}/s-no-general.cfg --topology {d}/t-gemm.csv
2|gemm --scalesim-config {d}/s-name-empty.cfg --topology {d}/t-gemm.csv
2|gemm --scalesim-config {d}/s-unclosed.cfg --topology {d}/t-gemm.csv
*|gemm --scalesim-config {d}/s-df-case.cfg --topology {d}/t-gemm.csv
2|gemm --scalesim-config {d}/s-df-missing.cfg --topology {d}/t-gemm.csv
2|gemm --scalesim-config {d}/s-trunc.cfg --topology {d}/t-gemm.csv
2|gemm --scalesim-config {d}/s-latin1.cfg --topology {d}/t-gemm.csv
2|gemm --scalesim-config {d}/random.bin --topology {d}/t-gemm.csv
2|gemm --scalesim-config {d}/empty.yaml --topology {d}/t-gemm.csv
2|gemm --scalesim-config {d}/adir --topology {d}/t-gemm.csv
2|gemm --scalesim-config {d}/hw.yaml --topology {d}/t-gemm.csv
2|gemm --scalesim-config {d}/s.cfg --topology {d}/t-header-only.csv
2|gemm --scalesim-config {d}/s.cfg --topology {d}/t-empty.csv
2|gemm --scalesim-config {d}/s.cfg --topology {d}/t-no-header.csv
2|gemm --scalesim-config {d}/s.cfg --topology {d}/t-short.csv
2|gemm --scalesim-config {d}/s.cfg --topology {d}/t-long.csv
2|gemm --scalesim-config {d}/s.cfg --topology {d}/t-exp.csv
*|gemm --scalesim-config {d}/s.cfg --topology {d}/t-quoted.csv
2|gemm --scalesim-config {d}/s.cfg --topology {d}/t-blank-cell.csv
2|gemm --scalesim-config {d}/s.cfg --topology {d}/t-over.csv
*|gemm --scalesim-config {d}/s.cfg --topology {d}/t-big.csv
*|gemm --scalesim-config {d}/s.cfg --topology {d}/t-dup-name.csv
2|gemm --scalesim-config {d}/s.cfg --topology {d}/t-no-name.csv
2|gemm --scalesim-config {d}/s.cfg --topology {d}/t-stride-big.csv
2|gemm --scalesim-config {d}/s.cfg --topology {d}/t-filter0.csv
*|gemm --scalesim-config {d}/s.cfg --topology {d}/t-channels-max.csv
2|gemm --scalesim-config {d}/s.cfg --topology {d}/t-stride-neg.csv
2|gemm --scalesim-config {d}/s.cfg --topology {d}/t-batch2.csv
0|gemm --scalesim-config {d}/s.cfg --topology {d}/t-batch1.csv
2|gemm --scalesim-config {d}/s.cfg --topology {d}/t-typo-col.csv
2|gemm --scalesim-config {d}/s.cfg --topology {d}/t-semicolon.csv
2|gemm --scalesim-config {d}/s.cfg --topology {d}/t-latin1.csv
2|gemm --scalesim-config {d}/s.cfg --topology {d}/adir
2|gemm --scalesim-config {d}/s.cfg --topology {d}/random.bin
2|gemm --scalesim-config {d}/s.cfg --topology {d}/t-gemm.csv --out {d}/file.txt
0|gemm --scalesim-config {d}/s.cfg --topology {d}/t-gemm.csv --out {d}/ssout
2|gemm --scalesim-config {d}/s.cfg --topology {d}/t-gemm.csv --m 8
2|gemm --scalesim-config {d}/s.cfg --topology {d}/t-gemm.csv --rows 8
2|gemm --scalesim --scalesim-config {d}/s.cfg --topology {d}/t-gemm.csv
0|gemm --scalesim --m 64 --k 64 --n 64
2|gemm --scalesim --m 64 --k 64 --n 64 --bandwidth-bytes-per-cycle 0.5
2|gemm --scalesim --m 64 --k 64 --n 64 --pe bitfusion
*|gemm --scalesim --m 8 --k 8 --n 8 --rows 65536 --cols 65536
2|gemm --scalesim --m 64 --k 64 --n 64 --mapping {d}/map.yaml
# --- simulate
0|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 1 --generate 1
0|simulate --hw {d}/hw.yaml --model-config {d}/hf.json --prompt 16 --generate 2
0|simulate --hw tpu-like-int8 --workload opt-1.3b --phase prefill --prompt 2048
2|simulate --hw tpu-like-int8 --workload opt-1.3b --phase prefill --prompt 2049
2|simulate --hw tpu-like-int8 --workload opt-1.3b --phase decode --context 2048 --generate 1
0|simulate --hw tpu-like-int8 --workload opt-1.3b --phase decode --context 2047 --generate 1
*|simulate --hw tpu-like-int8 --workload opt-1.3b --phase decode --context 0 --generate 1
0|simulate --hw tpu-like-int8 --workload opt-1.3b --phase prefill --prompt 64 --batch 4096
2|simulate --hw tpu-like-int8 --workload opt-1.3b --phase prefill --prompt 8 --batch 2147483648
2|simulate --hw tpu-like-int8 --workload opt-1.3b --phase prefill --prompt 2147483647 --allow-long-context
2|simulate --hw tpu-like-int8 --workload opt-1.3b --phase decode --context 9999999999 --allow-long-context
*|simulate --hw tpu-like-int8 --workload opt-1.3b --phase decode --context 1000000 --generate 1 --allow-long-context
2|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 400001
2|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 0
2|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 1 --phase Prefill
2|simulate --workload opt-1.3b --prompt 8 --generate 1
2|simulate --hw tpu-like-int8 --prompt 8 --generate 1
2|simulate --hw tpu-like-int8 --workload opt-1.3b --model-config {d}/hf.json
2|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 1 --quant W0A8
2|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 1 --quant W99A8
2|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 1 --quant W4A8g0
2|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 1 --quant W4A8g-1
2|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 1 --quant W4A8g99999999999
*|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 1 --quant W4A8g3
2|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 1 --quant W4:nope,A8:int8
2|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 1 --quant {e}
2|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 1 --quant W4A8,W8A8
0|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 1 --quant W4A8KV4g128,lm_head:same
2|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 1 --attention sparse
2|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 1 --lm-head none
2|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 1 --speculative eagle
0|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 2 --speculative medusa --acceptance 0.7
2|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 2 --speculative medusa --medusa-heads 0
2|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 2 --speculative medusa --medusa-heads 2147483647
2|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 2 --speculative medusa --acceptance 1.5
2|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 2 --speculative medusa --acceptance NaN
2|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 2 --speculative medusa --acceptance -0.1
2|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 2 --speculative medusa --acceptance 0.5,0.5,0.5,0.5,0.5,0.5
2|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 2 --speculative medusa --acceptance ,
2|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 2 --speculative medusa --tree-tokens 0
2|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 2 --speculative medusa --tree-tokens 2147483647
2|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 2 --acceptance 0.5
0|simulate --hw tpu-like-int8 --workload opt-6.7b --prompt 8 --generate 2 --speculative draft --draft-model opt-1.3b --acceptance 0.7
2|simulate --hw tpu-like-int8 --workload opt-6.7b --prompt 8 --generate 2 --speculative draft --draft-model opt-9b
2|simulate --hw tpu-like-int8 --workload opt-6.7b --prompt 8 --generate 2 --speculative draft --draft-model {d}/hf-trunc.json
2|simulate --hw tpu-like-int8 --workload opt-6.7b --prompt 8 --generate 2 --speculative draft --draft-model opt-1.3b --draft-tokens 0
2|simulate --hw tpu-like-int8 --workload opt-6.7b --prompt 8 --generate 2 --speculative draft --draft-model opt-1.3b --draft-tokens 2147483647
2|simulate --hw tpu-like-int8 --workload opt-6.7b --prompt 8 --generate 2 --speculative draft
2|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 1 --steps 4
2|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 1 --mapping {d}/map-neg.yaml
0|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 1 --mapping {d}/map.yaml
2|simulate --hw {d}/hw-kib-huge.yaml --workload opt-1.3b --prompt 8 --generate 1
2|simulate --hw {d}/hw-clock-tiny.yaml --workload opt-1.3b --prompt 8 --generate 1
2|simulate --hw {d}/hw-dram-tiny-bw.yaml --workload opt-1.3b --prompt 8 --generate 1
2|simulate --hw tpu-like-int8 --model-config {d}/hf-heads-div.json --prompt 8 --generate 1
2|simulate --hw tpu-like-int8 --model-config {d}/hf-kv-div.json --prompt 8 --generate 1
2|simulate --hw tpu-like-int8 --model-config {d}/hf-kv-more.json --prompt 8 --generate 1
2|simulate --hw tpu-like-int8 --model-config {d}/hf-vocab0.json --prompt 8 --generate 1
*|simulate --hw tpu-like-int8 --model-config {d}/hf-vocab-huge.json --prompt 8 --generate 1
2|simulate --hw tpu-like-int8 --model-config {d}/hf-hidden-huge.json --prompt 8 --generate 1
2|simulate --hw tpu-like-int8 --model-config {d}/hf-inter-neg.json --prompt 8 --generate 1
2|simulate --hw tpu-like-int8 --model-config {d}/hf-pos0.json --prompt 8 --generate 1
2|simulate --hw tpu-like-int8 --model-config {d}/hf-layers-str.json --prompt 8 --generate 1
2|simulate --hw tpu-like-int8 --model-config {d}/hf-layers-null.json --prompt 8 --generate 1
2|simulate --hw tpu-like-int8 --model-config {d}/hf-act-num.json --prompt 8 --generate 1
0|simulate --hw tpu-like-int8 --model-config {d}/hf-type-opt.json --prompt 8 --generate 1
2|simulate --hw tpu-like-int8 --model-config {d}/hf-type-bert.json --prompt 8 --generate 1
*|simulate --hw tpu-like-int8 --model-config {d}/hf-no-type.json --prompt 8 --generate 1
2|simulate --hw tpu-like-int8 --model-config {d}/hf-moe.json --prompt 8 --generate 1
2|simulate --hw tpu-like-int8 --model-config {d}/hf-moe-k.json --prompt 8 --generate 1
2|simulate --hw tpu-like-int8 --model-config {d}/hf-dup.json --prompt 8 --generate 1
2|simulate --hw tpu-like-int8 --model-config {d}/hf-trunc.json --prompt 8 --generate 1
2|simulate --hw tpu-like-int8 --model-config {d}/random.bin --prompt 8 --generate 1
2|simulate --hw tpu-like-int8 --model-config {d}/adir --prompt 8 --generate 1
2|simulate --hw tpu-like-int8 --model-config {d}/hw.yaml --prompt 8 --generate 1
2|simulate --hw tpu-like-int8 --model-config {d}/deep.json --prompt 8 --generate 1
0|simulate --hw tpu-like-int8 --model-config {d}/unet.json --steps 1
2|simulate --hw tpu-like-int8 --model-config {d}/unet-empty-blocks.json --steps 1
2|simulate --hw tpu-like-int8 --model-config {d}/unet-ch0.json --steps 1
2|simulate --hw tpu-like-int8 --model-config {d}/unet-sample0.json --steps 1
2|simulate --hw tpu-like-int8 --model-config {d}/unet-layers-huge.json --steps 1
2|simulate --hw tpu-like-int8 --model-config {d}/unet-up-mismatch.json --steps 1
2|simulate --hw tpu-like-int8 --model-config {d}/unet-groups0.json --steps 1
0|simulate --hw tpu-like-int8 --model-config {d}/dit.json --steps 1
2|simulate --hw tpu-like-int8 --model-config {d}/dit-patch0.json --steps 1
2|simulate --hw tpu-like-int8 --model-config {d}/dit-patch-big.json --steps 1
2|simulate --hw tpu-like-int8 --model-config {d}/dit-patch-odd.json --steps 1
2|simulate --hw tpu-like-int8 --model-config {d}/dit-norm.json --steps 1
0|simulate --hw tpu-like-int8 --workload sd-1.5 --steps 1 --resolution 64
2|simulate --hw tpu-like-int8 --workload sd-1.5 --steps 1 --resolution 8
2|simulate --hw tpu-like-int8 --workload sd-1.5 --steps 1 --resolution -512
2|simulate --hw tpu-like-int8 --workload sd-1.5 --steps -1
*|simulate --hw tpu-like-int8 --workload sd-1.5 --steps 2147483647 --resolution 64
2|simulate --hw tpu-like-int8 --workload sd-1.5 --steps 1 --resolution 2147483647
0|simulate --hw tpu-like-int8 --workload dit-xl-2 --steps 1 --no-guidance
2|simulate --hw tpu-like-int8 --workload dit-xl-2 --steps 1 --resolution 260
0|simulate --hw tpu-like-int8 --workload sd-1.5 --steps 1 --resolution 64 --svdquant-rank 8 --quant W4A4
2|simulate --hw tpu-like-int8 --workload sd-1.5 --steps 1 --resolution 64 --svdquant-rank 0
2|simulate --hw tpu-like-int8 --workload sd-1.5 --steps 1 --resolution 64 --svdquant-rank -8
2|simulate --hw tpu-like-int8 --workload sd-1.5 --steps 1 --resolution 64 --svdquant-rank 2147483647
0|simulate --hw tpu-like-int8 --workload sd-1.5 --steps 1 --resolution 64 --text-encoder --vae-decoder
2|simulate --hw tpu-like-int8 --workload sd-1.5 --steps 1 --prompt 8
2|simulate --hw isaac-like --workload opt-1.3b --prompt 8 --generate 1 --quant W16A16
2|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 1 --out {d}/file.txt
2|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 1 --out {d}/nodir/a/b
0|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 1 --out {d}/simout
0|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 1 --out {d}/simout
2|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 1 --out {d}/simout2 --json {d}/simout2/simulate.json
1|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 1 --json /dev/full
1|@full simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 1 --csv -
1|@full simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 1
0|simulate --hw tpu-like-int8 --workload opt-1.3b --prompt 8 --generate 1 --explain --json -
# --- roofline
0|roofline --device a100-80gb --workload opt-1.3b --prompt 8 --generate 1
0|roofline --hw {d}/hw.yaml --workload opt-1.3b --prompt 8 --generate 1
2|roofline --workload opt-1.3b --prompt 8 --generate 1
2|roofline --device a100-80gb --hw tpu-like-int8 --workload opt-1.3b
2|roofline --device a100-80gb
2|roofline --device A100-80GB --workload opt-1.3b
2|roofline --device a100-80gb --workload opt-1.3b --tp 3
2|roofline --device a100-80gb --workload opt-1.3b --tp 2147483647
2|roofline --device a100-80gb --workload opt-1.3b --tp 2 --link-gbps 0
2|roofline --device a100-80gb --workload opt-1.3b --tp 2 --link-gbps NaN
2|roofline --device a100-80gb --workload opt-1.3b --tp 2 --link-gbps Infinity
2|roofline --device a100-80gb --workload opt-1.3b --link-gbps 100
2|roofline --device a100-80gb --workload opt-1.3b --fused-attention --query-block 2147483648
2|roofline --device a100-80gb --workload opt-1.3b --query-block 64
2|roofline --device a100-80gb --workload opt-1.3b --workload-option kvBucket=0
2|roofline --device a100-80gb --workload opt-1.3b --workload-option kvBucket=-1
2|roofline --device a100-80gb --workload opt-1.3b --workload-option attention=sparse
2|roofline --device a100-80gb --workload opt-1.3b --workload-option =
2|roofline --device a100-80gb --workload opt-1.3b --workload-option kvBucket
2|roofline --device a100-80gb --workload opt-1.3b --workload-option kvBucket=64 --workload-option kvBucket=32
2|roofline --device a100-80gb --workload opt-1.3b --quant W3A77
2|roofline --device a100-80gb --workload opt-1.3b --batch 2147483648
2|roofline --device a100-80gb --workload opt-1.3b --prompt 8 --generate 400001
2|roofline --device a100-80gb --workload opt-1.3b --phase decode --context 99999999999 --allow-long-context
0|roofline --device a100-80gb --workload sd-1.5
2|roofline --device a100-80gb --workload opt-1.3b --plot {d}/r.jpg
2|roofline --device a100-80gb --workload opt-1.3b --plot {d}/nodir/r.png
2|roofline --device a100-80gb --workload opt-1.3b --plot {d}/adir
1|roofline --device a100-80gb --workload opt-1.3b --plot /dev/full
0|roofline --device a100-80gb --workload opt-1.3b --plot {d}/r.svg
2|roofline --device a100-80gb --workload opt-1.3b --plot {d}/r.svg --json {d}/r.svg
2|roofline --device a100-80gb --workload opt-1.3b --plot {d}/r2.png --out {d}/rout --csv {d}/r2.png
2|roofline --device a100-80gb --model-config {d}/hf-trunc.json
2|roofline --device a100-80gb --model-config {d}/unet-ch0.json
2|roofline --hw {d}/hw-clock-NaN.yaml --workload opt-1.3b
2|roofline --hw {d}/hw-family-case.yaml --workload opt-1.3b
# --- explore
0|explore --space {d}/space.yaml --out {d}/ex1 --budget 2 --threads 1
2|explore --space {d}/sp-range-step0.yaml --out {d}/ex2 --budget 2
2|explore --space {d}/sp-range-factor1.yaml --out {d}/ex3 --budget 2
2|explore --space {d}/sp-range-factor-frac.yaml --out {d}/ex4 --budget 2
2|explore --space {d}/sp-range-rev.yaml --out {d}/ex5 --budget 2
*|explore --space {d}/sp-range-neg-step.yaml --out {d}/ex6 --budget 2
2|explore --space {d}/sp-range-nan.yaml --out {d}/ex7 --budget 2
2|explore --space {d}/sp-range-both.yaml --out {d}/ex8 --budget 2
2|explore --space {d}/sp-range-none.yaml --out {d}/ex9 --budget 2
2|explore --space {d}/sp-range-tiny.yaml --out {d}/ex10 --budget 2
2|explore --space {d}/sp-values-empty.yaml --out {d}/ex11 --budget 2
2|explore --space {d}/sp-values-bad.yaml --out {d}/ex12 --budget 2
2|explore --space {d}/sp-values-str.yaml --out {d}/ex13 --budget 2
*|explore --space {d}/sp-values-dup.yaml --out {d}/ex14 --budget 2
2|explore --space {d}/sp-params-empty.yaml --out {d}/ex15 --budget 2
2|explore --space {d}/sp-path-twice.yaml --out {d}/ex16 --budget 2
2|explore --space {d}/sp-no-workloads.yaml --out {d}/ex17 --budget 2
2|explore --space {d}/sp-weight0.yaml --out {d}/ex18 --budget 2
2|explore --space {d}/sp-weight-neg.yaml --out {d}/ex19 --budget 2
2|explore --space {d}/sp-weight-nan.yaml --out {d}/ex20 --budget 2
2|explore --space {d}/sp-phase.yaml --out {d}/ex21 --budget 2
2|explore --space {d}/sp-context-huge.yaml --out {d}/ex22 --budget 2
2|explore --space {d}/sp-gen-huge.yaml --out {d}/ex23 --budget 2
2|explore --space {d}/sp-quant.yaml --out {d}/ex24 --budget 2
2|explore --space {d}/sp-obj-empty.yaml --out {d}/ex25 --budget 2
2|explore --space {d}/sp-obj-dup.yaml --out {d}/ex26 --budget 2
2|explore --space {d}/sp-constraint-neg.yaml --out {d}/ex27 --budget 2
2|explore --space {d}/sp-constraint-key.yaml --out {d}/ex28 --budget 2
2|explore --space {d}/sp-memory.yaml --out {d}/ex29 --budget 2
2|explore --space {d}/sp-base-file.yaml --out {d}/ex30 --budget 2
2|explore --space {d}/sp-base-inline.yaml --out {d}/ex31 --budget 2
2|explore --space {d}/sp-base-bad-file.yaml --out {d}/ex32 --budget 2
2|explore --space {d}/sp-pe-values.yaml --out {d}/ex33 --budget 2
2|explore --space {d}/sp-trunc.yaml --out {d}/ex34 --budget 2
2|explore --space {d}/random.bin --out {d}/ex35 --budget 2
2|explore --space {d}/empty.yaml --out {d}/ex36 --budget 2
2|explore --space {d}/bomb.yaml --out {d}/ex37 --budget 2
2|explore --space {d}/adir --out {d}/ex38 --budget 2
2|explore --space {d}/space.yaml --out {d}/ex39 --budget 9223372036854775808
0|explore --space {d}/space.yaml --out {d}/ex40 --budget 9223372036854775807 --threads 1
0|explore --space {d}/space.yaml --out {d}/ex41 --budget 0 --threads 1
2|explore --space {d}/space.yaml --out {d}/ex42 --budget 2 --threads 2147483647
2|explore --space {d}/space.yaml --out {d}/ex43 --budget 2 --threads -1
0|explore --space {d}/space.yaml --out {d}/ex44 --strategy random --budget 1 --threads 1 --seed -1
0|explore --space {d}/space.yaml --out {d}/ex45 --strategy nsga2 --budget 2 --threads 1
2|explore --space {d}/space.yaml --out {d}/ex46 --strategy NSGA2 --budget 2
2|explore --space {d}/space.yaml --out {d}/ex47 --budget 2 --seed 1.5
2|explore --space {d}/space.yaml --out {d}/ex48 --budget 2 --engine sparky
2|explore --space {d}/space.yaml --out {d}/ex49 --budget 2 --master local[2]
2|explore --space {d}/space.yaml --out {d}/ex50 --budget 2 --mapping {d}/map-neg.yaml
2|explore --space {d}/space.yaml --out {d}/file.txt --budget 2
2|explore --space {d}/space.yaml --out {d}/store --budget 2
0|explore --space {d}/space.yaml --out {d}/store --budget 2 --resume --threads 1
2|explore --space {d}/space.yaml --out {d}/ex51 --budget 2 --resume
2|explore --space {d}/space.yaml --out {d}/store-garbage --budget 2 --resume
2|explore --space {d}/space.yaml --out {d}/store-trunc --budget 2 --resume
2|explore --space {d}/space.yaml --out {d}/store-latin1 --budget 2 --resume
*|explore --space {d}/space.yaml --out {d}/store-empty --budget 2 --resume --threads 1
*|explore --space {d}/space.yaml --out {d}/store-nomanifest --budget 2 --resume --threads 1
2|explore --space {d}/space.yaml --out {d}/store-badmanifest --budget 2 --resume
2|explore --space {d}/sp-values-dup.yaml --out {d}/store-otherspace --budget 2 --resume
2|explore --space {d}/space.yaml --out {d}/store-dirresults --budget 2 --resume
2|explore --space {d}/space.yaml --out {e} --budget 2
# --- report
0|report --in {d}/qres --out {d}/rep.html
0|report --in {d}/qres --in {d}/qres --out {d}/rep2.html
0|report --in {d}/store --out -
2|report --in {d}/qres-kind --out {d}/rep3.html
2|report --in {d}/qres-json --out {d}/rep4.html
2|report --in {d}/qres-missingfile --out {d}/rep5.html
2|report --in {d}/store-badmanifest --out {d}/rep6.html
2|report --in {d}/emptydir --out {d}/rep7.html
2|report --in {d}/qres --out {d}/adir
2|report --in {d}/qres --out {d}/nodir/rep.html
2|report --in {d}/qres --out {d}/qres/manifest.json
1|report --in {d}/qres --out /dev/full
1|@full report --in {d}/qres --out -
2|report --out {d}/rep8.html
2|report --in {d}/qres
2|report --in {e} --out {d}/rep9.html
# --- quantize
0|quantize --synthetic gaussian --rows 8 --cols 8 --format int4 --tokens 0
0|quantize --synthetic gaussian --rows 1 --cols 1 --format int4 --tokens 1
0|quantize --synthetic llm-outliers --rows 16 --cols 256 --format all --tokens 2 --bcq-rounds 1
2|quantize --synthetic gaussian --rows 8 --cols 8 --format int0
0|quantize --synthetic gaussian --rows 8 --cols 8 --format int2
2|quantize --synthetic gaussian --rows 8 --cols 8 --format int1
*|quantize --synthetic gaussian --rows 8 --cols 8 --format int32
2|quantize --synthetic gaussian --rows 8 --cols 8 --format int65
2|quantize --synthetic gaussian --rows 8 --cols 8 --format int2147483648
2|quantize --synthetic gaussian --rows 8 --cols 8 --format uint0
2|quantize --synthetic gaussian --rows 8 --cols 8 --format sm-int1
2|quantize --synthetic gaussian --rows 8 --cols 8 --format bcq0
2|quantize --synthetic gaussian --rows 8 --cols 8 --format bcq99
2|quantize --synthetic gaussian --rows 8 --cols 8 --format int4,
2|quantize --synthetic gaussian --rows 8 --cols 8 --format ,
2|quantize --synthetic gaussian --rows 8 --cols 8 --format int4,all
*|quantize --synthetic gaussian --rows 8 --cols 8 --format int4,int4
2|quantize --synthetic gaussian --rows 8 --cols 8 --format INT4
2|quantize --synthetic gaussian --rows 8 --cols 8 --format {e}
2|quantize --synthetic gaussian --rows 65536 --cols 65536 --format int4
2|quantize --synthetic gaussian --rows 2147483647 --cols 2147483647 --format int4
2|quantize --synthetic gaussian --rows -8 --cols 8 --format int4
2|quantize --synthetic gaussian --rows 8 --cols 0 --format int4
2|quantize --synthetic gaussian --rows 8 --cols 8 --format int4 --group-size 0
2|quantize --synthetic gaussian --rows 8 --cols 8 --format int4 --group-size -128
*|quantize --synthetic gaussian --rows 8 --cols 8 --format int4 --group-size 1
*|quantize --synthetic gaussian --rows 8 --cols 8 --format int4 --group-size 3
*|quantize --synthetic gaussian --rows 8 --cols 8 --format int4 --group-size 2147483647
2|quantize --synthetic gaussian --rows 8 --cols 8 --format int4 --granularity Group
2|quantize --synthetic gaussian --rows 8 --cols 8 --format int4 --granularity tensor --group-size 4
2|quantize --synthetic llm-outliers --rows 8 --cols 8 --format int4 --outlier-fraction -0.1
2|quantize --synthetic llm-outliers --rows 8 --cols 8 --format int4 --outlier-fraction 1.5
2|quantize --synthetic llm-outliers --rows 8 --cols 8 --format int4 --outlier-fraction NaN
2|quantize --synthetic llm-outliers --rows 8 --cols 8 --format int4 --outlier-ratio 0
2|quantize --synthetic llm-outliers --rows 8 --cols 8 --format int4 --outlier-ratio Infinity
2|quantize --synthetic llm-outliers --rows 8 --cols 8 --format int4 --outlier-ratio 1e308
2|quantize --synthetic gaussian --rows 8 --cols 8 --format bcq2 --bcq-rounds -1
*|quantize --synthetic gaussian --rows 8 --cols 8 --format bcq2 --bcq-rounds 0
2|quantize --synthetic gaussian --rows 4096 --cols 4096 --format bcq4 --bcq-rounds 2147483647
2|quantize --synthetic gaussian --rows 8 --cols 8 --format int4 --victim-rule odd-first
2|quantize --synthetic gaussian --rows 8 --cols 8 --format int4 --scale-search best
2|quantize --synthetic gaussian --rows 8 --cols 8 --format int4 --seed 9223372036854775808
0|quantize --synthetic gaussian --rows 8 --cols 8 --format int4 --seed -9223372036854775808
2|quantize --synthetic gaussian --rows 8 --cols 8 --format int4 --tokens 65537
*|quantize --synthetic gaussian --rows 4096 --cols 4096 --format all --tokens 65536
2|quantize --synthetic gaussian --safetensors {d}/good.safetensors --tensor w --format int4
2|quantize --synthetic gaussian --rows 8 --cols 8 --format int4 --tensor w
0|quantize --safetensors {d}/good.safetensors --tensor w --format int4 --group-size 4
0|quantize --safetensors {d}/meta.safetensors --all-tensors --format int4 --group-size 4
0|quantize --safetensors {d}/stfolder --all-tensors --format int4 --group-size 4
2|quantize --safetensors {d}/good.safetensors --tensor w --tensor w --format int4
2|quantize --safetensors {d}/good.safetensors --tensor w --all-tensors --format int4
2|quantize --safetensors {d}/only-meta.safetensors --all-tensors --format int4
2|quantize --safetensors {d}/onedim.safetensors --tensor b --format int4
2|quantize --safetensors {d}/onedim.safetensors --all-tensors --format int4
0|quantize --safetensors {d}/f16.safetensors --tensor w --format int4 --group-size 4
0|quantize --safetensors {d}/bf16.safetensors --tensor w --format int4 --group-size 4
*|quantize --safetensors {d}/i8.safetensors --tensor w --format int4 --group-size 4
*|quantize --safetensors {d}/f64.safetensors --tensor w --format int4
2|quantize --safetensors {d}/shape-over.safetensors --tensor w --format int4
2|quantize --safetensors {d}/shape-neg.safetensors --tensor w --format int4
2|quantize --safetensors {d}/shape-str.safetensors --tensor w --format int4
2|quantize --safetensors {d}/offsets-rev.safetensors --tensor w --format int4
2|quantize --safetensors {d}/offsets-neg.safetensors --tensor w --format int4
2|quantize --safetensors {d}/offsets-past.safetensors --tensor w --format int4
2|quantize --safetensors {d}/dup-name.safetensors --tensor w --format int4
2|quantize --safetensors {d}/no-dtype.safetensors --tensor w --format int4
2|quantize --safetensors {d}/header-array.safetensors --all-tensors --format int4
2|quantize --safetensors {d}/header-str.safetensors --all-tensors --format int4
2|quantize --safetensors {d}/nan-mid.safetensors --tensor w --format int4
0|quantize --safetensors {d}/nan-mid.safetensors --tensor w --format int4 --group-size 4 --non-finite skip
0|quantize --safetensors {d}/ninf.safetensors --tensor w --format int4 --group-size 4 --non-finite clamp
2|quantize --safetensors {d}/ninf.safetensors --tensor w --format int4
2|quantize --safetensors {d}/all-nan.safetensors --tensor w --format int4 --non-finite clamp
0|quantize --safetensors {d}/zeros.safetensors --tensor w --format int4 --group-size 4
*|quantize --safetensors {d}/maxf.safetensors --tensor w --format int4 --group-size 4
*|quantize --safetensors {d}/maxf.safetensors --tensor w --format fp16 --group-size 4
2|quantize --safetensors {d}/short-data.safetensors --tensor w --format int4
*|quantize --safetensors {d}/extra-data.safetensors --tensor w --format int4 --group-size 4
2|quantize --safetensors {d}/shape-mismatch.safetensors --tensor w --format int4
*|quantize --safetensors {d}/long-shape.safetensors --tensor w --format int4
2|quantize --safetensors {d}/hdr-max.safetensors --all-tensors --format int4
2|quantize --safetensors {d}/hdr-zero.safetensors --all-tensors --format int4
2|quantize --safetensors {d}/hdr-past.safetensors --all-tensors --format int4
2|quantize --safetensors {d}/three-bytes.safetensors --all-tensors --format int4
2|quantize --safetensors {d}/empty.safetensors --all-tensors --format int4
2|quantize --safetensors {d}/hdr-bin.safetensors --all-tensors --format int4
2|quantize --safetensors {d}/stdir-empty.safetensors --all-tensors --format int4
2|quantize --safetensors {d}/model.safetensors.index.json --all-tensors --format int4
2|quantize --safetensors {d}/trunc.safetensors.index.json --all-tensors --format int4
*|quantize --safetensors {d}/stfolder/escape.index.json --all-tensors --format int4 --group-size 4
2|quantize --safetensors {d}/random.bin --all-tensors --format int4
2|quantize --safetensors {d}/file.txt --all-tensors --format int4
0|quantize --safetensors {d}/good.safetensors --tensor w --format int4 --group-size 4 --dequantized-out {d}/dq.safetensors
2|quantize --safetensors {d}/good.safetensors --tensor w --format int4 --group-size 4 --dequantized-out {d}/good.safetensors
2|quantize --safetensors {d}/good.safetensors --tensor w --format int4 --group-size 4 --dequantized-out {d}/adir
1|quantize --safetensors {d}/good.safetensors --tensor w --format int4 --group-size 4 --dequantized-out /dev/full
2|quantize --safetensors {d}/good.safetensors --tensor w --format int4 --group-size 4 --json {d}/q.json --dequantized-out {d}/q.json
2|quantize --synthetic gaussian --rows 8 --cols 8 --format int4 --out {d}/file.txt
1|quantize --synthetic gaussian --rows 8 --cols 8 --format int4 --csv /dev/full
# --- adc-study
0|adc-study --synthetic gaussian --rows 8 --cols 16 --tokens 1
0|adc-study --safetensors {d}/good.safetensors --tensor w
0|adc-study --synthetic llm-outliers --rows 8 --cols 16 --hw {root}/examples/hardware/reram-pos-neg-8b.yaml
2|adc-study --synthetic gaussian --rows 8 --cols 16 --hw {d}/hw.yaml
2|adc-study --synthetic gaussian --rows 8 --cols 16 --hw {d}/hw-trunc.yaml
2|adc-study --synthetic gaussian --rows 2147483647 --cols 2147483647
2|adc-study --synthetic gaussian --rows 8 --cols -16
2|adc-study --synthetic gaussian --rows 8 --cols 16 --tokens 65537
*|adc-study --synthetic gaussian --rows 8 --cols 16 --tokens 65536
2|adc-study --synthetic gaussian --rows 8 --cols 16 --seed x
2|adc-study --safetensors {d}/good.safetensors --tensor v
2|adc-study --safetensors {d}/good.safetensors --synthetic gaussian --tensor w
2|adc-study --safetensors {d}/onedim.safetensors --tensor b
2|adc-study --safetensors {d}/all-nan.safetensors --tensor w
2|adc-study --safetensors {d}/all-nan.safetensors --tensor w --non-finite clamp
0|adc-study --safetensors {d}/nan-mid.safetensors --tensor w --non-finite skip
0|adc-study --safetensors {d}/zeros.safetensors --tensor w
*|adc-study --safetensors {d}/maxf.safetensors --tensor w
2|adc-study --safetensors {d}/shape-over.safetensors --tensor w
2|adc-study --safetensors {d}/hdr-max.safetensors --tensor w
2|adc-study --synthetic gaussian --rows 8 --cols 16 --json {d}/adir
1|adc-study --synthetic gaussian --rows 8 --cols 16 --json /dev/full
2|adc-study --synthetic gaussian --rows 8 --cols 16 --out {d}/file.txt
# --- reproduce
0|reproduce isaac
2|reproduce
2|reproduce ANT
2|reproduce ant bitmod
2|reproduce {e}
2|reproduce ant --dir {d}/emptydir
2|reproduce ant --dir {d}/file.txt
2|reproduce ant --dir {d}/rep-yaml-trunc
2|reproduce ant --dir {d}/rep-paper-key
2|reproduce ant --dir {d}/rep-layer-missing
2|reproduce ant --dir {d}/rep-layers-bad
2|reproduce ant --dir {root}/examples/reproduce/bitmod
2|reproduce isaac --json {d}/adir
1|reproduce isaac --json /dev/full
2|reproduce isaac --out {d}/file.txt
# --- verilog
0|verilog --rows 1 --cols 1 --out {d}/v1
0|verilog --rows 32 --cols 32 --out {d}/v2
2|verilog --rows 32 --cols 33 --out {d}/v3
2|verilog --rows -1 --out {d}/v4
2|verilog --rows 2147483648 --out {d}/v5
*|verilog --data-bits 1 --acc-bits 2 --out {d}/v6
2|verilog --data-bits 8 --acc-bits 15 --out {d}/v7
0|verilog --data-bits 8 --acc-bits 16 --out {d}/v8
0|verilog --data-bits 8 --acc-bits 128 --out {d}/v9
2|verilog --data-bits 65 --acc-bits 128 --out {d}/v10
2|verilog --data-bits 2147483647 --out {d}/v11
2|verilog --data-bits -8 --out {d}/v12
0|verilog --design mac16 --out {d}/v13
0|verilog --design fifo --out {d}/v14
0|verilog --design ram --synthesis --out {d}/v15
2|verilog --design Systolic --out {d}/v16
2|verilog --design fifo --pe mac-int --out {d}/v17
0|verilog --pe bit-serial --rows 2 --cols 2 --out {d}/v18
0|verilog --pe lut --rows 1 --cols 1 --out {d}/v19
*|verilog --pe reram --rows 1 --cols 1 --out {d}/v20
2|verilog --pe mac-int --k 0 --out {d}/v21
2|verilog --pe mac-int --k 4097 --out {d}/v22
2|verilog --pe mac-int --m 4097 --out {d}/v23
2|verilog --pe mac-int --n -1 --out {d}/v24
0|verilog --hw {d}/hw.yaml --rows 2 --cols 2 --out {d}/v25
2|verilog --hw {d}/hw-rows-max.yaml --out {d}/v26
2|verilog --hw {d}/hw-trunc.yaml --out {d}/v27
2|verilog --hw isaac-like --rows 2 --cols 2 --out {d}/v28
2|verilog --hw tpu-like-int8 --pe mac-int --out {d}/v29
2|verilog --out {d}/file.txt
2|verilog --out {d}/file.txt/v
2|verilog --rows 2 --cols 2
1|verilog --rows 2 --cols 2 --out {d}/v30 --json /dev/full
2|verilog --rows 2 --cols 2 --out {e}
# --- cosim (bad inputs only: refused before any tool runs)
2|cosim --cycles 0 --design fifo
2|cosim --cycles 100001 --design fifo
2|cosim --cycles -5 --design counter
2|cosim --rows 33
2|cosim --cols 0
2|cosim --m 4097 --pe mac-int
2|cosim --n 0 --pe mac-int
2|cosim --java-sim jit --pe mac-int
2|cosim --simulator java --design fifo
2|cosim --simulator {e}
2|cosim --data-bits 0
2|cosim --acc-bits 129
2|cosim --hw {d}/hw-trunc.yaml
2|cosim --hw {d}/hw-rows-max.yaml
2|cosim --pe mac-int --vcd {d}/adir
2|cosim --pe mac-int --vcd {d}/nodir/t.vcd
2|cosim --design counter --vcd {d}/t.vcd
2|cosim --pe mac-int --out {d}/file.txt
2|cosim --pe mac-int --json {d}/c.json --vcd {d}/c.json
# --- fpga and fpga-run (bad inputs only: refused before any tool runs)
2|fpga --rows 33 --out {d}/f1
2|fpga --clock-mhz NaN --out {d}/f2
2|fpga --clock-mhz -12 --out {d}/f3
2|fpga --clock-mhz 1e12 --out {d}/f4
2|fpga --out {d}/file.txt
2|fpga --device up5k --board hx8k-breakout --pe mac-int --out {d}/f5
2|fpga --area-table --pe mac-itn
2|fpga --area-table --json {d}/adir
2|fpga --design nope --out {d}/f6
2|fpga --k 0 --pe mac-int --out {d}/f7
2|fpga --hw {d}/hw-trunc.yaml --out {d}/f8
2|fpga --data-bits 0 --out {d}/f9
2|fpga --acc-bits 8 --out {d}/f10
2|fpga-run --simulate --port /dev/null --pe mac-int --board icebreaker
2|fpga-run --port /dev/null --pe mac-int --board icebreaker
2|fpga-run --port {d}/adir --pe mac-int --board icebreaker
2|fpga-run --simulate --pe mac-itn --board icebreaker
2|fpga-run --simulate --pe mac-int --board icebreaker --rows 0
2|fpga-run --simulate --pe mac-int --board icebreaker --k 4097
2|fpga-run --simulate --pe mac-int --board icebreaker --timeout-ms -1
2|fpga-run --simulate --pe mac-int --board icebreaker --timeout-ms 9999999999999
2|fpga-run --simulate --pe mac-int --board icebreaker --out {d}/file.txt
2|fpga-run --simulate --hw {d}/hw-trunc.yaml --board icebreaker
# --- bench (bad inputs only)
2|bench --rounds -1
2|bench --rounds 2147483648
2|bench --round-seconds 0
2|bench --round-seconds -2
2|bench --warmup-seconds -1
2|bench --only gemm,nope
2|bench --only {e}
2|bench --threads 2147483647 --only explore
2|bench --only gemm --json {d}/adir
# --- demo (bad inputs only)
2|demo --out {d}/file.txt
2|demo --device nope --out {d}/dm1
2|demo --prompt -1 --out {d}/dm2
2|demo --generate 0 --out {d}/dm3
2|demo --generate 400001 --out {d}/dm4
2|demo --prompt 2147483648 --out {d}/dm5
2|demo --model-config {d}/hf-trunc.json --out {d}/dm6
2|demo --model-config {d}/unet.json --out {d}/dm7
2|demo --reproductions {d}/file.txt --out {d}/dm8
2|demo --workload sd-1.5 --out {d}/dm9
EOF
)"

# ---------------------------------------------------------------------------------------------------------------
# Runner
# ---------------------------------------------------------------------------------------------------------------
res="$d/.results"
mkdir -p "$res"
# Runs start in the temporary folder: a row whose output path is empty or relative writes there, not here.
cd "$d" || exit 1

run_row() { # INDEX EXPECT LINE
  local i=$1 expect=$2 line=$3 mode="" a args=() t0 t1 code
  local out="$res/$i.out" err="$res/$i.err"
  read -r -a words <<<"$line"
  for a in "${words[@]}"; do
    case "$a" in
      @full | @closed) mode="$a" ;;
      '{e}') args+=("") ;;
      *) a="${a//\{d\}/$d}"; args+=("${a//\{root\}/$root}") ;;
    esac
  done
  t0=$(date +%s.%N)
  case "$mode" in
    @full) timeout -k 5 "$bound" "$bf" "${args[@]}" >/dev/full 2>"$err" </dev/null; code=$? ;;
    @closed) timeout -k 5 "$bound" "$bf" "${args[@]}" 2>"$err" </dev/null | true; code=${PIPESTATUS[0]} ;;
    *) timeout -k 5 "$bound" "$bf" "${args[@]}" >"$out" 2>"$err" </dev/null; code=$? ;;
  esac
  t1=$(date +%s.%N)
  local secs lines trace first nonfinite verdict
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
  lines=$(grep -c '' "$err")
  # a stack trace: frames, "Caused by", an uncaught exception; "Exception" anywhere else is counted apart
  trace=no
  grep -qE '^[[:space:]]+at [A-Za-z_$]|^Caused by: |^Exception in thread|at io\.bitforge\.' "$err" && trace=yes
  grep -q 'Exception' "$err" && [ "$trace" = no ] && trace=text
  first=$(head -n 1 "$err" | tr '\t' ' ' | cut -c1-200)
  nonfinite=no
  # "list formats" describes formats with no NaN in words: only other commands' numbers are checked
  [ -f "$out" ] && [ "$code" = 0 ] && [[ "$line" != list* ]] && grep -qE '(:|,|=|  |^)[[:space:]]*"?-?(NaN|Infinity)"?([[:space:],]|$)' "$out" && nonfinite=yes
  verdict=ok
  if [ "$code" = 124 ] || [ "$code" = 137 ]; then
    verdict=timeout
  elif [ "$trace" != no ]; then
    verdict=trace
  elif [ "$code" != 0 ] && [ "$lines" != 1 ]; then
    verdict=lines
  elif [ "$code" = 1 ] && [ "$expect" != 1 ]; then
    verdict=exit1
  elif [ "$nonfinite" = yes ]; then
    verdict=nonfinite
  else
    case "$expect" in
      '*') [ "$code" = 0 ] || [ "$code" = 2 ] || verdict=exit$code ;;
      *) [ "$code" = "$expect" ] || verdict="want$expect-got$code" ;;
    esac
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$i" "$verdict" "$expect" "$code" "$lines" "$trace" "$secs" \
    "$line" "$first" >"$res/$i.tsv"
}

n=0
while IFS= read -r row; do
  case "$row" in '' | '#'*) continue ;; esac
  [ -n "$filter" ] && [[ "$row" != *"$filter"* ]] && continue
  [ -n "$exclude" ] && [[ "$row" == *"$exclude"* ]] && continue
  n=$((n + 1))
  run_row "$n" "${row%%|*}" "${row#*|}" &
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n; done
done <<<"$rows"
wait

# An output written "atomically" over a device would replace the device with a plain file: say so loudly.
if [ -e /dev/full ] && [ ! -c /dev/full ]; then
  echo "bad-input-catalogue: /dev/full is no longer a device: a run replaced it with a file" >&2
fi

all="$res/all.tsv"
for ((i = 1; i <= n; i++)); do cat "$res/$i.tsv"; done >"$all"
[ -n "$table" ] && { printf 'row\tverdict\texpect\texit\tstderr lines\ttrace\tseconds\tcommand\tfirst stderr line\n'; cat "$all"; } >"$table"

awk -F'\t' -v bound="$bound" '
  { total++; code[$4]++; if ($2 != "ok") bad++; if ($6 == "yes") traces++; if ($4 != 0 && $5 != 1) multi++;
    if ($7 + 0 > bound) slow++; if ($2 == "nonfinite") nonfinite++; if ($4 == 1 && $3 != 1) exit1++;
    if ($6 == "text") exceptions++; }
  $2 != "ok" { printf "%-12s exit %s, %s stderr lines, %5s s: %s\n      %s\n", $2, $4, $5, $7, $8, $9 }
  END {
    printf "\n%d inputs: exit 0: %d, exit 2: %d, exit 1: %d (%d not a failed write), timed out: %d, other: %d\n",
      total, code[0], code[2], code[1], exit1, code[124] + code[137],
      total - code[0] - code[2] - code[1] - code[124] - code[137]
    printf "stack traces: %d, \"Exception\" in a message: %d, error messages not one line (none or several): %d, runs over %d s: %d, " \
      "NaN/Infinity in output: %d\n", traces, exceptions, multi, bound, slow, nonfinite
    printf "rows not as expected: %d\n", bad
    exit bad > 0
  }' "$all"
