#!/usr/bin/python3
"""Rebuilds a reference case of the kata from names.txt, exactly as the lecture does.

Writes data/reference/<case>/: every forward tensor, every parameter, Xb and Yb, and the autograd
gradient of each as d<name>.npy; meta.json with the sizes and seeds; and probes/<step>/, one
self-contained case per step of steps.json: that step's local operation on random inputs with a
random upstream gradient, and autograd's answer. data/README.md describes the format.

Needs PyTorch (Debian: apt-get install python3-torch; run with /usr/bin/python3). Example:
  /usr/bin/python3 data/make_reference.py --out data/reference/lecture
"""

import argparse
import hashlib
import json
import pathlib
import random
import sys

import numpy as np
import torch
import torch.nn.functional as F

ROOT = pathlib.Path(__file__).resolve().parent.parent
NAMES_SHA256 = "0a30b5557f192f32ab962680889aac5f6fda0f4cecf40a6d0b5694f58ea8cc4d"


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--names", type=pathlib.Path, default=ROOT / "data" / "names.txt", help="names.txt (default: data/names.txt)")
    p.add_argument("--out", type=pathlib.Path, required=True, help="the case folder to write, e.g. data/reference/lecture")
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--block-size", type=int, default=3)
    p.add_argument("--n-embd", type=int, default=10)
    p.add_argument("--n-hidden", type=int, default=64)
    p.add_argument("--seed", type=int, default=2147483647, help="torch.Generator seed for C, W1, b1, W2, b2 and the batch")
    p.add_argument("--bn-seed", type=int, default=42, help="torch.Generator seed for bngain and bnbias (the lecture left them unseeded)")
    p.add_argument("--probe-seed", type=int, default=1234)
    p.add_argument("--probe-dims", default="11,2,5,7,9", help="n,block_size,n_embd,n_hidden,vocab_size of the probes")
    args = p.parse_args()
    if args.batch_size < 2:
        p.error("--batch-size must be at least 2: BatchNorm's variance divides by n - 1")
    for flag in ("block_size", "n_embd", "n_hidden"):
        if getattr(args, flag) < 1:
            p.error(f"--{flag.replace('_', '-')} must be at least 1")
    try:
        args.probe_dims = [int(x) for x in args.probe_dims.split(",")]
        assert len(args.probe_dims) == 5 and min(args.probe_dims) >= 2
    except (ValueError, AssertionError):
        p.error("--probe-dims takes five whole numbers >= 2: n,block_size,n_embd,n_hidden,vocab_size")
    if not args.names.is_file():
        p.error(f"{args.names}: no such file; pass --names with the path of names.txt , or run `cmake -P data/fetch_names.cmake` to download it to data/names.txt")
    return args


def save(folder, name, tensor):
    folder.mkdir(parents=True, exist_ok=True)
    array = tensor.detach().contiguous().numpy()  # C order; keeps a 0-d loss 0-d
    assert array.dtype in (np.float32, np.int64), (name, array.dtype)
    np.save(folder / f"{name}.npy", array)


def build_dataset(words, block_size, stoi):
    X, Y = [], []
    for w in words:
        context = [0] * block_size
        for ch in w + ".":
            ix = stoi[ch]
            X.append(context)
            Y.append(ix)
            context = context[1:] + [ix]
    return torch.tensor(X), torch.tensor(Y)


def network_case(args, words):
    """The lecture's forward pass on one batch, with autograd's gradient of every tensor."""
    chars = sorted(list(set("".join(words))))
    stoi = {s: i + 1 for i, s in enumerate(chars)}
    stoi["."] = 0
    vocab_size = len(stoi)

    random.seed(42)
    random.shuffle(words)
    n1 = int(len(words) * 0.8)
    n2 = int(len(words) * 0.9)
    Xtr, Ytr = build_dataset(words[:n1], args.block_size, stoi)
    splits = [Xtr.shape[0], build_dataset(words[n1:n2], args.block_size, stoi)[0].shape[0],
              build_dataset(words[n2:], args.block_size, stoi)[0].shape[0]]

    n_embd, n_hidden, block_size, n = args.n_embd, args.n_hidden, args.block_size, args.batch_size
    g = torch.Generator().manual_seed(args.seed)
    C = torch.randn((vocab_size, n_embd), generator=g)
    W1 = torch.randn((n_embd * block_size, n_hidden), generator=g) * (5 / 3) / ((n_embd * block_size) ** 0.5)
    b1 = torch.randn(n_hidden, generator=g) * 0.1
    W2 = torch.randn((n_hidden, vocab_size), generator=g) * 0.1
    b2 = torch.randn(vocab_size, generator=g) * 0.1
    # The lecture draws these from PyTorch's global generator, unseeded; a generator of their own
    # makes them reproducible and leaves g's stream, and so the batch, exactly the lecture's.
    g_bn = torch.Generator().manual_seed(args.bn_seed)
    bngain = torch.randn((1, n_hidden), generator=g_bn) * 0.1 + 1.0
    bnbias = torch.randn((1, n_hidden), generator=g_bn) * 0.1
    parameters = {"C": C, "W1": W1, "b1": b1, "W2": W2, "b2": b2, "bngain": bngain, "bnbias": bnbias}
    for p in parameters.values():
        p.requires_grad = True

    ix = torch.randint(0, Xtr.shape[0], (n,), generator=g)
    Xb, Yb = Xtr[ix], Ytr[ix]

    emb = C[Xb]
    embcat = emb.view(emb.shape[0], -1)
    hprebn = embcat @ W1 + b1
    bnmeani = 1 / n * hprebn.sum(0, keepdim=True)
    bndiff = hprebn - bnmeani
    bndiff2 = bndiff**2
    bnvar = 1 / (n - 1) * (bndiff2).sum(0, keepdim=True)
    bnvar_inv = (bnvar + 1e-5) ** -0.5
    bnraw = bndiff * bnvar_inv
    hpreact = bngain * bnraw + bnbias
    h = torch.tanh(hpreact)
    logits = h @ W2 + b2
    logit_maxes = logits.max(1, keepdim=True).values
    norm_logits = logits - logit_maxes
    counts = norm_logits.exp()
    counts_sum = counts.sum(1, keepdims=True)
    counts_sum_inv = counts_sum**-1
    probs = counts * counts_sum_inv
    logprobs = probs.log()
    loss = -logprobs[range(n), Yb].mean()

    forward = {"emb": emb, "embcat": embcat, "hprebn": hprebn, "bnmeani": bnmeani, "bndiff": bndiff,
               "bndiff2": bndiff2, "bnvar": bnvar, "bnvar_inv": bnvar_inv, "bnraw": bnraw, "hpreact": hpreact,
               "h": h, "logits": logits, "logit_maxes": logit_maxes, "norm_logits": norm_logits,
               "counts": counts, "counts_sum": counts_sum, "counts_sum_inv": counts_sum_inv, "probs": probs,
               "logprobs": logprobs}
    for t in forward.values():
        t.retain_grad()
    loss.backward()

    for name, t in {**parameters, **forward}.items():
        save(args.out, name, t)
        save(args.out, "d" + name, t.grad)
    save(args.out, "Xb", Xb)
    save(args.out, "Yb", Yb)
    save(args.out, "loss", loss)
    dims = {"n": n, "block_size": block_size, "n_embd": n_embd, "n_hidden": n_hidden, "vocab_size": vocab_size}
    return dims, splits, loss.item()


def grad(outputs, upstream, wrt):
    return torch.autograd.grad(outputs, wrt, upstream)[0]


def probes(n, B, E, H, V, g):
    """For each step: its inputs (as the C++ step reads them) and autograd's gradient.

    Every tensor that feeds the step's local operation is an independent leaf, so each probe tests
    that one operation, with upstream gradients of order 1 where the network's may be tiny."""
    def r(*shape):
        return torch.randn(shape, generator=g)

    def pos(*shape):
        return torch.rand(shape, generator=g) + 0.5

    def leaf(t):
        return t.clone().requires_grad_()

    def labels(*shape):
        return torch.randint(0, V, shape, generator=g)

    out = {}
    logprobs, Yb = leaf(F.log_softmax(r(n, V), 1)), labels(n)
    out["dlogprobs"] = ({"logprobs": logprobs, "Yb": Yb}, grad([-logprobs[range(n), Yb].mean()], None, logprobs))

    probs, dlogprobs = leaf(F.softmax(r(n, V), 1)), r(n, V)
    out["dprobs"] = ({"probs": probs, "dlogprobs": dlogprobs}, grad([probs.log()], [dlogprobs], probs))

    counts, counts_sum_inv, dprobs = pos(n, V), leaf(pos(n, 1)), r(n, V)
    out["dcounts_sum_inv"] = ({"counts": counts, "dprobs": dprobs},
                              grad([counts * counts_sum_inv], [dprobs], counts_sum_inv))

    counts_sum, dcounts_sum_inv = leaf(pos(n, 1) * V), r(n, 1)
    out["dcounts_sum"] = ({"counts_sum": counts_sum, "dcounts_sum_inv": dcounts_sum_inv},
                          grad([counts_sum**-1], [dcounts_sum_inv], counts_sum))

    counts, counts_sum_inv, dprobs, dcounts_sum = leaf(pos(n, V)), pos(n, 1), r(n, V), r(n, 1)
    out["dcounts"] = ({"counts_sum_inv": counts_sum_inv, "dprobs": dprobs, "dcounts_sum": dcounts_sum},
                      grad([counts * counts_sum_inv, counts.sum(1, keepdims=True)], [dprobs, dcounts_sum], counts))

    norm_logits, dcounts = leaf(-3 * torch.rand((n, V), generator=g)), r(n, V)
    counts = norm_logits.exp()
    out["dnorm_logits"] = ({"counts": counts, "dcounts": dcounts}, grad([counts], [dcounts], norm_logits))

    logits, logit_maxes, dnorm_logits = r(n, V), leaf(r(n, 1)), r(n, V)
    out["dlogit_maxes"] = ({"dnorm_logits": dnorm_logits}, grad([logits - logit_maxes], [dnorm_logits], logit_maxes))

    logits, dnorm_logits, dlogit_maxes = leaf(2 * r(n, V)), r(n, V), r(n, 1)
    logit_maxes = logits.max(1, keepdim=True).values
    out["dlogits"] = ({"logits": logits, "dnorm_logits": dnorm_logits, "dlogit_maxes": dlogit_maxes},
                      grad([logits - logit_maxes.detach(), logit_maxes], [dnorm_logits, dlogit_maxes], logits))

    h, W2, b2, dlogits = leaf(torch.tanh(r(n, H))), leaf(r(H, V)), leaf(r(V)), r(n, V)
    dh, dW2, db2 = torch.autograd.grad([h @ W2 + b2], [h, W2, b2], [dlogits])
    out["dh"] = ({"W2": W2, "dlogits": dlogits}, dh)
    out["dW2"] = ({"h": h, "dlogits": dlogits}, dW2)
    out["db2"] = ({"dlogits": dlogits}, db2)

    hpreact, dh = leaf(r(n, H)), r(n, H)
    h = torch.tanh(hpreact)
    out["dhpreact"] = ({"h": h, "dh": dh}, grad([h], [dh], hpreact))

    bngain, bnraw, bnbias, dhpreact = leaf(r(1, H)), leaf(r(n, H)), leaf(r(1, H)), r(n, H)
    dbngain, dbnraw, dbnbias = torch.autograd.grad([bngain * bnraw + bnbias], [bngain, bnraw, bnbias], [dhpreact])
    out["dbngain"] = ({"bnraw": bnraw, "dhpreact": dhpreact}, dbngain)
    out["dbnbias"] = ({"dhpreact": dhpreact}, dbnbias)
    out["dbnraw"] = ({"bngain": bngain, "dhpreact": dhpreact}, dbnraw)

    bndiff, bnvar_inv, dbnraw = r(n, H), leaf(pos(1, H)), r(n, H)
    out["dbnvar_inv"] = ({"bndiff": bndiff, "dbnraw": dbnraw}, grad([bndiff * bnvar_inv], [dbnraw], bnvar_inv))

    # Column 0's variance is of eps's size, as where a feature is nearly constant over the batch:
    # there an answer without eps is off by a factor of 2 or more, where elsewhere it is within rounding.
    bnvar, dbnvar_inv = pos(1, H), r(1, H)
    bnvar[0, 0] *= 1e-5
    bnvar = leaf(bnvar)
    out["dbnvar"] = ({"bnvar": bnvar, "dbnvar_inv": dbnvar_inv},
                     grad([(bnvar + 1e-5) ** -0.5], [dbnvar_inv], bnvar))

    bndiff2, dbnvar = leaf(pos(n, H)), r(1, H)
    out["dbndiff2"] = ({"bndiff2": bndiff2, "dbnvar": dbnvar},
                       grad([1 / (n - 1) * bndiff2.sum(0, keepdim=True)], [dbnvar], bndiff2))

    bndiff, bnvar_inv, dbnraw, dbndiff2 = leaf(r(n, H)), pos(1, H), r(n, H), r(n, H)
    out["dbndiff"] = ({"bndiff": bndiff, "bnvar_inv": bnvar_inv, "dbnraw": dbnraw, "dbndiff2": dbndiff2},
                      grad([bndiff * bnvar_inv, bndiff**2], [dbnraw, dbndiff2], bndiff))

    hprebn, bnmeani, dbndiff = r(n, H), leaf(r(1, H)), r(n, H)
    out["dbnmeani"] = ({"dbndiff": dbndiff}, grad([hprebn - bnmeani], [dbndiff], bnmeani))

    hprebn, dbndiff, dbnmeani = leaf(r(n, H)), r(n, H), r(1, H)
    bnmeani = 1 / n * hprebn.sum(0, keepdim=True)
    out["dhprebn"] = ({"dbndiff": dbndiff, "dbnmeani": dbnmeani},
                      grad([hprebn - bnmeani.detach(), bnmeani], [dbndiff, dbnmeani], hprebn))

    embcat, W1, b1, dhprebn = leaf(r(n, B * E)), leaf(r(B * E, H)), leaf(r(H)), r(n, H)
    dembcat, dW1, db1 = torch.autograd.grad([embcat @ W1 + b1], [embcat, W1, b1], [dhprebn])
    out["dembcat"] = ({"W1": W1, "dhprebn": dhprebn}, dembcat)
    out["dW1"] = ({"embcat": embcat, "dhprebn": dhprebn}, dW1)
    out["db1"] = ({"dhprebn": dhprebn}, db1)

    emb, dembcat = leaf(r(n, B, E)), r(n, B * E)
    out["demb"] = ({"emb": emb, "dembcat": dembcat}, grad([emb.view(n, -1)], [dembcat], emb))

    C, Xb, demb = leaf(r(V, E)), labels(n, B), r(n, B, E)
    out["dC"] = ({"C": C, "Xb": Xb, "demb": demb}, grad([C[Xb]], [demb], C))

    logits, Yb = leaf(2 * r(n, V)), labels(n)
    out["cross_entropy_backward"] = ({"logits": logits, "Yb": Yb}, grad([F.cross_entropy(logits, Yb)], None, logits))

    hprebn, bngain, bnbias, dhpreact = 2 * r(n, H) + 0.5, r(1, H), r(1, H), r(n, H)
    # A nearly constant column 0, of variance near eps: the one place an answer derived without eps
    # is wrong (by a factor near 2 in its variance term), as in the dbnvar probe.
    hprebn[:, 0] *= 1.5e-3
    hprebn = leaf(hprebn)
    bndiff = hprebn - 1 / n * hprebn.sum(0, keepdim=True)
    bnvar_inv = (1 / (n - 1) * (bndiff**2).sum(0, keepdim=True) + 1e-5) ** -0.5
    bnraw = bndiff * bnvar_inv
    out["batchnorm_backward"] = ({"bngain": bngain, "bnvar_inv": bnvar_inv, "bnraw": bnraw, "dhpreact": dhpreact},
                                 grad([bngain * bnraw + bnbias], [dhpreact], hprebn))
    return out


def main():
    args = parse_args()
    data = args.names.read_bytes()
    sha256 = hashlib.sha256(data).hexdigest()
    if sha256 != NAMES_SHA256:
        print(f"warning: {args.names} is not the lecture's names.txt (SHA-256 {sha256})", file=sys.stderr)
    words = data.decode("utf-8").splitlines()

    dims, splits, loss = network_case(args, words)

    manifest = json.loads((ROOT / "steps.json").read_text())
    n, B, E, H, V = args.probe_dims
    g = torch.Generator().manual_seed(args.probe_seed)
    made = probes(n, B, E, H, V, g)
    for step in manifest["steps"]:
        inputs, expected = made[step["name"]]
        folder = args.out / "probes" / step["name"]
        for name, t in inputs.items():
            save(folder, name, t)
        save(folder, step["output"], expected)
        meta = {"step": step["name"], "n": n, "block_size": B, "n_embd": E, "n_hidden": H, "vocab_size": V}
        (folder / "meta.json").write_text(json.dumps(meta, indent=2) + "\n")

    meta = {
        **dims,
        "case": args.out.name,
        "loss": loss,
        "splits": {"train": splits[0], "val": splits[1], "test": splits[2]},
        "seeds": {"shuffle": 42, "generator": args.seed, "batchnorm": args.bn_seed, "probes": args.probe_seed},
        "probe_dims": {"n": n, "block_size": B, "n_embd": E, "n_hidden": H, "vocab_size": V},
        "names_sha256": sha256,
        "torch_version": torch.__version__,
        "command": "data/make_reference.py " + " ".join(sys.argv[1:]),
    }
    (args.out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n")
    print(f"{args.out}: loss {loss:.4f}, splits {splits}, {len(made)} probes")


if __name__ == "__main__":
    main()
