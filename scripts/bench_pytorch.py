"""The `goldilocks bench mlp` workload in PyTorch: same data recipe, model, optimizer and loop.

Prints one JSON line like goldilocks: samples_per_sec, seconds, loss, peak_rss_mb.
"""
import argparse
import json
import resource
import time

import torch

parser = argparse.ArgumentParser()
parser.add_argument("--layers", default="784,256,128,10")
parser.add_argument("--batch-size", type=int, default=128)
parser.add_argument("--samples", type=int, default=60000)
parser.add_argument("--epochs", type=int, default=1)
parser.add_argument("--threads", type=int, default=2)
parser.add_argument("--seed", type=int, default=0)
args = parser.parse_args()

torch.set_num_threads(args.threads)
torch.manual_seed(args.seed)
widths = [int(w) for w in args.layers.split(",")]

# X ~ N(0, 1), labels argmax(X·W) for a fixed random W.
x = torch.randn(args.samples, widths[0])
y = (x @ torch.randn(widths[0], widths[-1])).argmax(dim=1)

layers = []
for i in range(1, len(widths)):
    layers.append(torch.nn.Linear(widths[i - 1], widths[i]))
    if i < len(widths) - 1:
        layers.append(torch.nn.ReLU())
model = torch.nn.Sequential(*layers)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_fn = torch.nn.CrossEntropyLoss()

start = time.perf_counter()
for epoch in range(args.epochs):
    order = torch.randperm(args.samples)
    total, seen = 0.0, 0
    for first in range(0, args.samples, args.batch_size):
        index = order[first:first + args.batch_size]
        xb, yb = x[index], y[index]
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(index)
        seen += len(index)
seconds = time.perf_counter() - start

print(json.dumps({
    "samples_per_sec": args.samples * args.epochs / seconds,
    "seconds": seconds,
    "loss": total / seen,
    "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
