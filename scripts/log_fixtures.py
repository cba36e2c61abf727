"""Loss logs in every format `goldilocks diagnose` reads, written by the tools themselves.

Each tool trains a tiny model on seeded toy data (no download) and writes its usual log:
PyTorch's SummaryWriter (`train/loss`, `val/loss`, `lr`), a resumed SummaryWriter run with and
without `purge_step`, Keras' TensorBoard callback (train/ and validation/ subfolders) and its
CSVLogger, PyTorch Lightning's CSVLogger with LearningRateMonitor, transformers' Trainer
(`trainer_state.json`), and a folder holding three runs. Then every log is read back the way its
own ecosystem reads it (TensorBoard's EventAccumulator, pandas, json) and the series are recorded in
`formats.json`, with the library versions, for the Swift tests.

Usage: log_fixtures.py OUT_FOLDER  (the folder gets `formats/` and `formats.json`)
"""
import importlib.metadata as metadata
import json
import math
import os
import shutil
import sys
import time

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")

import torch  # noqa: E402
from torch.utils.tensorboard import SummaryWriter  # noqa: E402
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator  # noqa: E402
from tensorboard.util import tensor_util  # noqa: E402

OUT = sys.argv[1]
ROOT = os.path.join(OUT, "formats")
VERSIONS = {name: metadata.version(name) for name in
            ("torch", "tensorboard", "lightning", "transformers", "accelerate", "keras", "tensorflow-cpu", "pandas")}


def toy_data(seed, n=64):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(n, 3, generator=g)
    y = x @ torch.tensor([[1.5], [-2.0], [0.5]]) + 0.1 * torch.randn(n, 1, generator=g)
    return x, y


def summary_writer_run(folder, steps=40, start=0, lr=0.05, purge_step=None, seed=0, val_every=10):
    """A linear model trained by SGD with a StepLR, logged as PyTorch users log it."""
    torch.manual_seed(seed)
    x, y = toy_data(seed)
    xv, yv = toy_data(seed + 100, 32)
    model = torch.nn.Linear(3, 1)
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=15, gamma=0.5)
    w = SummaryWriter(folder, purge_step=purge_step)
    for step in range(start, start + steps):
        batch = slice((step * 8) % 64, (step * 8) % 64 + 8)
        loss = torch.nn.functional.mse_loss(model(x[batch]), y[batch])
        opt.zero_grad()
        loss.backward()
        opt.step()
        w.add_scalar("train/loss", loss.item(), step)
        w.add_scalar("lr", sched.get_last_lr()[0], step)
        sched.step()
        if step % val_every == val_every - 1:
            with torch.no_grad():
                w.add_scalar("val/loss", torch.nn.functional.mse_loss(model(xv), yv).item(), step)
    w.close()


def accumulate(folder):
    """Every scalar in one TensorBoard run folder, as EventAccumulator reads it (all points kept)."""
    acc = EventAccumulator(folder, size_guidance={"scalars": 0, "tensors": 0})
    acc.Reload()
    series = {}
    for tag in acc.Tags()["scalars"]:
        series[tag] = [[e.step, float(e.value)] for e in acc.Scalars(tag)]
    for tag in acc.Tags()["tensors"]:
        series[tag] = [[e.step, float(tensor_util.make_ndarray(e.tensor_proto).item())] for e in acc.Tensors(tag)]
    return series


def tensorboard_run(path):
    """A run folder with its train/ validation/ subfolders (Keras), tags prefixed by subfolder."""
    series = {}
    subs = sorted(d for d in os.listdir(path) if os.path.isdir(os.path.join(path, d)))
    for sub in [""] + subs:
        if sub == "" and not any("tfevents" in f for f in os.listdir(path)):
            continue
        for tag, points in accumulate(os.path.join(path, sub)).items():
            series[(sub + "/" if sub else "") + tag] = points
    return series


def csv_columns(path):
    """Each numeric column of a CSV by pandas, its empty cells dropped, keyed by column."""
    import pandas as pd
    frame = pd.read_csv(path)
    step = "step" if "step" in frame.columns else "epoch"
    out = {}
    for column in frame.columns:
        if column == step:
            continue
        kept = frame[[step, column]].dropna()
        out[column] = [[int(s), float(v)] for s, v in kept.itertuples(index=False)]
    return out


def pytorch():
    summary_writer_run(os.path.join(ROOT, "pytorch"))


def pytorch_resumed():
    """A job that crashed after step 24 and was resumed from its step-15 checkpoint: without
    purge_step the two files overlap on steps 15-24; with it TensorBoard purges them."""
    for name, purge in (("pytorch-resumed", None), ("pytorch-resumed-purge", 15)):
        folder = os.path.join(ROOT, name)
        summary_writer_run(folder, steps=25, seed=0)
        time.sleep(1.1)  # a new file name (its time stamp), as a restarted job gets
        summary_writer_run(folder, steps=25, start=15, lr=0.02, purge_step=purge, seed=1)


def several_runs():
    for name, lr in (("a", 0.01), ("b", 0.05), ("c", 0.2)):
        summary_writer_run(os.path.join(ROOT, "several", name), steps=20, lr=lr)


def lightning():
    import lightning as L
    from lightning.pytorch.callbacks import LearningRateMonitor
    from lightning.pytorch.loggers import CSVLogger

    class Regression(L.LightningModule):
        def __init__(self):
            super().__init__()
            self.layer = torch.nn.Linear(3, 1)

        def training_step(self, batch, _):
            x, y = batch
            loss = torch.nn.functional.mse_loss(self.layer(x), y)
            self.log("train_loss", loss)
            return loss

        def validation_step(self, batch, _):
            x, y = batch
            self.log("val_loss", torch.nn.functional.mse_loss(self.layer(x), y))

        def configure_optimizers(self):
            opt = torch.optim.Adam(self.parameters(), lr=0.05)
            return {"optimizer": opt, "lr_scheduler": torch.optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)}

    L.seed_everything(0, verbose=False)
    train = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(*toy_data(0)), batch_size=8)
    val = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(*toy_data(100, 32)), batch_size=16)
    trainer = L.Trainer(
        max_epochs=4, accelerator="cpu", logger=CSVLogger(ROOT, name="lightning", version=0),
        callbacks=[LearningRateMonitor(logging_interval="step")], log_every_n_steps=1,
        enable_checkpointing=False, enable_progress_bar=False, enable_model_summary=False)
    trainer.fit(Regression(), train, val)


def transformers_trainer():
    from torch.utils.data import Dataset
    from transformers import Trainer, TrainingArguments

    class Toy(Dataset):
        def __init__(self, seed, n):
            self.x, self.y = toy_data(seed, n)

        def __len__(self):
            return len(self.x)

        def __getitem__(self, i):
            return {"x": self.x[i], "labels": self.y[i]}

    class Regression(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.layer = torch.nn.Linear(3, 1)

        def forward(self, x, labels=None):
            out = self.layer(x)
            return {"loss": torch.nn.functional.mse_loss(out, labels), "logits": out}

    torch.manual_seed(0)
    folder = os.path.join(ROOT, "transformers")
    args = TrainingArguments(
        output_dir=folder, max_steps=30, per_device_train_batch_size=8, learning_rate=0.05,
        lr_scheduler_type="linear", warmup_steps=5, logging_steps=1, eval_strategy="steps", eval_steps=10,
        save_strategy="no", report_to="none", use_cpu=True, seed=0, disable_tqdm=True)
    trainer = Trainer(model=Regression(), args=args, train_dataset=Toy(0, 64), eval_dataset=Toy(100, 32))
    trainer.train()
    trainer.state.save_to_json(os.path.join(folder, "trainer_state.json"))


def keras():
    import keras as K
    K.utils.set_random_seed(0)
    x, y = (t.numpy() for t in toy_data(0))
    xv, yv = (t.numpy() for t in toy_data(100, 32))
    model = K.Sequential([K.Input((3,)), K.layers.Dense(1)])
    model.compile(optimizer=K.optimizers.SGD(0.05), loss="mse")
    # LearningRateScheduler puts `learning_rate` in the logs, so CSVLogger writes the column too.
    model.fit(x, y, validation_data=(xv, yv), epochs=6, batch_size=8, verbose=0, callbacks=[
        K.callbacks.LearningRateScheduler(lambda epoch, lr: lr * 0.7 if epoch >= 2 else lr),
        K.callbacks.TensorBoard(os.path.join(ROOT, "keras"), write_graph=False, profile_batch=0),
        K.callbacks.CSVLogger(os.path.join(ROOT, "keras-csvlogger.csv"))])


def main():
    # formats/goldilocks is written by goldilocks itself (scripts/log-fixtures), not here.
    for name in ("pytorch", "pytorch-resumed", "pytorch-resumed-purge", "several", "lightning", "transformers", "keras"):
        shutil.rmtree(os.path.join(ROOT, name), ignore_errors=True)
    os.makedirs(ROOT, exist_ok=True)
    pytorch()
    pytorch_resumed()
    several_runs()
    lightning()
    transformers_trainer()
    keras()
    # Tools leave things the fixtures need not carry.
    for junk in ("transformers/runs",):
        shutil.rmtree(os.path.join(ROOT, junk), ignore_errors=True)
    for dirpath, _, files in os.walk(ROOT):
        for f in files:
            if f in ("training_args.bin", "README.md"):
                os.remove(os.path.join(dirpath, f))

    with open(os.path.join(ROOT, "transformers", "trainer_state.json")) as f:
        history = json.load(f)["log_history"]
    expected = {
        "versions": VERSIONS,
        # TensorBoard folders as EventAccumulator reads each run (points in file order, kept all).
        "tensorboard": {name: tensorboard_run(os.path.join(ROOT, name))
                        for name in ("pytorch", "pytorch-resumed", "pytorch-resumed-purge", "keras",
                                     "several/a", "several/b", "several/c")},
        # CSV logs as pandas reads them (empty cells dropped).
        "csv": {"lightning": csv_columns(os.path.join(ROOT, "lightning", "version_0", "metrics.csv")),
                "keras-csvlogger": csv_columns(os.path.join(ROOT, "keras-csvlogger.csv"))},
        # transformers' log_history, each key's (step, value) pairs in order.
        "trainer_state": {key: [[e["step"], e[key]] for e in history if key in e]
                          for key in ("loss", "learning_rate", "eval_loss")},
    }
    with open(os.path.join(OUT, "formats.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
    print(json.dumps({kind: {run: {tag: len(points) for tag, points in series.items()} for run, series in runs.items()}
                      for kind, runs in expected.items() if kind not in ("versions", "trainer_state")}, indent=1))


if __name__ == "__main__":
    main()
