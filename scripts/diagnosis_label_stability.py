"""Labels issue 12's validation split again from another base seed, to measure how stable its labels are.

The labels of Tests/GoldilocksDiagnosisTests/Fixtures/diagnosis-eval-validation.json come from
reruns of the base run's seed (seed 0): the whole schedule x3, x10, /10, /100 and /10 from mid-run,
judged against a threshold that takes the spread of three seeds (0, 1, 2) of the unchanged run.
Here the same configurations (source, data set, optimizer, schedule, steps, batch, learning rate)
are labelled with another seed as the base (`--base-seed`, 1 by default): its own unchanged run and
its own reruns, with exactly the same rule (`label` of scripts/diagnosis_eval_validation.py) and
the same three seeds' spread. The training functions are those of that script too, so the base
seed's best validation loss must reproduce the fixture's value for that seed (`reproduced`).

A run that reads one log cannot know which seed's reruns will label it, so how often two seeds'
labels of the same configuration share a verdict bounds what any such reader can reach
(docs/diagnosis.md, "How far can a log-reader go?").

Output: Tests/GoldilocksDiagnosisTests/Fixtures/diagnosis-label-stability-seed<N>.json,
{"format": 1, "base_seed": N, "runs": [...]}, a run having the fields of the validation split's
runs (its own log: losses, lrs, val_steps, val_losses; its own best_val, interventions, helped,
acceptable; the shared seed_best_vals, spread and threshold) plus "acceptable_seed0" (the split's
labels, for convenience) and "reproduced".
"""

import argparse
import json
import math
import multiprocessing
import os
import time
from collections import Counter, defaultdict


from diagnosis_eval_set import SENSIBLE, rounded
from diagnosis_eval_validation import RERUNS, best_val, goldilocks_run, label, load, pytorch_run

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "GoldilocksDiagnosisTests", "Fixtures")
SPLIT = os.path.join(FIXTURES, "diagnosis-eval-validation.json")


def grid_index(run):
    """The half-decade index k of a run's rate (rate = sensible x 10^(k/2)). The split stores the
    rate to 6 digits; the runs must use the exact value, since a rate far too large is chaotic."""
    sensible = SENSIBLE[run["optimizer"]]
    k = round(2 * math.log10(run["lr"] / sensible))
    assert float(f"{sensible * 10 ** (k / 2):.6g}") == run["lr"], run["id"]
    return k


def relabel_group(args):
    """The records of one group (source, data set, optimizer, schedule) relabelled from `seed`."""
    (source, dataset, kind, schedule), runs, seed = args
    import torch  # here, so that scripts reading its helpers need no PyTorch

    torch.set_num_threads(1)
    data = load(dataset)
    trainer = goldilocks_run if source == "goldilocks" else pytorch_run
    sensible = SENSIBLE[kind]
    memo = {}

    def run(k, steps, batch, decay=False):
        key = (k, decay)
        if key not in memo:
            memo[key] = trainer(data, kind, schedule, sensible * 10 ** (k / 2), seed, steps, batch,
                                decay_at=steps // 2 if decay else None)
        return memo[key]

    records = []
    for original in runs:
        k, steps, batch = grid_index(original), original["steps"], original["batch_size"]
        base = run(k, steps, batch)
        best = best_val(base)
        seeds = list(original["seed_best_vals"])
        reproduced = rounded(best) == seeds[seed]
        seeds[seed] = best  # the others as the split measured them
        outcomes = {name: best_val(run(k + shift, steps, batch)) for name, shift in RERUNS.items()}
        outcomes["decay"] = best_val(run(k, steps, batch, decay=True))
        losses, lrs, val_steps, val_losses = base
        start = losses[0] if losses and losses[0] is not None else float("nan")
        helped, acceptable, spread, threshold = label(losses, best, seeds, start, outcomes)
        record = {key: original[key] for key in ("id", "source", "dataset", "task", "optimizer", "schedule",
                                                  "steps", "batch_size", "hidden", "lr", "lr_over_best")}
        record.update({
            "seed": seed, "losses": [rounded(v) for v in losses],
            "val_steps": val_steps, "val_losses": [rounded(v) for v in val_losses],
            "best_val": rounded(best), "seed_best_vals": [rounded(v) for v in seeds],
            "spread": rounded(spread), "threshold": rounded(threshold),
            "interventions": {n: rounded(v) for n, v in outcomes.items()},
            "helped": helped, "acceptable": acceptable,
            "acceptable_seed0": original["acceptable"], "reproduced": reproduced,
        })
        if schedule != "constant":
            record["lrs"] = [float(f"{v:.4g}") for v in lrs]
        records.append(record)
    return records


def wilson(k, n, z=1.959964):
    """The 95% Wilson interval of k successes in n."""
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return centre - half, centre + half


def share(k, n):
    low, high = wilson(k, n)
    return f"{k}/{n} = {100 * k / n:.1f}% (95% {100 * low:.1f}-{100 * high:.1f}%)"


def report():
    """Prints how often the labellings agree, overall and by part of the split, and what a reader
    that knew one labelling exactly would score under another."""
    with open(SPLIT) as f:
        labellings = {0: {r["id"]: r for r in json.load(f)["runs"]}}
    for seed in (1, 2):
        path = os.path.join(FIXTURES, f"diagnosis-label-stability-seed{seed}.json")
        if os.path.exists(path):
            with open(path) as f:
                labellings[seed] = {r["id"]: r for r in json.load(f)["runs"]}
    first = labellings[0]
    preference = ["oscillating", "plateau", "diverged", "too_slow", "healthy"]  # one label for a run with several
    seeds = sorted(labellings)
    for a in seeds:
        for b in seeds:
            if a >= b:
                continue
            ids = [i for i in labellings[b] if i in labellings[a]]
            sets = [(set(labellings[a][i]["acceptable"]), set(labellings[b][i]["acceptable"])) for i in ids]
            meet = [bool(x & y) for x, y in sets]
            print(f"seeds {a} and {b}: acceptable sets intersect on {share(sum(meet), len(ids))}; "
                  f"identical on {share(sum(x == y for x, y in sets), len(ids))}; "
                  f"bound 1 - D/2 = {100 * (1 - (len(ids) - sum(meet)) / (2 * len(ids))):.1f}%")
            for x_seed, y_seed in ((a, b), (b, a)):
                named = [next(v for v in preference if v in set(labellings[x_seed][i]["acceptable"])) for i in ids]
                right = sum(v in labellings[y_seed][i]["acceptable"] for v, i in zip(named, ids))
                print(f"  naming seed {x_seed}'s first acceptable verdict (forest's preference), right under seed "
                      f"{y_seed}'s labels: {share(right, len(ids))}")
            parts = defaultdict(lambda: [0, 0])
            for i, m in zip(ids, meet):
                r = first[i]
                for key in (r["source"], r["schedule"], r["dataset"], r["optimizer"], f"rate x{r['lr_over_best']:g}"):
                    parts[key][0] += m
                    parts[key][1] += 1
            print("  intersect by part: " + "; ".join(f"{k} {m}/{n}" for k, (m, n) in parts.items()))
            changes = Counter((tuple(x), tuple(y)) for (x, y), m in zip(((sorted(x), sorted(y)) for x, y in sets),
                                                                         meet) if not m)
            print("  disjoint (seed %d -> seed %d): " % (a, b)
                  + "; ".join(f"{'|'.join(x)} -> {'|'.join(y)} {n}" for (x, y), n in changes.most_common()))
    if len(seeds) == 3:
        ids = [i for i in first if all(i in labellings[s] for s in seeds)]
        # A reader that knew the two other seeds' labels: the verdict acceptable under both (else
        # under either), by the forest's preference, scored on the third.
        right = 0
        for i in ids:
            for held in seeds:
                others = [set(labellings[s][i]["acceptable"]) for s in seeds if s != held]
                pool = (others[0] & others[1]) or (others[0] | others[1])
                v = next(v for v in preference if v in pool)
                right += v in labellings[held][i]["acceptable"]
        print(f"knowing two seeds' labels, right under the third's: {share(right, 3 * len(ids))} (runs counted thrice)")
        all_three = sum(bool(set.intersection(*(set(labellings[s][i]["acceptable"]) for s in seeds))) for i in ids)
        print(f"a verdict acceptable under all three labellings: {share(all_three, len(ids))}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", action="store_true", help="print the stability of the stored labellings")
    parser.add_argument("--base-seed", type=int, default=1, choices=[1, 2])
    parser.add_argument("--sources", nargs="+", default=["pytorch", "goldilocks"], choices=["pytorch", "goldilocks"])
    parser.add_argument("--jobs", type=int, default=1, help="groups trained at once")
    args = parser.parse_args()
    if args.report:
        report()
        return
    with open(SPLIT) as f:
        split = json.load(f)["runs"]
    groups = defaultdict(list)
    for run in split:
        if run["source"] in args.sources:
            groups[run["source"], run["dataset"], run["optimizer"], run["schedule"]].append(run)
    start = time.time()
    records = []
    with multiprocessing.Pool(args.jobs) as pool:
        work = [(key, runs, args.base_seed) for key, runs in groups.items()]
        for key, done in zip(groups, pool.imap(relabel_group, work)):
            records += done
            same = sum(bool(set(r["acceptable"]) & set(r["acceptable_seed0"])) for r in done)
            print(f"[{time.time() - start:7.1f}s] {' '.join(key)}: {same}/{len(done)} share a verdict, "
                  f"{sum(r['reproduced'] for r in done)} reproduced", flush=True)
    order = {run["id"]: i for i, run in enumerate(split)}
    records.sort(key=lambda r: order[r["id"]])
    path = os.path.join(FIXTURES, f"diagnosis-label-stability-seed{args.base_seed}.json")
    if set(args.sources) != {"pytorch", "goldilocks"}:
        path = path.replace(".json", f"-{'-'.join(args.sources)}.json")
    with open(path + ".tmp", "w") as f:
        json.dump({"format": 1, "base_seed": args.base_seed, "runs": records}, f, separators=(",", ":"))
    os.replace(path + ".tmp", path)
    print(f"{path}: {len(records)} runs")


if __name__ == "__main__":
    main()
