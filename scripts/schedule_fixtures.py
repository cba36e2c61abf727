"""Reference values for every learning-rate schedule, from the libraries themselves.

Each fixture entry holds the spec exactly as a user writes it for `goldilocks schedule --spec`
and the values the library gives: PyTorch by a fresh scheduler's `step()` after each
`optimizer.step()`, transformers the same (its schedules are LambdaLR), optax by calling the
schedule at counts 0, 1, ... with jax in float64. Error cases hold specs the library rejects
(at construction or within the given steps).
"""
import json
import random
import sys
import warnings
from pathlib import Path

import jax

jax.config.update("jax_enable_x64", True)
import optax  # noqa: E402
import torch  # noqa: E402
import transformers  # noqa: E402

warnings.filterwarnings("ignore")
torch.set_default_dtype(torch.float64)

ALIASES = {
    "step": "StepLR", "multi-step": "MultiStepLR", "exponential": "ExponentialLR", "cosine": "CosineAnnealingLR",
    "warm-restarts": "CosineAnnealingWarmRestarts", "cyclic": "CyclicLR", "one-cycle": "OneCycleLR",
    "linear-factor": "LinearLR", "constant-factor": "ConstantLR", "polynomial": "PolynomialLR",
    "sequential": "SequentialLR", "chained": "ChainedScheduler", "plateau": "ReduceLROnPlateau",
    "constant": "get_constant_schedule", "warmup-linear": "get_linear_schedule_with_warmup",
    "warmup-cosine": "get_cosine_schedule_with_warmup", "warmup-cosine-restarts": "get_cosine_with_hard_restarts_schedule_with_warmup",
    "warmup-polynomial": "get_polynomial_decay_schedule_with_warmup", "inverse-sqrt": "get_inverse_sqrt_schedule",
    "warmup-cosine-decay": "warmup_cosine_decay_schedule", "linear": "linear_schedule",
    "piecewise-constant": "piecewise_constant_schedule", "join": "join_schedules", "sgdr": "sgdr_schedule",
}
NESTED_LR = {"SequentialLR", "ChainedScheduler"}


def real_name(spec):
    return ALIASES.get(spec["name"], spec["name"])


def kwargs_of(spec, drop=("name", "lr")):
    return {k: v for k, v in spec.items() if k not in drop}


def torch_scheduler(spec, optimizer):
    name = real_name(spec)
    if name in NESTED_LR:
        subs = [torch_scheduler(s, optimizer) for s in spec["schedulers"]]
        if name == "SequentialLR":
            return torch.optim.lr_scheduler.SequentialLR(optimizer, subs, spec["milestones"])
        return torch.optim.lr_scheduler.ChainedScheduler(subs, optimizer)
    if name.startswith("get_"):
        return getattr(transformers, name)(optimizer, **kwargs_of(spec))
    return getattr(torch.optim.lr_scheduler, name)(optimizer, **kwargs_of(spec))


def torch_values(spec, steps):
    """lr (and momentum) used by optimizer steps 0..steps-1 of a fresh scheduler."""
    param = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([param], lr=spec.get("lr", 0.1), momentum=0.9)
    scheduler = torch_scheduler(spec, optimizer)
    lrs, momenta = [], []
    for step in range(steps):
        lrs.append(float(optimizer.param_groups[0]["lr"]))
        momenta.append(float(optimizer.param_groups[0]["momentum"]))
        if step < steps - 1:
            param.grad = torch.zeros(1)
            optimizer.step()
            scheduler.step()
    return lrs, momenta


def optax_schedule(spec):
    name = real_name(spec)
    args = kwargs_of(spec, drop=("name",))
    if name == "join_schedules":
        return optax.join_schedules([optax_schedule(s) for s in args["schedules"]], args["boundaries"])
    if "boundaries_and_scales" in args and args["boundaries_and_scales"] is not None:
        args["boundaries_and_scales"] = {int(k): v for k, v in args["boundaries_and_scales"].items()}
    return getattr(optax, name)(**args)


def optax_values(spec, steps):
    # int64 counts: optax's own int32 step counter makes jnp compute piecewise_interpolate's
    # `(count - bound) / size` in float32 even under x64 (3e-5 relative at count 99 of
    # cosine_onecycle_schedule(100)); the reference is the schedule's formula in float64.
    schedule = optax_schedule(spec)
    return [float(schedule(jax.numpy.asarray(i, dtype=jax.numpy.int64))) for i in range(steps)]


def plateau_values(spec, metrics):
    param = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([param], lr=spec["lr"])
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, **kwargs_of(spec))
    lrs = []
    for metric in metrics:
        lrs.append(float(optimizer.param_groups[0]["lr"]))
        scheduler.step(metric)
    lrs.append(float(optimizer.param_groups[0]["lr"]))
    return lrs


# (spec, steps, cycles momentum)
PYTORCH = [
    ({"name": "StepLR", "lr": 0.1, "step_size": 3, "gamma": 0.5}, 30, False),
    ({"name": "StepLR", "lr": 1.0, "step_size": 10}, 50, False),
    ({"name": "step", "lr": 0.05, "step_size": 1, "gamma": 0.9}, 20, False),
    ({"name": "MultiStepLR", "lr": 0.1, "milestones": [5, 5, 12, 3], "gamma": 0.5}, 30, False),
    ({"name": "MultiStepLR", "lr": 1.0, "milestones": [10, 20]}, 30, False),
    ({"name": "MultiStepLR", "lr": 1.0, "milestones": [0, 4], "gamma": 0.3}, 10, False),
    ({"name": "ExponentialLR", "lr": 0.1, "gamma": 0.9}, 60, False),
    ({"name": "exponential", "lr": 0.01, "gamma": 1.05}, 40, False),
    ({"name": "CosineAnnealingLR", "lr": 0.1, "T_max": 4, "eta_min": 0.01}, 30, False),
    ({"name": "CosineAnnealingLR", "lr": 1.0, "T_max": 10}, 50, False),
    ({"name": "cosine", "lr": 0.5, "T_max": 7, "eta_min": 0.001}, 45, False),
    ({"name": "CosineAnnealingLR", "lr": 0.1, "T_max": 100}, 320, False),
    ({"name": "CosineAnnealingWarmRestarts", "lr": 0.1, "T_0": 5}, 40, False),
    ({"name": "CosineAnnealingWarmRestarts", "lr": 0.1, "T_0": 3, "T_mult": 2, "eta_min": 0.001}, 100, False),
    ({"name": "warm-restarts", "lr": 1.0, "T_0": 1, "T_mult": 3}, 60, False),
    ({"name": "CosineAnnealingWarmRestarts", "lr": 0.2, "T_0": 10, "eta_min": 0.05}, 45, False),
    ({"name": "CyclicLR", "base_lr": 0.001, "max_lr": 0.1, "step_size_up": 4}, 40, True),
    ({"name": "CyclicLR", "base_lr": 0.01, "max_lr": 1.0, "step_size_up": 3, "step_size_down": 5, "mode": "triangular2"}, 60, True),
    ({"name": "CyclicLR", "base_lr": 0.001, "max_lr": 0.01, "step_size_up": 5, "mode": "exp_range", "gamma": 0.97}, 60, True),
    ({"name": "cyclic", "base_lr": 0.1, "max_lr": 0.5, "step_size_up": 2, "step_size_down": 0}, 12, True),
    ({"name": "CyclicLR", "base_lr": 0.001, "max_lr": 0.1, "step_size_up": 6, "cycle_momentum": False}, 30, False),
    ({"name": "CyclicLR", "base_lr": 0.001, "max_lr": 0.1, "step_size_up": 4, "base_momentum": 0.85, "max_momentum": 0.95}, 30, True),
    ({"name": "OneCycleLR", "max_lr": 1.0, "total_steps": 10}, 11, True),
    ({"name": "OneCycleLR", "max_lr": 0.1, "total_steps": 100}, 101, True),
    ({"name": "OneCycleLR", "max_lr": 0.1, "total_steps": 50, "three_phase": True}, 51, True),
    ({"name": "OneCycleLR", "max_lr": 0.1, "total_steps": 40, "anneal_strategy": "linear"}, 41, True),
    ({"name": "one-cycle", "max_lr": 0.3, "total_steps": 64, "pct_start": 0.25, "anneal_strategy": "linear", "three_phase": True}, 65, True),
    ({"name": "OneCycleLR", "max_lr": 0.01, "epochs": 4, "steps_per_epoch": 10, "div_factor": 10.0, "final_div_factor": 100.0}, 41, True),
    ({"name": "OneCycleLR", "max_lr": 0.1, "total_steps": 30, "cycle_momentum": False}, 30, False),
    ({"name": "OneCycleLR", "max_lr": 0.1, "total_steps": 7, "pct_start": 0.5, "base_momentum": 0.8, "max_momentum": 0.9}, 8, True),
    ({"name": "LinearLR", "lr": 0.1}, 10, False),
    ({"name": "LinearLR", "lr": 0.1, "start_factor": 0.1, "end_factor": 1.0, "total_iters": 10}, 20, False),
    ({"name": "LinearLR", "lr": 1.0, "start_factor": 1.0, "end_factor": 0.1, "total_iters": 8}, 15, False),
    ({"name": "LinearLR", "lr": 1.0, "start_factor": 0.5, "total_iters": 0}, 6, False),
    ({"name": "ConstantLR", "lr": 0.1}, 10, False),
    ({"name": "ConstantLR", "lr": 0.1, "factor": 0.5, "total_iters": 3}, 8, False),
    ({"name": "ConstantLR", "lr": 0.1, "factor": 0.5, "total_iters": 0}, 5, False),
    ({"name": "PolynomialLR", "lr": 0.1}, 10, False),
    ({"name": "PolynomialLR", "lr": 0.1, "total_iters": 10, "power": 2.0}, 15, False),
    ({"name": "polynomial", "lr": 1.0, "total_iters": 20, "power": 0.5}, 25, False),
    ({"name": "SequentialLR", "lr": 0.1, "schedulers": [{"name": "ConstantLR", "factor": 0.1, "total_iters": 20},
                                                         {"name": "ExponentialLR", "gamma": 0.9}], "milestones": [3]}, 20, False),
    ({"name": "SequentialLR", "lr": 0.1, "schedulers": [{"name": "LinearLR", "start_factor": 0.01, "total_iters": 5},
                                                         {"name": "CosineAnnealingLR", "T_max": 20}], "milestones": [5]}, 40, False),
    ({"name": "SequentialLR", "lr": 1.0, "schedulers": [{"name": "LinearLR", "start_factor": 0.2, "total_iters": 5},
                                                         {"name": "ConstantLR", "factor": 0.5, "total_iters": 3},
                                                         {"name": "StepLR", "step_size": 2, "gamma": 0.5}], "milestones": [5, 10]}, 25, False),
    ({"name": "SequentialLR", "lr": 0.1, "schedulers": [{"name": "LinearLR", "start_factor": 0.1, "total_iters": 4},
                                                         {"name": "CosineAnnealingWarmRestarts", "T_0": 5, "T_mult": 2}], "milestones": [4]}, 40, False),
    ({"name": "SequentialLR", "lr": 0.1, "schedulers": [{"name": "CosineAnnealingLR", "T_max": 6, "eta_min": 0.01},
                                                         {"name": "StepLR", "step_size": 2}], "milestones": [6]}, 15, False),
    ({"name": "sequential", "lr": 0.01, "schedulers": [{"name": "LinearLR", "start_factor": 0.5, "total_iters": 5},
                                                        {"name": "get_cosine_schedule_with_warmup", "num_warmup_steps": 0, "num_training_steps": 30}],
      "milestones": [5]}, 40, False),
    ({"name": "ChainedScheduler", "lr": 1.0, "schedulers": [{"name": "ConstantLR", "factor": 0.1, "total_iters": 3},
                                                             {"name": "ExponentialLR", "gamma": 0.9}]}, 20, False),
    ({"name": "ChainedScheduler", "lr": 0.1, "schedulers": [{"name": "LinearLR", "start_factor": 0.25, "total_iters": 4},
                                                             {"name": "CosineAnnealingLR", "T_max": 10, "eta_min": 0.01}]}, 35, False),
    ({"name": "ChainedScheduler", "lr": 0.5, "schedulers": [{"name": "StepLR", "step_size": 3, "gamma": 0.5},
                                                             {"name": "MultiStepLR", "milestones": [5, 7]},
                                                             {"name": "PolynomialLR", "total_iters": 10, "power": 2.0}]}, 15, False),
    ({"name": "ChainedScheduler", "lr": 0.1, "schedulers": [{"name": "get_linear_schedule_with_warmup", "num_warmup_steps": 3, "num_training_steps": 20},
                                                             {"name": "ExponentialLR", "gamma": 0.9}]}, 25, False),
    ({"name": "ChainedScheduler", "lr": 0.1, "schedulers": [{"name": "SequentialLR", "schedulers": [{"name": "LinearLR", "start_factor": 0.5, "total_iters": 4},
                                                                                                     {"name": "StepLR", "step_size": 3, "gamma": 0.5}],
                                                              "milestones": [4]},
                                                             {"name": "MultiStepLR", "milestones": [6, 9], "gamma": 0.5}]}, 15, False),
    ({"name": "chained", "lr": 0.1, "schedulers": [{"name": "CosineAnnealingLR", "T_max": 8},
                                                    {"name": "ExponentialLR", "gamma": 0.95}]}, 30, False),
]

TRANSFORMERS = [
    ({"name": "get_constant_schedule", "lr": 0.001}, 5),
    ({"name": "constant", "lr": 0.3}, 3),
    ({"name": "get_constant_schedule_with_warmup", "lr": 0.001, "num_warmup_steps": 10}, 20),
    ({"name": "get_constant_schedule_with_warmup", "lr": 0.001, "num_warmup_steps": 0}, 5),
    ({"name": "get_linear_schedule_with_warmup", "lr": 6e-4, "num_warmup_steps": 10, "num_training_steps": 100}, 110),
    ({"name": "warmup-linear", "lr": 0.01, "num_warmup_steps": 0, "num_training_steps": 20}, 25),
    ({"name": "get_cosine_schedule_with_warmup", "lr": 6e-4, "num_warmup_steps": 10, "num_training_steps": 100}, 111),
    ({"name": "get_cosine_schedule_with_warmup", "lr": 0.1, "num_warmup_steps": 0, "num_training_steps": 30, "num_cycles": 1.5}, 40),
    ({"name": "warmup-cosine", "lr": 1e-3, "num_warmup_steps": 5, "num_training_steps": 5}, 12),
    ({"name": "get_cosine_with_hard_restarts_schedule_with_warmup", "lr": 0.01, "num_warmup_steps": 5, "num_training_steps": 50}, 60),
    ({"name": "get_cosine_with_hard_restarts_schedule_with_warmup", "lr": 0.01, "num_warmup_steps": 4, "num_training_steps": 64, "num_cycles": 3}, 70),
    ({"name": "get_polynomial_decay_schedule_with_warmup", "lr": 0.01, "num_warmup_steps": 10, "num_training_steps": 50}, 60),
    ({"name": "get_polynomial_decay_schedule_with_warmup", "lr": 0.01, "num_warmup_steps": 0, "num_training_steps": 40, "lr_end": 1e-4, "power": 2.0}, 50),
    ({"name": "warmup-polynomial", "lr": 0.1, "num_warmup_steps": 10, "num_training_steps": 5, "power": 0.5}, 15),
    ({"name": "get_inverse_sqrt_schedule", "lr": 0.001, "num_warmup_steps": 10}, 60),
    ({"name": "get_inverse_sqrt_schedule", "lr": 0.001, "num_warmup_steps": 0}, 30),
    ({"name": "inverse-sqrt", "lr": 0.01, "num_warmup_steps": 4, "timescale": 50}, 40),
]

OPTAX = [
    ({"name": "constant_schedule", "value": 0.01}, 5),
    ({"name": "exponential_decay", "init_value": 0.1, "transition_steps": 10, "decay_rate": 0.5}, 50),
    ({"name": "exponential_decay", "init_value": 0.1, "transition_steps": 10, "decay_rate": 0.5, "staircase": True, "transition_begin": 5}, 50),
    ({"name": "exponential_decay", "init_value": 0.1, "transition_steps": 3, "decay_rate": 0.7, "end_value": 0.02}, 30),
    ({"name": "exponential_decay", "init_value": 0.01, "transition_steps": 4, "decay_rate": 1.5, "end_value": 0.05}, 30),
    ({"name": "exponential_decay", "init_value": 0.1, "transition_steps": 0, "decay_rate": 0.5}, 5),
    ({"name": "exponential_decay", "init_value": 0.1, "transition_steps": 5, "decay_rate": 0.0}, 5),
    ({"name": "cosine_decay_schedule", "init_value": 0.1, "decay_steps": 20}, 30),
    ({"name": "cosine_decay_schedule", "init_value": 1.0, "decay_steps": 50, "alpha": 0.1, "exponent": 2.0}, 60),
    ({"name": "warmup_cosine_decay_schedule", "init_value": 0.0, "peak_value": 1e-3, "warmup_steps": 10, "decay_steps": 100}, 120),
    ({"name": "warmup_cosine_decay_schedule", "init_value": 1e-4, "peak_value": 1e-2, "warmup_steps": 0, "decay_steps": 30, "end_value": 1e-3, "exponent": 1.5}, 40),
    ({"name": "warmup-cosine-decay", "init_value": 0.0, "peak_value": 0.0, "warmup_steps": 3, "decay_steps": 10, "end_value": 0.0}, 12),
    ({"name": "warmup_exponential_decay_schedule", "init_value": 0.0, "peak_value": 0.1, "warmup_steps": 5, "transition_steps": 10, "decay_rate": 0.5}, 50),
    ({"name": "warmup_exponential_decay_schedule", "init_value": 0.01, "peak_value": 0.1, "warmup_steps": 5, "transition_steps": 4, "decay_rate": 0.5,
      "transition_begin": 3, "staircase": True, "end_value": 0.01}, 40),
    ({"name": "polynomial_schedule", "init_value": 1.0, "end_value": 0.01, "power": 2, "transition_steps": 100, "transition_begin": 5}, 110),
    ({"name": "polynomial_schedule", "init_value": 0.1, "end_value": 0.0, "power": 0.5, "transition_steps": 20}, 25),
    ({"name": "polynomial_schedule", "init_value": 0.1, "end_value": 0.0, "power": 1, "transition_steps": 0}, 5),
    ({"name": "linear_schedule", "init_value": 0.0, "end_value": 0.1, "transition_steps": 10}, 15),
    ({"name": "linear", "init_value": 0.1, "end_value": 0.001, "transition_steps": 20, "transition_begin": 4}, 30),
    ({"name": "piecewise_constant_schedule", "init_value": 0.1, "boundaries_and_scales": {"10": 0.5, "20": 0.1}}, 30),
    ({"name": "piecewise_constant_schedule", "init_value": 0.1}, 5),
    ({"name": "piecewise-constant", "init_value": 1.0, "boundaries_and_scales": {"30": 0.1, "5": 2.0, "0": 0.5}}, 35),
    ({"name": "piecewise_interpolate_schedule", "interpolate_type": "linear", "init_value": 0.1, "boundaries_and_scales": {"10": 2.0, "30": 0.1}}, 40),
    ({"name": "piecewise_interpolate_schedule", "interpolate_type": "cosine", "init_value": 0.1, "boundaries_and_scales": {"15": 0.01, "5": 3.0}}, 25),
    ({"name": "piecewise_interpolate_schedule", "interpolate_type": "linear", "init_value": 0.1}, 5),
    ({"name": "linear_onecycle_schedule", "transition_steps": 100, "peak_value": 0.1}, 110),
    ({"name": "linear_onecycle_schedule", "transition_steps": 7, "peak_value": 1.0, "pct_start": 0.2, "pct_final": 0.5, "div_factor": 10.0, "final_div_factor": 100.0}, 10),
    ({"name": "cosine_onecycle_schedule", "transition_steps": 100, "peak_value": 0.1}, 110),
    ({"name": "cosine_onecycle_schedule", "transition_steps": 3, "peak_value": 1.0, "pct_start": 0.5}, 6),
    ({"name": "join_schedules", "schedules": [{"name": "constant_schedule", "value": 0.1},
                                              {"name": "linear_schedule", "init_value": 0.1, "end_value": 0.01, "transition_steps": 10},
                                              {"name": "cosine_decay_schedule", "init_value": 0.01, "decay_steps": 10}], "boundaries": [5, 15]}, 30),
    ({"name": "sgdr_schedule", "cosine_kwargs": [
        {"init_value": 0.0, "peak_value": 0.1, "warmup_steps": 2, "decay_steps": 10},
        {"init_value": 0.0, "peak_value": 0.05, "warmup_steps": 2, "decay_steps": 20, "end_value": 0.001},
        {"init_value": 0.01, "peak_value": 0.02, "warmup_steps": 0, "decay_steps": 5, "exponent": 2.0}]}, 40),
]

rng = random.Random(3)
noisy = [1.0 / (1 + 0.1 * i) + rng.uniform(-0.05, 0.05) for i in range(60)]
PLATEAU = [
    ({"name": "ReduceLROnPlateau", "lr": 0.1}, [1.0 - 0.01 * i for i in range(10)] + [0.9] * 30),
    ({"name": "ReduceLROnPlateau", "lr": 0.1, "patience": 2, "cooldown": 3, "factor": 0.5}, noisy),
    ({"name": "ReduceLROnPlateau", "lr": 0.1, "mode": "max", "threshold_mode": "abs", "threshold": 0.1, "patience": 1},
     [0.1, 0.15, 0.3, 0.35, 0.38, 0.5, 0.55, 0.58, 0.59, 0.7, 0.7, 0.7, 0.7]),
    ({"name": "ReduceLROnPlateau", "lr": 0.1, "mode": "max", "patience": 0}, [0.5, 0.5, 0.6, 0.6, 0.60001, 0.7, 0.69]),
    ({"name": "ReduceLROnPlateau", "lr": 0.1, "factor": 0.5, "patience": 1, "min_lr": 0.02}, [1.0] * 20),
    ({"name": "ReduceLROnPlateau", "lr": 1e-7, "factor": 0.1, "patience": 0}, [1.0] * 6),
    ({"name": "ReduceLROnPlateau", "lr": 0.1, "patience": 0, "eps": 0.05, "factor": 0.5}, [1.0] * 6),
    ({"name": "plateau", "lr": 0.1, "patience": 1, "threshold_mode": "abs", "threshold": 0.01}, [-1.0, -1.005, -1.02, -1.025, -1.028, -1.05, -1.05, -1.05]),
    ({"name": "ReduceLROnPlateau", "lr": 0.1, "patience": 1}, [-1.0, -0.99995, -0.9999, -0.9998, -0.9997, -0.9996]),
    ({"name": "ReduceLROnPlateau", "lr": 0.1, "patience": 1, "cooldown": 2, "threshold": 0.0, "factor": 0.3}, noisy[:30]),
]

# (spec, steps): the library raises at construction or within `steps` steps.
ERRORS = [
    ({"name": "StepLR", "lr": 0.1, "step_size": 0}, 5),
    ({"name": "CosineAnnealingLR", "lr": 0.1, "T_max": 0}, 5),
    ({"name": "CosineAnnealingWarmRestarts", "lr": 0.1, "T_0": 0}, 5),
    ({"name": "CosineAnnealingWarmRestarts", "lr": 0.1, "T_0": 5, "T_mult": 0}, 5),
    ({"name": "CyclicLR", "base_lr": 0.1, "max_lr": 1.0, "step_size_up": 0, "step_size_down": 0}, 5),
    ({"name": "CyclicLR", "base_lr": 0.1, "max_lr": 1.0, "mode": "sawtooth"}, 5),
    ({"name": "OneCycleLR", "max_lr": 0.1, "total_steps": 10}, 12),
    ({"name": "OneCycleLR", "max_lr": 0.1, "total_steps": 0}, 1),
    ({"name": "OneCycleLR", "max_lr": 0.1, "total_steps": 10, "pct_start": 1.5}, 5),
    ({"name": "OneCycleLR", "max_lr": 0.1, "total_steps": 10, "pct_start": 0.1}, 5),
    ({"name": "OneCycleLR", "max_lr": 0.1, "total_steps": 10, "anneal_strategy": "cosine"}, 5),
    ({"name": "OneCycleLR", "max_lr": 0.1}, 5),
    ({"name": "ConstantLR", "lr": 0.1, "factor": 1.5}, 5),
    ({"name": "PolynomialLR", "lr": 0.1, "power": -1.0}, 8),
    ({"name": "get_polynomial_decay_schedule_with_warmup", "lr": 0.01, "num_warmup_steps": 1, "num_training_steps": 5, "power": -1.0}, 8),
    ({"name": "LinearLR", "lr": 0.1, "start_factor": 0.0}, 5),
    ({"name": "LinearLR", "lr": 0.1, "end_factor": 1.5}, 5),
    ({"name": "ReduceLROnPlateau", "lr": 0.1, "factor": 1.0}, 5),
    ({"name": "ReduceLROnPlateau", "lr": 0.1, "mode": "maximum"}, 5),
    ({"name": "ReduceLROnPlateau", "lr": 0.1, "threshold_mode": "relative"}, 5),
    ({"name": "SequentialLR", "lr": 0.1, "schedulers": [{"name": "ExponentialLR", "gamma": 0.9}], "milestones": [3]}, 5),
    ({"name": "get_polynomial_decay_schedule_with_warmup", "lr": 0.01, "num_warmup_steps": 10, "num_training_steps": 10}, 15),
    ({"name": "get_polynomial_decay_schedule_with_warmup", "lr": 0.01, "num_warmup_steps": 1, "num_training_steps": 10, "lr_end": 0.1}, 5),
    ({"name": "get_inverse_sqrt_schedule", "lr": 0.01, "num_warmup_steps": 10, "timescale": 0}, 15),
    ({"name": "cosine_decay_schedule", "init_value": 0.1, "decay_steps": 0}, 5),
    ({"name": "warmup_cosine_decay_schedule", "init_value": 0.0, "peak_value": 0.1, "warmup_steps": 10, "decay_steps": 10}, 5),
    ({"name": "linear_onecycle_schedule", "transition_steps": 0, "peak_value": 0.1}, 5),
    ({"name": "cosine_onecycle_schedule", "transition_steps": -3, "peak_value": 0.1}, 5),
    ({"name": "piecewise_constant_schedule", "init_value": 0.1, "boundaries_and_scales": {"10": -0.5}}, 5),
    ({"name": "piecewise_interpolate_schedule", "interpolate_type": "quadratic", "init_value": 0.1}, 5),
]


def library_raises(spec, steps):
    name = real_name(spec)
    try:
        if name == "ReduceLROnPlateau":
            plateau_values(spec, [1.0] * steps)
        elif name.startswith("get_") or name[0].isupper():
            torch_values(spec, steps)
        else:
            optax_values(spec, steps)
    except (ValueError, ZeroDivisionError, TypeError, KeyError):
        return True
    return False


def main(out):
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    pytorch = []
    for spec, steps, cycles in PYTORCH:
        lrs, momenta = torch_values(spec, steps)
        entry = {"spec": spec, "lr": lrs}
        if cycles:
            entry["momentum"] = momenta
        pytorch.append(entry)
    transformers_cases = [{"spec": spec, "lr": torch_values(spec, steps)[0]} for spec, steps in TRANSFORMERS]
    optax_cases = [{"spec": spec, "lr": optax_values(spec, steps)} for spec, steps in OPTAX]
    plateau = [{"spec": spec, "metrics": metrics, "lr": plateau_values(spec, metrics)} for spec, metrics in PLATEAU]
    errors = []
    for spec, steps in ERRORS:
        if not library_raises(spec, steps):
            sys.exit(f"expected the library to reject {spec} within {steps} steps")
        errors.append({"spec": spec, "steps": steps})
    versions = {"torch": torch.__version__, "transformers": transformers.__version__, "optax": optax.__version__, "jax": jax.__version__}
    for name, cases in [("pytorch", pytorch), ("transformers", transformers_cases), ("optax", optax_cases),
                        ("plateau", plateau), ("errors", errors)]:
        with open(out / f"{name}.json", "w") as f:
            json.dump({"versions": versions, "cases": cases}, f, indent=1)
            f.write("\n")
        count = sum(len(c.get("lr", [])) + len(c.get("momentum", [])) for c in cases)
        print(f"{name}: {len(cases)} cases, {count} values")


if __name__ == "__main__":
    main(sys.argv[1])
