#!/usr/bin/env python3
"""Writes the fuzzers' seed corpus, Fuzz/Corpus/<Target>/, from the test fixtures and by hand.

Each seed is small (a few KB at most): the fixtures cut short, and the inputs that break parsers
(1e30, inf, nan, -0, empty, a cut-off last line, NUL bytes, Int.max, huge exponents, a BOM, CRLF).
Run it from anywhere; it replaces the corpus folders' contents. Standard library only.
"""

import json
import pathlib
import shutil

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "Fuzz" / "Corpus"
INT_MAX = 2**63 - 1
BOM = b"\xef\xbb\xbf"


def fixture(path):
    return json.loads((ROOT / path).read_text())


def crlf(data):
    return data.replace(b"\n", b"\r\n")


def cut(data):
    """The bytes with the last line cut off in the middle."""
    return data[: max(0, len(data) - 4)]


def write(target, seeds):
    folder = CORPUS / target
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, data in seeds.items():
        (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode())
    print(f"{target}: {len(seeds)} seeds, {sum(len(d) for d in seeds.values())} bytes")


def loss_runs(count=3, length=40):
    runs = fixture("Tests/GoldilocksDiagnosisTests/Fixtures/diagnosis-eval-dev.json")["runs"]
    step = max(1, len(runs) // count)
    return [(run["lr"], run["losses"][:length]) for run in runs[::step][:count]]


# Numbers that have broken or could break number handling, spelt as they come in files.
NASTY_NUMBERS = [
    "1e30", "-1e30", "1e308", "1e309", "-1e309", "1e99999", "1e-400", "5e-324", "inf", "-inf",
    "Infinity", "nan", "NaN", "-nan", "-0", "-0.0", "0x1p3", "9223372036854775807",
    "9223372036854775808", "-9223372036854775808", "1" * 400, "1.", ".5", "1e", "+", "",
]


def csv_logs():
    seeds = {}
    for k, (lr, losses) in enumerate(loss_runs()):
        body = "step,loss,lr\n" + "".join(f"{i},{v},{lr}\n" for i, v in enumerate(losses))
        seeds[f"run{k}.csv"] = body
    plain = seeds["run0.csv"].encode()
    seeds["crlf.csv"] = crlf(plain)
    seeds["bom.csv"] = BOM + plain
    seeds["cut-off.csv"] = cut(plain)
    seeds["empty.csv"] = b""
    seeds["header-only.csv"] = b"step,loss\n"
    seeds["nul-bytes.csv"] = b"step,loss\n0,1.0\n1,\x000.5\n2\x00,0.25\n\x00\x00\x00\n"
    seeds["nasty-numbers.csv"] = "step,loss\n" + "".join(f"{i},{v}\n" for i, v in enumerate(NASTY_NUMBERS))
    seeds["spikes.csv"] = "step,loss,lr\n" + "".join(
        f"{i},{1e10 ** (1 + i % 30) if i % 7 == 3 else 2.0 / (i + 1)},0.1\n" for i in range(60))
    seeds["int-max-steps.csv"] = f"step,loss\n0,1\n{INT_MAX - 1},0.5\n{INT_MAX},0.25\n"
    seeds["steps-backwards.csv"] = "step,loss\n5,1\n4,0.9\n4,0.8\n-1,0.7\n1.5,0.6\n"
    seeds["empty-cells.csv"] = "step,loss,val_loss,lr\n0,1,,\n1,,0.9,0.1\n2,0.8,,0.1\n,,,\n3,0.7,0.75,\n"
    seeds["quoted.csv"] = 'step,"loss","a,b"\n0,"1.0","x"\n1,"0.5","y\nz"\n2,"0.25",""""\n'
    seeds["named-series.csv"] = "epoch,train/loss,Loss/val,learning_rate\n0,2,2.1,0.01\n1,1,1.2,0.01\n2,0.5,0.9,0.001\n"
    seeds["ragged.csv"] = "step,loss,lr\n0,1\n1,0.5,0.1,9\n2\n"
    seeds["one-column.csv"] = "loss\n3\n2\n1\nnan\n"
    seeds["duplicate-columns.csv"] = "loss,loss,step\n1,2,0\n0.5,1,1\n"
    seeds["semicolons.csv"] = "step;loss\n0;1,5\n1;0,5\n"
    seeds["binary.csv"] = bytes(range(256))
    return seeds


def json_lines():
    seeds = {}
    for k, (lr, losses) in enumerate(loss_runs()):
        seeds[f"run{k}.jsonl"] = "".join(
            json.dumps({"step": i, "loss": v, "lr": lr}) + "\n" for i, v in enumerate(losses))
    plain = seeds["run0.jsonl"].encode()
    seeds["crlf.jsonl"] = crlf(plain)
    seeds["bom.jsonl"] = BOM + plain
    seeds["cut-off.jsonl"] = cut(plain)
    seeds["non-finite.jsonl"] = (
        '{"step":0,"loss":NaN}\n{"step":1,"loss":Infinity}\n{"step":2,"loss":-Infinity}\n'
        '{"step":3,"loss":"nan"}\n{"step":4,"loss":"inf"}\n{"step":5,"loss":null}\n{"step":6,"loss":1e400}\n'
        '{"step":7,"loss":-0}\n{"step":8,"loss":1e30}\n{"step":9}\n')
    seeds["int-steps.jsonl"] = (
        f'{{"step":{INT_MAX},"loss":1}}\n{{"step":{INT_MAX + 1},"loss":1}}\n{{"step":-1,"loss":1}}\n'
        '{"step":1.5,"loss":1}\n{"step":1e300,"loss":1}\n{"step":"3","loss":1}\n')
    seeds["odd-values.jsonl"] = (
        '{"loss":[1,2]}\n{"loss":{"a":1}}\n{"loss":true}\n{"loss":"1.5"}\n{"loss":1,"loss":2}\n'
        '{"train/loss":1,"val_loss":2,"learning_rate":0.1}\n{}\n[1,2]\n3\n"x"\n')
    seeds["nested.jsonl"] = '{"loss":' + "[" * 300 + "]" * 300 + "}\n" + '{"a":' * 200 + "1" + "}" * 200 + "\n"
    seeds["nul-bytes.jsonl"] = b'{"step":0,"loss":1}\n{"step":1,\x00"loss":0.5}\n\x00\n{"step":2,"loss":0.25}'
    seeds["blank-lines.jsonl"] = '\n\n{"loss":1}\n   \n{"loss":0.5}\n\n'
    seeds["escapes.jsonl"] = '{"lo\\u0073s":1,"\\ud800":2}\n{"loss":1,"note":"\\"\\\\\\/\\b\\f\\n\\r\\t"}\n'
    return seeds


def tensorboard():
    seeds = {}
    folder = ROOT / "Tests/GoldilocksLogsTests/Fixtures/tensorboard"
    for path in sorted(folder.rglob("*tfevents*")):
        data = path.read_bytes()
        name = str(path.relative_to(folder).parent).replace("/", "-")
        seeds[f"{name}-{path.name[-2:].strip('.')}.tfevents"] = data
        if len(seeds) == 1:
            seeds["truncated-half.tfevents"] = data[: len(data) // 2]
            seeds["truncated-header.tfevents"] = data[:12]
            seeds["truncated-by-one.tfevents"] = data[:-1]
            seeds["huge-length.tfevents"] = b"\xff" * 8 + data[8:64]
            seeds["nul-bytes.tfevents"] = b"\x00" * 64
    seeds["empty.tfevents"] = b""
    return seeds


def data_csv():
    seeds = {}
    bundled = ROOT / "Sources/GoldilocksData/Bundled"
    for name, lines in [("iris", 31), ("wine", 8), ("breast-cancer", 4), ("digits", 3)]:
        text = (bundled / f"{name}.csv").read_text().splitlines(keepends=True)
        # iris is sorted by class: keep rows of every class.
        seeds[f"{name}.csv"] = "".join(text[:1] + text[1:lines] + (text[-10:] if name == "iris" else []))
    plain = seeds["iris.csv"].encode()
    seeds["crlf.csv"] = crlf(plain)
    seeds["bom.csv"] = BOM + plain
    seeds["cut-off.csv"] = cut(plain)
    seeds["empty.csv"] = b""
    seeds["header-only.csv"] = b"x,y\n"
    seeds["nul-bytes.csv"] = b"x,y\n1,\x000\n2\x00,1\n\x00,\x00\n"
    seeds["nasty-numbers.csv"] = "x,z,y\n" + "".join(
        f"{v},{i},{i % 2}\n" for i, v in enumerate(NASTY_NUMBERS))
    seeds["float-overflow.csv"] = "x,y\n3.5e38,0\n3.5e39,1\n1e-50,0\n-1e39,1\n16777217,0\n0.1234567890123,1\n"
    seeds["text-classes.csv"] = "a,b,species\n1,2,setosa\n3,4,virginica\n5,6,\"ver,si\"\n7,8,setosa\n"
    seeds["empty-cells.csv"] = "a,b,y\n1,,0\n,2,1\n3,4,\n"
    seeds["quoted.csv"] = 'a,"b ""q""",y\n"1","2",0\n"3\n4",5,1\n"6" ,7,0\n'
    seeds["many-classes.csv"] = "x,y\n" + "".join(f"{i},{i}\n" for i in range(25))
    seeds["huge-class-ids.csv"] = f"x,y\n1,{INT_MAX}\n2,-1\n3,1e30\n4,0\n"
    seeds["one-column.csv"] = "y\n1\n2\n"
    seeds["duplicate-header.csv"] = "x,x,y\n1,2,3\n"
    seeds["ragged.csv"] = "x,y\n1,2,3\n4\n"
    seeds["binary.csv"] = bytes(range(256))
    seeds["only-newlines.csv"] = "\n\r\n\n"
    return seeds


def specs():
    seen, seeds = set(), {}

    def add(name, spec):
        text = spec if isinstance(spec, str) else json.dumps(spec)
        if text not in seen:
            seen.add(text)
            seeds[name] = text

    for library in ["pytorch", "transformers", "optax", "plateau", "errors"]:
        cases = fixture(f"Tests/GoldilocksSchedulesTests/Fixtures/{library}.json")["cases"]
        for index, case in enumerate(cases):
            add(f"{library}-{index:03d}-{case['spec']['name']}.json", case["spec"])
    for case in fixture("Tests/GoldilocksOptimizersTests/Fixtures/optimizers-float64.json")["cases"]:
        add(f"optimizer-{case['name'].replace(' ', '-').replace('/', '-')}.json", case["spec"])
    add("sequential-nested.json", {
        "name": "SequentialLR", "lr": 0.1, "milestones": [5, INT_MAX],
        "schedulers": [{"name": "LinearLR", "start_factor": 0.1, "total_iters": 5},
                       {"name": "CosineAnnealingLR", "T_max": INT_MAX}]})
    add("onecycle-int-max.json", {"name": "OneCycleLR", "max_lr": 0.1, "total_steps": INT_MAX})
    add("onecycle-epochs.json", {"name": "OneCycleLR", "max_lr": 1e30, "epochs": INT_MAX, "steps_per_epoch": INT_MAX})
    add("step-huge.json", '{"name":"StepLR","lr":1e308,"step_size":9223372036854775807,"gamma":1e30}')
    add("step-overflow-int.json", '{"name":"StepLR","lr":0.1,"step_size":9223372036854775808,"gamma":0.5}')
    add("step-exponent.json", '{"name":"StepLR","lr":1e99999,"step_size":1e300,"gamma":-0}')
    add("cosine-warmup-int-max.json", {"name": "get_cosine_schedule_with_warmup", "lr": 6e-4,
                                       "num_warmup_steps": INT_MAX, "num_training_steps": INT_MAX})
    add("cyclic.json", {"name": "CyclicLR", "base_lr": 1e-300, "max_lr": 1e300, "step_size_up": 1,
                        "step_size_down": INT_MAX, "mode": "exp_range", "gamma": 1e-30})
    add("warm-restarts.json", {"name": "CosineAnnealingWarmRestarts", "lr": 0.1, "T_0": 1, "T_mult": 2})
    add("optax-join.json", {"name": "join_schedules", "schedules": [
        {"name": "constant_schedule", "value": 1}, {"name": "linear_schedule", "init_value": 1,
                                                     "end_value": 0, "transition_steps": INT_MAX}],
        "boundaries": [INT_MAX]})
    add("optax-piecewise.json", {"name": "piecewise_constant_schedule", "init_value": 1,
                                 "boundaries_and_scales": {str(INT_MAX): 1e308, "-1": 0, "2": -1e308}})
    add("plateau-odd.json", {"name": "ReduceLROnPlateau", "lr": 1e-308, "factor": 1e-308, "patience": INT_MAX,
                             "cooldown": INT_MAX, "min_lr": 1e308, "eps": -1, "threshold": 1e308})
    add("adam-odd.json", {"name": "Adam", "lr": 1e308, "betas": [0.999999999999, 0], "eps": 5e-324,
                          "weight_decay": 1e30, "amsgrad": True})
    add("sgd-nesterov.json", {"name": "SGD", "lr": 1e-30, "momentum": 1, "dampening": -1e30, "nesterov": True})
    add("adagrad-odd.json", {"name": "Adagrad", "lr": 0.1, "lr_decay": 1e308, "initial_accumulator_value": 1e308})
    add("rmsprop-odd.json", {"name": "RMSprop", "lr": 0.1, "alpha": 1, "centered": True, "momentum": 0.9})
    add("bom.json", "\ufeff" + json.dumps({"name": "StepLR", "lr": 0.1, "step_size": 3}))
    add("crlf.json", '{\r\n"name":"StepLR",\r\n"lr":0.1,\r\n"step_size":3\r\n}\r\n')
    add("cut-off.json", '{"name":"StepLR","lr":0.1,"step_size":3')
    add("empty.json", "")
    add("nan-literal.json", '{"name":"StepLR","lr":NaN,"step_size":Infinity}')
    add("nul-bytes.json", '{"name":"Step\u0000LR","lr":0.1,"step_size":3}\u0000')
    add("deep.json", '{"name":"SequentialLR","schedulers":' + "[" * 600 + "]" * 600 + "}")
    add("huge-string.json", json.dumps({"name": "x" * 3000}))
    add("not-object.json", "[1,2,3]")
    add("negative-zero.json", '{"name":"ExponentialLR","lr":-0,"gamma":-0.0}')
    return seeds


def curves():
    seeds = {}

    def curve_csv(lrs, losses):
        return "lr,loss\n" + "".join(f"{lr},{loss}\n" for lr, loss in zip(lrs, losses))

    for curve in fixture("Tests/GoldilocksFinderTests/Fixtures/curves.json")["curves"]:
        seeds[f"{curve['name']}.csv"] = curve_csv(curve["lrs"], curve["losses"])
    for library in ["fastai", "torch"]:
        for run in fixture(f"Tests/GoldilocksFinderTests/Fixtures/{library}-range-test.json")["runs"]:
            seeds[f"{library}-{run['name']}.csv"] = curve_csv(run["lrs"], run["losses"])
    plain = seeds[sorted(seeds)[0]].encode()
    seeds["crlf.csv"] = crlf(plain)
    seeds["bom.csv"] = BOM + plain
    seeds["cut-off.csv"] = cut(plain)
    seeds["empty.csv"] = b""
    seeds["header-only.csv"] = b"lr,loss\n"
    seeds["nul-bytes.csv"] = b"lr,loss\n1e-3,1\n\x001e-2,0.5\n1e-1,\x00\n"
    seeds["non-finite-losses.csv"] = "lr,loss\n" + "".join(
        f"{10 ** (-7 + i / 5)},{['nan', 'inf', '-inf', '', '1e308', '-1e308', '-0', '1e30'][i % 8]}\n" for i in range(40))
    seeds["extreme-lrs.csv"] = "lr,loss\n" + "".join(
        f"{lr},{2 - i / 20}\n" for i, lr in enumerate(["5e-324", "1e-308", "1e-300", "1e308", "1.7976931348623157e308"] * 5))
    seeds["bad-lrs.csv"] = "lr,loss\n0,1\n-1,1\ninf,1\nnan,1\n1e309,1\n"
    seeds["flat.csv"] = "lr,loss\n" + "".join(f"{10 ** (-7 + i / 5)},1\n" for i in range(30))
    seeds["short.csv"] = "lr,loss\n1e-3,1\n"
    seeds["extra-columns.csv"] = "iteration,LOSS, lr ,smooth\n" + "".join(
        f"{i},{2 - i / 30},{10 ** (-7 + i / 5)},x\n" for i in range(30))
    seeds["decreasing-lrs.csv"] = "lr,loss\n" + "".join(f"{10 ** (1 - i / 5)},{1 + i / 10}\n" for i in range(30))
    return seeds


if __name__ == "__main__":
    write("FuzzCSVLog", csv_logs())
    write("FuzzJSONLines", json_lines())
    write("FuzzTensorBoard", tensorboard())
    write("FuzzDataCSV", data_csv())
    write("FuzzSpec", specs())
    write("FuzzRangeCurve", curves())
