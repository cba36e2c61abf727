"""Scores `goldilocks train --diagnose rerun` against issue 12's labels on a labelled split's
`goldilocks train` runs: each run is trained again exactly as the split trained it (its data, model,
optimizer, rate, epochs, batch size, seed 0, guard off), now with `--diagnose rerun`, and its verdict
is checked against the run's acceptable verdicts, as the reader's is.

The reruns differ from the labels' in one way: the split's move up is ×√10 (half a decade, a
point of its grid), `--diagnose rerun`'s is ×3. Everything else is the labels' definition: ×10,
÷10, ÷100 and ÷10 from the middle on; the spread of seeds 0, 1 and 2; the best validation loss.

Usage: scripts/diagnosis-rerun-check GOLDILOCKS SPLIT [--every K] [--jobs J] [--at-least SHARE]
"""

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor

from diagnosis_ceiling_model import load as load_split, opposite
from diagnosis_eval_set import SENSIBLE
from diagnosis_eval_validation import goldilocks_command, load as load_data, write_data


def exact_rate(run):
    """The run's rate as the split computed it: a half-decade point of its optimizer's grid (the
    fixture keeps six digits of it)."""
    sensible = SENSIBLE[run["optimizer"]]
    return sensible * 10 ** (round(2 * math.log10(run["lr"] / sensible)) / 2)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("goldilocks")
    parser.add_argument("split")
    parser.add_argument("--every", type=int, default=1, help="score every K-th goldilocks run (default: all)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--at-least", type=float, default=0.0, metavar="SHARE",
                        help="exit 1 when the agreement is under this share (opposite advice always fails)")
    args = parser.parse_args()
    runs = [r for r in load_split(f"diagnosis-eval-{args.split}.json") if r["source"] == "goldilocks"][::args.every]
    with tempfile.TemporaryDirectory() as folder:
        files = {}
        for name in sorted({r["dataset"] for r in runs}):
            data = load_data(name)
            os.mkdir(os.path.join(folder, name))
            files[name] = (write_data(os.path.join(folder, name), data), data)

        def diagnosis(run):
            paths, data = files[run["dataset"]]
            command = goldilocks_command(args.goldilocks, paths, data, run["optimizer"], exact_rate(run), 0, run["steps"],
                                         run["batch_size"], hidden=run["hidden"]) + ["--diagnose", "rerun"]
            done = subprocess.run(command, capture_output=True, text=True)
            if done.returncode != 0:
                sys.exit(f"{run['id']}: goldilocks train failed: {done.stderr.strip()}")
            return json.loads(done.stdout)["diagnosis"]

        with ThreadPoolExecutor(args.jobs) as pool:
            diagnoses = list(pool.map(diagnosis, runs))
    verdicts = [d["verdict"] for d in diagnoses]
    agreed = sum(v in r["acceptable"] for r, v in zip(runs, verdicts))
    wrong_way = sum(opposite(v, r["helped"]) for r, v in zip(runs, verdicts))
    print(f"goldilocks train --diagnose rerun on {args.split}'s goldilocks runs: {agreed}/{len(runs)} = "
          f"{100 * agreed / len(runs):.1f}% agree, {wrong_way} opposite")
    # The reruns the labels made too (all but ×3, whose labels' move is ×√10), compared to the
    # fixture's four significant digits: the check that the runs are the same runs.
    same = total = 0
    for r, d in zip(runs, diagnoses):
        ours = {x["change"]: x["loss"] for x in d["reruns"] or []}
        pairs = [(r["interventions"].get(k), ours.get(c)) for k, c in (("x10", "×10"), ("div10", "÷10"), ("div100", "÷100"))]
        pairs += [(r["interventions"].get("decay"), next((v for c, v in ours.items() if c.startswith("÷10 from")), None))]
        pairs += list(zip(r["seed_best_vals"][1:], [ours.get("seed +1"), ours.get("seed +2")]))
        for label, mine in pairs:
            if d["reruns"] is None:
                continue
            total += 1
            same += (label is None and mine is None) or (label is not None and mine is not None and float(f"{mine:.4g}") == label)
    print(f"  reruns whose loss matches the labels' (4 digits): {same}/{total}")
    confusion = defaultdict(Counter)
    for r, v in zip(runs, verdicts):
        confusion[v if v in r["acceptable"] else "|".join(r["acceptable"])][v] += 1
    for label in sorted(confusion):
        print(f"    {label}: {dict(confusion[label])}")
    for r, d in zip(runs, diagnoses):
        if d["verdict"] not in r["acceptable"]:
            reruns = {x["change"]: x["loss"] for x in d["reruns"] or []}
            print(f"  miss {r['id']}: {d['verdict']}, labels {r['acceptable']} (helped {r['helped']}; best {r['best_val']}, "
                  f"threshold {r['threshold']}, label reruns {r['interventions']}, seeds {r['seed_best_vals']}); reruns {reruns}")
    return 0 if wrong_way == 0 and agreed >= args.at_least * len(runs) else 1


if __name__ == "__main__":
    sys.exit(main())
