"""Reference values for every example of Poutyne's "Interface of policy" page, from Poutyne itself.

Run by hand (not in CI), with Python 3 and either an installed poutyne or the path of a
checkout's `poutyne/framework/callbacks/policies.py` (it only needs its Callback base class,
which this script supplies when poutyne is not installed):
    POUTYNE_POLICIES=path/to/policies.py python3 scripts/poutyne-reference.py > spec/fixtures/poutyne.json
spec/poutyne-real.spec.ts compares rx-policy's twins of the examples with these values.
"""
import importlib.util
import json
import os
import sys
import types


def load_policies():
    path = os.environ.get("POUTYNE_POLICIES")
    if not path:
        from poutyne.framework.callbacks import policies

        return policies
    # policies.py imports only its Callback base class from the rest of poutyne.
    callbacks = types.ModuleType("poutyne.framework.callbacks.callbacks")
    callbacks.Callback = type("Callback", (), {"__init__": lambda self: None})
    for name in ("poutyne", "poutyne.framework", "poutyne.framework.callbacks"):
        sys.modules.setdefault(name, types.ModuleType(name))
    sys.modules["poutyne.framework.callbacks.callbacks"] = callbacks
    spec = importlib.util.spec_from_file_location("poutyne_policies", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


P = load_policies()
examples = {}


def record(name, values):
    examples[name] = values


record("linspace(1, 0, 3)", list(P.linspace(1, 0, 3)))
record("cosinespace(1, 0, 5)", list(P.cosinespace(1, 0, 5)))
record("Phase(lr=linspace(0, 1, 3))", list(P.Phase(lr=P.linspace(0, 1, 3))))
record("Phase(lr=linspace(0, 1, 10), momentum=cosinespace(.99, .9, 10))", list(P.Phase(lr=P.linspace(0, 1, 10), momentum=P.cosinespace(0.99, 0.9, 10))))
record("Phase(lr=linspace(.7, .7, 100))", list(P.Phase(lr=P.linspace(0.7, 0.7, 100))))
record("Phase(lr=linspace(0, 1, 100))", list(P.Phase(lr=P.linspace(0, 1, 100))))
record("Phase(lr=cosinespace(1, 0, 100))", list(P.Phase(lr=P.cosinespace(1, 0, 100))))
record("Phase(lr=linspace(1, 0.5, 100), momentum=cosinespace(.8, 1, 100))", list(P.Phase(lr=P.linspace(1, 0.5, 100), momentum=P.cosinespace(0.8, 1, 100))))
chained = P.OptimizerPolicy([
    P.Phase(lr=P.linspace(0, 1, 100)),
    P.Phase(lr=P.cosinespace(1, 0, 200)),
    P.Phase(lr=P.linspace(0, 0.5, 100)),
    P.Phase(lr=P.linspace(0.5, 0.1, 300)),
])
record("OptimizerPolicy([linspace(0, 1, 100), cosinespace(1, 0, 200), linspace(0, .5, 100), linspace(.5, .1, 300)])", list(chained.all_steps()))
manual = P.OptimizerPolicy([P.Phase(lr=P.cosinespace(1, 0, n)) for n in (200, 400, 800)])
record("OptimizerPolicy([cosinespace(1, 0, 200), cosinespace(1, 0, 400), cosinespace(1, 0, 800)])", list(manual.all_steps()))
record("OptimizerPolicy(sgdr_phases(base_cycle_length=200, cycles=3, cycle_mult=2))", list(P.OptimizerPolicy(P.sgdr_phases(base_cycle_length=200, cycles=3, cycle_mult=2)).all_steps()))
record("OptimizerPolicy(one_cycle_phases(steps=500))", list(P.OptimizerPolicy(P.one_cycle_phases(steps=500)).all_steps()))
restarted = P.OptimizerPolicy(P.one_cycle_phases(steps=500), initial_step=321)
record("OptimizerPolicy(one_cycle_phases(steps=500), initial_step=321), iterated", list(restarted))

print(json.dumps({"poutyne": "policies.py", "examples": examples}))
