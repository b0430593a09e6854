"""Reference numbers for rx-policy's TorchGenerator and timm-style noise, from real PyTorch.

Run by hand (not in CI): `apt-get install -y python3-torch && /usr/bin/python3
scripts/torch-noise-reference.py [count]`. It prints JSON: for each seed, the noise timm's
`_calculate_noise` returns (normal, for several `noise_pct`, and uniform) and how many normals it
drew. spec/internal/torchGenerator.spec.ts carries a slice of this output; with a count it prints
every seed below `count`, for a bulk comparison:
`/usr/bin/python3 scripts/torch-noise-reference.py 3000 | npx tsx scripts/torch-noise-check.ts`.
"""
import json
import sys

import torch


def timm_noise(seed, noise_type, pct):
    # timm's Scheduler._calculate_noise, step by step: a fresh generator per step.
    g = torch.Generator()
    g.manual_seed(seed)
    if noise_type == "normal":
        draws = 0
        while True:
            noise = torch.randn(1, generator=g).item()
            draws += 1
            if abs(noise) < pct:
                return noise, draws
    return 2 * (torch.rand(1, generator=g).item() - 0.5) * pct, 1


def row(seed):
    out = {"seed": seed}
    for pct in (0.67, 0.05, 0.0005):
        noise, draws = timm_noise(seed, "normal", pct)
        out[f"normal_{pct}"] = [noise, draws]
    out["uniform_0.67"] = timm_noise(seed, "uniform", 0.67)[0]
    return out


if __name__ == "__main__":
    print(f"# torch {torch.__version__}", file=sys.stderr)
    seeds = range(int(sys.argv[1])) if len(sys.argv) > 1 else [0, 1, 41, 42, 43, 44, 1000, 123456, 2**31 - 1, 2**32 + 42]
    print(json.dumps([row(s) for s in seeds]))
