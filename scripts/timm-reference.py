"""Reference tables for rx-policy's `timm.cosineLR`, from timm's own CosineLRScheduler.

Run by hand (not in CI), with Debian's PyTorch and a timm that Python can import (an installed
timm, or PYTHONPATH at a checkout's top folder):
    apt-get install -y python3-torch
    PYTHONPATH=path/to/pytorch-image-models /usr/bin/python3 scripts/timm-reference.py > spec/fixtures/timm.json
Each case drives the scheduler per update (`t_in_epochs=False`, `step_update(t)` for t = 0, 1, …)
and records the lr it writes into the optimizer. `options` are rx-policy's; `timm` the call.
"""
import json

import torch
from torch.optim import SGD
from timm.scheduler.cosine_lr import CosineLRScheduler

NAMES = {"t_initial": "tInitial", "lr_min": "lrMin", "cycle_mul": "cycleMul", "cycle_decay": "cycleDecay",
         "cycle_limit": "cycleLimit", "warmup_t": "warmupT", "warmup_lr_init": "warmupLrInit",
         "warmup_prefix": "warmupPrefix", "k_decay": "kDecay", "noise_range_t": "noiseRangeT",
         "noise_pct": "noisePct", "noise_type": "noiseType", "noise_seed": "noiseSeed"}

cases = []


def case(base_lr, steps, **kw):
    opt = SGD([torch.nn.Parameter(torch.zeros(1))], lr=base_lr)
    noise_type = kw.pop("noise_type", None)
    sched = CosineLRScheduler(opt, t_in_epochs=False, **kw)
    if noise_type is not None:
        sched.noise_type = noise_type  # the base Scheduler's option, not a CosineLRScheduler argument
        kw["noise_type"] = noise_type
    lrs = []
    for t in range(steps):
        sched.step_update(t)
        lrs.append(opt.param_groups[0]["lr"])
    options = {"baseLr": base_lr, **{NAMES[k]: (list(v) if isinstance(v, tuple) else v) for k, v in kw.items()}, "steps": steps}
    if isinstance(options.get("noiseRangeT"), int):
        options["noiseRangeT"] = [options["noiseRangeT"]]
    call = "CosineLRScheduler(opt, t_in_epochs=False, " + ", ".join(f"{k}={v!r}" for k, v in kw.items()) + f"), lr={base_lr}"
    cases.append({"options": options, "timm": call, "lr": lrs})


case(0.1, 60, t_initial=50)
case(1.0, 40, t_initial=10, lr_min=0.01, cycle_limit=4)
case(1.0, 70, t_initial=10, lr_min=0.05, cycle_mul=1.5, cycle_decay=0.5, cycle_limit=3)
case(1.0, 90, t_initial=8, cycle_mul=2.0, cycle_limit=4)
case(0.5, 45, t_initial=30, warmup_t=5, warmup_lr_init=0.01)
case(0.5, 45, t_initial=30, warmup_t=5, warmup_lr_init=0.01, warmup_prefix=True)
case(1.0, 50, t_initial=12, lr_min=0.1, k_decay=2.0, cycle_limit=3, warmup_t=3, warmup_prefix=True)
case(1.0, 40, t_initial=40, noise_range_t=(10, 30), noise_pct=0.3, noise_seed=7)
case(1.0, 40, t_initial=40, noise_range_t=5, noise_type="uniform")
case(1.0, 60, t_initial=20, lr_min=0.05, cycle_mul=1.5, cycle_decay=0.6, cycle_limit=3, warmup_t=4, warmup_prefix=True, k_decay=0.5, noise_range_t=(20, 50), noise_pct=0.2)

print('{"cases": [\n%s\n]}' % ",\n".join(json.dumps(c) for c in cases))
