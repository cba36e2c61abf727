"""Real Optuna against Goldilocks' study storage, both ways (scripts/check-optuna runs it).

  check_optuna.py read URL EXPECTED.json   Optuna loads the study Goldilocks wrote (its name and
                                           contents in EXPECTED.json, written by the Swift test
                                           exportsAStudyForTheOptunaCheck) and checks trials,
                                           states, distributions, params, intermediate values,
                                           user attributes and the best trial
  check_optuna.py write URL OUT.json       Optuna writes a study (complete, pruned, failed and
                                           running trials, NaN and infinite values) and records
                                           what Optuna reads back, for the Swift test
                                           readsAStudyOptunaWrote to compare with ours

URL is a Goldilocks storage URL (sqlite:PATH or postgresql://…); exits non-zero naming the first
differences.
"""
import json
import math
import sys
import time

import optuna
from optuna.distributions import json_to_distribution

optuna.logging.set_verbosity(optuna.logging.WARNING)


def sqlalchemy_url(url):
    if url.startswith("sqlite:") and not url.startswith("sqlite:///"):
        return "sqlite:///" + url[len("sqlite:"):]
    # SQLAlchemy 2.1 takes psycopg (3) for a bare postgresql://; the pinned driver is psycopg2.
    for scheme in ("postgresql://", "postgres://"):
        if url.startswith(scheme):
            return "postgresql+psycopg2://" + url[len(scheme):]
    return url


def encode(x):
    if x is None:
        return None
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def same(a, b):
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return a == b


def decode(x):
    return {"nan": math.nan, "inf": math.inf, "-inf": -math.inf}.get(x, x) if isinstance(x, str) else x


def read(url, expected_path):
    with open(expected_path) as f:
        expected = json.load(f)
    study = optuna.load_study(study_name=expected["study"], storage=sqlalchemy_url(url))
    failures = []
    if study.direction != optuna.study.StudyDirection.MINIMIZE:
        failures.append(f"direction {study.direction}")
    trials = study.get_trials(deepcopy=False)
    if len(trials) != len(expected["trials"]):
        failures.append(f"{len(trials)} trials, expected {len(expected['trials'])}")
    for trial, want in zip(trials, expected["trials"]):
        where = f"trial {trial.number}"
        if trial.number != want["number"]:
            failures.append(f"{where}: number, expected {want['number']}")
        if trial.state.name != want["state"]:
            failures.append(f"{where}: state {trial.state.name}, expected {want['state']}")
        for name, dist in want["distributions"].items():
            ours = trial.distributions.get(name)
            if ours != json_to_distribution(json.dumps(dist)):
                failures.append(f"{where}: distribution {name} {ours}, expected {dist}")
        if set(trial.params) != set(want["params"]):
            failures.append(f"{where}: params {sorted(trial.params)}, expected {sorted(want['params'])}")
        for name, value in want["params"].items():
            if trial.params.get(name) != value:
                failures.append(f"{where}: {name} = {trial.params.get(name)!r}, expected {value!r}")
        got_steps = {str(k): v for k, v in trial.intermediate_values.items()}
        if set(got_steps) != set(want["intermediate_values"]):
            failures.append(f"{where}: steps {sorted(got_steps)}, expected {sorted(want['intermediate_values'])}")
        for step, value in want["intermediate_values"].items():
            if not same(got_steps.get(step), decode(value)):
                failures.append(f"{where}: step {step} = {got_steps.get(step)!r}, expected {value!r}")
        if not same(trial.value, decode(want["value"])):
            failures.append(f"{where}: value {trial.value!r}, expected {want['value']!r}")
        if trial.user_attrs != want["user_attrs"]:
            failures.append(f"{where}: user attrs {trial.user_attrs}, expected {want['user_attrs']}")
    if study.user_attrs != expected["user_attrs"]:
        failures.append(f"study user attrs {study.user_attrs}, expected {expected['user_attrs']}")
    best = study.best_trial
    if best.number != expected["best"]["number"] or best.value != expected["best"]["value"]:
        failures.append(f"best trial {best.number} = {best.value}, expected {expected['best']}")
    # What Optuna's own tools compute from the same tables.
    frame = study.trials_dataframe()
    if len(frame) != len(trials):
        failures.append(f"trials_dataframe has {len(frame)} rows")
    importances = optuna.importance.get_param_importances(study) if len(study.get_trials(states=[optuna.trial.TrialState.COMPLETE])) > 1 else {}
    if failures:
        print(f"check-optuna: Optuna reads {url} differently:", file=sys.stderr)
        for line in failures:
            print("  " + line, file=sys.stderr)
        sys.exit(1)
    states = ", ".join(f"{t.number} {t.state.name}" for t in trials)
    print(f"Optuna {optuna.__version__} loaded {expected['study']} from {url.split('@')[-1]}: {len(trials)} trials ({states}); "
          f"best trial {best.number} = {best.value}; params, distributions, intermediate values and user attributes as "
          f"Goldilocks wrote them; trials_dataframe {frame.shape}, importances of {sorted(importances)}")


def write(url, out_path):
    name = f"optuna-made-{int(time.time() * 1000)}"
    study = optuna.create_study(study_name=name, storage=sqlalchemy_url(url))
    plan = [
        ("complete", [0.9, 0.5], 0.45), ("pruned", [0.8, math.nan], None), ("fail", [0.7], None),
        ("complete", [math.inf], math.inf), ("complete", [0.4, -math.inf, 0.3], 0.25), ("running", [0.6], None),
    ]
    for number, (state, values, value) in enumerate(plan):
        trial = study.ask()
        trial.suggest_float("lr", 1e-5, 1.0, log=True)
        trial.suggest_categorical("schedule", ["constant", "one_cycle"])
        for step, v in enumerate(values, start=1):
            trial.report(v, step)
        trial.set_user_attr("steps", 30 * len(values))
        trial.set_user_attr("note", f"trial {number}")
        if state == "complete":
            study.tell(trial, value)
        elif state == "pruned":
            study.tell(trial, state=optuna.trial.TrialState.PRUNED)
        elif state == "fail":
            study.tell(trial, state=optuna.trial.TrialState.FAIL)
    trials = optuna.load_study(study_name=name, storage=sqlalchemy_url(url)).get_trials(deepcopy=False)
    record = {
        "study": name,
        "trials": [{
            "number": t.number, "state": t.state.name.replace("FAIL", "FAIL"), "params": t.params,
            "intermediate_values": {str(k): encode(v) for k, v in t.intermediate_values.items()},
            "value": encode(t.value), "user_attrs": t.user_attrs,
        } for t in trials],
    }
    with open(out_path, "w") as f:
        json.dump(record, f)
    print(f"Optuna {optuna.__version__} wrote {name} into {url.split('@')[-1]}: {len(trials)} trials "
          f"({', '.join(t.state.name for t in trials)})")


if __name__ == "__main__":
    command, url, path = sys.argv[1:4]
    {"read": read, "write": write}[command](url, path)
