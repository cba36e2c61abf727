"""What it takes to meet issue 16's target, on dense learning-rate curves: a ceiling, the range
test's aim, and tuning strategies replayed with real Optuna.

`scripts/tune-replay` first trains, once per data set and schedule (cached in --curves), the 61
log-spaced rates over 1e-5..1 (12 per decade) with `goldilocks tune --sampler grid --pruner none
--log-dir`, keeping every epoch's validation loss, and the range test's valley: constant rates,
whose every 4th is issue 16's 16-point grid, and warmup + cosine ones, the other schedule tune
searches by default. A replayed trial at rate r reads the warmup + cosine curve of the nearest of the 61
rates, epoch by epoch (the constant curve when its strategy searches constant rates, or when
its trial's schedule is constant), and reports to a real Optuna study (5.0.0, pinned), whose
sampler and pruner decide; so a strategy costs seconds, not a study. A ladder walk (tune's
placement: see `ladder_walk`) runs the 16 grid rates themselves, so a walked constant run is
exactly the grid's run at that rate. Each strategy runs with sampler seeds
0..3 on every data set; "met" is issue 16's test (best at most the grid's hindsight best, steps
with a 100-step range test at most 40% of the grid's), "as good" the first half of it alone.

Before the strategies it prints
1. the trend oracle: a tuner told the trend of value against rate (a running mean of log values
   over ±¼ decade) that trains m complete runs at the trend's best m rates; on how many data sets
   is its best at most the grid's? This is what placing the complete runs well would give;
2. whether partial runs locate it: the log10 distance from the rate whose trend leads after k
   epochs to the trend's best rate of whole runs, mean and spread over the sets;
3. how well the range test locates the best rate: for each rule of `goldilocks find`, the log10
   distance from its suggestion to the trend's best rate, mean and spread over the sets.

A run's value is its best validation loss, as a trial's is, or +inf when it diverged. The placed
runs of a strategy do not depend on the sampler seed, so the seeds are not independent samples:
differences of a few data sets are within the replay's noise.
"""

import argparse
import json
import math
import os
import subprocess

import numpy as np
import optuna

optuna.logging.set_verbosity(optuna.logging.ERROR)
RATES, EPOCHS, TRIALS = 61, 20, 16


def dense_curves(binary, name, data, folder, schedule):
    """{"valley", "steps_per_epoch", "curves": [[rate, [validation loss per epoch]]]}, cached."""
    path = os.path.join(folder, f"{name}-{schedule}.json")
    if os.path.exists(path):
        with open(path) as f:
            return json.load(f)
    work = os.path.join(folder, f"{name}-{schedule}")
    os.makedirs(work, exist_ok=True)
    storage = f"sqlite:{work}/dense.db"
    subprocess.run([binary, "tune", "--data", data, "--storage", storage, "--study", "dense", "--trials", str(RATES),
                    "--lr-range", "1e-5,1", "--sampler", "grid", "--pruner", "none", "--schedules", schedule,
                    "--log-dir", f"{work}/logs",
                    "--format", "json"], check=True, stdout=subprocess.DEVNULL)
    report = json.loads(subprocess.run([binary, "study", "--storage", storage, "--study", "dense", "--format", "json"],
                                       check=True, capture_output=True, text=True).stdout)
    curves = []
    for trial in report["trials"]:
        with open(trial["log_dir"] + "/epochs.csv") as f:
            rows = [line.split(",") for line in f.read().split("\n")[1:] if line]
        losses = [float(row[3]) if row[3] else math.nan for row in rows]
        losses += [math.inf] * (EPOCHS - len(losses))  # a run that stopped early diverged
        curves.append([trial["params"]["lr"], losses])
    curves.sort()
    find = json.loads(subprocess.run([binary, "find", "--data", data, "--format", "json"],
                                     check=True, capture_output=True, text=True).stdout)
    result = {"suggestions": find["suggestions"], "valley": find["suggestions"].get("valley", 1e-3),
              "steps_per_epoch": report["total_steps"] // (RATES * EPOCHS), "curves": curves}
    with open(path, "w") as f:
        json.dump(result, f)
    return result


def value(losses, kind="best"):
    """A run's value: its best (or final) validation loss, +inf when any loss is not finite."""
    if not all(math.isfinite(loss) for loss in losses):
        return math.inf
    return min(losses) if kind == "best" else losses[-1]


def trend(values):
    """The running mean of log values over ±¼ decade (7 of the 61 rates). A diverged run counts as
    ten times the worst finite one; a loss of 0 (a tiny validation set predicted perfectly) as
    1e-300, so the logs stay finite."""
    finite = values[np.isfinite(values)]
    logs = np.log(np.maximum(np.where(np.isfinite(values), values, finite.max() * 10), 1e-300))
    return np.array([logs[max(0, i - 3):i + 4].mean() for i in range(RATES)])


def ceiling(dense, grids):
    """The trend oracle and the range test's aim (see the module's docstring), on the trials'
    curves `dense`, against the constant grid of `grids`."""
    trends = {}
    for name, curves in dense.items():
        values = np.array([value(losses) for _, losses in curves["curves"]])
        trends[name] = (values, trend(values))
    reachable = sum(values.min() <= grid_best(grids[name]) for name, (values, _) in trends.items())
    print(f"the best of all {RATES} trial rates: as good as the grid on {reachable} of {len(trends)} data sets")
    for m in (3, 4, 5, 6):
        wins = sum(values[np.argsort(trend)[:m]].min() <= grid_best(grids[name]) for name, (values, trend) in trends.items())
        print(f"trend oracle, {m} complete runs: as good as the grid on {wins} of {len(trends)} data sets")
    # Whether partial runs could place complete ones: the rate whose trend leads after k epochs
    # against the trend's best rate of whole runs.
    for k in (1, 3, 10):
        errors = []
        for name, curves in dense.items():
            lead = int(np.argmin(trend(np.array([value(losses[:k]) for _, losses in curves["curves"]]))))
            errors.append(math.log10(curves["curves"][int(np.argmin(trends[name][1]))][0] / curves["curves"][lead][0]))
        print(f"after {k} epochs: best rate of whole runs / leading rate = 10^({np.mean(errors):+.2f} ± {np.std(errors):.2f})")
    for rule in ("valley", "minimum", "steep", "steepest", "slide"):
        errors = [math.log10(curves["suggestions"][rule] / curves["curves"][int(np.argmin(trends[name][1]))][0])
                  for name, curves in dense.items() if rule in curves["suggestions"]]
        print(f"range test {rule}: suggestion / best rate = 10^({np.mean(errors):+.2f} ± {np.std(errors):.2f}) "
              f"over {len(errors)} data sets")


def grid_best(curves, kind="best"):
    """The 16-point grid's hindsight best: every 4th of the 61 constant rates."""
    return min(value(losses, kind) for _, losses in curves["curves"][::4])


def rung_rate(rung):
    """The rate of rung 0..15 of the ladder, the 16-point grid over 1e-5..1 (3 per decade)."""
    return 10 ** (-5 + min(15, max(0, rung)) / 3)


def rung_of(rate):
    """The ladder's rung nearest a rate."""
    return min(15, max(0, round((math.log10(rate) + 5) * 3)))


def nearest(curves, rate):
    return curves[min(RATES - 1, max(0, round((math.log10(rate) + 5) * 12)))][1]


def slices(valley, seed, count=5):
    """tune's TPE startup: the valley, then a log-uniform draw from each half-decade slice of
    valley ÷10 … ×10, nearest first (TPESampler.suggestedRate)."""
    rng = np.random.default_rng(seed)
    low, high = math.log(max(valley / 10, 1e-5)), math.log(min(valley * 10, 1.0))
    width = (high - low) / (count - 1)
    order = sorted(range(count - 1), key=lambda a: (abs(low + (a + 0.5) * width - math.log(valley)), a))
    return [valley] + [math.exp(low + (s + rng.random()) * width) for s in order]


def quadratic(results, valley, placed, spread=0.5):
    """Placed complete runs: the valley, ÷ and × 10^spread, then the vertex of a quadratic fit of
    log value against log rate (or a step past the best end when the fit opens downwards)."""
    n = len(results)
    if n >= placed:
        return None
    if n < 3:
        return valley * 10 ** (spread * (0, -1, 1)[n])
    x = np.array([math.log10(rate) for rate, _ in results])
    y = np.array([math.log(max(value, 1e-300)) for _, value in results])
    a, b, _ = np.polyfit(x, y, 2)
    best = x[np.argmin(y)]
    if a > 0:
        vertex = min(max(-b / (2 * a), x.min() - 0.5), x.max() + 0.5)
    else:
        vertex = best + (0.5 if best == x.max() else -0.5 if best == x.min() else 0.15)
    if min(abs(vertex - xi) for xi in x) < 0.08:
        vertex = best + (0.12 if n == 3 else -0.12)
    return 10 ** vertex


def ladder_walk(tried, valley):
    """The next rung (0..15 of the 16-point grid) of tune's walk, given {rung: value} so far:
    start one rung above the valley's, try the rungs below and above, then step towards the
    lower value until the best rung has both neighbours, then past the better neighbour
    (LadderWalk.next in Swift). None when no rung is left."""
    start = min(15, rung_of(valley) + 1)
    if len(tried) < 3:
        order = [start] + [start + sign * step for step in range(1, 16) for sign in (-1, 1)]
    else:
        best = min(tried, key=lambda rung: (tried[rung], rung))
        low, high = min(tried), max(tried)
        order = ([high + 1] if best == high else []) + ([low - 1] if best == low else [])
        below, above = tried.get(best - 1, math.inf), tried.get(best + 1, math.inf)
        order += [high + 1, low - 1] if above <= below else [low - 1, high + 1]
    return next((rung for rung in order if 0 <= rung <= 15 and rung not in tried), None)


STRATEGIES = {
    # name: (value of a run: "best" or "final", pruner, placement, placed trials, schedules searched)
    "earlier defaults: TPE seeded, percentile 10 after 5, best value": ("best", lambda: optuna.pruners.PercentilePruner(10, n_startup_trials=5), "slices", 5, ["warmup_cosine"]),
    "before: TPE seeded, ASHA(1, 3), final value": ("final", lambda: optuna.pruners.SuccessiveHalvingPruner(min_resource=1, reduction_factor=3), "slices", 5, ["warmup_cosine"]),
    "TPE seeded, ASHA(1, 3), best value": ("best", lambda: optuna.pruners.SuccessiveHalvingPruner(min_resource=1, reduction_factor=3), "slices", 5, ["warmup_cosine"]),
    "quadratic placement of 4, then TPE, percentile 0": ("best", lambda: optuna.pruners.PercentilePruner(0, n_startup_trials=4), "quadratic", 4, ["warmup_cosine"]),
    "earlier: quadratic placement of 5, then TPE, percentile 0": ("best", lambda: optuna.pruners.PercentilePruner(0, n_startup_trials=5), "quadratic", 5, ["warmup_cosine"]),
    "ladder walk of 5 warmup + cosine runs, then TPE, percentile 0": ("best", lambda: optuna.pruners.PercentilePruner(0, n_startup_trials=5), "walk", 5, ["warmup_cosine"]),
    "ladder walk of 5 constant runs, then TPE, percentile 0": ("best", lambda: optuna.pruners.PercentilePruner(0, n_startup_trials=5), "walk", 5, ["constant"]),
    "shipped: ladder walk of 4 constant runs, warmup + cosine a rung above, then TPE over both, percentile 0": ("best", lambda: optuna.pruners.PercentilePruner(0, n_startup_trials=5), "walk", 5, ["constant", "warmup_cosine"]),
}


def replay(trial_curves, grid_curves, strategy, seed):
    """(best value of a complete trial, steps over the grid's, the range test's 100 included).
    `trial_curves` are the warmup + cosine ones, `grid_curves` the constant ones."""
    value_kind, make_pruner, placement, startup, schedules = strategy
    by_schedule = {"warmup_cosine": trial_curves["curves"], "constant": grid_curves["curves"]}
    valley = trial_curves["valley"]
    sampler = optuna.samplers.TPESampler(seed=seed, n_startup_trials=startup, multivariate=True, constant_liar=True)
    study = optuna.create_study(sampler=sampler, pruner=make_pruner())
    planned = slices(valley, seed, startup) if placement == "slices" else []
    epochs, complete, walked = 0, [], {}
    for number in range(TRIALS):
        placed = None
        if placement == "walk" and number < startup:
            if number == startup - 1 and len(schedules) > 1:
                best = min(walked, key=lambda rung: (walked[rung], rung))
                placed = {"lr": rung_rate(best + 1), "schedule": schedules[-1]}
            else:
                rung = ladder_walk(walked, valley)
                placed = None if rung is None else {"lr": rung_rate(rung), "schedule": schedules[0]}
        elif placement != "walk":
            rate = planned[number] if number < len(planned) else (
                quadratic(complete, valley, startup) if placement == "quadratic" else None)
            placed = None if rate is None else {"lr": min(max(rate, 1e-5), 1.0), "schedule": schedules[0]}
        if placed is not None:
            study.enqueue_trial(placed if len(schedules) > 1 else {"lr": placed["lr"]})
        trial = study.ask()
        rate = trial.suggest_float("lr", 1e-5, 1.0, log=True)
        schedule = trial.suggest_categorical("schedule", schedules) if len(schedules) > 1 else schedules[0]
        losses = nearest(by_schedule[schedule], rate)
        best, state = math.inf, optuna.trial.TrialState.COMPLETE
        for epoch, loss in enumerate(losses, start=1):
            epochs += 1
            if not math.isfinite(loss):
                state = optuna.trial.TrialState.PRUNED
                break
            best = min(best, loss)
            trial.report(best if value_kind == "best" else loss, epoch)
            if epoch < EPOCHS and trial.should_prune():
                state = optuna.trial.TrialState.PRUNED
                break
        if placement == "walk" and number < startup and schedule == schedules[0]:
            walked[rung_of(rate)] = value(losses, value_kind) if state == optuna.trial.TrialState.COMPLETE else math.inf
        if state == optuna.trial.TrialState.COMPLETE:
            study.tell(trial, value(losses, value_kind))
            complete.append((trial.params["lr"], value(losses, value_kind)))
        else:
            study.tell(trial, state=state)
    found = min((v for _, v in complete), default=math.inf)
    return found, (epochs + 100 / trial_curves["steps_per_epoch"]) / (16 * EPOCHS)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--curves", required=True, help="cache folder for the dense curves")
    parser.add_argument("--data", nargs="+", required=True, help="NAME=DATA pairs (a bundled name or a CSV)")
    args = parser.parse_args()
    os.makedirs(args.curves, exist_ok=True)
    sets = dict(pair.split("=", 1) for pair in args.data)
    grids = {name: dense_curves(args.binary, name, data, args.curves, "constant") for name, data in sets.items()}
    dense = {name: dense_curves(args.binary, name, data, args.curves, "warmup_cosine") for name, data in sets.items()}
    ceiling(dense, grids)
    print(f"\nstrategies on {len(dense)} data sets, sampler seeds 0-3:")
    for label, strategy in STRATEGIES.items():
        met = good = 0
        costs = []
        for name, curves in dense.items():
            grid = grid_best(grids[name], strategy[0])
            for seed in range(4):
                found, cost = replay(curves, grids[name], strategy, seed)
                good += found <= grid
                met += found <= grid and cost <= 0.4
                costs.append(cost)
        runs = 4 * len(dense)
        print(f"{label}: met {met}/{runs}, as good {good}/{runs}, steps {np.mean(costs):.0%} of the grid's (max {max(costs):.0%})",
              flush=True)


if __name__ == "__main__":
    main()
