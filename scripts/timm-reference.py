"""Reference tables for rx-policy's `timm.*` presets, from timm's own schedulers.

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
from timm.scheduler.multistep_lr import MultiStepLRScheduler
from timm.scheduler.poly_lr import PolyLRScheduler
from timm.scheduler.step_lr import StepLRScheduler
from timm.scheduler.tanh_lr import TanhLRScheduler

NAMES = {"t_initial": "tInitial", "lr_min": "lrMin", "cycle_mul": "cycleMul", "cycle_decay": "cycleDecay",
         "cycle_limit": "cycleLimit", "warmup_t": "warmupT", "warmup_lr_init": "warmupLrInit",
         "warmup_prefix": "warmupPrefix", "k_decay": "kDecay", "noise_range_t": "noiseRangeT",
         "noise_pct": "noisePct", "noise_type": "noiseType", "noise_seed": "noiseSeed", "power": "power",
         "lb": "lb", "ub": "ub", "decay_t": "decayT", "decay_rate": "decayRate"}
PRESETS = {CosineLRScheduler: "cosineLR", PolyLRScheduler: "polyLR", TanhLRScheduler: "tanhLR",
           StepLRScheduler: "stepLR", MultiStepLRScheduler: "multiStepLR"}

cases = []


def case(base_lr, steps, cls=CosineLRScheduler, **kw):
    opt = SGD([torch.nn.Parameter(torch.zeros(1))], lr=base_lr)
    noise_type = kw.pop("noise_type", None)
    sched = cls(opt, t_in_epochs=False, **kw)
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
    call = f"{cls.__name__}(opt, t_in_epochs=False, " + ", ".join(f"{k}={v!r}" for k, v in kw.items()) + f"), lr={base_lr}"
    cases.append({"preset": PRESETS[cls], "options": options, "timm": call, "lr": lrs})


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

case(1.0, 50, PolyLRScheduler, t_initial=50)
case(1.0, 60, PolyLRScheduler, t_initial=12, power=2.0, lr_min=0.05, cycle_mul=1.5, cycle_decay=0.5, cycle_limit=3, warmup_t=4, warmup_lr_init=0.1)
case(1.0, 40, PolyLRScheduler, t_initial=15, power=1.5, k_decay=2.0, cycle_limit=2, warmup_t=3, warmup_prefix=True, noise_range_t=(5, 30), noise_pct=0.1)
case(1.0, 50, TanhLRScheduler, t_initial=50)
case(1.0, 60, TanhLRScheduler, t_initial=20, lb=-5.0, ub=4.0, lr_min=0.01, cycle_mul=2.0, cycle_decay=0.7, cycle_limit=2, warmup_t=6, warmup_lr_init=0.05)
case(1.0, 40, TanhLRScheduler, t_initial=15, cycle_limit=3, warmup_t=5, warmup_prefix=True)
case(1.0, 40, StepLRScheduler, decay_t=7, decay_rate=0.5)
case(1.0, 40, StepLRScheduler, decay_t=7.5, decay_rate=0.5, warmup_t=5, warmup_lr_init=0.1)
case(1.0, 40, StepLRScheduler, decay_t=7, decay_rate=0.5, warmup_t=5, warmup_lr_init=0.1, warmup_prefix=False)
case(1.0, 40, MultiStepLRScheduler, decay_t=[10, 20, 20, 30], decay_rate=0.5)
case(1.0, 40, MultiStepLRScheduler, decay_t=[3, 10, 25], decay_rate=0.3, warmup_t=5, warmup_lr_init=0.1)
case(1.0, 40, MultiStepLRScheduler, decay_t=[3, 10, 25], decay_rate=0.3, warmup_t=5, warmup_lr_init=0.1, warmup_prefix=False, noise_range_t=10, noise_type="uniform", noise_seed=3)

print('{"cases": [\n%s\n]}' % ",\n".join(json.dumps(c) for c in cases))
