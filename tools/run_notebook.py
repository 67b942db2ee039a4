"""Run the example notebook top to bottom and save it with its outputs.

Usage::

    python tools/run_notebook.py           # rewrite examples/kon-tum-2023.ipynb
    python tools/run_notebook.py --check   # exit 1 if the saved outputs are stale

The notebook ships with its outputs, so a reader sees the tables and charts
without running anything. ``tests/test_notebook.py`` runs it again and
compares the text of every output with the saved one: after a change to
what the library prints, run this script and commit the notebook.

The kernel is ipykernel's own spec (this interpreter, so the project's
virtual environment), started in ``examples/`` like a reader opening the
notebook there. No timing metadata is recorded, so a rerun that prints the
same thing leaves the file unchanged.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "examples" / "kon-tum-2023.ipynb"


def execute(path: Path = NOTEBOOK) -> Any:
    """The notebook at ``path``, run top to bottom (outputs filled in)."""
    nb = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
    # jupyter_core warns about its data paths unless told which convention to use
    os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=180,
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    return nb


def output_text(output: Any) -> str:
    """The text of one output: a stream, or the text/plain and text/html of a result."""
    if output.get("output_type") == "stream":
        return str(output.get("text", ""))
    if output.get("output_type") == "error":
        return f"{output.get('ename')}: {output.get('evalue')}"
    data = output.get("data", {})
    kinds = "+".join(sorted(k for k in data if k.startswith("image/")))
    return str(data.get("text/plain", "")) + str(data.get("text/html", "")) + kinds


def texts(nb: Any) -> list[list[str]]:
    """Per code cell, the text of each of its outputs.

    Consecutive pieces of one stream are joined: the kernel splits printed
    text into pieces where it happens to flush, which varies from run to run.
    """
    cells = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        found: list[str] = []
        stream = None
        for output in cell.outputs:
            name = output.get("name") if output.get("output_type") == "stream" else None
            if name is not None and name == stream:
                found[-1] += output_text(output)
            else:
                found.append(output_text(output))
            stream = name
        cells.append(found)
    return cells


def main(argv: Sequence[str] | None = None) -> int:
    """Run the notebook; save it, or (``--check``) compare with the saved outputs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    nb = execute()
    if args.check:
        saved = nbformat.read(NOTEBOOK, as_version=4)  # type: ignore[no-untyped-call]
        if texts(saved) != texts(nb):
            print(f"{NOTEBOOK.name}: saved outputs are stale; run {__file__}", file=sys.stderr)
            return 1
        print(f"{NOTEBOOK.name}: saved outputs are current")
        return 0
    nbformat.write(nb, NOTEBOOK)  # type: ignore[no-untyped-call]
    print(f"{NOTEBOOK.name}: run and saved with its outputs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
