#!/usr/bin/env python3
"""Plain PyTorch RealNVP-8x128 on the 2-D toy data: the reference FlowBook's trainer is measured against.

Canonical config (issue 4): 8 affine couplings with alternating masks over the 2 coordinates; each
conditioner one MLP 1->128->128->2 (ReLU) giving (s_raw, t), s = tanh(s_raw), z_t = x_t * exp(s) + t;
standard normal base; Adam lr 1e-3; batch 512; fresh samples every step; 3000 steps; float32; one thread.

Variant flags (for comparing with the course): --schedule cosine (CosineAnnealingLR to 0 over the run),
--zero-init (last conditioner layer starts at zero, so the flow starts as the identity).

Prints one JSON line: ms_per_step and cpu_ms_per_step (medians over steps of wall-clock and thread CPU time),
test_nll (nats, 20,000 fresh samples), and the config.
Usage:  python3 bench/realnvp_torch.py --dataset checkerboard --steps 3000 --seed 0
"""
import argparse
import json
import math
import time

import numpy as np
import torch
from torch import nn


def sample(dataset, n, rng):
    """FFJORD's toy data (checkerboard) and scikit-learn's make_moons(noise=0.05), with a numpy Generator."""
    if dataset == "checkerboard":
        x1 = rng.random(n) * 4 - 2
        x2_ = rng.random(n) - rng.integers(0, 2, n) * 2
        x2 = x2_ + (np.floor(x1) % 2)
        return (np.stack([x1, x2], 1) * 2).astype(np.float32)
    if dataset == "moons":
        outer, inner = n // 2, n - n // 2
        a, b = np.linspace(0, np.pi, outer), np.linspace(0, np.pi, inner)
        x = np.concatenate([np.stack([np.cos(a), np.sin(a)], 1), np.stack([1 - np.cos(b), 0.5 - np.sin(b)], 1)])
        x = x[rng.permutation(n)] + rng.normal(scale=0.05, size=(n, 2))
        return x.astype(np.float32)
    raise SystemExit(f"unknown dataset {dataset!r}: choose checkerboard or moons")


class Coupling(nn.Module):
    def __init__(self, keep, hidden, zero_init):
        super().__init__()
        self.keep, self.change = keep, 1 - keep
        self.net = nn.Sequential(nn.Linear(1, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                                 nn.Linear(hidden, 2))
        if zero_init:
            nn.init.zeros_(self.net[-1].weight)
            nn.init.zeros_(self.net[-1].bias)

    def forward(self, x):
        xk, xt = x[:, self.keep:self.keep + 1], x[:, self.change:self.change + 1]
        out = self.net(xk)
        s, t = torch.tanh(out[:, :1]), out[:, 1:]
        zt = xt * torch.exp(s) + t
        z = torch.cat([xk, zt], 1) if self.keep == 0 else torch.cat([zt, xk], 1)
        return z, s.sum(1)


class RealNVP(nn.Module):
    def __init__(self, layers, hidden, zero_init):
        super().__init__()
        self.layers = nn.ModuleList([Coupling(k % 2, hidden, zero_init) for k in range(layers)])

    def log_prob(self, x):
        log_det = torch.zeros(x.shape[0])
        for layer in self.layers:
            x, ld = layer(x)
            log_det = log_det + ld
        return -0.5 * (x ** 2).sum(1) - math.log(2 * math.pi) + log_det


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", default="checkerboard")
    parser.add_argument("--steps", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--layers", type=int, default=8)
    parser.add_argument("--hidden", type=int, default=128)
    parser.add_argument("--batch", type=int, default=512)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--schedule", choices=["constant", "cosine"], default="constant")
    parser.add_argument("--zero-init", action="store_true")
    args = parser.parse_args()

    torch.set_num_threads(1)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    model = RealNVP(args.layers, args.hidden, args.zero_init)
    optimiser = torch.optim.Adam(model.parameters(), lr=args.lr)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimiser, args.steps) if args.schedule == "cosine" else None
    times = []
    cpu_times = []
    start = time.perf_counter()
    for _ in range(args.steps):
        x = torch.from_numpy(sample(args.dataset, args.batch, rng))
        before = time.perf_counter()
        cpu_before = time.thread_time()
        loss = -model.log_prob(x).mean()
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
        if scheduler:
            scheduler.step()
        times.append((time.perf_counter() - before) * 1000)
        cpu_times.append((time.thread_time() - cpu_before) * 1000)
        if not math.isfinite(loss.item()):
            raise SystemExit("training diverged: loss is NaN or Inf")
    seconds = time.perf_counter() - start
    with torch.no_grad():
        test = torch.from_numpy(sample(args.dataset, 20000, np.random.default_rng(args.seed + 12345)))
        test_nll = -model.log_prob(test).mean().item()
    print(json.dumps({
        "dataset": args.dataset, "steps": args.steps, "seed": args.seed, "layers": args.layers, "hidden": args.hidden,
        "batch": args.batch, "lr": args.lr, "schedule": args.schedule, "zero_init": args.zero_init,
        "ms_per_step": float(np.median(times)), "cpu_ms_per_step": float(np.median(cpu_times)), "test_nll": test_nll, "seconds": seconds,
        "torch_version": torch.__version__, "threads": torch.get_num_threads(),
    }, sort_keys=True))


if __name__ == "__main__":
    main()
