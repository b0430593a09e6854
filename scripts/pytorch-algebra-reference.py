"""Reference tables for rx-policy's schedule algebra and its `pytorch.multiplicativeLR` and
`pytorch.swaLR`, from real PyTorch schedulers.

Run by hand (not in CI), with Debian's PyTorch:
    apt-get install -y python3-torch
    /usr/bin/python3 scripts/pytorch-algebra-reference.py > spec/fixtures/pytorch-algebra.json
Each case records the rate in the optimizer's first param group before each `scheduler.step()`
(what batch k trains with). The fixture holds numbers only: each case's `id` names the factor
function, which spec/algebra/pytorch-algebra-real.spec.ts writes out again in TypeScript.
"""
import json
import math

import torch
from torch.optim import SGD
from torch.optim import lr_scheduler as S
from torch.optim.swa_utils import SWALR


def record(case_id, torch_call, steps, make_scheduler, lr=0.1, options=None):
    param = torch.nn.Parameter(torch.zeros(1))
    opt = SGD([param], lr=lr)
    sched = make_scheduler(opt)
    values = []
    for _ in range(steps):
        values.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    return {"id": case_id, "torch": torch_call, "steps": steps, "options": options or {}, "lr": values}


# The factor functions; the spec has the same ones under the same ids.
FACTORS = {
    "warmup5": lambda e: min(1.0, (e + 1) / 5),
    "cosine20": lambda e: 0.5 * (1 + math.cos(math.pi * e / 20)),
    "constant095": lambda e: 0.95,
    "every3": lambda e: 0.9 if e % 3 == 0 else 1.0,
    "wobble": lambda e: 1 - 1e-4 * (e % 7) + 5e-5 * (e % 3),
}

cases = []
cases.append(record("lambda:warmup5", "LambdaLR(opt, lambda e: min(1, (e + 1) / 5))", 12, lambda o: S.LambdaLR(o, FACTORS["warmup5"])))
cases.append(record("lambda:cosine20", "LambdaLR(opt, lambda e: 0.5 * (1 + cos(pi * e / 20)))", 30, lambda o: S.LambdaLR(o, FACTORS["cosine20"])))
cases.append(record("chained:linear+exponential", "ChainedScheduler([LinearLR(opt, start_factor=0.1, total_iters=5), ExponentialLR(opt, gamma=0.9)])", 20,
                    lambda o: S.ChainedScheduler([S.LinearLR(o, start_factor=0.1, total_iters=5), S.ExponentialLR(o, gamma=0.9)])))
cases.append(record("multiplicative:constant095", "MultiplicativeLR(opt, lambda e: 0.95)", 40, lambda o: S.MultiplicativeLR(o, FACTORS["constant095"])))
cases.append(record("multiplicative:every3", "MultiplicativeLR(opt, lambda e: 0.9 if e % 3 == 0 else 1.0)", 30, lambda o: S.MultiplicativeLR(o, FACTORS["every3"])))
cases.append(record("multiplicative:wobble", "MultiplicativeLR(opt, lambda e: 1 - 1e-4 * (e % 7) + 5e-5 * (e % 3))", 2100, lambda o: S.MultiplicativeLR(o, FACTORS["wobble"])))
for anneal, strategy, steps in [(10, "cos", 15), (5, "linear", 12), (0, "cos", 4), (1, "linear", 4), (7, "cos", 5)]:
    cases.append(record(f"swa:{anneal}:{strategy}", f"SWALR(opt, swa_lr=0.05, anneal_epochs={anneal}, anneal_strategy={strategy!r})", steps,
                        lambda o, a=anneal, s=strategy: SWALR(o, swa_lr=0.05, anneal_epochs=a, anneal_strategy=s),
                        options={"baseLr": 0.1, "swaLr": 0.05, "annealEpochs": anneal, "annealStrategy": strategy, "steps": steps}))

print(json.dumps({"torch": torch.__version__, "cases": cases}))
