"""Reference tables for rx-policy's `pytorch.*` presets, from real PyTorch schedulers.

Run by hand (not in CI), with Debian's PyTorch:
    apt-get install -y python3-torch
    /usr/bin/python3 scripts/pytorch-reference.py > spec/fixtures/pytorch.json
Each case builds an optimizer and a scheduler, then records the values in the optimizer's first
param group at every step (and, for ReduceLROnPlateau, at every epoch of a given metric sequence) (what batch k trains with: read before `scheduler.step()`), for every
hyper-parameter the scheduler drives. spec/presets/pytorch-real.spec.ts compares rx-policy's presets
with them. `options` are the rx-policy preset's options; `torch` is the equivalent PyTorch call.
"""
import json
import sys

import torch
from torch.optim import SGD, Adam
from torch.optim import lr_scheduler as S


def record(preset, options, steps, make_optimizer, make_scheduler, torch_call, fields):
    param = torch.nn.Parameter(torch.zeros(1))
    opt = make_optimizer([param])
    sched = make_scheduler(opt)
    values = {name: [] for name in fields}
    for _ in range(steps):
        group = opt.param_groups[0]
        for name, read in fields.items():
            values[name].append(read(group))
        opt.step()
        sched.step()
    return {"preset": preset, "options": options, "steps": steps, "torch": torch_call, "values": values}


LR = {"lr": lambda g: g["lr"]}
LR_M = {"lr": lambda g: g["lr"], "momentum": lambda g: g["momentum"]}
LR_B1 = {"lr": lambda g: g["lr"], "beta1": lambda g: g["betas"][0]}
sgd = lambda lr=0.1: (lambda p: SGD(p, lr=lr, momentum=0.9))
adam = lambda p: Adam(p, lr=0.1)

cases = []


def one_cycle(steps, fields=LR_M, make_opt=None, **kw):
    names = {"pct_start": "pctStart", "anneal_strategy": "annealStrategy", "div_factor": "divFactor",
             "final_div_factor": "finalDivFactor", "three_phase": "threePhase", "cycle_momentum": "cycleMomentum",
             "base_momentum": "baseMomentum", "max_momentum": "maxMomentum"}
    options = {"maxLr": kw["max_lr"], "totalSteps": steps}
    options.update({names[k]: v for k, v in kw.items() if k != "max_lr"})
    if "beta1" in fields:
        options["momentumName"] = "beta1"
    call = f"OneCycleLR(opt, total_steps={steps}, " + ", ".join(f"{k}={v!r}" for k, v in kw.items()) + ")"
    cases.append(record("oneCycleLR", options, steps, make_opt or sgd(), lambda o: S.OneCycleLR(o, total_steps=steps, **kw), call, fields))


one_cycle(100, max_lr=0.1)
one_cycle(37, max_lr=1.0, anneal_strategy="linear", three_phase=True, pct_start=0.25)
one_cycle(23, max_lr=0.5, pct_start=0.4, div_factor=10.0, final_div_factor=100.0, base_momentum=0.8, max_momentum=0.9)
one_cycle(50, fields=LR_B1, make_opt=adam, max_lr=0.01)
one_cycle(30, fields=LR, max_lr=0.2, cycle_momentum=False, three_phase=True)


def simple(preset, options, steps, make_sched, call, fields=LR, lr=0.1):
    options = {"baseLr": lr, **options, "steps": steps}
    cases.append(record(preset, options, steps, sgd(lr), make_sched, call, fields))


simple("cosineAnnealingLR", {"tMax": 10, "etaMin": 0.001}, 35, lambda o: S.CosineAnnealingLR(o, T_max=10, eta_min=0.001), "CosineAnnealingLR(opt, T_max=10, eta_min=0.001)")
simple("cosineAnnealingLR", {"tMax": 7}, 20, lambda o: S.CosineAnnealingLR(o, T_max=7), "CosineAnnealingLR(opt, T_max=7)", lr=1.0)
simple("cosineAnnealingWarmRestarts", {"t0": 10, "etaMin": 0.01}, 45, lambda o: S.CosineAnnealingWarmRestarts(o, T_0=10, eta_min=0.01), "CosineAnnealingWarmRestarts(opt, T_0=10, eta_min=0.01)")
simple("cosineAnnealingWarmRestarts", {"t0": 5, "tMult": 2}, 80, lambda o: S.CosineAnnealingWarmRestarts(o, T_0=5, T_mult=2), "CosineAnnealingWarmRestarts(opt, T_0=5, T_mult=2)", lr=1.0)
simple("stepLR", {"stepSize": 7, "gamma": 0.5}, 30, lambda o: S.StepLR(o, step_size=7, gamma=0.5), "StepLR(opt, step_size=7, gamma=0.5)")
simple("stepLR", {"stepSize": 3}, 12, lambda o: S.StepLR(o, step_size=3), "StepLR(opt, step_size=3)", lr=1.0)
simple("multiStepLR", {"milestones": [10, 25], "gamma": 0.3}, 35, lambda o: S.MultiStepLR(o, milestones=[10, 25], gamma=0.3), "MultiStepLR(opt, milestones=[10, 25], gamma=0.3)")
simple("multiStepLR", {"milestones": [12, 5, 5]}, 20, lambda o: S.MultiStepLR(o, milestones=[12, 5, 5]), "MultiStepLR(opt, milestones=[12, 5, 5])", lr=1.0)
simple("exponentialLR", {"gamma": 0.95}, 40, lambda o: S.ExponentialLR(o, gamma=0.95), "ExponentialLR(opt, gamma=0.95)")
simple("linearLR", {}, 12, lambda o: S.LinearLR(o), "LinearLR(opt)")
simple("linearLR", {"startFactor": 1.0, "endFactor": 0.1, "totalIters": 20}, 25, lambda o: S.LinearLR(o, start_factor=1.0, end_factor=0.1, total_iters=20), "LinearLR(opt, start_factor=1.0, end_factor=0.1, total_iters=20)")
simple("polynomialLR", {}, 9, lambda o: S.PolynomialLR(o), "PolynomialLR(opt)")
simple("polynomialLR", {"totalIters": 10, "power": 2.0}, 15, lambda o: S.PolynomialLR(o, total_iters=10, power=2.0), "PolynomialLR(opt, total_iters=10, power=2.0)")
simple("cyclicLR", {"maxLr": 0.01, "stepSizeUp": 5}, 30, lambda o: S.CyclicLR(o, base_lr=0.001, max_lr=0.01, step_size_up=5), "CyclicLR(opt, base_lr=0.001, max_lr=0.01, step_size_up=5)", fields=LR_M, lr=0.001)
simple("cyclicLR", {"maxLr": 0.01, "stepSizeUp": 4, "stepSizeDown": 6, "mode": "triangular2"}, 45, lambda o: S.CyclicLR(o, base_lr=0.001, max_lr=0.01, step_size_up=4, step_size_down=6, mode="triangular2"), "CyclicLR(opt, base_lr=0.001, max_lr=0.01, step_size_up=4, step_size_down=6, mode='triangular2')", fields=LR_M, lr=0.001)
simple("cyclicLR", {"maxLr": 0.01, "stepSizeUp": 3, "mode": "exp_range", "gamma": 0.9}, 30, lambda o: S.CyclicLR(o, base_lr=0.001, max_lr=0.01, step_size_up=3, mode="exp_range", gamma=0.9), "CyclicLR(opt, base_lr=0.001, max_lr=0.01, step_size_up=3, mode='exp_range', gamma=0.9)", fields=LR_M, lr=0.001)

# A custom scale_fn, by name: the fixture names it and the spec gives the same function in JS.
SCALE_FNS = {"halving": lambda x: 0.5 ** (x - 1), "inverse": lambda x: 1 / (1 + 0.01 * x)}
simple("cyclicLR", {"maxLr": 0.01, "stepSizeUp": 3, "stepSizeDown": 2, "scaleFn": "halving"}, 30, lambda o: S.CyclicLR(o, base_lr=0.001, max_lr=0.01, step_size_up=3, step_size_down=2, scale_fn=SCALE_FNS["halving"]), "CyclicLR(opt, base_lr=0.001, max_lr=0.01, step_size_up=3, step_size_down=2, scale_fn=lambda x: 0.5 ** (x - 1))", fields=LR_M, lr=0.001)
simple("cyclicLR", {"maxLr": 0.01, "stepSizeUp": 4, "scaleFn": "inverse", "scaleMode": "iterations"}, 30, lambda o: S.CyclicLR(o, base_lr=0.001, max_lr=0.01, step_size_up=4, scale_fn=SCALE_FNS["inverse"], scale_mode="iterations"), "CyclicLR(opt, base_lr=0.001, max_lr=0.01, step_size_up=4, scale_fn=lambda x: 1 / (1 + 0.01 * x), scale_mode='iterations')", fields=LR_M, lr=0.001)


# ReduceLROnPlateau: one metric per epoch; the lr each epoch trains with is read before step(metric).
def loss_curve(n, seed):
    # A deterministic, bumpy loss: a decay with plateaus and noise, so that every rule fires.
    g = torch.Generator().manual_seed(seed)
    out, level = [], 1.0
    for e in range(n):
        if e % 7 < 4:
            level *= 0.9
        out.append(round(level * (1 + 0.02 * torch.randn(1, generator=g).item()), 6))
    return out


plateau = []


def plateau_case(options, metrics, lr=0.1):
    names = {"mode": "mode", "factor": "factor", "patience": "patience", "threshold": "threshold",
             "threshold_mode": "thresholdMode", "cooldown": "cooldown", "min_lr": "minValue", "eps": "eps"}
    param = torch.nn.Parameter(torch.zeros(1))
    opt = SGD([param], lr=lr)
    sched = S.ReduceLROnPlateau(opt, **options)
    lrs = []
    for m in metrics:
        lrs.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step(m)
    call = "ReduceLROnPlateau(" + ", ".join(["opt"] + [f"{k}={v!r}" for k, v in options.items()]) + ")"
    plateau.append({"options": {names[k]: v for k, v in options.items()}, "lr0": lr, "torch": call, "metrics": metrics, "lr": lrs})


plateau_case({}, loss_curve(30, 1) + [0.5] * 30)
plateau_case({"patience": 2, "factor": 0.5}, loss_curve(50, 2))
plateau_case({"patience": 1, "factor": 0.3, "cooldown": 2, "min_lr": 0.002}, loss_curve(50, 3))
plateau_case({"patience": 2, "threshold": 0.05, "threshold_mode": "abs"}, loss_curve(40, 4))
plateau_case({"mode": "max", "patience": 1, "factor": 0.5}, [1 - x for x in loss_curve(40, 5)])
plateau_case({"mode": "max", "patience": 0, "threshold": 0.01, "threshold_mode": "abs", "factor": 0.9, "eps": 0.003}, [1 - x for x in loss_curve(40, 6)], lr=0.05)
plateau_case({"patience": 0, "factor": 0.1, "min_lr": 1e-4}, [1.0] * 12)

# One case per line: the file stays readable and its diffs small.
print('{"torch": %s, "cases": [\n%s\n],\n"plateau": [\n%s\n]}' % (
    json.dumps(torch.__version__), ",\n".join(json.dumps(c) for c in cases), ",\n".join(json.dumps(c) for c in plateau)))
