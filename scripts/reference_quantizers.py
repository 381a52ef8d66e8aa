#!/usr/bin/env python3
"""Independent NumPy implementation of the paper quantisers that BitForge's `--scale-search paper` follows, used to
check BitForge value for value. It reads a file written by `bitforge quantize --dequantized-out FILE.safetensors`
(the source as original/NAME, BitForge's values as FORMAT/NAME), quantises original/NAME the way each reference
does it, and prints per format the share of elements on the same level and both SQNRs.

Written from the published procedures (float32 arithmetic where the references compute on float32 tensors):
  ANT   clevercool/ANT-Quantization ant_quantization/antquant/quant_modules.py, quant/quant_kernel.cu
  OliVe clevercool/ANT-Quantization olive_quantization/antquant/quant_modules.py
  BCQ   GATECH-EIC/ShiftAddLLM quantizers/bcq_quant/bcq.py, bcq_shift.py

usage: reference_quantizers.py FILE.safetensors [--group-size G] [--bcq-rounds N]   (G omitted: per channel)
       reference_quantizers.py FILE.safetensors --write-reference OUT.safetensors
           writes original/NAME and, for the paper formats, FORMAT/channel (ANT, OliVe) and FORMAT/group128 (BCQ)
           reference values of original/NAME: the fixture BitForge's tests compare against
Needs only NumPy.
"""
import argparse
import json
import struct
import sys

import numpy as np

F = np.float32


def read_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        begin, end = info["data_offsets"]
        out[name] = np.frombuffer(data[begin:end], dtype="<f4").reshape(info["shape"])
    return out


def nearest_last(x, grid):
    """The grid value nearest to each x in float32, the last listed of equal distance winning (`<=` in the
    references' CUDA kernel, which scans the grid in its listed order)."""
    out = np.empty_like(x)
    flat = x.reshape(-1)
    res = out.reshape(-1)
    g = grid.astype(F)
    for start in range(0, flat.size, 1 << 16):
        chunk = flat[start:start + (1 << 16)]
        d = np.abs(chunk[:, None] - g[None, :])
        last = d.shape[1] - 1 - np.argmin(d[:, ::-1], axis=1)
        res[start:start + chunk.size] = g[last]
    return out


# ---------------------------------------------------------------- ANT: grids normalised to a maximum of 10
def ant_grid(kind):
    if kind == "flint4":
        mags = [0.25, 0.5, 0.75, 1, 1.5, 2, 4]
    elif kind == "pot4":
        mags = [2.0 ** i for i in range(7)]
    else:  # int4
        mags = list(range(1, 8))
    values = [0.0] + mags + [-m for m in mags]
    if kind == "int4":
        values.append(-8.0)
    while len(values) < 16:
        values.append(0.0)  # ANT pads the 15-value grids with a second zero
    v = np.sort(np.array(values, dtype=F))
    return (v * F(10.0 / v.max())).astype(F)


def ant(groups, kind):
    grid = ant_grid(kind)
    xmax = np.abs(groups).max(axis=1, keepdims=True).astype(F)
    best = np.full(xmax.shape, F(1e10), dtype=F)
    alpha = xmax.copy()
    for i in range(75, 150):
        a = (xmax * F(i * 0.01)).astype(F)
        scale = (a / grid.max()).astype(F)
        with np.errstate(invalid="ignore", divide="ignore"):
            q = nearest_last((groups / scale).astype(F), grid)
        q = np.where(np.isnan(q), F(0), q)
        score = np.mean((q * scale - groups) ** 2, axis=1, keepdims=True, dtype=F)
        better = score < best
        alpha = np.where(better, a, alpha)
        best = np.where(better, score, best)
    scale = (alpha / grid.max()).astype(F)
    with np.errstate(invalid="ignore", divide="ignore"):
        q = nearest_last((groups / scale).astype(F), grid)
    return np.nan_to_num(q * scale)


# ---------------------------------------------------------------- OliVe: normal range ends at 32
def olive_grids(kind):
    if kind == "ovp-int8":
        normal = np.arange(-127, 128, dtype=F) * F(32 / 128)
        mant = 5
    elif kind == "ovp-int4":
        normal = np.arange(-7, 8, dtype=F) * F(32 / 8)
        mant = 1
    else:
        m = np.array([0.25, 0.5, 0.75, 1, 1.5, 2, 4], dtype=F)
        normal = np.sort(np.concatenate([[0], m, -m])).astype(F) * F(8)
        mant = 1
    outliers = []
    for e in range(5, 9):
        for j in range(2 ** mant):
            if e == 5 and j == 0:
                continue
            v = 2.0 ** e * (1 + j / 2 ** mant)
            outliers += [v, -v]
    return np.sort(normal).astype(F), np.sort(np.array(outliers, dtype=F))


def olive_forward(groups, scale, normal, outliers):
    with np.errstate(invalid="ignore", divide="ignore"):
        q = nearest_last((groups / scale).astype(F), np.concatenate([normal, outliers]))
    q = np.nan_to_num(q)
    mask = np.abs(q) > 32
    even_out = mask[:, 0::2]
    odd_victim = even_out
    even_victim = mask[:, 1::2] & ~odd_victim
    q[:, 1::2] = np.where(odd_victim, F(0), q[:, 1::2])
    q[:, 0::2] = np.where(even_victim, F(0), q[:, 0::2])
    return q * scale


def olive(groups, kind):
    normal, outliers = olive_grids(kind)
    mean = groups.mean(axis=1, keepdims=True, dtype=F)
    std = groups.std(axis=1, keepdims=True, ddof=1, dtype=F)
    xmax = np.maximum(np.abs(mean + 3 * std), np.abs(mean - 3 * std)).astype(F)
    best = np.full(xmax.shape, F(1e10), dtype=F)
    alpha = xmax.copy()
    for i in range(75, 150, 2):
        a = (xmax * F(i * 0.01)).astype(F)
        y = olive_forward(groups, (a / normal.max()).astype(F), normal, outliers)
        score = np.mean((y - groups) ** 2, axis=1, keepdims=True, dtype=F)
        better = score < best
        alpha = np.where(better, a, alpha)
        best = np.where(better, score, best)
    return olive_forward(groups, (alpha / normal.max()).astype(F), normal, outliers)


# ---------------------------------------------------------------- ShiftAddLLM BCQ
def pot_sum(a, terms):
    def one(v):
        with np.errstate(divide="ignore", invalid="ignore"):
            shift = np.round((np.log(np.abs(v)) / F(np.log(2))).astype(F))
            r = (np.float32(2.0) ** shift) * np.sign(v)
        return np.nan_to_num(r.astype(F))
    r = one(a)
    for _ in range(terms - 1):
        r = (r + one((a - r).astype(F))).astype(F)
    return r


def bcq(groups, q, pot, rounds=5, terms=3):
    w = groups.astype(F)
    r = w.copy()
    planes = np.zeros(w.shape + (q,), dtype=F)
    alpha = np.zeros((w.shape[0], q), dtype=F)
    for i in range(q):
        b = np.sign(r)
        a = np.abs(r).mean(axis=1, keepdims=True, dtype=F)
        r = r - b * a
        planes[:, :, i] = b
        alpha[:, i] = a[:, 0]
    if q == 1:
        return planes[:, :, 0] * alpha[:, :1]
    # the sign vectors in the reference's list order: row r has plane i = +1 when bit q-1-i of r is 0
    codes = np.array([[-1.0 if (r >> (q - 1 - i)) & 1 else 1.0 for i in range(q)] for r in range(2 ** q)], dtype=F)
    for _ in range(rounds):
        gram = np.einsum("gki,gkj->gij", planes, planes).astype(F)
        rhs = np.einsum("gki,gk->gi", planes, w).astype(F)
        x = alpha.copy()[:, :, None]
        res = rhs[:, :, None] - gram @ x
        rtr_new = np.sum(res * res, axis=1, keepdims=True)
        p = res.copy()
        for _ in range(q):
            rtr = rtr_new
            ap = gram @ p
            step = rtr / (np.sum(p * ap, axis=1, keepdims=True) + F(1e-6))
            x = x + step * p
            res = res - step * ap
            rtr_new = np.sum(res * res, axis=1, keepdims=True)
            p = res + (rtr_new / (rtr + F(1e-6))) * p
        alpha = -np.sort(-np.abs(x[:, :, 0]), axis=1).astype(F)
        if pot:
            alpha = pot_sum(alpha, terms)
        levels = alpha @ codes.T  # [groups, 2^q]
        order = np.argsort(levels, axis=1, kind="stable")
        srt = np.take_along_axis(levels, order, axis=1)
        mids = (srt[:, :-1] + srt[:, 1:]) / F(2)
        # binary search moving right unless w < mid: the index is the number of midpoints <= w
        idx = np.sum(w[:, :, None] >= mids[:, None, :], axis=2)
        chosen = np.take_along_axis(order, idx, axis=1)
        planes = codes[chosen]
    return np.einsum("gki,gi->gk", planes, alpha)


def reference(groups, fmt, rounds):
    if fmt in ("flint4", "pot4", "int4-ant"):
        return ant(groups, fmt.replace("-ant", ""))
    if fmt.startswith("ovp-"):
        return olive(groups, fmt)
    if fmt.startswith("bcq"):
        pot = fmt.endswith("-pot")
        return bcq(groups, int(fmt[3]), pot, rounds)
    return None


def write_safetensors(path, tensors):
    header = {}
    offset = 0
    blobs = []
    for name, value in tensors.items():
        blob = np.ascontiguousarray(value, dtype="<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(value.shape), "data_offsets": [offset, offset + len(blob)]}
        offset += len(blob)
        blobs.append(blob)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for blob in blobs:
            f.write(blob)


REFERENCE_FORMATS = [("flint4", 0), ("pot4", 0), ("ovp-int4", 0), ("ovp-flint4", 0), ("ovp-int8", 0),
                     ("bcq2", 128), ("bcq3", 128), ("bcq4", 128), ("bcq3-pot", 128)]


def write_reference(tensors, out, rounds):
    name = next(n for n in tensors if n.startswith("original/"))
    x = tensors[name].reshape(tensors[name].shape[0], -1).astype(F)
    result = {"original": x}
    for fmt, group in REFERENCE_FORMATS:
        g = group or x.shape[1]
        ref = reference(x.reshape(-1, g), fmt, rounds).reshape(x.shape)
        result[fmt + ("/group%d" % group if group else "/channel")] = ref.astype(F)
    write_safetensors(out, result)


def sqnr(x, y):
    return 10 * np.log10(np.sum(x.astype(np.float64) ** 2) / np.sum((x.astype(np.float64) - y) ** 2))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--group-size", type=int, default=0)
    ap.add_argument("--bcq-rounds", type=int, default=5)
    ap.add_argument("--write-reference")
    args = ap.parse_args()
    tensors = read_safetensors(args.file)
    if args.write_reference:
        write_reference(tensors, args.write_reference, args.bcq_rounds)
        return
    print("format,tensor,sameLevelPercent,bitforgeSqnrDecibels,referenceSqnrDecibels")
    for name, values in tensors.items():
        fmt, _, tensor = name.partition("/")
        if fmt == "original":
            continue
        original = tensors["original/" + tensor]
        rows = original.shape[0]
        x = original.reshape(rows, -1).astype(F)
        g = args.group_size or x.shape[1]
        groups = x.reshape(-1, g)
        ref = reference(groups, fmt, args.bcq_rounds)
        if ref is None:
            continue
        ref = ref.reshape(x.shape)
        mine = values.reshape(x.shape)
        tol = 1e-5 * np.abs(x).max(axis=1, keepdims=True)
        same = np.abs(mine - ref) <= tol
        print("%s,%s,%.3f,%.2f,%.2f" % (fmt, tensor, 100 * same.mean(), sqnr(x, mine), sqnr(x, ref)))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
