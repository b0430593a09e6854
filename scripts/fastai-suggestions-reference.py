"""Reference values for rx-policy's LR-finder suggestions: fastai's four rules (valley, slide,
minimum, steep, from `fastai/callback/schedule.py` in fastai/fastai and its documentation) evaluated the way
`Learner.lr_find` evaluates them, on fixed recorded curves.

Run by hand (not in CI), with Debian's PyTorch and numpy:
    /usr/bin/python3 scripts/fastai-suggestions-reference.py > spec/fixtures/fastai-suggestions.json
As in fastai, the curve is cut to [num_it // 10 : -5] and held in float32 tensors; the rules are
stated here from fastai's formulas. spec/lrFinder/suggestions.spec.ts compares rx-policy's
doubles with these to float32 rounding.
"""
import json
import math

import numpy as np
import torch


def rule_valley(lrs, losses):
    # Longest run of ever-lower losses (a longest decreasing subsequence, fastai's dynamic
    # programme, keeping the start from when its end first became the longest), then two thirds in.
    n = len(losses)
    run = [1] * n
    best_start, best_end = 0, 0
    for i in range(1, n):
        for j in range(i):
            if losses[i] < losses[j] and run[i] < run[j] + 1:
                run[i] = run[j] + 1
            if run[best_end] < run[i]:
                best_end = i
                best_start = best_end - run[best_end]
    third = (best_end - best_start) / 3
    k = best_start + int(third) + int(third / 2)
    return float(lrs[k]), (float(lrs[k]), float(losses[k]))


def rule_slide(lrs, losses, lr_diff=15, thresh=0.005, adjust_value=1.0):
    g = np.gradient(losses.numpy())
    right, left = -1, -1 - lr_diff
    found = lrs[left]
    while left >= -len(losses) and abs(g[right] - g[left]) > thresh:
        found = lrs[left]
        right, left = right - 1, left - 1
    value = float(found) * adjust_value
    return value, (value, float(np.interp(np.log10(value), np.log10(lrs.numpy()), losses.numpy())))


def rule_minimum(lrs, losses):
    k = int(losses.argmin())
    return float(lrs[k]) / 10, (float(lrs[k]), float(losses[k]))


def rule_steep(lrs, losses):
    slopes = (losses[1:] - losses[:-1]) / (lrs[1:].log() - lrs[:-1].log())
    k = int(slopes.argmin())
    return float(lrs[k]), (float(lrs[k]), float(losses[k]))


def suggestions(lrs, losses, num_it):
    x = torch.tensor(lrs[num_it // 10:-5])
    y = torch.tensor(losses[num_it // 10:-5])
    out = {"valley": rule_valley(x, y), "minimum": rule_minimum(x, y), "steep": rule_steep(x, y)}
    try:
        out["slide"] = rule_slide(x, y)
    except IndexError:
        out["slide"] = None  # fewer points than lr_diff + 1: fastai raises
    return {k: None if v is None else {"lr": v[0], "point": {"lr": v[1][0], "loss": v[1][1]}} for k, v in out.items()}


def exp_lrs(start, end, n):
    return [start * (end / start) ** (i / n) for i in range(n)]


curves = []
n = 100
lrs = exp_lrs(1e-7, 10, n)
# A typical curve: flat, a long descent, a minimum, then divergence (stopped at 4x the minimum).
u = [2.3 - 1.6 / (1 + math.exp(-2.2 * (math.log10(lr) + 3.5))) + 0.02 * math.sin(7 * i) + (0 if lr < 0.05 else 8 * (math.log10(lr) + 1.3) ** 2) for i, lr in enumerate(lrs)]
stop = next((i for i in range(n) if u[i] > 4 * min(u[: i + 1])), n - 1)
curves.append({"name": "descent, minimum, divergence", "numIt": n, "lrs": lrs[: stop + 1], "losses": u[: stop + 1]})
# Noisy plateau and two descents: the longest valley is the second one.
w = [3.0 - 0.5 * (i > 20) - 0.03 * max(0, i - 40) + 0.05 * math.cos(3.1 * i) for i in range(n)]
curves.append({"name": "two descents, noise", "numIt": n, "lrs": lrs, "losses": w})
# A short run: 20 steps, too few points after the cut for slide.
m = 20
lrs20 = exp_lrs(1e-5, 1, m)
curves.append({"name": "short run", "numIt": m, "lrs": lrs20, "losses": [1 / (1 + i) + 0.01 * (i % 4) for i in range(m)]})
# A valley of two points right at the window's start: fastai's index -1 (the last point).
curves.append({"name": "two-point valley at the start", "numIt": 40, "lrs": exp_lrs(1e-4, 1, 40), "losses": [1.0] * 4 + [0.9, 0.8] + [0.85 + 0.01 * i for i in range(34)]})

for c in curves:
    c["suggestions"] = suggestions(c["lrs"], c["losses"], c["numIt"])
print(json.dumps({"torch": torch.__version__, "numpy": np.__version__, "curves": curves}))
