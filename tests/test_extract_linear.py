"""The extractor's work grows linearly with the text, worst cases included.

Not a timed test of speed: each example compares the extractor with itself
on the same shape of text at two sizes, by CPU time of this process (other
processes on a loaded machine do not count), best of a few interleaved
rounds. Linear work makes 8x the text cost about 8x the time; the quadratic
look-backs this guards against made it 30-60x at these sizes.
"""

from __future__ import annotations

import gc
import importlib.util
import time
from pathlib import Path
from types import ModuleType

from hypothesis import given, settings
from hypothesis import strategies as st

from antq_domain.extract import extract_report


def _adversarial_module() -> ModuleType:
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "adversarial.py"
    spec = importlib.util.spec_from_file_location("adversarial", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ADV = _adversarial_module()
BASE = 3_000
GROWTH = 8
LIMIT = 20  # linear: 8; quadratic: 64


def _cpu(text: str) -> float:
    gc.collect()
    started = time.process_time()
    extract_report(text)
    return time.process_time() - started


def growth(shape: str, seed: int) -> float:
    small = ADV.adversarial(shape, BASE, seed)
    large = ADV.adversarial(shape, BASE * GROWTH, seed)
    extract_report(small)  # the catalogue, register and phrase index are loaded once
    best_small = best_large = float("inf")
    for _ in range(3):
        best_small = min(best_small, _cpu(small))
        best_large = min(best_large, _cpu(large))
    return best_large / max(best_small, 1e-3)


@settings(max_examples=len(ADV.SHAPES), deadline=None, derandomize=True)
@given(st.sampled_from(sorted(ADV.SHAPES)), st.integers(0, 2**16))
def test_eight_times_the_text_costs_about_eight_times_the_work(shape: str, seed: int) -> None:
    ratio = growth(shape, seed)
    assert ratio < LIMIT, f"{shape}: {GROWTH}x the text took {ratio:.1f}x the CPU time"


def test_every_shape_is_measured() -> None:
    for shape in ADV.SHAPES:
        assert growth(shape, 0) < LIMIT, shape
