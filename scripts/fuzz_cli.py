#!/usr/bin/env python3
"""A mutation fuzzer for the goldilocks command line: never crash, never hang.

Each case is one run of the binary with a mutated command line (nasty numbers such as 1e30, inf,
nan, -1, 0, Int.max, Int.min, 2^62, huge strings) and mutated input files (CSV logs and data sets
with spikes of 1e10..1e308, NaN, inf, empty cells, a cut-off last line, NUL bytes, a BOM, CRLF,
binary junk, another data set's file; JSON lines with NaN/Infinity; truncated TensorBoard files;
mutated specs and run folders). Cases come from (seed, index) alone, so a case replays by index.

Outcomes:
  crash  killed by a signal (SIGILL/SIGTRAP from a Swift trap, SIGSEGV, SIGABRT, SIGKILL at the
         memory limit), an exit status outside {0, 1, 64, 65}, or "Fatal error" / "Swift runtime
         failure" on stderr;
  hang   still running after --timeout seconds;
  long   still running, but the case asked for a huge amount of work (--epochs 2^62): reported,
         not failed;
  ok     anything else (errors are fine; they must be clean errors).

Crashes are re-run once with Swift's backtracer to name the crashing function, and grouped by
signal, first stderr line and that function. Each group's cases are saved (command line, files,
stderr) under --out. Exits 1 when there is any crash or hang.

  scripts/fuzz-cli [BINARY] [--count N] [--seed S] [--jobs J] [--timeout 10] [--memory-mb 2048]
                   [--out DIR] [--replay INDEX]
"""

import argparse
import collections
import concurrent.futures
import json
import os
import pathlib
import random
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "Fuzz" / "Corpus"
BUNDLED = ROOT / "Sources" / "GoldilocksData" / "Bundled"
TENSORBOARD = ROOT / "Tests" / "GoldilocksLogsTests" / "Fixtures" / "tensorboard"
CLEAN_EXITS = {0, 1, 64, 65}
INT_MAX = 2**63 - 1
INT_MIN = -(2**63)

# Numbers as a user could type them, from harmless to hostile.
NASTY_NUMBERS = [
    "1e30", "-1e30", "inf", "-inf", "nan", "NaN", "-nan", "Infinity", "-1", "0", "-0", "-0.0",
    str(INT_MAX), str(INT_MIN), str(2**62), str(2**64), str(INT_MAX + 1), "1e308", "1e309", "-1e309",
    "5e-324", "1e-320", "1e-400", "0x10", "+1", "1_000", "1e", ".", "", " ", "abc", "1" * 400,
    "9" * 40, "1,2", "--", "-", "٣", "1e99999", "0.5", "2",
]
HUGE = [str(INT_MAX), str(2**62), str(2**40), "1000000000", "1e30"]
NASTY_JSON = [
    "1e30", "-1e30", "1e308", "1e400", "-1e400", "-1", "0", "-0", "-0.0", "5e-324", "1e-400",
    str(INT_MAX), str(INT_MIN), str(2**62), str(2**64), "NaN", "Infinity", "-Infinity", "null", "true",
    '"nan"', '"inf"', '"1"', '""', "[]", "{}", "[1e30]", "[-1, 9223372036854775807]", '"' + "x" * 5000 + '"',
    "0.5", "2", "3", "100", "1e-9",
]


class Raw(str):
    """A JSON token written as is (1e400, NaN, a cut-off value)."""


def to_json(value):
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, dict):
        return "{" + ",".join(json.dumps(k) + ":" + to_json(v) for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(to_json(v) for v in value) + "]"
    return json.dumps(value)


class Case:
    """One run: the arguments after the binary, the files to write first, and what is expected."""

    def __init__(self, index, rng):
        self.index = index
        self.rng = rng
        self.args = []
        self.files = {}
        self.dirs = []
        self.expect_long = False
        self.command = ""

    def file(self, name, data):
        self.files[name] = data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")
        return name


# ----- inputs ------------------------------------------------------------------------------

def load_seeds(target):
    folder = CORPUS / target
    return [p.read_bytes() for p in sorted(folder.iterdir())] if folder.is_dir() else []


SEEDS = {t: load_seeds(t) for t in ["FuzzCSVLog", "FuzzJSONLines", "FuzzTensorBoard", "FuzzDataCSV", "FuzzSpec", "FuzzRangeCurve"]}
SPECS = []
for raw in SEEDS["FuzzSpec"]:
    try:
        parsed = json.loads(raw)
    except ValueError:
        continue
    if isinstance(parsed, dict) and isinstance(parsed.get("name"), str):
        SPECS.append(parsed)
SCHEDULE_SPECS = [s for s in SPECS if s["name"].lower() not in {"sgd", "adam", "adamw", "rmsprop", "adagrad"}]
OPTIMIZER_SPECS = [s for s in SPECS if s["name"].lower() in {"sgd", "adam", "adamw", "rmsprop", "adagrad"}]
TB_FILES = sorted(p for p in TENSORBOARD.rglob("*tfevents*"))
IRIS = (BUNDLED / "iris.csv").read_bytes()


def number(rng, sane, nasty=0.35):
    """A sane value most of the time, a nasty one otherwise."""
    return rng.choice(NASTY_NUMBERS) if rng.random() < nasty else str(rng.choice(sane))


def workload(case, rng, sane, limit, nasty=0.35):
    """A size of work (epochs, steps): huge values mark the case as allowed to run long."""
    value = rng.choice(NASTY_NUMBERS + HUGE) if rng.random() < nasty else str(rng.choice(sane))
    try:
        if float(value.replace("_", "")) > limit:
            case.expect_long = True
    except ValueError:
        pass
    return value


def mutate_json(value, rng, depth=0):
    """The spec with one to three values replaced, a key renamed or dropped, or a nested list grown."""
    if not isinstance(value, dict):
        return value
    value = dict(value)
    for _ in range(rng.randint(1, 3)):
        keys = [k for k in value if k != "name"] or ["name"]
        key = rng.choice(keys)
        roll = rng.random()
        if roll < 0.6:
            value[key] = Raw(rng.choice(NASTY_JSON))
        elif roll < 0.7:
            value.pop(key, None)
        elif roll < 0.8:
            value[key + rng.choice(["_", "x", ""])] = Raw(rng.choice(NASTY_JSON))
        elif roll < 0.9 and isinstance(value.get(key), list) and value[key] and isinstance(value[key][0], dict) and depth < 2:
            value[key] = [mutate_json(v, rng, depth + 1) for v in value[key]] * rng.choice([1, 2, 50])
        else:
            value["name"] = rng.choice([value.get("name", ""), "", "x" * 3000, "StepLR", "OneCycleLR", "one-cycle", "adam", "\u0000"])
    return value


def spec_text(rng, pool, nasty=0.6):
    spec = rng.choice(pool)
    text = to_json(mutate_json(spec, rng)) if rng.random() < nasty else json.dumps(spec)
    roll = rng.random()
    if roll < 0.05:
        text = text[: rng.randint(0, len(text))]
    elif roll < 0.08:
        text = "\ufeff" + text
    elif roll < 0.1:
        text = text.replace(",", ",\r\n")
    return text


def spec_argument(case, rng, pool, nasty=0.6):
    """A spec inline, or (one time in five) in a .json file."""
    text = spec_text(rng, pool, nasty)
    if rng.random() < 0.2:
        return case.file(f"spec{len(case.files)}.json", text)
    return text


def damage(data, rng, times=None):
    """One to three of the damages real files suffer."""
    data = bytearray(data)
    for _ in range(times or rng.randint(1, 3)):
        roll = rng.randrange(14)
        lines = bytes(data).split(b"\n")
        if roll == 0 and len(data) > 4:  # cut-off last line
            data = data[: rng.randint(len(data) // 2, len(data) - 1)]
        elif roll == 1:  # NUL bytes
            for _ in range(rng.randint(1, 4)):
                data.insert(rng.randint(0, len(data)), 0)
        elif roll == 2:
            data = bytearray(b"\xef\xbb\xbf") + data
        elif roll == 3:
            data = bytearray(bytes(data).replace(b"\n", b"\r\n"))
        elif roll == 4:  # binary junk
            at = rng.randint(0, len(data))
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
        elif roll in (5, 6, 7) and len(lines) > 2:  # a spike, a non-finite or an empty cell
            row = rng.randint(1, len(lines) - 1)
            cells = lines[row].split(b",")
            cell = rng.randrange(len(cells))
            cells[cell] = rng.choice([
                b"1e10", b"1e30", b"1e100", b"1e308", b"-1e308", b"1e309", b"nan", b"NaN", b"inf", b"-inf",
                b"Infinity", b"", b"-0", b"9223372036854775807", b"-9223372036854775808", b"5e-324", b"x",
                b'"1,5"', b'"', b"1" * 400,
            ])
            lines[row] = b",".join(cells)
            data = bytearray(b"\n".join(lines))
        elif roll == 8 and len(lines) > 2:  # a ragged row
            row = rng.randint(1, len(lines) - 1)
            lines[row] = lines[row] + b",1" if rng.random() < 0.5 else lines[row].rsplit(b",", 1)[0]
            data = bytearray(b"\n".join(lines))
        elif roll == 9 and len(lines) > 2:  # duplicated or dropped lines
            row = rng.randint(0, len(lines) - 1)
            lines[row:row + 1] = [lines[row]] * rng.choice([0, 2, 100])
            data = bytearray(b"\n".join(lines))
        elif roll == 10 and data:  # flipped bytes
            for _ in range(rng.randint(1, 8)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        elif roll == 11:  # the header only, or nothing
            data = bytearray(lines[0] + b"\n") if rng.random() < 0.5 else bytearray()
        elif roll == 12:  # a spike run: 1e10 .. 1e308 on every line of a column
            out = [lines[0]]
            for k, line in enumerate(lines[1:]):
                cells = line.split(b",")
                if len(cells) > 1 and k % rng.choice([2, 5, 10]) == 0:
                    cells[-1 if rng.random() < 0.5 else 1] = b"1e%d" % rng.randint(10, 308)
                out.append(b",".join(cells))
            data = bytearray(b"\n".join(out))
        else:  # a huge line
            data += b"\n" + b"1," * rng.randint(1000, 20000) + b"1\n"
    return bytes(data)


def loss_log(rng, rows=None):
    rows = rows or rng.randint(0, 300)
    start = rng.uniform(0.5, 5)
    decay = rng.uniform(0, 0.05)
    noise = rng.uniform(0, 0.3)
    lines = ["step,loss,lr" if rng.random() < 0.7 else rng.choice(["epoch,train_loss,val_loss", "loss", "step,loss,val_loss,learning_rate"])]
    columns = lines[0].count(",") + 1
    for i in range(rows):
        loss = start * (1 - decay) ** i + rng.uniform(-noise, noise) * start
        if rng.random() < 0.02:
            loss *= 10 ** rng.randint(1, 300)
        cells = [str(i), repr(loss), repr(rng.choice([0.1, 1e-3, 3e-4]))][:columns]
        cells += [repr(loss * 1.1)] * (columns - len(cells))
        lines.append(",".join(cells[:columns]))
    return ("\n".join(lines) + "\n").encode()


def json_lines(rng):
    rows = rng.randint(0, 200)
    out = []
    for i in range(rows):
        loss = rng.choice([repr(2.0 / (i + 1)), repr(2.0 / (i + 1)), "NaN", "Infinity", "-Infinity", "null", '"nan"', "1e400", "1e308"]) \
            if rng.random() < 0.15 else repr(2.0 / (i + 1))
        out.append('{"step":%s,"loss":%s,"lr":0.01}' % (rng.choice([str(i)] * 8 + [str(INT_MAX), "-1", "1.5", "1e300"]), loss))
    return ("\n".join(out) + ("\n" if rng.random() < 0.7 else "")).encode()


def tensorboard(rng):
    data = rng.choice(TB_FILES).read_bytes()
    roll = rng.random()
    if roll < 0.4:
        return data[: rng.randint(0, len(data))]
    if roll < 0.7:
        return damage(data, rng, 1)
    return data


def log_file(case, rng):
    """A loss log of any kind, as `diagnose` and `compare --logs` take."""
    roll = rng.randrange(9)
    if roll == 0:
        return case.file(f"log{len(case.files)}.csv", damage(loss_log(rng), rng))
    if roll == 1:
        return case.file(f"log{len(case.files)}.csv", loss_log(rng))
    if roll == 2:
        return case.file(f"log{len(case.files)}.jsonl", damage(json_lines(rng), rng) if rng.random() < 0.5 else json_lines(rng))
    if roll == 3:
        return case.file(f"events.out.tfevents.{len(case.files)}.fuzz", tensorboard(rng))
    if roll == 4:  # a truncated event file among good ones, in a folder
        folder = f"tb{len(case.dirs)}"
        case.dirs.append(folder)
        for k, path in enumerate(rng.sample(TB_FILES, rng.randint(1, 3))):
            data = path.read_bytes()
            case.file(f"{folder}/events.out.tfevents.{k}", data[: rng.randint(0, len(data))] if k == 0 else data)
        return folder
    if roll == 5:
        return case.file(f"seed{len(case.files)}.csv", damage(rng.choice(SEEDS["FuzzCSVLog"]), rng) if rng.random() < 0.5 else rng.choice(SEEDS["FuzzCSVLog"]))
    if roll == 6:  # another data set's file, or binary junk
        return case.file(f"other{len(case.files)}.csv", rng.choice([IRIS, bytes(rng.randrange(256) for _ in range(rng.randint(0, 2000)))]))
    if roll == 7:
        return rng.choice(["-", "missing.csv", ".", "/dev/null", ""])
    return case.file(f"seed{len(case.files)}.jsonl", damage(rng.choice(SEEDS["FuzzJSONLines"]), rng))


def data_csv(rng):
    rows = rng.randint(1, 60)
    features = rng.randint(1, 5)
    kind = rng.choice(["classes", "regression", "labels"])
    lines = [",".join([f"x{k}" for k in range(features)] + ["y"])]
    for i in range(rows):
        cells = [repr(round(rng.gauss(0, 1), 4)) for _ in range(features)]
        cells.append({"classes": str(i % 3), "regression": repr(rng.gauss(0, 10)), "labels": rng.choice(["cat", "dog", '"b,ird"'])}[kind])
        lines.append(",".join(cells))
    return ("\n".join(lines) + "\n").encode()


def data_argument(case, rng, name="data"):
    roll = rng.randrange(10)
    if roll < 3:
        return case.file(f"{name}.csv", data_csv(rng))
    if roll < 6:
        return case.file(f"{name}.csv", damage(data_csv(rng), rng))
    if roll == 6:
        return case.file(f"{name}.csv", damage(rng.choice(SEEDS["FuzzDataCSV"]), rng) if rng.random() < 0.5 else rng.choice(SEEDS["FuzzDataCSV"]))
    if roll == 7:  # a file of another kind: a loss log, a curve, junk
        return case.file(f"{name}.csv", rng.choice([loss_log(rng), rng.choice(SEEDS["FuzzRangeCurve"]), bytes(rng.randrange(256) for _ in range(300))]))
    if roll == 8:
        return rng.choice(["iris", "wine", "spirals", "moons", "blobs", "regression", "breast-cancer"])
    return rng.choice(["digits", "missing.csv", "", ".", "IRIS", "x" * 5000, "/dev/null"])


def training_options(case, rng, epochs=True):
    args = ["--data", data_argument(case, rng)]
    if epochs:
        args += ["--epochs", workload(case, rng, [1, 1, 2], 100, nasty=0.15)]
    optional = {
        "--batch-size": lambda: number(rng, [1, 8, 32, 1000]),
        "--optimizer": lambda: rng.choice(["sgd", "adam", "adamw", "rmsprop", "adagrad", "nesterov", ""]) if rng.random() < 0.3 else spec_argument(case, rng, OPTIMIZER_SPECS),
        "--schedule": lambda: spec_argument(case, rng, SCHEDULE_SPECS),
        "--model": lambda: rng.choice(["8", "4,4", "", "0", "-1", "1,,2", "8,x", str(INT_MAX), "1e3", ",", "100000,100000", "1," * 200 + "1"]),
        "--validation-split": lambda: number(rng, [0.2, 0.5, 0.0, 0.99]),
        "--target": lambda: rng.choice(["y", "x0", "target", "", "missing", "Y", "x" * 1000]),
        "--task": lambda: rng.choice(["auto", "classification", "regression", "x"]),
        "--seed": lambda: number(rng, [0, 1, 42]),
        "--activation": lambda: rng.choice(["relu", "leaky_relu", "tanh", "sigmoid", "gelu", "x"]),
        "--schedule-unit": lambda: rng.choice(["step", "epoch", "x"]),
        "--validation-data": lambda: data_argument(case, rng, "validation"),
    }
    for option in rng.sample(sorted(optional), rng.randint(0, 4)):
        args += [option, optional[option]()]
    return args


# ----- commands ----------------------------------------------------------------------------

def demo(case, rng):
    args = ["demo"]
    if rng.random() < 0.7:
        args += ["--lrs", ",".join(number(rng, [0.001, 0.1, 1.1, 2]) for _ in range(rng.randint(0, 4)))]
    if rng.random() < 0.5:
        args += ["--start", number(rng, [5, -3, 0.5])]
    if rng.random() < 0.5:
        args += ["--epochs", workload(case, rng, [1, 50, 200], 10**6)]
    args += ["--format", rng.choice(["text", "json", "svg"])]
    return args


def schedule(case, rng):
    args = ["schedule", "--spec", spec_argument(case, rng, SCHEDULE_SPECS), "--steps", workload(case, rng, [0, 1, 10, 100, 300], 10**6)]
    if rng.random() < 0.2:
        metrics = "\n".join(number(rng, [1, 0.9, 0.5], 0.2) for _ in range(rng.randint(0, 300)))
        args += ["--metrics", case.file("metrics.txt", damage(metrics.encode(), rng) if rng.random() < 0.3 else metrics)]
    args += ["--format", rng.choice(["csv", "json", "text", "svg"])]
    return args


def trajectory(case, rng):
    function = rng.choice(["quadratic", "rosenbrock", "beale", "himmelblau", "booth", "x"])
    start = ",".join(number(rng, [-1.2, 1, 5, 0]) for _ in range(rng.choice([1, 2, 2, 3, 0, 100])))
    args = ["trajectory", "--function", function, f"--start={start}", "--optimizer",
            rng.choice(["sgd", "adam"]) if rng.random() < 0.2 else spec_argument(case, rng, OPTIMIZER_SPECS),
            "--steps", workload(case, rng, [0, 1, 10, 100], 10**6)]
    if rng.random() < 0.4:
        args += ["--schedule", spec_argument(case, rng, SCHEDULE_SPECS)]
    args += ["--format", rng.choice(["csv", "json", "svg"])]
    return args


def suggest(case, rng):
    if rng.random() < 0.6:
        curve = rng.choice(SEEDS["FuzzRangeCurve"])
        curve = damage(curve, rng) if rng.random() < 0.6 else curve
    else:
        rows = rng.randint(0, 200)
        curve = ("lr,loss\n" + "".join(f"{10 ** (-7 + 8 * i / max(rows, 1))},{rng.choice([repr(2 - i / 100)] * 6 + ['nan', 'inf', '', '1e308', '-1e308'])}\n" for i in range(rows))).encode()
    args = ["suggest", case.file("curve.csv", curve)]
    if rng.random() < 0.5:
        args += ["--method", rng.choice(["valley", "steep", "minimum", "slide", "steepest", "VALLEY", "x"])]
    if rng.random() < 0.4:
        args += ["--num-it", number(rng, [100, 10, 1, 0], 0.5)]
    args += ["--format", rng.choice(["text", "json"])]
    return args


def diagnose(case, rng):
    args = ["diagnose", log_file(case, rng) if rng.random() < 0.85 else run_folder(case, rng)]
    if rng.random() < 0.3:
        args += ["--column", rng.choice(["loss", "val_loss", "lr", "train/loss", "Loss/train", "epoch_loss", "", "x" * 500, "step"])]
    if rng.random() < 0.2:
        args += ["--plot", "plot.svg"]
    args += ["--format", rng.choice(["text", "json"])]
    return args


def run_folder(case, rng):
    """A Goldilocks run folder (as `train --log-dir` writes it), damaged."""
    folder = f"run{len(case.dirs)}"
    case.dirs.append(folder)
    for name, data in RUN_FOLDER.items():
        if rng.random() < 0.15:
            continue
        case.file(f"{folder}/{name}", damage(data, rng) if rng.random() < 0.4 else data)
    return folder


def scale(case, rng):
    return ["scale", "--lr", number(rng, [0.1, 1e-3]), "--batch-size", number(rng, [32, 256]),
            "--new-batch-size", number(rng, [64, 1024]), "--rule", rng.choice(["linear", "sqrt", "x"]),
            "--format", rng.choice(["text", "json"])]


def train(case, rng):
    args = ["train"] + training_options(case, rng)
    if rng.random() < 0.3:
        args += ["--lr", rng.choice(["auto"] * 3 + NASTY_NUMBERS[:20] + ["0.01"])]
    if rng.random() < 0.2:
        args += ["--log-dir", rng.choice(["logs", "logs/a/b", "data.csv", "/dev/null/x", ""])]
    if rng.random() < 0.1:
        run = dict(RUN_JSON)
        config = to_json(mutate_json(run, rng)) if rng.random() < 0.8 else json.dumps(run)
        args += ["--config", case.file("run.json", damage(config.encode(), rng) if rng.random() < 0.2 else config)]
    if rng.random() < 0.1:
        args += ["--plot", "plot.svg"]
    if rng.random() < 0.2:
        args += ["--guard", rng.choice(["on", "off", "x"])]
    args += ["--format", rng.choice(["text", "json"])]
    return args


def compare(case, rng):
    roll = rng.random()
    if roll < 0.4:
        args = ["compare", "--function", rng.choice(["quadratic", "rosenbrock", "beale", "himmelblau", "booth", "x"])]
        if rng.random() < 0.4:
            args += ["--start", ",".join(number(rng, [-1.2, 1, 5]) for _ in range(rng.choice([1, 2, 3])))]
        if rng.random() < 0.5:
            args += ["--steps", workload(case, rng, [1, 10, 100], 10**6)]
        if rng.random() < 0.4:
            args += ["--optimizer", spec_argument(case, rng, OPTIMIZER_SPECS)]
    elif roll < 0.7:
        args = ["compare", "--logs", ",".join(log_file(case, rng) for _ in range(rng.randint(1, 3)))]
        if rng.random() < 0.3:
            args += ["--column", rng.choice(["loss", "val_loss", "", "lr"])]
    else:
        args = ["compare"] + training_options(case, rng)
    args += ["--lrs", ",".join(number(rng, [0.001, 0.01, 0.1, 1]) for _ in range(rng.randint(0, 4)))]
    args += ["--format", rng.choice(["text", "json", "svg"])]
    return args


def find(case, rng):
    args = ["find"] + training_options(case, rng, epochs=False)
    optional = {
        "--start-lr": lambda: number(rng, [1e-7, 1e-3]),
        "--end-lr": lambda: number(rng, [10, 1]),
        "--num-it": lambda: workload(case, rng, [10, 100], 100_000),
        "--mode": lambda: rng.choice(["exp", "linear", "x"]),
        "--repeats": lambda: workload(case, rng, [1, 2], 1000),
        "--divergence-factor": lambda: number(rng, [4, 5]),
        "--accumulation-steps": lambda: workload(case, rng, [1, 2], 1000),
    }
    for option in rng.sample(sorted(optional), rng.randint(0, 3)):
        args += [option, optional[option]()]
    if rng.random() < 0.2:
        args.append("--validation-loss")
    args += ["--format", rng.choice(["text", "json", "csv", "svg"])]
    return args


def bench(case, rng):
    return ["bench", "mlp", "--layers", rng.choice(["4,8,2", "2,2", "1", "", "0,0", "4,-1,2", f"{INT_MAX},2"]),
            "--batch-size", number(rng, [4, 16]), "--samples", workload(case, rng, [16, 64], 10**6),
            "--epochs", workload(case, rng, [1], 1000), "--optimizer", rng.choice(["adam", "sgd", "x"]), "--format", "json"]


COMMANDS = [(demo, 8), (schedule, 16), (trajectory, 12), (suggest, 12), (diagnose, 16), (scale, 6),
            (train, 14), (compare, 9), (find, 6), (bench, 1)]


def generate(seed, index):
    rng = random.Random(f"{seed}:{index}")
    case = Case(index, rng)
    command = rng.choices([c for c, _ in COMMANDS], weights=[w for _, w in COMMANDS])[0]
    case.command = command.__name__
    args = command(case, rng)
    # Command-line damage: an option dropped, repeated, unknown, or a huge string.
    roll = rng.random()
    if roll < 0.04 and len(args) > 2:
        del args[rng.randrange(1, len(args))]
    elif roll < 0.06:
        args.insert(rng.randrange(1, len(args) + 1), rng.choice(["--x", "--", "-", "--help", "--format"]))
    elif roll < 0.08:
        args.append("y" * rng.choice([1000, 100_000]))
    # The kernel refuses an argument over 128 KB (E2BIG): a spec that large goes in a file.
    case.args = [case.file(f"big{k}.json", a) if len(a) > 100_000 and a.startswith("{") else a for k, a in enumerate(args)]
    return case


# ----- running -----------------------------------------------------------------------------

def signal_name(code):
    try:
        return signal.Signals(code).name
    except ValueError:
        return f"signal {code}"


def execute(binary, case, folder, timeout, memory_mb, backtrace=False):
    folder.mkdir(parents=True, exist_ok=True)
    for name in case.dirs:
        (folder / name).mkdir(parents=True, exist_ok=True)
    for name, data in case.files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    env = dict(os.environ)
    env["SWIFT_BACKTRACE"] = ("enable=yes,interactive=no,color=no,threads=crashed,registers=none,images=none,sanitize=no"
                              if backtrace else "enable=no")
    env["NO_COLOR"] = "1"
    # Several cases run at once: one thread each, so a time limit measures the case, not contention.
    env.setdefault("GOLDILOCKS_THREADS", "1")
    # ulimit -v caps the address space (KB); exec keeps the signal a crash dies of visible.
    command = ["/bin/sh", "-c", f'ulimit -v {memory_mb * 1024}; exec "$@"', "sh", binary] + case.args
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=folder, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = process.communicate(timeout=timeout)
        timed_out = False
    except subprocess.TimeoutExpired:
        stack = hung_frame(process.pid)
        os.killpg(process.pid, signal.SIGKILL)
        out, err = process.communicate()
        err += f"\n--- hung in: {stack} ---\n".encode() if stack else b""
        timed_out = True
    return process.returncode, out, err.decode("utf-8", "replace"), timed_out, time.monotonic() - started


def hung_frame(pid):
    """Where a hung process is, by gdb's stacks (when gdb is installed): the innermost Goldilocks frame."""
    if not shutil.which("gdb"):
        return ""
    try:
        stacks = subprocess.run(["gdb", "-p", str(pid), "-batch", "-ex", "thread apply all bt 30"], capture_output=True,
                                text=True, errors="replace", timeout=30).stdout
    except subprocess.TimeoutExpired:
        return ""
    for line in stacks.splitlines():
        match = re.search(r"in (\$s\S+|\S+) \(.*\) at \S*/Sources/(Goldilocks\w+/\S+)", line)
        if match and "GoldilocksCommands" not in match.group(2):
            return f"{demangle(match.group(1))} ({match.group(2)})"
    for line in stacks.splitlines():
        match = re.search(r"in (\$s\S+|\S+) \(.*\) at \S*/Sources/(\S+)", line)
        if match:
            return f"{demangle(match.group(1))} ({match.group(2)})"
    return ""


def demangle(symbol):
    tool = shutil.which("swift-demangle") or shutil.which("swift")
    if not symbol.startswith("$s") or not tool:
        return symbol
    command = [tool, "--simplified", "--compact", symbol] if tool.endswith("swift-demangle") else [tool, "demangle", "--simplified", "--compact", symbol]
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=10).stdout.strip() or symbol
    except (subprocess.TimeoutExpired, OSError):
        return symbol


def first_line(stderr, pattern=None):
    for line in stderr.splitlines():
        line = line.strip()
        if line and (pattern is None or re.search(pattern, line)):
            return line
    return ""


def crash_details(stderr):
    """From Swift's backtrace: the runtime failure (an overflow, an index out of range) and the first
    frame of the crashed thread in Goldilocks' own sources."""
    message, crashed = "", False
    for line in stderr.splitlines():
        if re.match(r"Thread \d+.* crashed:", line):
            crashed = True
            continue
        if not crashed:
            continue
        if line.startswith("Thread "):
            break
        failure = re.search(r"(Swift runtime failure: .*?) in goldilocks at", line)
        if failure and not message:
            message = failure.group(1)
        frame = re.search(r"0x[0-9a-f]+ (?:specialized )?(.*?)(?: \+ \d+)? in goldilocks at \S*/Sources/(\S+?)(?::\d+)?$", line)
        if frame:
            return message, f"{frame.group(1)} ({frame.group(2)})"
    return message, ""


def classify(returncode, stderr, timed_out, case):
    if timed_out:
        return ("long" if case.expect_long else "hang"), "timeout"
    message = first_line(stderr, r"Fatal error|Swift runtime failure|Program crashed")
    if returncode < 0:
        return "crash", signal_name(-returncode) + (f": {message}" if message else "")
    if returncode not in CLEAN_EXITS:
        return "crash", f"exit {returncode}" + (f": {message}" if message else "")
    if re.search(r"Fatal error|Swift runtime failure", stderr):
        return "crash", first_line(stderr, r"Fatal error|Swift runtime failure")
    return "ok", ""


def normalise(text):
    """A crash message without the numbers and paths that differ between cases."""
    text = re.sub(r"0x[0-9a-fA-F]+", "0x…", text)
    text = re.sub(r"/[^\s:]*/", "…/", text)
    return re.sub(r"\d+", "N", text)[:200]


def run_case(binary, seed, index, scratch, options):
    try:
        return try_case(binary, seed, index, scratch, options)
    except Exception as error:  # a fuzzer bug must not lose the campaign: report it as its own outcome
        return {"index": index, "command": "?", "args": [], "outcome": "fuzzer-error", "cause": repr(error), "frame": "",
                "seconds": 0.0, "stderr": repr(error), "folder": scratch / f"case-{index}"}


def try_case(binary, seed, index, scratch, options):
    case = generate(seed, index)
    folder = scratch / f"case-{index}"
    returncode, _, stderr, timed_out, seconds = execute(binary, case, folder, options.timeout, options.memory_mb)
    outcome, cause = classify(returncode, stderr, timed_out, case)
    frame = ""
    if timed_out:
        frame = first_line(stderr, r"^--- hung in: ").removeprefix("--- hung in: ").removesuffix(" ---")
    if outcome == "crash":
        shutil.rmtree(folder, ignore_errors=True)
        _, _, traced, _, _ = execute(binary, case, folder, max(60, options.timeout * 3), options.memory_mb, backtrace=True)
        message, frame = crash_details(traced)
        if message and message not in cause:
            cause += f": {message}"
        stderr = stderr + ("\n--- re-run with the backtracer ---\n" + traced if traced else "")
    result = {"index": index, "command": case.command, "args": case.args, "outcome": outcome, "cause": cause,
              "frame": frame, "seconds": seconds, "stderr": stderr, "folder": folder, "case": case}
    if outcome == "ok":
        shutil.rmtree(folder, ignore_errors=True)
    return result


def one_line(binary, result, saved):
    return f"(cd {shlex.quote(str(saved))} && {shlex.quote(binary)} {shlex.join(result['args'])[:600]})"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("binary", nargs="?", default=str(ROOT / ".build" / "release" / "goldilocks"))
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=10)
    parser.add_argument("--memory-mb", type=int, default=2048)
    parser.add_argument("--out", default=str(ROOT / ".build" / "fuzz-cli"))
    parser.add_argument("--keep", type=int, default=3, help="cases saved per distinct failure")
    parser.add_argument("--replay", type=int, action="append", help="run only the case of this index (repeatable)")
    options = parser.parse_args()

    binary = os.path.abspath(options.binary)
    if not os.access(binary, os.X_OK):
        sys.exit(f"fuzz-cli: no executable at {binary}; build it with `swift build -c release --product goldilocks`")
    out = pathlib.Path(options.out)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    scratch = pathlib.Path(tempfile.mkdtemp(prefix="fuzz-cli-"))

    global RUN_FOLDER, RUN_JSON
    RUN_FOLDER, RUN_JSON = make_run_folder(binary, scratch)

    indices = options.replay or range(options.count)
    started = time.monotonic()
    groups = collections.OrderedDict()
    counts = collections.Counter()
    slowest = []
    done = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=options.jobs) as pool:
        futures = [pool.submit(run_case, binary, options.seed, i, scratch, options) for i in indices]
        for future in concurrent.futures.as_completed(futures):
            result = future.result()
            done += 1
            counts[result["outcome"]] += 1
            slowest.append((result["seconds"], result["index"], result["command"]))
            if result["outcome"] != "ok":
                # Crashes group by message and crashing function; hangs (no stack) by command and format.
                fmt = result["args"][result["args"].index("--format") + 1] if "--format" in result["args"][:-1] else ""
                key = (result["outcome"], "" if result["outcome"] == "crash" or result["frame"] else f"{result['command']} --format {fmt}",
                       normalise(result["cause"]), result["frame"])
                group = groups.setdefault(key, [])
                group.append(result)
                if len(group) <= options.keep:
                    saved = out / f"{result['outcome']}-{len(groups):03d}" / f"case-{result['index']}"
                    if result["folder"].is_dir():
                        shutil.copytree(result["folder"], saved, dirs_exist_ok=True)
                    saved.mkdir(parents=True, exist_ok=True)
                    (saved / "command.txt").write_text(shlex.join([binary] + result["args"]) + "\n")
                    (saved / "stderr.txt").write_text(result["stderr"])
                    result["saved"] = saved
                shutil.rmtree(result["folder"], ignore_errors=True)
            if done % 500 == 0:
                print(f"fuzz-cli: {done}/{len(futures)} cases, {dict(counts)}, {time.monotonic() - started:.0f} s", flush=True)
    shutil.rmtree(scratch, ignore_errors=True)

    elapsed = time.monotonic() - started
    print(f"\nfuzz-cli: {done} cases in {elapsed:.0f} s (seed {options.seed}): " + ", ".join(f"{n} {k}" for k, n in sorted(counts.items())))
    by_command = collections.Counter(r["command"] for g in groups.values() for r in g)
    for (outcome, command, cause, frame), results in groups.items():
        first = min(results, key=lambda r: r["index"])
        saved = first.get("saved") or next((r["saved"] for r in results if "saved" in r), out)
        commands = sorted({r["command"] for r in results})
        print(f"\n[{outcome}] {command + ': ' if command else ''}{cause}" + (f"\n  at {frame}" if frame else "") + f"\n  {len(results)} case(s), commands: {', '.join(commands)}; "
              f"indices: {', '.join(str(r['index']) for r in sorted(results, key=lambda r: r['index'])[:10])}")
        print(f"  reproduce: {one_line(binary, first, saved)}")
        print(f"  replay:    scripts/fuzz-cli --seed {options.seed} --replay {first['index']}")
    if by_command:
        print("\nfailures by command: " + ", ".join(f"{c} {n}" for c, n in by_command.most_common()))
    slowest.sort(reverse=True)
    print("slowest cases: " + ", ".join(f"#{i} {c} {s:.1f} s" for s, i, c in slowest[:5]))
    failing = counts["crash"] + counts["hang"]
    print(f"fuzz-cli: {counts['crash']} crashes and {counts['hang']} hangs in {len([k for k in groups if k[0] in ('crash', 'hang')])} groups; "
          f"{counts['long']} long runs that asked for huge work; cases saved in {out}")
    return 1 if failing else 0


RUN_FOLDER = {}
RUN_JSON = {}


def make_run_folder(binary, scratch):
    """A real run folder from `train --log-dir`, to damage; falls back to a hand-made run.json."""
    folder = scratch / "reference-run"
    subprocess.run([binary, "train", "--data", "iris", "--epochs", "2", "--log-dir", str(folder), "--format", "json"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120, check=False)
    files = {p.name: p.read_bytes() for p in folder.iterdir()} if folder.is_dir() else {}
    try:
        run = json.loads(files.get("run.json", b"{}"))
    except ValueError:
        run = {}
    if not run:
        run = {"data": "iris", "epochs": 1, "model": [8], "optimizer": {"name": "adam"}, "seed": 0}
    # The tensorboard file's name carries a time stamp: keep the pattern, fix the name.
    files = {("events.out.tfevents.0" if "tfevents" in k else k): v for k, v in files.items()}
    return files, run


if __name__ == "__main__":
    sys.exit(main())
