"""The measurements of a loss curve that `goldilocks diagnose` reads (Swift's `CurveFeatures`).

Scale-free, on y = ln L: how far the curve fell and from where, how noisy its two halves are, how
much of its fall its last quarter still makes, how early it made its fall, how far it climbed back
above its best, and the autocorrelation of its step-to-step wiggle. scripts/diagnosis_reader.py
takes them of the training curve, of the curve from the learning rate's peak on, and of the
validation curve; a Swift test checks Swift's values against that script's for a sample of runs.
"""

import math

import numpy as np

FEATURES = ["drop", "moved", "rise", "spike", "early_noise", "late_noise", "block_noise", "late_share",
            "late_over_drop", "reach10", "reach25", "reach50", "climb", "climb_over_noise",
            "noise_ratio", "autocorrelation", "ups"]


def median(values):
    return float(np.median(values)) if len(values) else float("nan")


def scaled_mad(values):
    center = median(values)
    return 1.4826 * median(np.abs(np.asarray(values) - center))


def theil_sen(x, y):
    slopes = [(y[j] - y[i]) / (x[j] - x[i]) for i in range(len(x)) for j in range(i + 1, len(x)) if x[j] != x[i]]
    return median(slopes) if slopes else 0.0


def step_noise(y):
    changes = np.diff(y)
    return scaled_mad(changes) / math.sqrt(2) if len(changes) else 0.0


def log_levels(losses):
    """ln L; a loss of exactly 0 (a cross-entropy that underflowed) counts as a tenth of the smallest
    positive one, and a loss that can be negative is shifted above zero first (as Swift's LossCurve)."""
    losses = np.asarray(losses, float)
    lowest = losses.min()
    if lowest > 0:
        return np.log(losses)
    if lowest == 0:
        positive = losses[losses > 0]
        return np.log(np.maximum(losses, (positive.min() if len(positive) else 1e-12) / 10))
    return np.log(losses + (-lowest + max(0.01 * (losses.max() - lowest), 1e-12)))


def running_median(y, width=9):
    half = width // 2
    return np.array([np.median(y[max(0, i - half):min(len(y), i + half + 1)]) for i in range(len(y))])


def lag1_autocorrelation(r):
    r = r - r.mean()
    total = float((r * r).sum())
    return float((r[1:] * r[:-1]).sum()) / total if total > 0 and len(r) > 1 else 0.0


def features(losses):
    """The measurements of a loss log (None for a non-finite loss: rows cut there), or None when
    fewer than 2 finite values precede the first non-finite one."""
    cut = next((i for i, v in enumerate(losses) if v is None or not math.isfinite(v)), len(losses))
    if cut < 2:
        return None
    y = log_levels(losses[:cut])
    n = len(y)
    start = median(y[:max(1, min(5, n // 20))])
    end = median(y[n - max(2, n // 10):])
    blocks = min(n, 40)
    edges = [i * n // blocks for i in range(blocks + 1)]
    m = np.array([median(y[edges[i]:edges[i + 1]]) for i in range(blocks)])
    centers = np.array([(edges[i] + edges[i + 1] - 1) / 2 for i in range(blocks)])
    half = n // 2
    early = step_noise(y[:max(half, 2)])
    late_noise = step_noise(y[min(half, n - 2):])
    block_noise = 1.2533 * late_noise / math.sqrt(n / blocks)
    late = -theil_sen(centers[blocks // 2:], m[blocks // 2:]) * n / 2
    quarter = 3 * blocks // 4
    last_quarter = -theil_sen(centers[quarter:], m[quarter:]) * n / 4
    drop = start - end
    f = {"drop": drop, "moved": m[0] - end, "rise": end - m.min(), "spike": y.max() - start,
         "early_noise": early, "late_noise": late_noise, "block_noise": block_noise,
         "late_share": last_quarter / drop if drop > 0 else 0.0,
         "late_over_drop": late / drop if drop > 0 else 0.0}
    # The share of the whole decrease made by 10, 25 and 50% of the run (a too-small rate makes it late).
    for percent in (10, 25, 50):
        block = max(0, percent * blocks // 100 - 1)
        f[f"reach{percent}"] = (start - m[block]) / drop if drop > 0.05 else 0.0
    # How far a block median climbed back above the best before it, after the first quarter.
    climb = float((m - np.minimum.accumulate(m))[blocks // 4:].max())
    f["climb"] = climb
    f["climb_over_noise"] = climb / max(block_noise, 1e-3)
    f["noise_ratio"] = late_noise / max(early, 1e-6)
    second = y[half:]
    f["autocorrelation"] = lag1_autocorrelation(second - running_median(second))
    rises = np.diff(m[blocks // 2:]) > 0
    f["ups"] = float(rises.mean()) if len(rises) else 0.0
    return {k: float(v) for k, v in f.items()}
