"""Builds the diagnosis evaluation set: real PyTorch and Goldilocks training runs labelled by intervention.

Each base run trains a small MLP with one optimizer at one constant learning rate for a fixed
budget of steps and records every mini-batch loss. Its label comes from reruns with the same seed
(same initial weights, same batch order): the learning rate x10, x100, /10, /100, and /10 from the
middle of the run. An intervention "helps" when it lowers the final loss (the mean loss over the
whole training set after the last step) by more than 20%. The helping interventions name the
acceptable verdicts (issue 5):

    x10, x100 -> too_slow      /10 -> oscillating      /100 -> oscillating or diverged
    decay     -> plateau       none -> healthy          a non-finite loss in the base run -> diverged

Base learning rates run from 1000x below to 1000x above the best constant rate of each group (data
set, optimizer, seed, budget), in half-decade steps: the best rate is the point of a half-decade
grid (1e-5..1e5 times a sensible value per optimizer) with the lowest final loss. The constant-rate
reruns of one base run are other points of the same grid, so the grid is trained once and shared.

Output: one JSON file per split of the set (development, held-out, test, test2, test3, extra1,
extra2 and test4, split by data set; the test splits also use other seeds, step budgets and two
more optimizers, RMSprop and AdamW; test3 and later splits other models and, for every group, the
same runs with `goldilocks train` too; each test split was scored once, after the rules or forest
of its round were final), each
{"format": 1, "half", "runs": [...]}, a run being
    {"id", "source": "pytorch" or "goldilocks", "dataset", "task", "optimizer", "seed", "steps",
     "batch_size", "hidden",
     "lr", "lr_multiple" (of the sensible value), "lr_over_best", "losses" (null = not finite),
     "final_loss" (null = not finite), "interventions": {"x10": final, "x100", "div10",
     "div100", "decay"}, "helped": [names], "acceptable": [verdicts]}
The Swift test reads every run of every file alike.
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

try:
    import torch
    torch.set_num_threads(1)
except ImportError:  # scripts/diagnosis-rerun-check trains only goldilocks runs: no PyTorch needed
    torch = None
GOLDILOCKS = os.environ.get("GOLDILOCKS") or os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), ".build", "release", "goldilocks")  # built by the wrapper

SENSIBLE = {"sgd": 0.1, "momentum": 0.01, "adam": 0.001, "rmsprop": 0.001, "adamw": 0.001}
DEV_DATASETS = ["digits", "iris", "moons", "diabetes"]
HELDOUT_DATASETS = ["wine", "breast-cancer", "circles", "friedman"]
SETTINGS = [  # (seed, steps, batch size): a short and a long log
    (0, 250, 32),
    (1, 1000, 16),
]
GRID_HALF_DECADES = range(-10, 11)  # 10^-5 .. 10^5 times the sensible rate
# The other splits use all five optimizers, each (data set, optimizer) pair getting one of two
# (seed, steps, batch size) settings, alternating, so that a split stays near 260 runs per trainer.
ALL_OPTIMIZERS = ["sgd", "momentum", "adam", "rmsprop", "adamw"]
PYTORCH, BOTH = ("pytorch",), ("pytorch", "goldilocks")
# split -> (data sets, settings, hidden widths, trainers), in the order they were made:
# test, other data sets, seeds and budgets; test2, made after test had been scored (and so seen);
# test3, made after round 3's rules were fixed, with a wider model and the same groups trained a
# second time by Goldilocks's own trainer (`goldilocks train`); extra1 and extra2, to train the
# forest on, made after test3 had been scored; and test4, made with them and kept out of training
# until it is scored once.
ALTERNATING_SPLITS = {
    "test": (["classification", "blobs", "spirals", "friedman3"], [(2, 400, 32), (3, 800, 16)], (32, 32), PYTORCH),
    "test2": (["quantiles", "classification4", "friedman2", "regression"], [(4, 300, 32), (5, 500, 16)], (32, 32),
              PYTORCH),
    "test3": (["hastie", "classification6", "swissroll", "sparse"], [(6, 350, 32), (7, 600, 16)], (64, 64), BOTH),
    "extra1": (["blobs8", "moons-noisy", "lowrank", "scurve"], [(8, 200, 64), (9, 1500, 8)], (16,), BOTH),
    "extra2": (["classification2", "circles-wide", "friedman1-noisy", "regression-sparse"],
               [(10, 300, 16), (11, 700, 32)], (128, 64), BOTH),
    "test4": (["classification-flip", "quantiles5", "friedman2-quiet", "regression-wide"],
              [(12, 450, 32), (13, 900, 16)], (48, 24), BOTH),
}
BASE_SPAN = 6  # base runs: 10^-3 .. 10^3 times the best rate of the grid
HELP_RATIO = 0.8


def spirals():
    rng = np.random.default_rng(13)
    t = np.sqrt(rng.uniform(0, 1, 1000)) * 3 * np.pi
    y = rng.integers(0, 2, 1000)
    angle = t + np.pi * y
    return np.stack([t * np.cos(angle), t * np.sin(angle)], axis=1) + rng.normal(0, 0.5, (1000, 2)), y


def hastie():
    X, y = datasets.make_hastie_10_2(1000, random_state=31)
    return X, (y > 0).astype(int)


C, R = "classification", "regression"
# name -> (task, a function returning X, y)
DATASETS = {
    "digits": (C, lambda: datasets.load_digits(return_X_y=True)),
    "iris": (C, lambda: datasets.load_iris(return_X_y=True)),
    "wine": (C, lambda: datasets.load_wine(return_X_y=True)),
    "breast-cancer": (C, lambda: datasets.load_breast_cancer(return_X_y=True)),
    "moons": (C, lambda: datasets.make_moons(1000, noise=0.25, random_state=0)),
    "circles": (C, lambda: datasets.make_circles(1000, noise=0.1, factor=0.5, random_state=0)),
    "diabetes": (R, lambda: datasets.load_diabetes(return_X_y=True)),
    "friedman": (R, lambda: datasets.make_friedman1(1000, noise=1.0, random_state=0)),
    "classification": (C, lambda: datasets.make_classification(
        1000, n_features=20, n_informative=8, n_classes=3, flip_y=0.05, random_state=11)),
    "blobs": (C, lambda: datasets.make_blobs(1000, n_features=6, centers=5, cluster_std=2.5, random_state=12)),
    "spirals": (C, spirals),
    "friedman3": (R, lambda: datasets.make_friedman3(1000, noise=0.1, random_state=14)),
    "quantiles": (C, lambda: datasets.make_gaussian_quantiles(n_samples=1000, n_features=4, n_classes=3, random_state=21)),
    "classification4": (C, lambda: datasets.make_classification(
        1000, n_features=12, n_informative=6, n_classes=4, class_sep=1.5, random_state=22)),
    "friedman2": (R, lambda: datasets.make_friedman2(1000, noise=50.0, random_state=23)),
    "regression": (R, lambda: datasets.make_regression(1000, n_features=15, n_informative=8, noise=20.0, random_state=24)),
    "hastie": (C, hastie),
    "classification6": (C, lambda: datasets.make_classification(
        1000, n_features=30, n_informative=10, n_classes=6, class_sep=1.0, random_state=32)),
    "swissroll": (R, lambda: datasets.make_swiss_roll(1000, noise=0.5, random_state=33)),
    "sparse": (R, lambda: datasets.make_sparse_uncorrelated(1000, n_features=8, random_state=34)),
    "blobs8": (C, lambda: datasets.make_blobs(1200, n_features=10, centers=8, cluster_std=3.0, random_state=41)),
    "moons-noisy": (C, lambda: datasets.make_moons(800, noise=0.4, random_state=42)),
    "lowrank": (R, lambda: datasets.make_regression(1000, n_features=20, effective_rank=5, noise=5.0, random_state=43)),
    "scurve": (R, lambda: datasets.make_s_curve(1000, noise=0.2, random_state=44)),
    "classification2": (C, lambda: datasets.make_classification(
        1000, n_features=16, n_informative=4, n_redundant=4, n_classes=2, flip_y=0.02, random_state=51)),
    "circles-wide": (C, lambda: datasets.make_circles(1000, noise=0.2, factor=0.7, random_state=52)),
    "friedman1-noisy": (R, lambda: datasets.make_friedman1(1000, noise=4.0, random_state=53)),
    "regression-sparse": (R, lambda: datasets.make_regression(1000, n_features=40, n_informative=4, noise=10.0, random_state=54)),
    "classification-flip": (C, lambda: datasets.make_classification(
        1000, n_features=10, n_informative=6, n_classes=3, flip_y=0.2, random_state=61)),
    "quantiles5": (C, lambda: datasets.make_gaussian_quantiles(n_samples=1000, n_features=5, n_classes=5, random_state=62)),
    "friedman2-quiet": (R, lambda: datasets.make_friedman2(1000, noise=5.0, random_state=63)),
    "regression-wide": (R, lambda: datasets.make_regression(1000, n_features=25, n_informative=20, noise=40.0, random_state=64)),
}


def load(name):
    task, make = DATASETS[name]
    X, y = make()
    X = StandardScaler().fit_transform(X).astype(np.float32)
    if task == "regression":
        y = ((y - y.mean()) / y.std()).astype(np.float32)
        return torch.tensor(X), torch.tensor(y).unsqueeze(1), task, 1
    return torch.tensor(X), torch.tensor(y, dtype=torch.long), task, int(y.max()) + 1


def make_optimizer(kind, params, lr):
    if kind == "sgd":
        return torch.optim.SGD(params, lr=lr, foreach=True)
    if kind == "momentum":
        return torch.optim.SGD(params, lr=lr, momentum=0.9, foreach=True)
    if kind == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr, foreach=True)
    if kind == "adamw":
        return torch.optim.AdamW(params, lr=lr, foreach=True)
    return torch.optim.Adam(params, lr=lr, foreach=True)  # same numbers, 4x faster here


def train(data, kind, lr, seed, steps, batch_size, hidden, decay_at=None):
    """Trains from the seed's weights and batch order; returns (per-step losses, final loss)."""
    X, y, task, outputs = data
    torch.manual_seed(seed)
    widths = [X.shape[1], *hidden, outputs]
    layers = []
    for i in range(len(widths) - 1):
        layers += [torch.nn.Linear(widths[i], widths[i + 1]), torch.nn.ReLU()]
    model = torch.nn.Sequential(*layers[:-1])
    loss_fn = torch.nn.MSELoss() if task == "regression" else torch.nn.CrossEntropyLoss()
    opt = make_optimizer(kind, model.parameters(), lr)
    gen = torch.Generator().manual_seed(seed)
    order = torch.randperm(len(X), generator=gen)
    pos = 0
    losses = []
    for step in range(steps):
        if decay_at is not None and step == decay_at:
            for group in opt.param_groups:
                group["lr"] = lr / 10
        if pos + batch_size > len(X):
            order = torch.randperm(len(X), generator=gen)
            pos = 0
        idx = order[pos:pos + batch_size]
        pos += batch_size
        loss = loss_fn(model(X[idx]), y[idx])
        value = loss.item()
        losses.append(value if math.isfinite(value) else None)
        if not math.isfinite(value):
            return losses, None
        opt.zero_grad()
        loss.backward()
        opt.step()
    with torch.no_grad():
        final = loss_fn(model(X), y).item()
    return losses, (final if math.isfinite(final) else None)


GOLDILOCKS_OPTIMIZERS = {"sgd": {"name": "SGD"}, "momentum": {"name": "SGD", "momentum": 0.9},
                         "adam": {"name": "Adam"}, "rmsprop": {"name": "RMSprop"}, "adamw": {"name": "AdamW"}}


def goldilocks_train(data, kind, lr, seed, steps, batch_size, hidden, decay_at=None):
    """The same run with `goldilocks train` (its own initial weights and batch order for the seed,
    whole epochs, guard off): per-step losses from the log's metrics.csv, and the final loss over
    the whole training set as the validation loss of the training set itself."""
    X, y, task, _ = data
    with tempfile.TemporaryDirectory() as folder:
        table = os.path.join(folder, "data.csv")
        header = ",".join([f"x{i}" for i in range(X.shape[1])] + ["y"])
        np.savetxt(table, np.column_stack([X.numpy(), y.numpy().reshape(len(X), -1)[:, 0]]),
                   delimiter=",", header=header, comments="", fmt="%.8g")
        epochs = steps // math.ceil(len(X) / batch_size)
        command = [GOLDILOCKS, "train", "--data", table, "--validation-data", table, "--task", task,
                   "--model", ",".join(map(str, hidden)), "--optimizer", json.dumps(GOLDILOCKS_OPTIMIZERS[kind]),
                   "--lr", repr(lr), "--epochs", str(epochs), "--batch-size", str(batch_size),
                   "--seed", str(seed), "--guard", "off", "--format", "json", "--log-dir", os.path.join(folder, "log")]
        if decay_at is not None:
            command += ["--schedule", json.dumps({"name": "MultiStepLR", "milestones": [decay_at], "gamma": 0.1})]
        summary = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout.splitlines()[-1])
        with open(os.path.join(folder, "log", "metrics.csv")) as f:
            losses = [float(row["loss"]) for row in csv.DictReader(f)]
    losses = [v if math.isfinite(v) else None for v in losses]
    final = summary.get("val_loss")  # absent when the run died in its first epoch
    final = final if isinstance(final, float) and math.isfinite(final) and None not in losses else None
    return losses, final


def label(base_final, base_losses, outcomes):
    helped = []
    for name, final in outcomes.items():
        if final is None:
            continue
        if base_final is None or final < HELP_RATIO * base_final:
            helped.append(name)
    verdicts = set()
    if any(v is None for v in base_losses) or base_final is None:
        verdicts.add("diverged")
    for name in helped:
        verdicts |= {"x10": {"too_slow"}, "x100": {"too_slow"}, "div10": {"oscillating"},
                     "div100": {"oscillating", "diverged"}, "decay": {"plateau"}}[name]
    if not verdicts:
        verdicts.add("healthy")
    return helped, sorted(verdicts)


def rounded(x):
    return None if x is None else float(f"{x:.4g}")


def groups(half):
    """The (source, data set, optimizer, seed, steps, batch size, hidden widths) groups of one split."""
    if half in ALTERNATING_SPLITS:
        names, settings, hidden, sources = ALTERNATING_SPLITS[half]
        return [(source, dataset, kind) + settings[(i + j) % len(settings)] + (hidden,)
                for source in sources
                for i, dataset in enumerate(names)
                for j, kind in enumerate(ALL_OPTIMIZERS)]
    names = DEV_DATASETS if half == "dev" else HELDOUT_DATASETS
    return [("pytorch", dataset, kind) + setting + ((32, 32),)
            for dataset in names for kind in ("sgd", "momentum", "adam") for setting in SETTINGS]


def build(half, log):
    runs = []
    cache = {}
    for source, dataset, kind, seed, steps, batch, hidden in groups(half):
        if dataset not in cache:
            cache[dataset] = load(dataset)
        data = cache[dataset]
        sensible = SENSIBLE[kind]
        trainer = goldilocks_train if source == "goldilocks" else train
        if source == "goldilocks":  # whole epochs
            steps -= steps % math.ceil(len(data[0]) / batch)
        grid = {}

        def constant(k):
            if k not in grid:
                grid[k] = trainer(data, kind, sensible * 10 ** (k / 2), seed, steps, batch, hidden)
            return grid[k]

        finite = [k for k in GRID_HALF_DECADES if constant(k)[1] is not None]
        best = min(finite, key=lambda k: constant(k)[1])
        for k in range(best - BASE_SPAN, best + BASE_SPAN + 1):
            lr = sensible * 10 ** (k / 2)
            losses, final = constant(k)
            outcomes = {
                "x10": constant(k + 2)[1], "x100": constant(k + 4)[1],
                "div10": constant(k - 2)[1], "div100": constant(k - 4)[1],
                "decay": trainer(data, kind, lr, seed, steps, batch, hidden, decay_at=steps // 2)[1],
            }
            helped, acceptable = label(final, losses, outcomes)
            runs.append({
                "id": f"{source}/{dataset}/{kind}/seed{seed}/lr{lr:.3g}",
                "source": source, "dataset": dataset, "task": data[2],
                "optimizer": kind, "seed": seed, "steps": steps, "batch_size": batch, "hidden": list(hidden),
                "lr": float(f"{lr:.6g}"), "lr_multiple": float(f"{10 ** (k / 2):.6g}"),
                "lr_over_best": float(f"{10 ** ((k - best) / 2):.6g}"),
                "losses": [rounded(v) for v in losses], "final_loss": rounded(final),
                "interventions": {n: rounded(v) for n, v in outcomes.items()},
                "helped": helped, "acceptable": acceptable,
            })
        log(f"{source} {dataset} {kind} seed {seed}: done")
    return runs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="folder for the JSON files")
    splits = ["dev", "heldout"] + list(ALTERNATING_SPLITS)
    parser.add_argument("--splits", nargs="+", default=splits, choices=splits, help="which splits to build")
    args = parser.parse_args()
    start = time.time()
    log = lambda message: print(f"[{time.time() - start:6.1f}s] {message}", flush=True)
    for half in args.splits:
        runs = build(half, log)
        path = os.path.join(args.out, f"diagnosis-eval-{half}.json")
        with open(path + ".tmp", "w") as f:
            json.dump({"format": 1, "half": half, "runs": runs}, f, separators=(",", ":"))
        os.replace(path + ".tmp", path)
        log(f"{path}: {len(runs)} runs")


if __name__ == "__main__":
    main()
