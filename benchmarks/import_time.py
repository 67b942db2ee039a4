"""Import time of ``antq_domain`` against importing its runtime dependencies alone.

Each measurement is a fresh interpreter (``python -X importtime`` would
measure one process only, and import caches make a second import free).
Prints the median wall time of N runs for:

- ``import antq_domain``                       (the lazy top-level package)
- ``import antq_domain; antq_domain.MovementReport``  (records built on first use)
- ``import pydantic, attrs, dateutil``          (the peer: dependencies alone)
- ``import pydantic; pydantic.BaseModel; import attrs, dateutil`` (the same, pydantic loaded)
- ``python -c pass``                            (interpreter start-up, subtracted)

Usage: ``python benchmarks/import_time.py [runs]`` (default 15).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

CASES = {
    "antq_domain (lazy)": "import antq_domain",
    "antq_domain + records": "import antq_domain; antq_domain.MovementReport",
    "peer: pydantic, attrs, dateutil": "import pydantic, attrs, dateutil",
    "peer, pydantic.BaseModel loaded": (
        "import pydantic; pydantic.BaseModel; import attrs, dateutil, dateutil.relativedelta"
    ),
    "interpreter start-up": "pass",
}


def median_seconds(code: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    results = {name: median_seconds(code, runs) for name, code in CASES.items()}
    base = results["interpreter start-up"]
    print(f"median of {runs} fresh interpreters; start-up {base * 1000:.1f} ms subtracted")
    for name, seconds in results.items():
        if name != "interpreter start-up":
            print(f"  {name:<34} {(seconds - base) * 1000:8.1f} ms")
    peer = results["peer: pydantic, attrs, dateutil"] - base
    peer_loaded = results["peer, pydantic.BaseModel loaded"] - base
    lazy = results["antq_domain (lazy)"] - base
    full = results["antq_domain + records"] - base
    print(f"ratio import antq_domain / peer:                  {lazy / peer:.2f}")
    print(f"ratio antq_domain + records / peer:              {full / peer:.2f}")
    print(f"ratio antq_domain + records / peer with BaseModel: {full / peer_loaded:.2f}")


if __name__ == "__main__":
    main()
