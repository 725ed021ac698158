#!/usr/bin/python3
"""Time our trainer against the lecture's PyTorch loop on the same steps, both on one thread.

    /usr/bin/python3 tools/train/benchmark.py --train build/solutions/tools/train/train [TRAIN ...] \
        [--names NAMES] [--steps N] [--repeats R]

Runs `train --steps N` (which times its own loop) and, when torch is importable, the lecture's
exercise-4 loop for the same N steps three ways: as written (the Python loop for dC), with
index_add_ for dC, and with autograd. Prints each time per step and our speed-up over the best.
Without torch it times our trainer alone. Only the training loops are timed, not data loading.
With --repeats R, the whole round (ours, then each PyTorch loop) runs R times and each loop's median
is reported, so that a machine whose load drifts slows every loop alike. Several trainers (an older
build as the baseline, say) are each timed in every round and compared with the same PyTorch loops.
"""
import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import time


def time_trainer(train, names, steps):
    run = subprocess.run([train, "--names", names, "--steps", str(steps), "--samples", "0"],
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"{train} failed ({run.returncode}):\n{run.stderr}")
    # Its time a step, to 0.1 us; its total, in 10 ms, would round a short run's to 2 us a step.
    match = re.search(r"trained \d+ steps in [0-9.]+ s: ([0-9.]+) us a step", run.stdout)
    if not match:
        sys.exit(f"{train} did not print its time:\n{run.stdout}")
    return float(match.group(1)) * 1e-6


def time_torch(torch, names, steps, variant):
    """The lecture's exercise 4, for `steps` steps; returns seconds per step."""
    F = torch.nn.functional
    words = open(names).read().splitlines()
    chars = sorted(set("".join(words)))
    stoi = {s: i + 1 for i, s in enumerate(chars)}
    stoi["."] = 0
    vocab_size, block_size, n_embd, n_hidden, batch_size = len(stoi), 3, 10, 200, 32

    def build_dataset(words):
        X, Y = [], []
        for w in words:
            context = [0] * block_size
            for ch in w + ".":
                X.append(context)
                Y.append(stoi[ch])
                context = context[1:] + [stoi[ch]]
        return torch.tensor(X), torch.tensor(Y)

    random.seed(42)
    random.shuffle(words)
    Xtr, Ytr = build_dataset(words[: int(0.8 * len(words))])

    g = torch.Generator().manual_seed(2147483647)
    C = torch.randn((vocab_size, n_embd), generator=g)
    W1 = torch.randn((n_embd * block_size, n_hidden), generator=g) * (5 / 3) / ((n_embd * block_size) ** 0.5)
    b1 = torch.randn(n_hidden, generator=g) * 0.1
    W2 = torch.randn((n_hidden, vocab_size), generator=g) * 0.1
    b2 = torch.randn(vocab_size, generator=g) * 0.1
    g_bn = torch.Generator().manual_seed(42)
    bngain = torch.randn((1, n_hidden), generator=g_bn) * 0.1 + 1.0
    bnbias = torch.randn((1, n_hidden), generator=g_bn) * 0.1
    parameters = [C, W1, b1, W2, b2, bngain, bnbias]
    for p in parameters:
        p.requires_grad = variant == "autograd"

    n = batch_size
    start = time.perf_counter()
    with torch.set_grad_enabled(variant == "autograd"):
        for i in range(steps):
            ix = torch.randint(0, Xtr.shape[0], (batch_size,), generator=g)
            Xb, Yb = Xtr[ix], Ytr[ix]
            emb = C[Xb]
            embcat = emb.view(emb.shape[0], -1)
            hprebn = embcat @ W1 + b1
            bnmean = hprebn.mean(0, keepdim=True)
            bnvar = hprebn.var(0, keepdim=True, unbiased=True)
            bnvar_inv = (bnvar + 1e-5) ** -0.5
            bnraw = (hprebn - bnmean) * bnvar_inv
            hpreact = bngain * bnraw + bnbias
            h = torch.tanh(hpreact)
            logits = h @ W2 + b2
            loss = F.cross_entropy(logits, Yb)
            lr = 0.1 if i < steps // 2 else 0.01
            if variant == "autograd":
                for p in parameters:
                    p.grad = None
                loss.backward()
                with torch.no_grad():
                    for p in parameters:
                        p += -lr * p.grad
                continue
            dlogits = F.softmax(logits, 1)
            dlogits[range(n), Yb] -= 1
            dlogits /= n
            dh = dlogits @ W2.T
            dW2 = h.T @ dlogits
            db2 = dlogits.sum(0)
            dhpreact = (1.0 - h**2) * dh
            dbngain = (bnraw * dhpreact).sum(0, keepdim=True)
            dbnbias = dhpreact.sum(0, keepdim=True)
            dhprebn = bngain * bnvar_inv / n * (n * dhpreact - dhpreact.sum(0) - n / (n - 1) * bnraw * (dhpreact * bnraw).sum(0))
            dembcat = dhprebn @ W1.T
            dW1 = embcat.T @ dhprebn
            db1 = dhprebn.sum(0)
            demb = dembcat.view(emb.shape)
            dC = torch.zeros_like(C)
            if variant == "lecture":
                for k in range(Xb.shape[0]):
                    for j in range(Xb.shape[1]):
                        dC[Xb[k, j]] += demb[k, j]
            else:
                dC.index_add_(0, Xb.view(-1), demb.view(-1, n_embd))
            for p, grad in zip(parameters, [dC, dW1, db1, dW2, db2, dbngain, dbnbias]):
                p.data += -lr * grad
    return (time.perf_counter() - start) / steps


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", required=True, nargs="+",
                        help="the trainer binary, e.g. build/solutions/tools/train/train; several are timed in turn")
    parser.add_argument("--names", default=os.environ.get("BACKPROP_NAMES", "data/names.txt"),
                        help="names.txt (default: $BACKPROP_NAMES, else data/names.txt, as the trainer)")
    parser.add_argument("--steps", type=int, default=10000, help="steps for every loop (default 10000)")
    parser.add_argument("--repeats", type=int, default=1, help="rounds of every loop; medians are reported (default 1)")
    args = parser.parse_args()
    if args.steps < 2:
        parser.error("--steps must be at least 2")
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    if len(set(args.train)) < len(args.train):
        parser.error("--train names a trainer twice")
    try:
        import torch
        torch.set_num_threads(1)
    except ImportError:
        torch = None
    variants = [("lecture", "PyTorch, the lecture's loop"), ("index_add", "PyTorch, index_add_ for dC"),
                ("autograd", "PyTorch, autograd")] if torch else []

    times = {train: [] for train in args.train} | {variant: [] for variant, _ in variants}
    for _ in range(args.repeats):
        for train in args.train:
            times[train].append(time_trainer(train, args.names, args.steps))
        for variant, _ in variants:
            times[variant].append(time_torch(torch, args.names, args.steps, variant))
    median = {loop: statistics.median(seconds) for loop, seconds in times.items()}

    for train in args.train:
        label = "ours (C++, fused backward)" if len(args.train) == 1 else train
        print(f"{label:34s} {median[train] * 1e6:8.1f} us/step")
    if not torch:
        print("torch is not importable: the PyTorch loops were skipped (Debian: apt-get install python3-torch)")
        return
    ours = median[args.train[0]]
    for variant, label in variants:
        print(f"{label:34s} {median[variant] * 1e6:8.1f} us/step  ({median[variant] / ours:5.1f}x ours)")
    best = min(median[variant] for variant, _ in variants)
    rounds = f"the median of {args.repeats} rounds" if args.repeats > 1 else "one round"
    print(f"torch {torch.__version__}, one thread; {args.steps} steps each, {rounds}")
    for train in args.train:
        print(f"{train} is {best / median[train]:.1f}x the best PyTorch loop")


if __name__ == "__main__":
    main()
