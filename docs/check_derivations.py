#!/usr/bin/python3
"""Checks the two derivations of docs/steps/27 and 28 numerically, line by line.

Every numbered line of both derivations is compared with PyTorch's autograd (float64) and the final
formulas also with central finite differences. Run it from anywhere (it needs PyTorch; CI does not run it):

    /usr/bin/python3 docs/check_derivations.py

It prints one line per check with the largest absolute difference and exits non-zero if any check fails.
"""
import sys

import torch

torch.manual_seed(0)
DT = torch.float64
failures = []


def check(what, got, want, tol=1e-12):
    diff = (got - want).abs().max().item()
    scale = want.abs().max().item()
    ok = diff <= tol * max(1.0, scale)
    print(f"{'ok  ' if ok else 'FAIL'} {what:58s} maxdiff {diff:.2e} (largest value {scale:.2e})")
    if not ok:
        failures.append(what)


def central_differences(f, x, eps=1e-6):
    """d f / d x by central differences, one element at a time (f returns a scalar)."""
    grad = torch.zeros_like(x)
    flat, gflat = x.view(-1), grad.view(-1)
    for k in range(flat.numel()):
        keep = flat[k].item()
        flat[k] = keep + eps
        up = f(x).item()
        flat[k] = keep - eps
        down = f(x).item()
        flat[k] = keep
        gflat[k] = (up - down) / (2 * eps)
    return grad


def cross_entropy(n=7, vocab=9):
    print("== cross-entropy (docs/steps/27_cross_entropy_backward.md)")
    z = (3 * torch.randn(n, vocab, dtype=DT)).requires_grad_()
    y = torch.randint(0, vocab, (n,))
    row = torch.arange(n)

    def loss_of(logits):
        return torch.nn.functional.cross_entropy(logits, y)

    loss_of(z).backward()
    # One row, its own loss and log Z, each differentiated by autograd.
    z0 = z[0].detach().clone().requires_grad_()
    (-torch.log_softmax(z0, 0)[y[0]]).backward()
    z0_log_sum = z[0].detach().clone().requires_grad_()
    torch.logsumexp(z0_log_sum, 0).backward()
    # The lecture's step-by-step loss, to see that dlogit_maxes is zero.
    logits = z.detach().clone().requires_grad_()
    maxes = logits.max(1, keepdim=True).values
    maxes.retain_grad()
    counts = (logits - maxes).exp()
    probs = counts * counts.sum(1, keepdim=True) ** -1
    (-probs.log()[row, y].mean()).backward()

    with torch.no_grad():
        p = torch.softmax(z, 1)
        one_hot = torch.nn.functional.one_hot(y, vocab).to(DT)
        L_i = -torch.log_softmax(z, 1)[row, y]
        check("line 1: L_i = -log p_y = -z_y + log Z", -z[row, y] + torch.logsumexp(z, 1), L_i)
        check("line 4: d log Z / d z_j = p_j (one row)", p[0], z0_log_sum.grad)
        check("line 5: d L_i / d z_j = p_j - [j = y] (one row)", p[0] - one_hot[0], z0.grad)
        formula = (p - one_hot) / n
        check("line 6: dlogits = (softmax - one_hot) / n, vs autograd", formula, z.grad)
        fd = central_differences(loss_of, z.detach().clone())
        check("line 6: dlogits, vs central finite differences", formula, fd, tol=1e-8)
        check("rows of dlogits sum to zero", formula.sum(1), torch.zeros(n, dtype=DT))
        m = 10 * torch.randn(n, 1, dtype=DT)
        check("shift invariance: softmax(z - m) = softmax(z)", torch.softmax(z - m, 1), p)
        check("dlogit_maxes of the step-by-step loss is zero", maxes.grad, torch.zeros(n, 1, dtype=DT))


def batchnorm(n=11, width=5, eps=1e-5):
    print("== BatchNorm (docs/steps/28_batchnorm_backward.md)")
    x = (2 * torch.randn(n, width, dtype=DT) + 0.5).requires_grad_()
    gamma = 1 + 0.1 * torch.randn(1, width, dtype=DT)
    beta = 0.1 * torch.randn(1, width, dtype=DT)
    g = torch.randn(n, width, dtype=DT)  # the upstream gradient dL/da, a random probe

    def forward(hprebn):
        t = {}
        t["mu"] = 1 / n * hprebn.sum(0, keepdim=True)
        t["d"] = hprebn - t["mu"]
        t["d2"] = t["d"] ** 2
        t["v"] = 1 / (n - 1) * t["d2"].sum(0, keepdim=True)
        t["s"] = (t["v"] + eps) ** -0.5
        t["r"] = t["d"] * t["s"]
        t["a"] = gamma * t["r"] + beta
        return t

    t = forward(x)
    for name in ("mu", "d", "v", "s", "r"):
        t[name].retain_grad()
    (t["a"] * g).sum().backward()  # L = sum(a * g), so dL/da = g
    with torch.no_grad():
        d, s, r, v = t["d"], t["s"], t["r"], t["v"]
        dr = gamma * g
        check("line 1: dL/dr = gamma g", dr, r.grad)
        ds = (d * gamma * g).sum(0, keepdim=True)
        check("line 2: dL/ds = sum_i d_i gamma g_i", ds, s.grad)
        dv = -0.5 * (v + eps) ** -1.5 * ds
        check("line 3: dL/dv = -1/2 (v + eps)^(-3/2) dL/ds", dv, v.grad)
        check("line 3: (v + eps)^(-3/2) = s^3", (v + eps) ** -1.5, s**3)
        dd = s * gamma * g + 2 * d / (n - 1) * dv
        check("line 4: dL/dd = s gamma g + 2 d / (n-1) dL/dv", dd, d.grad)
        dmu = -dd.sum(0, keepdim=True)
        check("line 5: dL/dmu = -sum_i dL/dd_i", dmu, t["mu"].grad)
        dx = dd + dmu / n
        check("line 6: dL/dx = dL/dd + dL/dmu / n", dx, x.grad)
        dd7 = gamma * s * (g - r / (n - 1) * (r * g).sum(0, keepdim=True))
        check("line 7: dL/dd = gamma s (g - r/(n-1) sum r g)", dd7, d.grad)
        check("line 8: sum_i r_i = 0", r.sum(0), torch.zeros(width, dtype=DT))
        check("line 9: dL/dmu = -gamma s sum_i g_i", -gamma * s * g.sum(0, keepdim=True), t["mu"].grad)
        formula = gamma * s / n * (n * g - g.sum(0, keepdim=True) - n / (n - 1) * r * (r * g).sum(0, keepdim=True))
        check("line 10: the final formula, vs autograd", formula, x.grad)
        fd = central_differences(lambda h: (forward(h)["a"] * g).sum(), x.detach().clone())
        check("line 10: the final formula, vs central finite differences", formula, fd, tol=1e-7)
        check("columns of dhprebn sum to zero", formula.sum(0), torch.zeros(width, dtype=DT))
    # The same with PyTorch's own var() (Bessel-corrected by default), as in the exercise's forward line.
    with torch.enable_grad():
        x2 = x.detach().clone().requires_grad_()
        a = gamma * (x2 - x2.mean(0, keepdim=True)) / torch.sqrt(x2.var(0, keepdim=True) + eps) + beta
        (a * g).sum().backward()
    check("line 10 vs the one-line forward with torch.var", formula, x2.grad)


cross_entropy()
batchnorm()
if failures:
    print(f"{len(failures)} check(s) failed", file=sys.stderr)
    sys.exit(1)
print("all checks passed")
