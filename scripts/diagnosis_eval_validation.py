"""Builds issue 12's evaluation split: real runs with a validation loss, learning-rate schedules and
three seeds per unchanged run, labelled by what rerunning them did to the loss the user cares about.

Each base run trains a small MLP on 80% of a data set and logs, per step, the mini-batch loss and
the learning rate, and every `EVAL_EVERY` steps (PyTorch) or every epoch (`goldilocks train`) the
loss on the other 20%. What the user cares about is the best validation loss of the run. The
reruns, from the same seed: the whole schedule x3, x10, /10 and /100, and the schedule /10 from
the middle of the run on ("decay"). A seed of the unchanged run that diverges (a non-finite
loss, or a best validation loss over 10x the first training loss) makes "diverged" acceptable; the
spread is taken over the other seeds. A rerun helps when it lowers the best validation loss by more
than all of: 20% of it, twice the spread (max - min) of the best validation loss over three seeds
of the unchanged run, and 1% of the starting loss (the first training loss). The verdicts each
helping rerun makes acceptable:

    x3, x10 -> too_slow      /10 -> oscillating      /100 -> oscillating or diverged
    decay   -> plateau       none -> healthy          a non-finite loss in the base run -> diverged

Opposite advice is a verdict that moves the rate up (too_slow) where only a move down (/10, /100,
decay) helped, or down (oscillating, diverged) where only a move up helped.

Base rates run from 1000x below to 1000x above the best constant point of a half-decade grid, as
in scripts/diagnosis_eval_set.py. The data sets are new: the diagnosis forest was never trained
or tuned on them. PyTorch runs use a constant rate, linear warmup (10%) then cosine to zero, or
PyTorch's OneCycleLR (peak = the base rate); `goldilocks train` runs use a constant rate.

Output: Tests/GoldilocksDiagnosisTests/Fixtures/diagnosis-eval-validation.json,
{"format": 2, "half": "validation", "runs": [...]}, a run being
    {"id", "source", "dataset", "task", "optimizer", "schedule", "seed", "steps", "batch_size",
     "hidden", "lr", "lr_over_best", "losses" (null = not finite), "lrs" (per step; absent when
     constant), "val_steps", "val_losses", "best_val" (null = not finite), "seed_best_vals",
     "spread", "threshold", "interventions": {"x3", "x10", "div10", "div100", "decay": best val},
     "helped", "acceptable"}
"""

import argparse
import csv
import json
import math
import os
import subprocess
import tempfile
import time

import numpy as np
from sklearn import datasets
from sklearn.preprocessing import StandardScaler

from diagnosis_eval_set import GOLDILOCKS, GOLDILOCKS_OPTIMIZERS, SENSIBLE, make_optimizer, rounded

try:
    import torch
    torch.set_num_threads(1)
except ImportError:  # scripts/diagnosis-rerun-check trains only goldilocks runs: no PyTorch needed
    torch = None
C, R = "classification", "regression"
DATASETS = {  # never seen by the forest's training or any earlier split
    "classification-val": (C, lambda: datasets.make_classification(
        1000, n_features=14, n_informative=7, n_classes=4, flip_y=0.05, random_state=71)),
    "blobs-val": (C, lambda: datasets.make_blobs(1000, n_features=8, centers=4, cluster_std=3.5, random_state=72)),
    "friedman1-val": (R, lambda: datasets.make_friedman1(1000, noise=2.0, random_state=73)),
    "regression-val": (R, lambda: datasets.make_regression(1000, n_features=12, n_informative=6, noise=30.0,
                                                           random_state=74)),
}
# A second split of the same design, generated after the first had been scored and used to
# choose the next reader: four data sets that neither the forest nor any choice has seen, to
# score that reader on (`--split validation2`).
DATASETS2 = {
    "classification-v2": (C, lambda: datasets.make_classification(
        1000, n_features=18, n_informative=9, n_redundant=3, n_classes=5, class_sep=1.2, flip_y=0.03,
        random_state=81)),
    "quantiles-v2": (C, lambda: datasets.make_gaussian_quantiles(n_samples=1000, n_features=7, n_classes=4,
                                                                 random_state=82)),
    "friedman3-v2": (R, lambda: datasets.make_friedman3(1000, noise=0.3, random_state=83)),
    "regression-v2": (R, lambda: datasets.make_regression(1000, n_features=16, n_informative=12, effective_rank=8,
                                                          noise=15.0, random_state=84)),
}
# A third split, fixed after the reader had been chosen on the first and scored on the second:
# four more data sets no reader was trained or chosen on (`--split validation3`).
DATASETS3 = {
    "classification-v3": (C, lambda: datasets.make_classification(
        1000, n_features=10, n_informative=4, n_redundant=4, n_classes=3, class_sep=0.7, flip_y=0.1,
        random_state=91)),
    "blobs-v3": (C, lambda: datasets.make_blobs(1000, n_features=12, centers=6, cluster_std=5.0, random_state=92)),
    "friedman2-v3": (R, lambda: datasets.make_friedman2(1000, noise=100.0, random_state=93)),
    "sparse-v3": (R, lambda: datasets.make_sparse_uncorrelated(1000, n_features=16, random_state=94)),
}
# A fourth, of eight data sets, fixed after validation3 had scored two readers: labelled data for
# the next reader to learn from (scripts/diagnosis-learning-curve: each fully labelled data set
# is worth about a point on data sets never seen), or to score it on (`--split validation4`).
S_CURVE_X, S_CURVE_T = datasets.make_s_curve(1000, noise=0.1, random_state=108)
DATASETS4 = {
    "binary-v4": (C, lambda: datasets.make_classification(
        1000, n_features=8, n_informative=6, n_redundant=0, n_classes=2, class_sep=0.5, flip_y=0.02,
        random_state=101)),
    "six-class-v4": (C, lambda: datasets.make_classification(
        1000, n_features=24, n_informative=12, n_redundant=4, n_classes=6, class_sep=1.5, random_state=102)),
    "circles-v4": (C, lambda: datasets.make_circles(1000, noise=0.05, factor=0.3, random_state=103)),
    "quantiles-v4": (C, lambda: datasets.make_gaussian_quantiles(n_samples=1000, n_features=3, n_classes=2,
                                                                 random_state=104)),
    "regression-v4": (R, lambda: datasets.make_regression(1000, n_features=6, n_informative=6, noise=5.0,
                                                          random_state=105)),
    "friedman1-v4": (R, lambda: datasets.make_friedman1(1000, n_features=6, noise=0.5, random_state=106)),
    "swissroll-v4": (R, lambda: datasets.make_swiss_roll(1000, noise=1.0, random_state=107)),
    "s-curve-v4": (R, lambda: (S_CURVE_X[:, [0, 2]], S_CURVE_T)),
}


def spirals(n, turns, noise, seed):
    """Two interleaved spirals in the plane, one class each."""
    rng = np.random.default_rng(seed)
    t = np.sqrt(rng.uniform(0, 1, n)) * turns * 2 * np.pi
    y = rng.integers(0, 2, n)
    X = np.column_stack([t * np.cos(t + np.pi * y), t * np.sin(t + np.pi * y)]) / (turns * 2 * np.pi)
    return X + rng.normal(0, noise, X.shape), y


def checkerboard(n, cells, seed):
    """Points of the unit square, the class being the colour of their cell in a cells x cells board."""
    rng = np.random.default_rng(seed)
    X = rng.uniform(0, 1, (n, 2))
    y = (np.floor(X[:, 0] * cells) + np.floor(X[:, 1] * cells)).astype(int) % 2
    return X, y


def waves(n, features, noise, seed):
    """A smooth regression: sines of the first features and a product of two, with noise."""
    rng = np.random.default_rng(seed)
    X = rng.normal(0, 1, (n, features))
    y = np.sin(2 * X[:, 0]) + 0.5 * X[:, 1] ** 2 - X[:, 2] * X[:, 3] + rng.normal(0, noise, n)
    return X, y


# Two more, of eight data sets each, fixed before either was generated: validation5 is kept apart
# from every choice, to score the next reader on once; validation6 is more for it to learn from.
DATASETS5 = {
    "classification-v5": (C, lambda: datasets.make_classification(
        1000, n_features=12, n_informative=8, n_redundant=2, n_classes=3, class_sep=1.0, flip_y=0.05,
        random_state=111)),
    "spirals-v5": (C, lambda: spirals(1000, turns=1.5, noise=0.03, seed=112)),
    "blobs-v5": (C, lambda: datasets.make_blobs(1000, n_features=5, centers=3, cluster_std=4.0, random_state=113)),
    "quantiles-v5": (C, lambda: datasets.make_gaussian_quantiles(n_samples=1000, n_features=10, n_classes=3,
                                                                 random_state=114)),
    "friedman1-v5": (R, lambda: datasets.make_friedman1(1000, n_features=8, noise=1.5, random_state=115)),
    "waves-v5": (R, lambda: waves(1000, features=6, noise=0.2, seed=116)),
    "regression-v5": (R, lambda: datasets.make_regression(1000, n_features=10, n_informative=5, noise=50.0,
                                                          random_state=117)),
    "friedman3-v5": (R, lambda: datasets.make_friedman3(1000, noise=0.05, random_state=118)),
}
DATASETS6 = {
    "classification-v6": (C, lambda: datasets.make_classification(
        1000, n_features=20, n_informative=5, n_redundant=5, n_classes=4, class_sep=0.8, flip_y=0.08,
        random_state=121)),
    "checker-v6": (C, lambda: checkerboard(1000, cells=4, seed=122)),
    "quantiles-v6": (C, lambda: datasets.make_gaussian_quantiles(n_samples=1000, n_features=6, n_classes=3,
                                                                 random_state=123)),
    "blobs-v6": (C, lambda: datasets.make_blobs(1000, n_features=16, centers=10, cluster_std=2.0, random_state=124)),
    "friedman2-v6": (R, lambda: datasets.make_friedman2(1000, noise=20.0, random_state=125)),
    "regression-v6": (R, lambda: datasets.make_regression(1000, n_features=30, n_informative=20, noise=0.5,
                                                          random_state=126)),
    "waves-v6": (R, lambda: waves(1000, features=4, noise=0.5, seed=127)),
    "sparse-v6": (R, lambda: datasets.make_sparse_uncorrelated(1000, n_features=6, random_state=128)),
}
# Fixed after validation5 had scored the reader learned from validation6 (its opposite verdicts
# point at the blow-up check): a clean split to score the next change on (`--split validation7`).
DATASETS7 = {
    "classification-v7": (C, lambda: datasets.make_classification(
        1000, n_features=16, n_informative=10, n_redundant=0, n_classes=5, class_sep=1.0, flip_y=0.02,
        random_state=131)),
    "spirals-v7": (C, lambda: spirals(1000, turns=2.5, noise=0.05, seed=132)),
    "checker-v7": (C, lambda: checkerboard(1000, cells=3, seed=133)),
    "quantiles-v7": (C, lambda: datasets.make_gaussian_quantiles(n_samples=1000, n_features=2, n_classes=4,
                                                                 random_state=134)),
    "friedman2-v7": (R, lambda: datasets.make_friedman2(1000, noise=200.0, random_state=135)),
    "waves-v7": (R, lambda: waves(1000, features=10, noise=1.0, seed=136)),
    "regression-v7": (R, lambda: datasets.make_regression(1000, n_features=50, n_informative=10, noise=10.0,
                                                          random_state=137)),
    "friedman1-v7": (R, lambda: datasets.make_friedman1(1000, n_features=12, noise=3.0, random_state=138)),
}
# Fixed on 2026-12-02 after validation7 had scored reader D, before generation: the next never-seen
# split, for a reader that also learns from validation7 (`--split validation8`).
DATASETS8 = {
    "classification-v8": (C, lambda: datasets.make_classification(
        1000, n_features=8, n_informative=6, n_redundant=0, n_classes=2, class_sep=0.6, flip_y=0.1,
        random_state=141)),
    "spirals-v8": (C, lambda: spirals(1000, turns=1.0, noise=0.08, seed=142)),
    "blobs-v8": (C, lambda: datasets.make_blobs(1000, n_features=3, centers=5, cluster_std=2.5, random_state=143)),
    "moons-v8": (C, lambda: datasets.make_moons(1000, noise=0.2, random_state=144)),
    "friedman3-v8": (R, lambda: datasets.make_friedman3(1000, noise=0.2, random_state=145)),
    "waves-v8": (R, lambda: waves(1000, features=5, noise=0.1, seed=146)),
    "regression-v8": (R, lambda: datasets.make_regression(1000, n_features=6, n_informative=6, noise=100.0,
                                                          random_state=147)),
    "sparse-v8": (R, lambda: datasets.make_sparse_uncorrelated(1000, n_features=12, random_state=148)),
}
SPLITS = {"validation": DATASETS, "validation2": DATASETS2, "validation3": DATASETS3, "validation4": DATASETS4,
          "validation5": DATASETS5, "validation6": DATASETS6, "validation7": DATASETS7, "validation8": DATASETS8}
OPTIMIZERS = ["sgd", "momentum", "adam", "adamw"]
SCHEDULES = ["constant", "warmup-cosine", "onecycle"]
SETTINGS = [(300, 32), (600, 16)]  # (steps, batch size), alternating over the groups
HIDDEN = (32, 32)
SEEDS = (0, 1, 2)  # seed 0 is the base run; all three measure the unchanged run's spread
EVAL_EVERY = 20
GRID = range(-10, 11)  # half-decades around the optimizer's sensible rate
BASE_SPAN = 6
RERUNS = {"x3": 1, "x10": 2, "div10": -2, "div100": -4}  # in half-decades


def load(name):
    task, make = next(sets[name] for sets in SPLITS.values() if name in sets)
    X, y = make()
    X = StandardScaler().fit_transform(X).astype(np.float32)
    order = np.random.default_rng(7).permutation(len(X))
    cut = int(0.8 * len(X))
    if task == R:
        y = ((y - y.mean()) / y.std()).astype(np.float32)
    train, val = order[:cut], order[cut:]
    outputs = 1 if task == R else int(y.max()) + 1
    return X[train], y[train], X[val], y[val], task, outputs


def rate(schedule, lr, step, steps, decay_at=None):
    """The learning rate of `schedule` (peak `lr`) at `step` of `steps`."""
    if schedule == "warmup-cosine":
        warm = max(1, steps // 10)
        value = lr * step / warm if step < warm else lr * 0.5 * (1 + math.cos(math.pi * (step - warm) / (steps - warm)))
    elif schedule == "onecycle":  # PyTorch's OneCycleLR defaults: 30% up from lr/25, cosine down to lr/25e4
        up = 0.3 * steps - 1
        low, final = lr / 25, lr / 25 / 1e4
        if step <= up:
            value = low + (lr - low) * (1 - math.cos(math.pi * step / up)) / 2
        else:
            value = final + (lr - final) * (1 + math.cos(math.pi * (step - up) / (steps - 1 - up))) / 2
    else:
        value = lr
    return value / 10 if decay_at is not None and step >= decay_at else value


def pytorch_run(data, kind, schedule, lr, seed, steps, batch_size, decay_at=None):
    """(losses, lrs, val steps, val losses) of one PyTorch run; stops at the first non-finite loss."""
    Xt, yt, Xv, yv, task, outputs = data
    Xt, Xv = torch.tensor(Xt), torch.tensor(Xv)
    if task == R:
        yt, yv = torch.tensor(yt).unsqueeze(1), torch.tensor(yv).unsqueeze(1)
    else:
        yt, yv = torch.tensor(yt, dtype=torch.long), torch.tensor(yv, dtype=torch.long)
    torch.manual_seed(seed)
    widths = [Xt.shape[1], *HIDDEN, outputs]
    layers = []
    for i in range(len(widths) - 1):
        layers += [torch.nn.Linear(widths[i], widths[i + 1]), torch.nn.ReLU()]
    model = torch.nn.Sequential(*layers[:-1])
    loss_fn = torch.nn.MSELoss() if task == R else torch.nn.CrossEntropyLoss()
    opt = make_optimizer(kind, model.parameters(), lr)
    gen = torch.Generator().manual_seed(seed)
    order, pos = torch.randperm(len(Xt), generator=gen), 0
    losses, lrs, val_steps, val_losses = [], [], [], []
    for step in range(steps):
        current = rate(schedule, lr, step, steps, decay_at)
        for group in opt.param_groups:
            group["lr"] = current
        if pos + batch_size > len(Xt):
            order, pos = torch.randperm(len(Xt), generator=gen), 0
        idx = order[pos:pos + batch_size]
        pos += batch_size
        loss = loss_fn(model(Xt[idx]), yt[idx])
        value = loss.item()
        losses.append(value if math.isfinite(value) else None)
        lrs.append(current)
        if not math.isfinite(value):
            break
        opt.zero_grad()
        loss.backward()
        opt.step()
        if (step + 1) % EVAL_EVERY == 0 or step == steps - 1:
            with torch.no_grad():
                v = loss_fn(model(Xv), yv).item()
            val_steps.append(step)  # the step index after which it was measured, as epochs.csv has it
            val_losses.append(v if math.isfinite(v) else None)
    return losses, lrs, val_steps, val_losses


def write_data(folder, data):
    """The training and validation rows of `data` as CSV files (x0, x1, …, y) in `folder`: their
    paths, for `goldilocks train --data … --validation-data …`."""
    Xt, yt, Xv, yv, _, _ = data
    paths = []
    for name, X, y in (("train", Xt, yt), ("val", Xv, yv)):
        path = os.path.join(folder, name + ".csv")
        header = ",".join([f"x{i}" for i in range(X.shape[1])] + ["y"])
        np.savetxt(path, np.column_stack([X, y]), delimiter=",", header=header, comments="", fmt="%.8g")
        paths.append(path)
    return paths


def goldilocks_command(binary, paths, data, kind, lr, seed, steps, batch_size, hidden=HIDDEN, decay_at=None):
    """The `goldilocks train` command of a split's run on the files `write_data` wrote: a constant
    rate (÷10 from `decay_at` on), whole epochs, guard off, JSON; no log folder."""
    Xt, task = data[0], data[4]
    epochs = steps // math.ceil(len(Xt) / batch_size)
    command = [binary, "train", "--data", paths[0], "--validation-data", paths[1], "--task", task,
               "--model", ",".join(map(str, hidden)), "--optimizer", json.dumps(GOLDILOCKS_OPTIMIZERS[kind]),
               "--lr", repr(lr), "--epochs", str(epochs), "--batch-size", str(batch_size),
               "--seed", str(seed), "--guard", "off", "--format", "json"]
    if task == R:
        command += ["--standardize-target", "off"]  # already standardised, as in the PyTorch runs
    if decay_at is not None:
        command += ["--schedule", json.dumps({"name": "MultiStepLR", "milestones": [decay_at], "gamma": 0.1})]
    return command


def goldilocks_run(data, kind, schedule, lr, seed, steps, batch_size, decay_at=None):
    """The same with `goldilocks train` (constant rate; its own weights and batch order for the
    seed; whole epochs; guard off): per-step losses and rates from metrics.csv, the validation loss
    per epoch from epochs.csv."""
    assert schedule == "constant"
    with tempfile.TemporaryDirectory() as folder:
        command = goldilocks_command(GOLDILOCKS, write_data(folder, data), data, kind, lr, seed, steps, batch_size,
                                     decay_at=decay_at) + ["--log-dir", os.path.join(folder, "log")]
        subprocess.run(command, check=True, capture_output=True, text=True)
        with open(os.path.join(folder, "log", "metrics.csv")) as f:
            rows = list(csv.DictReader(f))
        losses = [float(r["loss"]) for r in rows]
        lrs = [float(r["lr"]) for r in rows]
        val_steps, val_losses = [], []
        with open(os.path.join(folder, "log", "epochs.csv")) as f:
            for r in csv.DictReader(f):
                if r.get("val_loss"):
                    val_steps.append(int(r["step"]))
                    val_losses.append(float(r["val_loss"]))
    finite = lambda v: v if math.isfinite(v) else None
    return [finite(v) for v in losses], lrs, val_steps, [finite(v) for v in val_losses]


def best_val(run):
    """The best validation loss of a run, None when any loss of it was not finite."""
    losses, _, _, val = run
    if not val or any(v is None for v in losses) or any(v is None for v in val):
        return None
    return min(val)


def blew_up(best, start):
    """Whether a run's best validation loss says it diverged: not finite, or over 10x the first
    training loss (the untrained model's), which no noise explains."""
    return best is None or not best <= 10 * start


def label(base_losses, base_best, seeds, start, outcomes):
    """(helped, acceptable verdicts, spread, threshold) of a base run. A seed of the unchanged run
    that diverged makes the rate one that diverges (diverged is acceptable), and the spread is
    taken over the seeds that did not."""
    calm = [v for v in seeds if not blew_up(v, start)]
    spread = max(calm) - min(calm) if calm else None
    threshold = None
    if base_best is not None and spread is not None:
        threshold = max(0.2 * base_best, 2 * spread, 0.01 * start)
    helped = []
    for name, value in outcomes.items():
        if value is None:
            continue
        if base_best is None or (threshold is not None and base_best - value > threshold):
            helped.append(name)
    verdicts = set()
    if any(v is None for v in base_losses) or base_best is None or any(blew_up(v, start) for v in seeds):
        verdicts.add("diverged")
    for name in helped:
        verdicts |= {"x3": {"too_slow"}, "x10": {"too_slow"}, "div10": {"oscillating"},
                     "div100": {"oscillating", "diverged"}, "decay": {"plateau"}}[name]
    return helped, sorted(verdicts or {"healthy"}), spread, threshold


def relabel(path):
    """Labels the runs of an existing split again from their stored results (no training)."""
    with open(path) as f:
        split = json.load(f)
    for run in split["runs"]:
        start = run["losses"][0] if run["losses"] and run["losses"][0] is not None else float("nan")
        run["helped"], run["acceptable"], spread, threshold = label(
            run["losses"], run["best_val"], run["seed_best_vals"], start, run["interventions"])
        run["spread"], run["threshold"] = rounded(spread), rounded(threshold)
    with open(path + ".tmp", "w") as f:
        json.dump(split, f, separators=(",", ":"))
    os.replace(path + ".tmp", path)


def groups(sources, split):
    out = []
    for source in sources:
        i = 0
        for dataset in SPLITS[split]:
            for kind in OPTIMIZERS:
                # PyTorch: a constant rate and one of the two schedules, taking turns.
                schedules = ["constant", SCHEDULES[1 + i % 2]] if source == "pytorch" else ["constant"]
                for schedule in schedules:
                    out.append((source, dataset, kind, schedule) + SETTINGS[i % len(SETTINGS)])
                i += 1
    return out


def build(sources, split, log):
    runs = []
    cache = {}
    for source, dataset, kind, schedule, steps, batch in groups(sources, split):
        data = cache.setdefault(dataset, load(dataset))
        if source == "goldilocks":
            steps -= steps % math.ceil(len(data[0]) / batch)
        trainer = goldilocks_run if source == "goldilocks" else pytorch_run
        sensible = SENSIBLE[kind]
        memo = {}

        def run(k, seed=0, decay=False):
            key = (k, seed, decay)
            if key not in memo:
                memo[key] = trainer(data, kind, schedule, sensible * 10 ** (k / 2), seed, steps, batch,
                                    decay_at=steps // 2 if decay else None)
            return memo[key]

        finite = [k for k in GRID if best_val(run(k)) is not None]
        if not finite:
            log(f"{source} {dataset} {kind} {schedule}: no finite run, skipped")
            continue
        best = min(finite, key=lambda k: best_val(run(k)))
        for k in range(best - BASE_SPAN, best + BASE_SPAN + 1):
            lr = sensible * 10 ** (k / 2)
            base = run(k)
            seeds = [best_val(run(k, seed)) for seed in SEEDS]
            outcomes = {name: best_val(run(k + shift)) for name, shift in RERUNS.items()}
            outcomes["decay"] = best_val(run(k, decay=True))
            start = base[0][0] if base[0] and base[0][0] is not None else float("nan")
            helped, acceptable, spread, threshold = label(base[0], best_val(base), seeds, start, outcomes)
            losses, lrs, val_steps, val_losses = base
            record = {
                "id": f"{source}/{dataset}/{kind}/{schedule}/lr{lr:.3g}",
                "source": source, "dataset": dataset, "task": data[4], "optimizer": kind, "schedule": schedule,
                "seed": 0, "steps": steps, "batch_size": batch, "hidden": list(HIDDEN),
                "lr": float(f"{lr:.6g}"), "lr_over_best": float(f"{10 ** ((k - best) / 2):.6g}"),
                "losses": [rounded(v) for v in losses],
                "val_steps": val_steps, "val_losses": [rounded(v) for v in val_losses],
                "best_val": rounded(best_val(base)), "seed_best_vals": [rounded(v) for v in seeds],
                "spread": rounded(spread), "threshold": rounded(threshold),
                "interventions": {n: rounded(v) for n, v in outcomes.items()},
                "helped": helped, "acceptable": acceptable,
            }
            if schedule != "constant":
                record["lrs"] = [float(f"{v:.4g}") for v in lrs]
            runs.append(record)
        log(f"{source} {dataset} {kind} {schedule}: best lr {sensible * 10 ** (best / 2):.3g}, {len(memo)} runs")
    return runs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="folder for the JSON file")
    parser.add_argument("--sources", nargs="+", default=["pytorch", "goldilocks"], choices=["pytorch", "goldilocks"])
    parser.add_argument("--relabel", action="store_true", help="label the stored runs again, without training")
    parser.add_argument("--split", default="validation", choices=sorted(SPLITS), help="which data sets, and the file's name")
    args = parser.parse_args()
    path = os.path.join(args.out, f"diagnosis-eval-{args.split}.json")
    if args.relabel:
        relabel(path)
        return
    start = time.time()
    log = lambda message: print(f"[{time.time() - start:7.1f}s] {message}", flush=True)
    runs = build(args.sources, args.split, log)
    with open(path + ".tmp", "w") as f:
        json.dump({"format": 2, "half": args.split, "runs": runs}, f, separators=(",", ":"))
    os.replace(path + ".tmp", path)
    log(f"{path}: {len(runs)} runs")


if __name__ == "__main__":
    main()
