"""Goldilocks' single `train --lr auto` run against a 16-point constant-learning-rate PyTorch Adam grid.

For each data set: one fixed 80/20 split written to train/validation CSVs (both sides read the same
rows), the same MLP (hidden 64,32, ReLU), Adam, epochs, batch size, features standardised with the
training set's statistics. The grid trains at 16 log-spaced constant learning rates, 3 seeds each;
the best grid point is the one with the lowest mean final validation loss. Goldilocks trains once per
seed with `--lr auto` (range test, then its chosen rate and schedule). Compute is counted in optimizer
steps (mini-batches), the range tests included.

`--policies` instead compares candidate auto policies (rule × factor × schedule), each given to
`goldilocks train` explicitly from `goldilocks find`'s suggestions, to choose the default by measurement.
"""

import argparse
import json
import math
import os
import re
import subprocess
import sys
import tempfile

import numpy as np
import torch
from sklearn import datasets as skd

torch.set_num_threads(1)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUNDLED = os.path.join(ROOT, "Sources", "GoldilocksData", "Bundled")
HIDDEN = [64, 32]
EPOCHS = 20
BATCH = 32
SEEDS = [0, 1, 2]
GRID = [float(x) for x in np.logspace(-5, 0, 16)]


def bundled(name):
    data = np.genfromtxt(os.path.join(BUNDLED, f"{name}.csv"), delimiter=",", skip_header=1)
    return data[:, :-1], data[:, -1], "classification"


def standardised(y):
    return (y - y.mean()) / y.std()


def datasets():
    """(name, X, y, task): bundled, real from scikit-learn, and generated; the auto policy was chosen on these."""
    yield ("digits (bundled)",) + bundled("digits")
    yield ("wine (bundled)",) + bundled("wine")
    x, y = skd.load_diabetes(return_X_y=True)
    yield "diabetes (sklearn, real, regression)", x, standardised(y), "regression"
    x, y = skd.make_classification(
        n_samples=2000, n_features=20, n_informative=10, n_classes=4, n_clusters_per_class=2, random_state=0)
    yield "make_classification (4 classes)", x, y.astype(float), "classification"
    x, y = skd.make_friedman1(n_samples=1500, n_features=10, noise=1.0, random_state=0)
    yield "make_friedman1 (regression)", x, standardised(y), "regression"


def held_out_datasets():
    """Sets added after the policy was fixed and scored once: never used to choose it."""
    yield ("breast-cancer (bundled)",) + bundled("breast-cancer")
    yield ("iris (bundled)",) + bundled("iris")
    x, y = skd.make_moons(n_samples=1000, noise=0.3, random_state=1)
    yield "make_moons (noise 0.3)", x, y.astype(float), "classification"
    x, y = skd.make_gaussian_quantiles(n_samples=1500, n_features=6, n_classes=3, random_state=1)
    yield "make_gaussian_quantiles (3 classes)", x, y.astype(float), "classification"
    x, y = skd.make_friedman2(n_samples=1000, noise=0.1, random_state=1)
    yield "make_friedman2 (regression)", x, standardised(y), "regression"


def fresh_datasets():
    """Sets added when the rehearsal learned to raise the peak, before that policy was measured on them, and scored
    once: the held-out sets above had been seen by then."""
    x, y = skd.make_circles(n_samples=1000, noise=0.15, factor=0.5, random_state=2)
    yield "make_circles (noise 0.15)", x, y.astype(float), "classification"
    x, y = skd.make_hastie_10_2(n_samples=1200, random_state=2)
    yield "make_hastie_10_2", x, (y > 0).astype(float), "classification"
    x, y = skd.make_classification(
        n_samples=250, n_features=8, n_informative=5, n_classes=3, n_clusters_per_class=1, random_state=2)
    yield "make_classification (250 rows, 3 classes)", x, y.astype(float), "classification"
    x, y = skd.make_blobs(n_samples=1000, n_features=8, centers=5, cluster_std=2.5, random_state=2)
    yield "make_blobs (5 classes, std 2.5)", x, y.astype(float), "classification"
    x, y = skd.make_regression(n_samples=800, n_features=20, n_informative=10, noise=10.0, random_state=2)
    yield "make_regression (noise 10)", x, standardised(y), "regression"
    x, y = skd.make_friedman3(n_samples=1000, noise=0.05, random_state=2)
    yield "make_friedman3 (regression)", x, standardised(y), "regression"


def fresh2_datasets():
    """Sets added after the fresh sets above had been scored (and so seen) and the policy then changed once more (the
    lowered peak rehearsed), before that policy was measured on them; scored once."""
    x, y = skd.make_classification(
        n_samples=600, n_features=10, n_informative=5, n_classes=2, flip_y=0.1, random_state=3)
    yield "make_classification (10% flipped labels)", x, y.astype(float), "classification"
    x, y = skd.make_moons(n_samples=300, noise=0.2, random_state=3)
    yield "make_moons (300 rows, noise 0.2)", x, y.astype(float), "classification"
    x, y = skd.make_gaussian_quantiles(n_samples=600, n_features=3, n_classes=4, random_state=3)
    yield "make_gaussian_quantiles (4 classes)", x, y.astype(float), "classification"
    x, y = skd.make_circles(n_samples=400, noise=0.1, factor=0.6, random_state=3)
    yield "make_circles (400 rows)", x, y.astype(float), "classification"
    x, y = skd.make_regression(n_samples=1000, n_features=8, n_informative=8, noise=30.0, random_state=3)
    yield "make_regression (noise 30)", x, standardised(y), "regression"
    x, y = skd.make_friedman1(n_samples=600, n_features=10, noise=3.0, random_state=3)
    yield "make_friedman1 (noise 3)", x, standardised(y), "regression"


def split(x, y, folder, name):
    """Writes the fixed 80/20 split of one set to CSVs in `folder` (named after the set) and returns both parts and paths."""
    name = re.sub(r"\W+", "_", name)
    order = np.random.default_rng(0).permutation(len(y))
    cut = int(round(0.8 * len(y)))
    paths = []
    for part, rows in (("train", order[:cut]), ("val", order[cut:])):
        path = os.path.join(folder, f"{name}-{part}.csv")
        header = ",".join([f"x{i}" for i in range(x.shape[1])] + ["y"])
        np.savetxt(path, np.column_stack([x[rows], y[rows]]), delimiter=",", header=header, comments="", fmt="%.10g")
        paths.append(path)
    return (x[order[:cut]], y[order[:cut]]), (x[order[cut:]], y[order[cut:]]), paths


def torch_run(train, val, task, lr, seed):
    """Final validation loss of PyTorch Adam at a constant learning rate (NaN when it diverged)."""
    torch.manual_seed(seed)
    (xt, yt), (xv, yv) = train, val
    mean, std = xt.mean(0), xt.std(0)
    std[std == 0] = 1
    xt = torch.tensor((xt - mean) / std, dtype=torch.float32)
    xv = torch.tensor((xv - mean) / std, dtype=torch.float32)
    classes = int(max(yt.max(), yv.max())) + 1 if task == "classification" else 1
    if task == "classification":
        yt, yv = torch.tensor(yt, dtype=torch.long), torch.tensor(yv, dtype=torch.long)
        loss_fn = torch.nn.CrossEntropyLoss()
    else:
        yt, yv = torch.tensor(yt, dtype=torch.float32)[:, None], torch.tensor(yv, dtype=torch.float32)[:, None]
        loss_fn = torch.nn.MSELoss()
    widths = [xt.shape[1]] + HIDDEN + [classes]
    layers = []
    for i in range(len(widths) - 1):
        layers.append(torch.nn.Linear(widths[i], widths[i + 1]))
        if i < len(widths) - 2:
            layers.append(torch.nn.ReLU())
    model = torch.nn.Sequential(*layers)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    generator = torch.Generator().manual_seed(seed)
    for _ in range(EPOCHS):
        for rows in torch.randperm(len(yt), generator=generator).split(BATCH):
            optimizer.zero_grad()
            loss_fn(model(xt[rows]), yt[rows]).backward()
            optimizer.step()
    with torch.no_grad():
        value = loss_fn(model(xv), yv).item()
    return value if math.isfinite(value) else float("nan")


def goldilocks(binary, paths, task, seed, *extra):
    command = [binary, "train", "--data", paths[0], "--validation-data", paths[1], "--task", task,
               "--model", ",".join(map(str, HIDDEN)), "--epochs", str(EPOCHS), "--batch-size", str(BATCH),
               "--seed", str(seed), "--format", "json", *extra]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def find(binary, paths, task, seed):
    command = [binary, "find", "--data", paths[0], "--validation-data", paths[1], "--task", task,
               "--model", ",".join(map(str, HIDDEN)), "--batch-size", str(BATCH), "--seed", str(seed),
               "--repeats", "3", "--format", "json"]
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def mean(values):
    values = [v if v is not None and math.isfinite(v) else float("inf") for v in values]
    return sum(values) / len(values)


def grid_search(train, val, task, name, cache):
    """The best grid point (learning rate, mean validation loss), read from `cache` (a JSON file) when it was
    measured before: PyTorch's runs are seeded, so they give the same numbers every time."""
    known = {}
    if cache and os.path.exists(cache):
        with open(cache) as f:
            known = json.load(f)
    if name not in known:
        losses = {lr: mean([torch_run(train, val, task, lr, s) for s in SEEDS]) for lr in GRID}
        best = min(losses, key=losses.get)
        known[name] = [best, losses[best]]
        if cache:
            with open(cache + ".tmp", "w") as f:
                json.dump(known, f, indent=1)
            os.replace(cache + ".tmp", cache)
    return tuple(known[name])


def with_grid(sets, folder, cache):
    """Per set: (name, task, training part, CSV paths, best grid lr, its mean validation loss)."""
    for name, x, y, task in sets:
        train, val, paths = split(x, y, folder, name)
        yield (name, task, train, paths) + grid_search(train, val, task, name, cache)


def fmt(x):
    return f"{x:.3g}" if math.isfinite(x) else "diverged"


def batches(rows):
    return math.ceil(rows / BATCH)


def print_summary(what, ratios):
    print(f"\nGeometric mean of {what}: {math.exp(np.mean(np.log(ratios))):.3f} "
          f"(worst {max(ratios):.3f}; no worse than the best grid point on {sum(r <= 1 for r in ratios)} of {len(ratios)})")


def compare(binary, folder, sets, cache):
    """One table: per set the best grid point, the auto runs (peak lr, epochs) and the ratios.

    Compute is in optimizer steps per seed: the auto run's training plus the steps it spent choosing
    (`auto_steps`: range tests and rehearsals), against 16 grid runs of EPOCHS epochs."""
    print("| data set | train rows | best grid val loss (lr) | auto val loss (peak lr; epochs) | auto / best | compute auto / grid |")
    print("| --- | --- | --- | --- | --- | --- |")
    ratios = []
    for name, task, train, paths, best_lr, best_loss in with_grid(sets, folder, cache):
        runs = [goldilocks(binary, paths, task, s, "--lr", "auto") for s in SEEDS]
        auto_loss = mean([r["val_loss"] for r in runs])
        auto_lrs = "/".join(f"{r['lr']:.2g}" for r in runs)
        auto_epochs = "/".join(str(r["epochs"]) for r in runs)
        rows = len(train[1])
        grid_steps = len(GRID) * EPOCHS * batches(rows)
        compute = max(r["steps"] + r["auto_steps"] for r in runs) / grid_steps
        ratios.append(auto_loss / best_loss)
        print(f"| {name} | {rows} | {fmt(best_loss)} ({best_lr:.2g}) | {fmt(auto_loss)} ({auto_lrs}; {auto_epochs}) | "
              f"{auto_loss / best_loss:.3f} | {compute:.3f} |", flush=True)
    print_summary("auto / best", ratios)


def policies(binary, folder, cache):
    names = os.environ.get("POLICIES", "valley:1,valley:0.5,steep:1,minimum:1,slide:1,steepest:1")
    rules = [(rule, float(factor)) for rule, factor in (item.split(":") for item in names.split(","))]
    print("| data set | best grid | " + " | ".join(f"{r}×{f} const / one-cycle" for r, f in rules) + " |")
    print("| --- | --- |" + " --- |" * len(rules))
    totals = {}
    for name, task, train, paths, _, best_loss in with_grid(datasets(), folder, cache):
        found = [find(binary, paths, task, s)["suggestions"] for s in SEEDS]
        cells = []
        for rule, factor in rules:
            pair = []
            for schedule in ("const", "one-cycle"):
                losses = []
                for s, suggestions in zip(SEEDS, found):
                    if rule not in suggestions:
                        losses.append(float("inf"))
                        continue
                    lr = suggestions[rule] * factor
                    extra = ["--lr", repr(lr)]
                    if schedule == "one-cycle":
                        steps = EPOCHS * math.ceil(len(train[1]) / BATCH)
                        extra += ["--schedule", json.dumps({"name": "OneCycleLR", "max_lr": lr, "total_steps": steps})]
                    losses.append(goldilocks(binary, paths, task, s, *extra)["val_loss"])
                ratio = mean(losses) / best_loss
                totals.setdefault((rule, factor, schedule), []).append(ratio)
                pair.append(f"{ratio:.2f}")
            cells.append(" / ".join(pair))
        print(f"| {name} | {fmt(best_loss)} | " + " | ".join(cells) + " |", flush=True)
    print("\nGeometric mean of (policy / best grid) per policy:")
    for key, values in sorted(totals.items(), key=lambda kv: np.mean(np.log(kv[1]))):
        print(f"  {key[0]}×{key[1]} {key[2]}: {math.exp(np.mean(np.log(values))):.3f} (worst {max(values):.3f})")


def one_cycle_oracle(binary, folder, sets, cache):
    """How good a one-cycle run can be at all: per set, one-cycle at 16 peaks (1e-4 to 0.56 in quarter decades,
    3 seeds each), the best chosen afterwards on the validation set, like the grid's best point."""
    peaks = [10 ** (e / 4) for e in range(-16, 0)]
    print("| data set | best grid val loss (lr) | best one-cycle val loss (peak) | one-cycle / grid |")
    print("| --- | --- | --- | --- |")
    ratios = []
    for name, task, train, paths, best_lr, best_loss in with_grid(sets, folder, cache):
        steps = EPOCHS * batches(len(train[1]))
        losses = {}
        for peak in peaks:
            schedule = json.dumps({"name": "OneCycleLR", "max_lr": peak, "total_steps": steps})
            runs = [goldilocks(binary, paths, task, s, "--lr", repr(peak), "--schedule", schedule, "--guard", "off")
                    for s in SEEDS]
            losses[peak] = mean([r.get("val_loss") if isinstance(r.get("val_loss"), float) else None for r in runs])
        peak = min(losses, key=losses.get)
        ratios.append(losses[peak] / best_loss)
        print(f"| {name} | {fmt(best_loss)} ({best_lr:.2g}) | {fmt(losses[peak])} ({peak:.3g}) | {ratios[-1]:.3f} |",
              flush=True)
    print_summary("one-cycle / grid", ratios)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--goldilocks", default=os.path.join(ROOT, ".build", "release", "goldilocks"))
    parser.add_argument("--policies", action="store_true", help="compare candidate auto policies instead")
    parser.add_argument("--sets", choices=["selection", "held-out", "fresh", "fresh2", "all"], default="all",
                        help="the sets the policy was chosen on, the held-out ones, the fresh ones of either round, or all (four tables)")
    parser.add_argument("--grid-cache", help="a JSON file keeping each set's best grid point between runs")
    parser.add_argument("--one-cycle-oracle", action="store_true",
                        help="instead, the best one-cycle peak per set chosen afterwards: how close any peak policy can get")
    args = parser.parse_args()
    tables = [("selection", "Selection sets (the policy was chosen on these)", datasets),
              ("held-out", "Held-out sets (added after the first policy was fixed; seen when the rehearsal learned to climb)",
               held_out_datasets),
              ("fresh", "Fresh sets (added before the climbing rehearsal was measured on them; seen when the lowered peak "
               "was first rehearsed)", fresh_datasets),
              ("fresh2", "Fresh sets, round 2 (added before the final policy was measured on them, scored once)",
               fresh2_datasets)]
    with tempfile.TemporaryDirectory() as folder:
        if args.policies:
            return policies(args.goldilocks, folder, args.grid_cache)
        if args.one_cycle_oracle:
            every = [item for key, _, sets in tables if args.sets in (key, "all") for item in sets()]
            return one_cycle_oracle(args.goldilocks, folder, every, args.grid_cache)
        for key, title, sets in tables:
            if args.sets in (key, "all"):
                print(f"\n{title}:\n")
                compare(args.goldilocks, folder, sets(), args.grid_cache)


if __name__ == "__main__":
    sys.exit(main())
