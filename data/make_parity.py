#!/usr/bin/python3
"""Writes data/parity/: what Python's random and PyTorch's CPU generator draw for the lecture, so
that the C++ data pipeline and random streams (lib/backprop/names.h, random.h) can be checked bit
for bit without PyTorch (tests/parity_test.cpp).

  meta.json          seeds and sizes; CPython's random for a few seeds; the shuffled names (first and last 20, FNV-1a of all); the split
                     sizes and FNV-1a of each split's X and Y; the randint and multinomial cases
  X*_head, Y*_head   the first 20 rows of each split (tr, dev, te), block_size 3
  C, W1, b1, W2, b2  the lecture's initial parameters, from manual_seed(2147483647)
  bngain, bnbias     from manual_seed(42) (the lecture left them unseeded; see data/README.md)
  batches            (5, 32): the first five batches' indices, from the generator that drew C..b2
  bigram, samples    a fixed bigram probability table (27, 27) and 20 names sampled from it as the
                     lecture samples (manual_seed(2147483647 + 10)), their indices each ending in 0
  randn_<size>       torch.randn(size) from manual_seed(5), one fresh generator per size
  randn_sequence     randn of sizes 1, 1, 3, 16, 2, 17 from one generator: the cached second normal
  randint            (len(highs), 16): randint(0, high, (16,)) for each high, one generator
  multinomial_probs, multinomial
                     rows of weights and 64 one-sample draws from each, one generator

torch.randn for 16 or more numbers runs a kernel chosen by CPU capability; meta.json records it.

Needs PyTorch (Debian: apt-get install python3-torch; run with /usr/bin/python3). Example:
  /usr/bin/python3 data/make_parity.py
"""

import argparse
import json
import pathlib
import random
import sys

import numpy as np
import torch

from make_reference import build_dataset  # the lecture's, shared with the reference cases

ROOT = pathlib.Path(__file__).resolve().parent.parent
BLOCK_SIZE, N_EMBD, N_HIDDEN, BATCH = 3, 10, 64, 32
SEED, BN_SEED, SAMPLE_SEED, RANDN_SEED, RANDINT_SEED, MULTINOMIAL_SEED = 2147483647, 42, 2147483647 + 10, 5, 7, 1234
RANDN_SIZES = [1, 15, 16, 17, 27, 100, 4103]
RANDN_SEQUENCE = [1, 1, 3, 16, 2, 17]
RANDINT_HIGHS = [1, 2, 27, 182625, 2**31 - 1, 2**31, 2**32 - 1]
PYTHON_SEEDS = [0, 1, 42, 2**32 - 1, 2**32, 123456789012345, 2**64 - 1]


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--names", type=pathlib.Path, default=ROOT / "data" / "names.txt", help="names.txt (default: data/names.txt)")
    p.add_argument("--out", type=pathlib.Path, default=ROOT / "data" / "parity", help="default: data/parity")
    args = p.parse_args()
    if not args.names.is_file():
        p.error(f"{args.names}: no such file; pass --names with the path of names.txt , or run `cmake -P data/fetch_names.cmake` to download it to data/names.txt")
    return args


def fnv1a64(data: bytes) -> str:
    h = 0xCBF29CE484222325
    for byte in data:
        h = ((h ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{h:016x}"


def tensor_hash(t):
    """FNV-1a 64 of the tensor's int64 values, little-endian, row-major."""
    return fnv1a64(t.contiguous().numpy().astype("<i8").tobytes())


def main():
    args = parse_args()
    out = args.out
    out.mkdir(parents=True, exist_ok=True)

    def save(name, tensor):
        array = tensor.contiguous().numpy()
        assert array.dtype in (np.float32, np.int64), (name, array.dtype)
        np.save(out / f"{name}.npy", array)

    meta = {"torch": torch.__version__, "python": sys.version.split()[0],
            "cpu_capability": next((line.split(":")[1].strip() for line in torch.__config__.show().splitlines()
                                    if "CPU capability usage" in line), "unknown"),
            "command": "/usr/bin/python3 data/make_parity.py --names <names.txt>",
            "block_size": BLOCK_SIZE, "n_embd": N_EMBD, "n_hidden": N_HIDDEN, "batch_size": BATCH,
            "seed": SEED, "bn_seed": BN_SEED, "sample_seed": SAMPLE_SEED}

    # CPython's generator on its own: seeds of one and two 32-bit words, and each draw it offers.
    meta["python_random"] = []
    for seed in PYTHON_SEEDS:
        r = random.Random(seed)
        case = {"seed": seed, "getrandbits": [r.getrandbits(k) for k in (32, 1, 7, 0, 31)]}
        case["randbelow"] = [r._randbelow(n) for n in (1, 2, 3, 10, 32033, 2**32, 2**40 + 1, 2**63 + 5)]
        case["shuffle"] = list(range(10))
        r.shuffle(case["shuffle"])
        meta["python_random"].append(case)

    # The lecture's data pipeline.
    words = open(args.names).read().splitlines()
    chars = sorted(list(set("".join(words))))
    stoi = {s: i + 1 for i, s in enumerate(chars)}
    stoi["."] = 0
    meta["itos"] = "".join(sorted(stoi, key=stoi.get))
    random.seed(42)
    random.shuffle(words)
    n1 = int(len(words) * 0.8)
    n2 = int(len(words) * 0.9)
    meta["words"] = len(words)
    meta["shuffled_head"] = words[:20]
    meta["shuffled_tail"] = words[-20:]
    meta["shuffled_fnv1a64"] = fnv1a64("\n".join(words).encode())
    splits = {"tr": build_dataset(words[:n1], BLOCK_SIZE, stoi), "dev": build_dataset(words[n1:n2], BLOCK_SIZE, stoi),
              "te": build_dataset(words[n2:], BLOCK_SIZE, stoi)}
    meta["splits"] = {}
    for name, (X, Y) in splits.items():
        meta["splits"][name] = {"rows": X.shape[0], "X_fnv1a64": tensor_hash(X), "Y_fnv1a64": tensor_hash(Y)}
        save(f"X{name}_head", X[:20])
        save(f"Y{name}_head", Y[:20])
    Xtr, Ytr = splits["tr"]

    # The lecture's initial parameters and its batches.
    vocab_size = len(stoi)
    g = torch.Generator().manual_seed(SEED)
    C = torch.randn((vocab_size, N_EMBD), generator=g)
    W1 = torch.randn((N_EMBD * BLOCK_SIZE, N_HIDDEN), generator=g) * (5 / 3) / ((N_EMBD * BLOCK_SIZE) ** 0.5)
    b1 = torch.randn(N_HIDDEN, generator=g) * 0.1
    W2 = torch.randn((N_HIDDEN, vocab_size), generator=g) * 0.1
    b2 = torch.randn(vocab_size, generator=g) * 0.1
    g_bn = torch.Generator().manual_seed(BN_SEED)
    bngain = torch.randn((1, N_HIDDEN), generator=g_bn) * 0.1 + 1.0
    bnbias = torch.randn((1, N_HIDDEN), generator=g_bn) * 0.1
    for name, t in {"C": C, "W1": W1, "b1": b1, "W2": W2, "b2": b2, "bngain": bngain, "bnbias": bnbias}.items():
        save(name, t)
    save("batches", torch.stack([torch.randint(0, Xtr.shape[0], (BATCH,), generator=g) for _ in range(5)]))

    # Sampling as the lecture samples, from a fixed table instead of the trained network, so that
    # only the generator is under test: the bigram frequencies of the training words, plus one.
    counts = torch.ones((vocab_size, vocab_size), dtype=torch.float32)
    for w in words[:n1]:
        for a, b in zip("." + w, w + "."):
            counts[stoi[a], stoi[b]] += 1
    bigram = counts / counts.sum(1, keepdim=True)
    save("bigram", bigram)
    g = torch.Generator().manual_seed(SAMPLE_SEED)
    samples = []
    for _ in range(20):
        context = [0] * BLOCK_SIZE
        while True:
            ix = torch.multinomial(bigram[context[-1]], num_samples=1, generator=g).item()
            context = context[1:] + [ix]
            samples.append(ix)
            if ix == 0:
                break
    save("samples", torch.tensor(samples))

    # The generator's paths one by one.
    for size in RANDN_SIZES:
        save(f"randn_{size}", torch.randn(size, generator=torch.Generator().manual_seed(RANDN_SEED)))
    g = torch.Generator().manual_seed(RANDN_SEED)
    save("randn_sequence", torch.cat([torch.randn(size, generator=g) for size in RANDN_SEQUENCE]))
    meta["randn_seed"], meta["randn_sizes"], meta["randn_sequence"] = RANDN_SEED, RANDN_SIZES, RANDN_SEQUENCE

    g = torch.Generator().manual_seed(RANDINT_SEED)
    save("randint", torch.stack([torch.randint(0, high, (16,), generator=g) for high in RANDINT_HIGHS]))
    meta["randint_seed"], meta["randint_highs"] = RANDINT_SEED, RANDINT_HIGHS

    # Weights as the sampler meets them and harder: zeros, one-hot, unnormalised, tiny, near-ties.
    rows = torch.zeros((6, vocab_size))
    rows[0] = bigram[0]
    rows[1, 5] = 1
    rows[2, ::3] = 2.5
    rows[3] = torch.linspace(0, 1e-30, vocab_size)
    rows[4] = torch.linspace(1, 1 + 26 * 2**-23, vocab_size)
    rows[5] = torch.softmax(torch.randn(vocab_size, generator=torch.Generator().manual_seed(3)) * 4, 0)
    save("multinomial_probs", rows)
    g = torch.Generator().manual_seed(MULTINOMIAL_SEED)
    save("multinomial", torch.tensor([[torch.multinomial(row, 1, generator=g).item() for _ in range(64)] for row in rows]))
    meta["multinomial_seed"] = MULTINOMIAL_SEED

    (out / "meta.json").write_text(json.dumps(meta, indent=1) + "\n")


if __name__ == "__main__":
    main()
