"""Trains the reader behind `goldilocks diagnose`: gradient boosting over the whole run.

A run is described by what its log carries: the training curve's measurements (the 17 of
scripts/diagnosis_features.py's `features`, on y = ln L), the same measurements from the peak of a
warmed-up learning rate on, and of the validation curve, seven more on the validation curve (how
far it fell, where its best lies, how far it climbed back, how far the training loss sits below
it), and three on the learning rate's course (how far it ranged, where it peaked, where it ended
against its peak; a log without a rate reads as a constant one). Nothing the log does not say:
not the optimizer, not what rate is usual for it, not the task or the batch size.

For each verdict (healthy, too_slow, oscillating, diverged, plateau) a gradient-boosted classifier
(scikit-learn's HistGradientBoostingClassifier) learns whether that verdict is acceptable for a
run; the reader names the verdict most likely acceptable, with that probability as its confidence.
Two rules come first, as in diagnose: a non-finite loss is diverged, and a run whose loss is
already below 1% of its first loss is healthy (no change can then be material). Trained on issue
12's labelled splits named in `LEARNED` and the 3,224 runs of the older splits (relabelled by
issue 12's definition, as scripts/diagnosis_ceiling_model.py does); validation3, validation7 and
validation8 are never trained on.

Output:
- Sources/GoldilocksDiagnosis/Resources/diagnosis-reader.json: {"format": 2, "features": [names],
  "verdicts": [...], "models": [{"baseline": b, "trees": [{"feature": [index or -1 at a leaf],
  "threshold": [...], "missing_left": [0/1], "left": [...], "right": [...], "value": [...]}]}]}:
  a row goes left when its feature is <= the threshold, or is NaN and missing_left is 1; a verdict's
  probability is the logistic of its baseline plus the leaf values of its trees (scikit-learn's
  predict_proba).
- Tests/GoldilocksDiagnosisTests/Fixtures/diagnosis-reader-sample.json: the measurements and the
  probabilities of a sample of runs, for the Swift cross-check.

`--cross-validate` prints a leave-one-data-set-out estimate on the learned splits instead (each
data set scored by models trained without it), the figure a design is chosen by; `--score-on SPLIT`
scores the trained reader on a split it never saw, once the design is fixed: validation8, the one
no reader has been scored on yet (validation7 scored the shipped one).
"""

import argparse
import json
import math
import os
import sys

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core: the machine is shared

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

from diagnosis_ceiling_model import FIXTURES, OLDER, VERDICTS, acceptable_sets, load, report
from diagnosis_features import FEATURES as CURVE, features

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESOURCES = os.path.join(ROOT, "Sources", "GoldilocksDiagnosis", "Resources")
VALIDATION_SUMMARY = ["val_fall", "val_rebound", "val_best_at", "val_last_quarter", "val_best_over_start", "gap"]
RATE = ["lr_range", "lr_peak_at", "lr_end_over_peak"]
# The splits with issue 12's full labels that the reader learns from (validation3, validation7 and
# validation8 stay apart: never trained on).
LEARNED = ["validation", "validation2", "validation4", "validation5", "validation6"]
FEATURES = ([f"train_{k}" for k in CURVE] + [f"peak_{k}" for k in CURVE] + [f"val_{k}" for k in CURVE]
            + VALIDATION_SUMMARY + RATE)


def curve_features(values, prefix):
    f = features(values) if values and None not in values and len(values) >= 2 else None
    return {prefix + k: (f[k] if f else math.nan) for k in CURVE}


def peak_index(lrs):
    """Where the rate peaked (the first of equal maxima), 0 without a rate."""
    return int(np.argmax(lrs)) if lrs else 0


def row(losses, lrs, val):
    """The measurements of a run from its training losses (None where not finite), its rates per
    step (None or empty when the log has none) and its validation losses (likewise); NaN where
    the log has no such series."""
    x = curve_features(losses, "train_")
    peak = peak_index(lrs)
    x.update(curve_features(losses[peak:] if peak < len(losses) - 10 else None, "peak_"))
    x.update(curve_features(val, "val_"))
    start = losses[0] if losses and losses[0] is not None else math.nan
    if val and None not in val and min(val) > 0 and len(val) >= 2:
        v = np.log(np.asarray(val, float))
        best = int(np.argmin(v))
        tail = [w for w in losses[-max(2, len(losses) // 10):] if w is not None]
        x.update({"val_fall": v[0] - v[best], "val_rebound": v[-1] - v[best], "val_best_at": best / (len(v) - 1),
                  "val_last_quarter": v[int(0.75 * (len(v) - 1))] - v[-1],
                  "val_best_over_start": v[best] - math.log(start) if start > 0 else math.nan,
                  "gap": (math.log(np.median(tail)) - v[-1]) if tail and np.median(tail) > 0 else math.nan})
    else:
        x.update({k: math.nan for k in VALIDATION_SUMMARY})
    if lrs and min(lrs) > 0 and max(lrs) > min(lrs):
        x.update({"lr_range": math.log10(max(lrs) / min(lrs)), "lr_peak_at": peak / (len(lrs) - 1),
                  "lr_end_over_peak": math.log10(lrs[-1] / lrs[peak])})
    else:
        x.update({"lr_range": 0.0, "lr_peak_at": 0.0, "lr_end_over_peak": 0.0})
    return [x[k] for k in FEATURES]


def run_row(run):
    return row(run["losses"], run.get("lrs"), run.get("val_losses"))


def ruled(losses, val):
    """The verdict the rules settle before the models, or None: a non-finite training loss is diverged; a
    loss already below 1% of the first one (the best validation loss, else the final training
    level) is healthy, since no change can then improve it by more than 1% of the start."""
    if None in losses:
        return "diverged"
    if min(losses) >= 0 and losses[0] > 0:
        held = val and len(val) >= 3 and min(val) > 0  # as diagnose's ValidationCurve reads it
        reached = min(val) if held else float(np.median(losses[-max(2, len(losses) // 10):]))
        if reached <= 0.01 * losses[0]:
            return "healthy"
    return None


def model():
    return HistGradientBoostingClassifier(max_iter=200, learning_rate=0.05, max_leaf_nodes=15,
                                          min_samples_leaf=10, l2_regularization=1.0, random_state=0)


def fit(x, acceptable):
    """One classifier per verdict (None for a verdict always or never acceptable: its constant)."""
    models = []
    for v in VERDICTS:
        y = np.array([v in a for a in acceptable])
        models.append(float(y.all()) if y.all() or not y.any() else model().fit(x, y))
    return models


def probabilities(models, x):
    return np.column_stack([np.full(len(x), m) if isinstance(m, float) else m.predict_proba(x)[:, 1] for m in models])


def verdicts(models, runs, x):
    p = probabilities(models, x)
    return [ruled(r["losses"], r.get("val_losses")) or VERDICTS[int(np.argmax(q))] for r, q in zip(runs, p)]


def export_tree(predictor):
    nodes = predictor.nodes
    return {"feature": [-1 if leaf else int(f) for f, leaf in zip(nodes["feature_idx"], nodes["is_leaf"])],
            # A split of present against missing values has threshold infinity, which JSON lacks:
            # the largest double sends every finite value the same way.
            "threshold": [min(float(t), sys.float_info.max) for t in nodes["num_threshold"]],
            "missing_left": [int(m) for m in nodes["missing_go_to_left"]],
            "left": [int(i) for i in nodes["left"]], "right": [int(i) for i in nodes["right"]],
            "value": [float(v) for v in nodes["value"]]}


def export(models):
    out = []
    for m in models:
        if isinstance(m, float):
            raise SystemExit("a verdict is always or never acceptable in the training runs: nothing to learn")
        out.append({"baseline": float(m._baseline_prediction.ravel()[0]),
                    "trees": [export_tree(p[0]) for p in m._predictors]})
    return {"format": 2, "features": FEATURES, "verdicts": VERDICTS, "models": out}


def replayed(exported, x):
    """The exported models' probabilities, as Swift computes them: the check that export is whole."""
    out = np.zeros((len(x), len(exported["models"])))
    for j, m in enumerate(exported["models"]):
        for i, features_ in enumerate(x):
            raw = m["baseline"]
            for t in m["trees"]:
                node = 0
                while t["feature"][node] >= 0:
                    value = features_[t["feature"][node]]
                    left = t["missing_left"][node] if math.isnan(value) else value <= t["threshold"][node]
                    node = t["left"][node] if left else t["right"][node]
                raw += t["value"][node]
            out[i, j] = 1 / (1 + math.exp(-raw))
    return out


def write(path, document):
    with open(path + ".tmp", "w") as file:
        json.dump(document, file, separators=(",", ":"))
    os.replace(path + ".tmp", path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cross-validate", action="store_true",
                        help="print the leave-one-data-set-out agreement on the learned splits; write nothing")
    parser.add_argument("--out-of-fold", metavar="PATH",
                        help="with --cross-validate, also write each learned run's probabilities from the models "
                             "that never saw its data set ({id: [p per verdict]}), for Swift to score diagnose's checks")
    parser.add_argument("--score-on", metavar="SPLIT", help="also score the trained reader on this split")
    args = parser.parse_args()
    learned = {name: load(f"diagnosis-eval-{name}.json") for name in LEARNED}
    older_named = [(name, r) for name in OLDER for r in load(f"diagnosis-eval-{name}.json")]
    split, older = [r for part in learned.values() for r in part], [r for _, r in older_named]
    runs = split + older
    x = np.array([run_row(r) for r in runs], float)
    acceptable = acceptable_sets(split, older)
    if args.cross_validate:
        chosen, out_of_fold = [None] * len(split), {}
        for held in sorted({r["dataset"] for r in split}):
            train = [i for i, r in enumerate(runs) if i >= len(split) or r["dataset"] != held]
            test = [i for i in range(len(split)) if split[i]["dataset"] == held]
            models = fit(x[train], [acceptable[i] for i in train])
            for i, v, p in zip(test, verdicts(models, [split[i] for i in test], x[test]), probabilities(models, x[test])):
                chosen[i] = v
                out_of_fold[split[i]["id"]] = [float(q) for q in p]
        report(f"reader, leave one data set out of {' + '.join(LEARNED)}", split, chosen)
        if args.out_of_fold:
            write(args.out_of_fold, out_of_fold)
        return
    models = fit(x, acceptable)
    document = export(models)
    sample = ([(name, r) for name, part in learned.items() for r in part[::41]] + older_named[::97]
              + [("validation3", r) for r in load("diagnosis-eval-validation3.json")[::29]])
    xs = np.array([run_row(r) for _, r in sample], float)
    p = probabilities(models, xs)
    worst = float(np.abs(replayed(document, xs) - p).max())
    if worst > 1e-9:
        raise SystemExit(f"the exported models differ from scikit-learn's by {worst}")
    write(os.path.join(RESOURCES, "diagnosis-reader.json"), document)
    write(os.path.join(FIXTURES, "diagnosis-reader-sample.json"),
          {"format": 1, "features": FEATURES, "verdicts": VERDICTS,
           "runs": [{"split": name, "id": r["id"], "features": [None if math.isnan(v) else v for v in row_],
                     "probabilities": [float(q) for q in probs]} for (name, r), row_, probs in zip(sample, xs, p)]})
    print(f"trained on {len(runs)} runs; wrote diagnosis-reader.json and {len(sample)} samples")
    if args.score_on:
        unseen = load(f"diagnosis-eval-{args.score_on}.json")
        chosen = verdicts(models, unseen, np.array([run_row(r) for r in unseen], float))
        report(f"reader trained on {' + '.join(LEARNED)} and the older splits, scored on {args.score_on}", unseen, chosen)


if __name__ == "__main__":
    main()
