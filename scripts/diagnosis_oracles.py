"""How far a diagnosis gets that knows more than a log: issue 12's labels ask what five reruns of
a run did, against the spread of two other seeds. On the six validation splits' 6,240 runs, this
prints the agreement of diagnoses that know

- what the run's five reruns did, exactly, and nothing of other seeds;
- the same, with the seeds' spread estimated from the log: gradient-boosted regression of
  ln(2 · spread / best validation loss) on the reader's 60 measurements, each data set estimated
  by a model trained without it;
- the log and what the five reruns did (ln of each rerun's best validation loss over the run's),
  learned: the reader's gradient boosting over its 60 measurements and those five, each data set
  scored by models trained without it, so the decision is learned rather than a rule;
- the reruns and the other seeds: the labels' own rule, naming the change that lowers the loss most;

and how many labels the seeds' term decides (their acceptable set changes with it dropped).
Deterministic; about 20 minutes of one core. See docs/diagnosis.md, "What one log cannot say".
"""

import math
import os

os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np
from sklearn.ensemble import HistGradientBoostingRegressor

from diagnosis_ceiling_model import load
from diagnosis_eval_validation import blew_up, label
from diagnosis_ceiling_model import opposite
from diagnosis_reader import fit, run_row, verdicts

SPLITS = ["validation", "validation2", "validation4", "validation5", "validation6", "validation7"]
MOVES = {"x3": "too_slow", "x10": "too_slow", "div10": "oscillating", "div100": "diverged", "decay": "plateau"}


def first_loss(run):
    return run["losses"][0] if run["losses"] and run["losses"][0] is not None else float("nan")


def spread(run):
    """The spread of the seeds' best validation losses that did not blow up (NaN: none)."""
    calm = [v for v in run["seed_best_vals"] if not blew_up(v, first_loss(run))]
    return max(calm) - min(calm) if calm else float("nan")


def verdict(run, noise):
    """The verdict of the change that lowers the best validation loss most past the labels'
    margin, with `noise` standing for twice the seeds' spread; unstable seeds forbid a move up
    only when `noise` is the true one."""
    base = run["best_val"]
    if base is None or None in run["losses"]:
        return "diverged"
    threshold = max(0.2 * base, noise, 0.01 * first_loss(run))
    helped = {k: v for k, v in run["interventions"].items() if v is not None and base - v > threshold}
    return MOVES[min(helped, key=helped.get)] if helped else "healthy"


def with_seeds(run):
    """The labels' rule with everything known (`label`'s helped changes): the one that lowers the
    loss most, and when a seed blew up, only a move down."""
    base, start = run["best_val"], first_loss(run)
    if base is None or None in run["losses"]:
        return "diverged"
    helped = label(run["losses"], base, run["seed_best_vals"], start, run["interventions"])[0]
    unstable = any(blew_up(v, start) for v in run["seed_best_vals"])
    allowed = {k: run["interventions"][k] for k in helped if not (unstable and k in ("x3", "x10"))}
    return MOVES[min(allowed, key=allowed.get)] if allowed else ("diverged" if unstable else "healthy")


def rerun_outcomes(run):
    """ln(rerun's best validation loss / the run's) for ×√10, ×10, ÷10, ÷100 and the decay: 5 for
    a rerun that stopped being finite, NaN where the run itself has no such loss."""
    base = run["best_val"]
    out = []
    for change in ("x3", "x10", "div10", "div100", "decay"):
        value = run["interventions"].get(change)
        out.append(5.0 if value is None else math.log(value / base) if base and value > 0 else math.nan)
    return out


def report(name, runs, chosen):
    per = {}
    for run, v in zip(runs, chosen):
        agreed, total = per.get(run["split"], (0, 0))
        per[run["split"]] = (agreed + (v in run["acceptable"]), total + 1)
    agreed = sum(a for a, _ in per.values())
    print(f"{name}: {agreed}/{len(runs)} = {100 * agreed / len(runs):.1f}%; "
          + ", ".join(f"{split} {100 * a / n:.1f}%" for split, (a, n) in per.items()), flush=True)


def main():
    runs = [dict(r, split=name) for name in SPLITS for r in load(f"diagnosis-eval-{name}.json")]
    decided = 0
    for r in runs:
        start = first_loss(r)
        calm_seeds = [r["best_val"] if v is not None and r["best_val"] is not None and v <= 10 * start else v
                      for v in r["seed_best_vals"]]
        decided += set(label(r["losses"], r["best_val"], calm_seeds, start, r["interventions"])[1]) != set(r["acceptable"])
    print(f"labels the seeds' term decides: {decided}/{len(runs)} = {100 * decided / len(runs):.1f}%")
    report("knowing the five reruns, nothing of other seeds", runs, [verdict(r, 0.0) for r in runs])
    x = np.array([run_row(r) for r in runs], float)
    known = [i for i, r in enumerate(runs) if r["best_val"] and None not in r["losses"] and math.isfinite(spread(r))]
    y = np.full(len(runs), np.nan)
    for i in known:
        y[i] = math.log(2 * spread(runs[i]) / runs[i]["best_val"] + 1e-4)
    estimate = np.zeros(len(runs))
    for held in sorted({r["dataset"] for r in runs}):
        train = [i for i in known if runs[i]["dataset"] != held]
        test = [i for i, r in enumerate(runs) if r["dataset"] == held]
        model = HistGradientBoostingRegressor(max_iter=200, learning_rate=0.05, max_leaf_nodes=15, random_state=0)
        estimate[test] = model.fit(x[train], y[train]).predict(x[test])
    noise = [(math.exp(e) - 1e-4) * (r["best_val"] or 0) for e, r in zip(estimate, runs)]
    report("knowing the five reruns, the seeds' spread estimated from the log", runs,
           [verdict(r, n) for r, n in zip(runs, noise)])
    outcomes = np.array([rerun_outcomes(r) for r in runs])
    both = np.column_stack([x, outcomes])
    learned = [None] * len(runs)
    for held in sorted({r["dataset"] for r in runs}):
        train = [i for i, r in enumerate(runs) if r["dataset"] != held]
        test = [i for i, r in enumerate(runs) if r["dataset"] == held]
        models = fit(both[train], [runs[i]["acceptable"] for i in train])
        for i, v in zip(test, verdicts(models, [runs[i] for i in test], both[test])):
            learned[i] = v
    report("the log and the five reruns, learned", runs, learned)
    print(f"  opposite: {sum(opposite(v, r['helped']) for r, v in zip(runs, learned))}")
    report("knowing the reruns and the other seeds", runs, [with_seeds(r) for r in runs])


if __name__ == "__main__":
    main()
