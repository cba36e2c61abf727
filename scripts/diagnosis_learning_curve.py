"""How the reader's agreement on a data set it never saw grows with the number of data sets with
issue 12's full labels it is trained on: the evidence for what more labelled data would buy.

The pool is the validation and validation2 splits (eight data sets, 1,248 runs, labelled by reruns
on the best validation loss with three seeds' spread). For each data set held out, readers of the
shipped design (scripts/diagnosis_reader.py: the same measurements, the same gradient boosting,
the same rules) are trained on the 3,224 older runs plus k of the other seven data sets (k = 1, 3,
5, 7; up to three random draws of the k) and scored on the held-out one. (The older runs alone
cannot train it: they have no validation loss, so its measurements of one would be empty.) Prints, per k, the
agreement and the opposite advice summed over the eight held-out data sets (averaged over draws).

    scripts/diagnosis-learning-curve
"""

import itertools
import os
import random

os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np

from diagnosis_ceiling_model import OLDER, acceptable_sets, load, opposite
from diagnosis_reader import fit, run_row, verdicts

DRAWS = 3
SIZES = (1, 3, 5, 7)


def main():
    pool = load("diagnosis-eval-validation.json") + load("diagnosis-eval-validation2.json")
    older = [r for name in OLDER for r in load(f"diagnosis-eval-{name}.json")]
    x_pool = np.array([run_row(r) for r in pool], float)
    x_older = np.array([run_row(r) for r in older], float)
    acceptable = acceptable_sets(pool, older)
    names = sorted({r["dataset"] for r in pool})
    members = {n: [i for i, r in enumerate(pool) if r["dataset"] == n] for n in names}
    draw = random.Random(0)
    print(f"{len(pool)} runs of {len(names)} data sets; {len(older)} older runs always in training", flush=True)
    for k in SIZES:
        agreed = wrong = total = 0.0
        for held in names:
            others = [n for n in names if n != held]
            subsets = list(itertools.combinations(others, k))
            chosen = subsets if len(subsets) <= DRAWS else draw.sample(subsets, DRAWS)
            test = members[held]
            for subset in chosen:
                train = [i for n in subset for i in members[n]]
                x = np.vstack([x_pool[train], x_older]) if train else x_older
                labels = [acceptable[i] for i in train] + acceptable[len(pool):]
                said = verdicts(fit(x, labels), [pool[i] for i in test], x_pool[test])
                agreed += sum(v in pool[i]["acceptable"] for i, v in zip(test, said)) / len(chosen)
                wrong += sum(opposite(v, pool[i]["helped"]) for i, v in zip(test, said)) / len(chosen)
            total += len(test)
        print(f"k = {k}: {100 * agreed / total:.1f}% agree, {wrong:.1f} opposite (of {int(total)} runs)", flush=True)


if __name__ == "__main__":
    main()
