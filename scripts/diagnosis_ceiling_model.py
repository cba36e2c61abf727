"""How far a much richer log-reader gets on issue 12's validation split: a cross-validated classifier.

Not the diagnosis: a ceiling for it. Each run of Tests/GoldilocksDiagnosisTests/Fixtures/
diagnosis-eval-validation.json is described by the whole run: the training curve's measurements
(`features` of scripts/diagnosis_features.py, 17 of them), the same measurements of the validation
curve plus how far it fell, where its best lies and how far it climbed back, and what the log knows
of the rate (the rate over the optimizer's usual rate, the schedule, the optimizer, steps, batch
size, task, source). For each verdict a gradient-boosted classifier learns whether that verdict is
acceptable; the run's verdict is the one most likely acceptable (a non-finite loss is diverged, as
in diagnose). Folds leave one data set out, so every run is scored by models that never saw its
data set. Variants:

- validation only: trained on the other three data sets of the split (468 runs a fold);
- + older splits: also trained on the 3,224 runs of diagnosis-eval-{dev,...,test4}.json, labelled
  by issue 12's definition as EvaluationSetTests relabels them (final training loss, no validation
  curve, no seed spread), their validation features missing;
- rate table: the share of runs a table from (rate over the group's best rate, schedule) to the
  verdict most often acceptable gets right, fitted to the whole split (in-sample): what knowing
  where the rate sits against the best one, which no log carries, would give.

Scored with the split's acceptable sets (seed 0's reruns) and, where
diagnosis-label-stability-seed<N>.json exists, with those seeds' labels too. Opposite advice as in
EvaluationSetTests.movesOpposite. Prints the figures; writes nothing.
"""

import argparse
import json
import math
import os
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core: the machine is shared
from collections import Counter, defaultdict

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

from diagnosis_eval_set import SENSIBLE
from diagnosis_label_stability import share
from diagnosis_features import FEATURES, features

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "GoldilocksDiagnosisTests", "Fixtures")
OLDER = ["dev", "heldout", "test", "test2", "test3", "extra1", "extra2", "test4"]
VERDICTS = ["healthy", "too_slow", "oscillating", "diverged", "plateau"]
SCHEDULES = ["constant", "warmup-cosine", "onecycle"]
OPTIMIZERS = ["sgd", "momentum", "adam", "adamw", "rmsprop"]
UP, DOWN = {"x3", "x10", "x100"}, {"div10", "div100", "decay"}


def load(name):
    with open(os.path.join(FIXTURES, name)) as f:
        return json.load(f)["runs"]


def opposite(verdict, helped):
    up, down = bool(UP & set(helped)), bool(DOWN & set(helped))
    return (verdict == "too_slow" and down and not up) or (verdict in ("oscillating", "diverged") and up and not down)


def material(run):
    """(helped, acceptable) of an older split's run under issue 12's definition without a seed
    spread: a rerun counts when it lowers the final loss by over 20% (its label) and over 1% of the
    first loss (EvaluationRun.acceptableMaterially)."""
    start = run["losses"][0] if run["losses"][0] is not None else float("nan")
    base = run["final_loss"]
    helped = [n for n in run["helped"]
              if base is None or run["interventions"].get(n) is None or base - run["interventions"][n] > 0.01 * start]
    verdicts = {"diverged"} if None in run["losses"] or base is None else set()
    for n in helped:
        verdicts |= {"x10": {"too_slow"}, "x100": {"too_slow"}, "div10": {"oscillating"},
                     "div100": {"oscillating", "diverged"}, "decay": {"plateau"}}[n]
    return helped, sorted(verdicts or {"healthy"})


def curve_features(values, prefix):
    f = features(values) if values and None not in values and len(values) >= 2 else None
    return {prefix + k: (f[k] if f else math.nan) for k in FEATURES}


def row(run):
    """The measurements of a whole run (NaN where the log has no such series)."""
    losses = run["losses"]
    x = curve_features(losses, "train_")
    # From the peak of a warmed-up rate on, as diagnose reads it (the schedule's doing before it).
    lrs = run.get("lrs")
    peak = int(np.argmax(lrs)) if lrs else 0
    x.update(curve_features(losses[peak:] if peak < len(losses) - 10 else None, "peak_"))
    val = run.get("val_losses") or []
    x.update(curve_features(val, "val_"))
    start = losses[0] if losses and losses[0] is not None else math.nan
    if val and None not in val and min(val) > 0:
        v = np.log(np.asarray(val, float))
        best = int(np.argmin(v))
        tail = [w for w in losses[-max(2, len(losses) // 10):] if w is not None]
        x.update({"val_fall": v[0] - v[best], "val_rebound": v[-1] - v[best], "val_best_at": best / max(len(v) - 1, 1),
                  "val_last_quarter": v[int(0.75 * (len(v) - 1))] - v[-1], "val_best_over_start": v[best] - math.log(start),
                  "gap": (math.log(np.median(tail)) - v[-1]) if tail and np.median(tail) > 0 else math.nan,
                  "val_points": len(v)})
    else:
        x.update({k: math.nan for k in ("val_fall", "val_rebound", "val_best_at", "val_last_quarter",
                                        "val_best_over_start", "gap", "val_points")})
    x["log_lr"] = math.log10(run["lr"] / SENSIBLE[run["optimizer"]])
    x["lr_range"] = math.log10(max(lrs) / max(min(lrs), 1e-30)) if lrs else 0.0
    for s in SCHEDULES:
        x["schedule_" + s] = float(run.get("schedule", "constant") == s)
    for o in OPTIMIZERS:
        x["optimizer_" + o] = float(run["optimizer"] == o)
    x.update({"log_steps": math.log10(run["steps"]), "batch": run["batch_size"],
              "regression": float(run["task"] == "regression"), "goldilocks": float(run["source"] == "goldilocks")})
    return x


def model():
    return HistGradientBoostingClassifier(max_iter=200, learning_rate=0.05, max_leaf_nodes=15,
                                          min_samples_leaf=10, l2_regularization=1.0, random_state=0)


def matrix(runs, drop=()):
    """The rows of `runs`, without the measurements whose names start with one of `drop`."""
    rows = [row(r) for r in runs]
    names = [n for n in rows[0] if not n.startswith(tuple(drop))]
    return np.array([[r[n] for n in names] for r in rows], float)


def acceptable_sets(split, older):
    """The verdicts acceptable for each run of `split` (issue 12's full labels) and of `older`
    (older splits relabelled by `material`)."""
    return [set(r["acceptable"]) for r in split] + [set(material(r)[1]) for r in older]


def ruled(run):
    """A non-finite loss: diverged, as in diagnose, whatever a model would say."""
    return None in run["losses"] or None in (run.get("val_losses") or [])


def predicted(x_train, acceptable, x_test):
    """For each row of `x_test`, the verdict most likely acceptable, from one classifier per
    verdict trained on `x_train` and its runs' `acceptable` sets."""
    probability = np.zeros((len(x_test), len(VERDICTS)))
    for j, v in enumerate(VERDICTS):
        y = np.array([v in a for a in acceptable])
        if y.all() or not y.any():
            probability[:, j] = float(y.all())
            continue
        probability[:, j] = model().fit(x_train, y).predict_proba(x_test)[:, 1]
    return [VERDICTS[int(np.argmax(p))] for p in probability]


def cross_validated(split, older, x):
    """The verdict of each split run from models that never saw its data set (x: the rows of
    split + older)."""
    acceptable = acceptable_sets(split, older)
    datasets = [r["dataset"] for r in split]
    verdicts = [None] * len(split)
    for held in sorted(set(datasets)):
        train = [i for i in range(len(split)) if datasets[i] != held] + list(range(len(split), len(x)))
        test = [i for i in range(len(split)) if datasets[i] == held and not ruled(split[i])]
        for i, verdict in zip(test, predicted(x[train], [acceptable[i] for i in train], x[test])):
            verdicts[i] = verdict
    return ["diverged" if ruled(r) else v for r, v in zip(split, verdicts)]


def report(name, runs, verdicts, relabelled=None):
    """`score` of all runs, of each trainer's, under other seeds' labels, and the confusion table."""
    confusion = score(name, runs, verdicts)
    for source in ("pytorch", "goldilocks"):
        part = [(r, v) for r, v in zip(runs, verdicts) if r["source"] == source]
        score(f"  {source}", [r for r, _ in part], [v for _, v in part])
    for seed, labels in (relabelled or {}).items():
        score(f"  under seed {seed}'s labels", runs, verdicts, labels)
    for label in sorted(confusion):
        print(f"    {label}: {dict(confusion[label])}")


def score(name, split, verdicts, labels=None):
    """Agreement and opposite count of `verdicts` against the split's labels, or against another
    labelling of some of its runs (`labels`: id -> run with acceptable and helped)."""
    agreed = total = wrong_way = 0
    confusion = defaultdict(Counter)
    for run, verdict in zip(split, verdicts):
        target = run if labels is None else labels.get(run["id"])
        if target is None:
            continue
        total += 1
        right = verdict in target["acceptable"]
        agreed += right
        wrong_way += opposite(verdict, target["helped"])
        confusion[verdict if right else "|".join(target["acceptable"])][verdict] += 1
    print(f"{name}: {share(agreed, total)} agree, {wrong_way} opposite", flush=True)
    return confusion


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drop", nargs="*", default=[],
                        help="leave out the measurements starting with these (e.g. log_lr optimizer_: "
                             "what the rate means for its optimizer, which a log rarely says)")
    parser.add_argument("--score-on", metavar="SPLIT",
                        help="instead of cross-validating, train on the validation split and the older ones and "
                             "score on this never-seen split (e.g. validation2)")
    args = parser.parse_args()
    split = load("diagnosis-eval-validation.json")
    older = [r for name in OLDER for r in load(f"diagnosis-eval-{name}.json")]
    if args.score_on:
        unseen = load(f"diagnosis-eval-{args.score_on}.json")
        x = np.vstack([matrix(split, args.drop), matrix(older, args.drop)])
        verdicts = predicted(x, acceptable_sets(split, older), matrix(unseen, args.drop))
        verdicts = ["diverged" if ruled(r) else v for r, v in zip(unseen, verdicts)]
        report(f"gradient boosting trained on validation + older splits, scored on {args.score_on}", unseen, verdicts)
        return
    started = time.time()
    x_split, x_older = matrix(split, args.drop), matrix(older, args.drop)
    print(f"[{time.time() - started:.0f}s] measured {len(split)} + {len(older)} runs", flush=True)
    relabelled = {}
    for seed in (1, 2):
        path = os.path.join(FIXTURES, f"diagnosis-label-stability-seed{seed}.json")
        if os.path.exists(path):
            relabelled[seed] = {r["id"]: r for r in load(os.path.basename(path))}

    # What knowing the rate against the group's best would give (in-sample, an optimistic table).
    cells = defaultdict(Counter)
    for run in split:
        for v in run["acceptable"]:
            cells[run["lr_over_best"], run["schedule"]][v] += 1
    table = [cells[r["lr_over_best"], r["schedule"]].most_common(1)[0][0] for r in split]
    score("rate table (rate over the best, schedule; in-sample)", split, table)

    for name, extra, x in (("validation only", [], x_split),
                           ("+ older splits", older, np.vstack([x_split, x_older]))):
        verdicts = cross_validated(split, extra, x)
        report(f"gradient boosting, leave one data set out, {name}", split, verdicts, relabelled)


if __name__ == "__main__":
    main()
