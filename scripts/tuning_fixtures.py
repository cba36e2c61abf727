"""Reference decisions and densities for Goldilocks' pruners and TPE, from Optuna itself.

pruners.json: asynchronous studies replayed in Optuna (in-memory storage). Trials with scripted
validation-loss curves (some noisy, some tied, some diverging to NaN or inf, some failing
mid-run) run a few at a time in a random interleaving: each reports one epoch (steps counted
from 1, as Goldilocks reports epochs), asks `trial.should_prune()`, and is told PRUNED, COMPLETE
or FAIL. The event log records every decision; the Swift test replays the log into TrialRecords
and asks its own pruner at each report.

tpe.json: the exact parts of TPE. `_ParzenEstimator` components (means, bandwidths, weights,
categorical probabilities) and log densities at probe points for given observations;
`_split_trials` on given trials; the truncated normal's quantile and log density; and how well
Optuna's whole TPE does on a 1-D learning-rate objective, over 100 seeds.
"""
import json
import math
import random
import sys
import warnings
from pathlib import Path

import numpy as np
import optuna
from optuna.distributions import CategoricalDistribution, FloatDistribution
from optuna.samplers._tpe import _truncnorm
from optuna.samplers._tpe.parzen_estimator import _ParzenEstimator, _ParzenEstimatorParameters
from optuna.samplers._tpe.sampler import _split_trials, default_gamma, default_weights
from optuna.trial import TrialState

warnings.filterwarnings("ignore")
optuna.logging.set_verbosity(optuna.logging.ERROR)


def number(x):
    """JSON has no NaN or infinity: write them as strings, as the other fixtures do."""
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


# --- pruners -----------------------------------------------------------------------------------

def make_pruner(spec):
    if spec["kind"] == "median":
        return optuna.pruners.MedianPruner(n_startup_trials=spec["startup_trials"], n_warmup_steps=spec["warmup_epochs"])
    if spec["kind"] == "percentile":
        return optuna.pruners.PercentilePruner(spec["percentile"], n_startup_trials=spec["startup_trials"],
                                               n_warmup_steps=spec["warmup_epochs"])
    m, rf, b = spec["min_resource"], spec["reduction_factor"], spec["brackets"]
    if b == 1:
        return optuna.pruners.SuccessiveHalvingPruner(min_resource=m, reduction_factor=rf)
    pruner = optuna.pruners.HyperbandPruner(min_resource=m, max_resource=m * rf ** (b - 1), reduction_factor=rf)
    return pruner


def curve(rng, epochs):
    """A validation-loss curve: decaying, noisy, sometimes quantized (ties), sometimes diverging."""
    start, floor, rate = rng.uniform(1, 3), rng.uniform(0.05, 0.8), rng.uniform(0.05, 0.8)
    noise = rng.choice([0, 0.01, 0.05, 0.2])
    values = [floor + (start - floor) * math.exp(-rate * t) + noise * rng.gauss(0, 1) for t in range(1, epochs + 1)]
    kind = rng.random()
    if kind < 0.25:  # coarse values: many ties at a rung
        values = [round(v, 1) for v in values]
    elif kind < 0.35:  # diverges: grows, then NaN or inf from some epoch on
        at = rng.randrange(epochs)
        bad = rng.choice([math.nan, math.inf])
        values = values[:at] + [bad] * (epochs - at)
    elif kind < 0.40:  # one bad epoch, then recovers (a guard rolled back)
        at = rng.randrange(epochs)
        values[at] = rng.choice([math.nan, math.inf])
    return values


def replay(rng, spec, study_name, n_trials, epochs, workers, fail_rate):
    study = optuna.create_study(study_name=study_name, pruner=make_pruner(spec))
    if spec["kind"] == "asha" and spec["brackets"] > 1:
        study.pruner._try_initialization(study)
        assert study.pruner._n_brackets == spec["brackets"], (spec, study.pruner._n_brackets)
    curves = {n: curve(rng, epochs) for n in range(n_trials)}
    events, active, next_number = [], {}, 0
    while active or next_number < n_trials:
        while len(active) < workers and next_number < n_trials:
            trial = study.ask()
            assert trial.number == next_number
            active[trial.number] = (trial, 0)
            events.append({"ask": trial.number})
            next_number += 1
        n = rng.choice(sorted(active))
        trial, done = active[n]
        if rng.random() < fail_rate:
            study.tell(trial, state=TrialState.FAIL)
            events.append({"fail": n})
            del active[n]
            continue
        step = done + 1
        value = curves[n][done]
        trial.report(value, step)
        prune = trial.should_prune()
        events.append({"trial": n, "step": step, "value": number(value), "prune": bool(prune)})
        if prune:
            study.tell(trial, state=TrialState.PRUNED)
            events.append({"pruned": n})
            del active[n]
        elif step == epochs:
            if math.isnan(value):
                study.tell(trial, state=TrialState.FAIL)
                events.append({"fail": n})
            else:
                study.tell(trial, value)
                events.append({"complete": n, "value": number(value)})
            del active[n]
        else:
            active[n] = (trial, step)
    return events


def pruner_fixtures():
    rng = random.Random(20261201)
    specs = []
    for m in (1, 2, 3):
        for rf in (2, 3, 4):
            for b in (1, 2, 3):
                specs.append({"kind": "asha", "min_resource": m, "reduction_factor": rf, "brackets": b})
    for startup in (0, 1, 3, 5):
        for warmup in (0, 1, 3):
            specs.append({"kind": "median", "startup_trials": startup, "warmup_epochs": warmup})
    # Added after the others, so the scenarios above keep their random draws.
    for percentile in (10, 25, 90):
        for startup in (0, 3, 5):
            for warmup in (0, 2):
                specs.append({"kind": "percentile", "percentile": percentile, "startup_trials": startup, "warmup_epochs": warmup})
    scenarios = []
    for index, spec in enumerate(specs):
        for repeat in range(3):
            n_trials, epochs = rng.randint(4, 30), rng.randint(2, 28)
            workers = rng.choice([1, 1, 2, 3, 4])
            fail_rate = rng.choice([0, 0, 0.03])
            name = f"study-{index}-{repeat}"
            events = replay(rng, spec, name, n_trials, epochs, workers, fail_rate)
            scenarios.append({
                "name": name, "pruner": spec, "trials": n_trials, "epochs": epochs, "workers": workers, "events": events,
            })
    return scenarios


# --- TPE -----------------------------------------------------------------------------------------

PARAMETERS = _ParzenEstimatorParameters(
    prior_weight=1.0, consider_magic_clip=True, consider_endpoints=False, weights=default_weights, multivariate=True
)


def distribution_json(d):
    if isinstance(d, CategoricalDistribution):
        return {"categorical": list(d.choices)}
    return {"low": d.low, "high": d.high, "log": d.log}


def parzen_case(rng, space, n):
    observations = {}
    for name, d in space.items():
        if isinstance(d, CategoricalDistribution):
            observations[name] = np.array([rng.randrange(len(d.choices)) for _ in range(n)], dtype=float)
        else:
            lo, hi = (math.log(d.low), math.log(d.high)) if d.log else (d.low, d.high)
            draws = []
            for _ in range(n):
                # Tied observations (and observations at the range's ends) only for one
                # parameter and while all weights are equal (n <= 25): which of two tied means
                # gets which bandwidth follows NumPy's unstable argsort, which differs by CPU
                # (SIMD sorts), and only then does the choice not change the mixture.
                r = rng.random() if n <= 25 and len(space) == 1 else 1.0
                if r < 0.05:
                    draws.append(d.low)
                elif r < 0.1:
                    draws.append(d.high)
                elif r < 0.2 and draws:
                    draws.append(draws[-1])  # a tie
                else:
                    u = lo + (hi - lo) * rng.random()
                    draws.append(math.exp(u) if d.log else u)
            observations[name] = np.array(draws, dtype=float)
    pe = _ParzenEstimator(observations, space, PARAMETERS)
    mixture = pe._mixture_distribution
    kernels = []
    for d in mixture.distributions:
        if hasattr(d, "mu"):
            kernels.append({"means": d.mu.tolist(), "sigmas": d.sigma.tolist()})
        else:
            kernels.append({"probabilities": d.weights.tolist()})
    probes = {}
    for name, d in space.items():
        if isinstance(d, CategoricalDistribution):
            probes[name] = np.array([rng.randrange(len(d.choices)) for _ in range(12)], dtype=float)
        else:
            lo, hi = (math.log(d.low), math.log(d.high)) if d.log else (d.low, d.high)
            xs = [lo + (hi - lo) * rng.random() for _ in range(10)]
            xs = [math.exp(x) if d.log else x for x in xs] + [d.low, d.high]
            probes[name] = np.array(xs, dtype=float)
    log_pdf = pe.log_pdf(probes)
    names = list(space)
    return {
        "distributions": [distribution_json(space[k]) for k in names],
        "observations": [[float(observations[k][i]) for k in names] for i in range(n)],
        "weights": mixture.weights.tolist(),
        "kernels": kernels,
        "probes": [[float(probes[k][i]) for k in names] for i in range(12)],
        "log_pdf": [number(v) for v in log_pdf],
    }


def parzen_fixtures():
    rng = random.Random(7)
    spaces = [
        {"lr": FloatDistribution(1e-5, 1.0, log=True)},
        {"lr": FloatDistribution(1e-4, 1e-1, log=True)},
        {"lr": FloatDistribution(1e-5, 1.0, log=True), "schedule": CategoricalDistribution(["constant", "one_cycle", "warmup_cosine"])},
        {"lr": FloatDistribution(1e-5, 1.0, log=True), "optimizer": CategoricalDistribution(["SGD", "Adam"]),
         "weight_decay": FloatDistribution(1e-6, 1e-2, log=True)},
        {"x": FloatDistribution(-2.0, 3.0)},
    ]
    cases = []
    for space in spaces:
        for n in (0, 1, 2, 3, 5, 10, 26, 40):
            cases.append(parzen_case(rng, space, n))
    return cases


def split_fixtures():
    rng = random.Random(11)
    study = optuna.create_study()
    cases = []
    for case in range(60):
        # Odd cases only hold NaN and inf: there Goldilocks ranks diverged trials last on purpose.
        finite = case % 2 == 0
        trials, records = [], []
        for number_ in range(rng.randint(1, 35)):
            state = rng.choice([TrialState.COMPLETE, TrialState.COMPLETE, TrialState.PRUNED, TrialState.RUNNING])
            record = {"number": number_, "state": state.name.lower(), "intermediate": {}}
            steps = rng.randint(0, 6)
            intermediate = {}
            for s in range(1, steps + 1):
                v = rng.choice([round(rng.uniform(0, 2), 1), rng.uniform(0, 2), rng.uniform(0, 2)])
                if not finite and rng.random() < 0.15:
                    v = rng.choice([math.nan, math.inf])
                intermediate[s] = v
            value = None
            if state == TrialState.COMPLETE:
                value = rng.choice([round(rng.uniform(0, 2), 1), rng.uniform(0, 2), math.inf if not finite and rng.random() < 0.3 else 1.0])
            if state == TrialState.PRUNED and intermediate and rng.random() < 0.3:
                intermediate = {k: v for k, v in intermediate.items() if k <= rng.randint(1, steps)}
            t = optuna.trial.create_trial(
                state=state if state != TrialState.RUNNING else TrialState.RUNNING,
                value=value, intermediate_values=intermediate,
                params={"lr": 1e-3}, distributions={"lr": FloatDistribution(1e-5, 1.0, log=True)},
            )
            t.number = number_
            trials.append(t)
            record["intermediate"] = {str(k): number(v) for k, v in intermediate.items()}
            record["value"] = None if value is None else number(value)
            records.append(record)
        n = sum(t.state != TrialState.RUNNING for t in trials)
        gamma = default_gamma(n)
        below, above = _split_trials(study, trials, gamma)
        cases.append({
            "finite": finite, "trials": records, "gamma": gamma,
            "below": [t.number for t in below], "above": [t.number for t in above],
        })
    return cases


def truncnorm_fixtures():
    rng = random.Random(3)
    cases = []
    for _ in range(200):
        a = rng.choice([-rng.uniform(0, 3), -rng.uniform(0, 40), 0.0, -1e-3])
        b = rng.choice([rng.uniform(0, 3), rng.uniform(0, 40), 0.0, 1e-3])
        if a == b:
            continue
        q = rng.choice([rng.random(), rng.random() ** 8, 1 - rng.random() ** 8, 0.5])
        x = a + (b - a) * rng.random()
        loc, scale = rng.uniform(-3, 3), rng.uniform(0.01, 5)
        cases.append({
            "a": a, "b": b, "q": q,
            "ppf": number(_truncnorm.ppf(np.array([q]), a, b)[0]),
            "x": x * scale + loc, "loc": loc, "scale": scale,
            "logpdf": number(_truncnorm.logpdf(np.array([x * scale + loc]), a, b, loc=loc, scale=scale)[0]),
        })
    return cases


def benchmark():
    """Optuna's own TPE (n_startup_trials 5, as Goldilocks' default) on |log10(lr) + 2.5| over
    1e-5..1: the best of the first 8 and of 16 trials for seeds 0..99. Draws differ from
    Goldilocks' (NumPy's generator), so the Swift test compares the means within their errors."""
    best8, best16 = [], []
    for seed in range(100):
        study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=seed, n_startup_trials=5))
        study.optimize(lambda t: abs(math.log10(t.suggest_float("lr", 1e-5, 1.0, log=True)) + 2.5), n_trials=16)
        values = [t.value for t in study.trials]
        best8.append(min(values[:8]))
        best16.append(min(values))
    return {
        "seeds": 100, "startup_trials": 5,
        "best_of_8": {"mean": float(np.mean(best8)), "sem": float(np.std(best8) / 10)},
        "best_of_16": {"mean": float(np.mean(best16)), "sem": float(np.std(best16) / 10)},
    }


def main(out):
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    versions = {"optuna": optuna.__version__, "numpy": np.__version__}
    (out / "pruners.json").write_text(json.dumps({**versions, "scenarios": pruner_fixtures()}, separators=(",", ":")) + "\n")
    (out / "tpe.json").write_text(json.dumps({
        **versions, "parzen": parzen_fixtures(), "split": split_fixtures(), "truncnorm": truncnorm_fixtures(),
        "benchmark": benchmark(),
    }, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
