#!/usr/bin/env python3
"""The differential entropy of the two moons (noise sigma = 0.05), by deterministic quadrature.

p(x) = 1/2 sum_m (1/pi) int_0^pi N(x; c_m(a), sigma^2 I) da (the angle integral by the midpoint rule),
H = -int p log p dx (the plane by a fine grid): no Monte-Carlo error. This is the floor of any model's
expected held-out NLL on the moons (README, "Better flows in 40 seconds"). Usage: scripts/moons-entropy.py
[--nodes N] [--step H]; needs numpy; about 30 s.
"""
import argparse

import numpy as np

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--nodes", type=int, default=1500, help="angles per moon in the quadrature")
parser.add_argument("--step", type=float, default=0.004, help="grid spacing of the plane")
args = parser.parse_args()

sigma = 0.05
angles = np.pi * (np.arange(args.nodes) + 0.5) / args.nodes
centres_x = np.concatenate([np.cos(angles), 1 - np.cos(angles)])
centres_y = np.concatenate([np.sin(angles), 0.5 - np.sin(angles)])
# The moons span x in [-1, 2], y in [-0.5, 1]; 8 sigma of margin on every side.
xs = np.arange(-1.4, 2.4, args.step)
ys = np.arange(-0.9, 1.4, args.step)
entropy, mass = 0.0, 0.0
for y in ys:
    squared = (xs[:, None] - centres_x) ** 2 + (y - centres_y) ** 2
    p = np.exp(-squared / (2 * sigma**2)).sum(axis=1) / centres_x.size / (2 * np.pi * sigma**2)
    positive = p[p > 0]
    entropy -= (positive * np.log(positive)).sum() * args.step**2
    mass += p.sum() * args.step**2
print(f"entropy of two moons: {entropy:.5f} nats (probability mass on the grid {mass:.6f})")
