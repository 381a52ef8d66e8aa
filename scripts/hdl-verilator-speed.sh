#!/usr/bin/env bash
# Verilator's speed on the design of `bitforge bench --only hdl`: the 8x8 INT8 output-stationary systolic array
# (no wrapper, 32-bit accumulators), random operands on every a_i and b_i every cycle, en high. Prints cycles per
# wall-clock second and per CPU second of the simulating process, to compare with the bench unit.
# Usage: scripts/hdl-verilator-speed.sh [cycles] [verilator optimisation flag]   (defaults: 20000000, -O3)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cycles="${1:-20000000}"
opt="${2:--O3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/bitforge" verilog --design systolic --rows 8 --cols 8 --no-wrapper --acc-bits 32 --out "$work/rtl" >/dev/null
top="$(basename "$(ls "$work"/rtl/systolic_os_r8_c8*.v | head -1)" .v)"
cat >"$work/main.cpp" <<CPP
#include "V${top}.h"
#include "verilated.h"
#include <chrono>
#include <cstdio>
#include <cstdint>
#include <ctime>
int main(int argc, char** argv) {
    Verilated::commandArgs(argc, argv);
    V${top}* m = new V${top};
    const long cycles = ${cycles};
    uint64_t s = 1;  // xorshift64: a cheap generator, as the bench unit's
    m->rst = 1; m->clk = 0; m->eval(); m->clk = 1; m->eval(); m->rst = 0; m->en = 1;
    std::clock_t c0 = std::clock();
    auto t0 = std::chrono::steady_clock::now();
    for (long c = 0; c < cycles; c++) {
        s ^= s << 13; s ^= s >> 7; s ^= s << 17;
        uint64_t r = s;
        m->a_0 = r; m->a_1 = r >> 8; m->a_2 = r >> 16; m->a_3 = r >> 24;
        m->a_4 = r >> 32; m->a_5 = r >> 40; m->a_6 = r >> 48; m->a_7 = r >> 56;
        s ^= s << 13; s ^= s >> 7; s ^= s << 17;
        r = s;
        m->b_0 = r; m->b_1 = r >> 8; m->b_2 = r >> 16; m->b_3 = r >> 24;
        m->b_4 = r >> 32; m->b_5 = r >> 40; m->b_6 = r >> 48; m->b_7 = r >> 56;
        m->clk = 0; m->eval();
        m->clk = 1; m->eval();
    }
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    double cpu = double(std::clock() - c0) / CLOCKS_PER_SEC;
    std::printf("verilator ${opt}: %ld cycles in %.2f s = %.0f cycles/s (%.0f cycles per CPU second); c_0_0 = %d\n",
                cycles, wall, cycles / wall, cycles / cpu, (int) m->c_0_0);
    delete m;
    return 0;
}
CPP
(cd "$work" && verilator --cc --exe --build -j 1 "$opt" -Wno-fatal --top-module "$top" \
    -CFLAGS "$opt" rtl/*.v main.cpp -o speed >/dev/null)
"$work/obj_dir/speed"
