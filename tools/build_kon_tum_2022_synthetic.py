"""Build ``examples/data/kon-tum-2022-synthetic.json``: a SYNTHETIC previous year for Kon Tum.

Usage:
    python tools/build_kon_tum_2022_synthetic.py          # rewrite the file
    python tools/build_kon_tum_2022_synthetic.py --check  # exit 1 if it is out of date

**This is not a real report.** No 2022 report of the Kon Tum steering
committee is in the corpus; evaluation needs a previous period to show
changes, so this file is *made* from the 2023 example
(``examples/data/kon-tum-2023.json``) by the documented perturbations of
:data:`PERTURBATIONS`. Its issuer, title, id and publication source all say
SYNTHETIC / GIẢ LẬP, so it cannot be mistaken for a source.

What is done to the 2023 figures:

* every figure of the 2023 report but the commendations (awards given at
  the 2023 programme reviews, a 2023 event) is carried to the period 2022 (as of
  2022-12-31) with the source :data:`SOURCE` and no quote (the 2023 quotes
  are not 2022 text);
* the figures named in :data:`PERTURBATIONS` are changed: some lower than
  in 2023 (so 2023 shows an increase), some higher (a decrease), one marked
  *not reported* (a missing figure), one stated with "hơn" (a lower bound
  where 2023 is exact);
* the records (campaigns, programmes, commendations, forces, narrative) are
  not carried: they are 2023 facts.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from antq_domain.io import load_report, report_json
from antq_domain.records.observation import Observation
from antq_domain.records.report import MovementReport, Publication
from antq_domain.values.label import Label
from antq_domain.values.missing import NOT_REPORTED, Value
from antq_domain.values.period import Period
from antq_domain.values.quantity import Quantity
from antq_domain.values.unit import Qualifier

ROOT = Path(__file__).resolve().parents[1]
SOURCE_FILE = ROOT / "examples" / "data" / "kon-tum-2023.json"
OUTPUT = ROOT / "examples" / "data" / "kon-tum-2022-synthetic.json"

PERIOD = Period.year(2022)
AS_OF = date(2022, 12, 31)
SOURCE = (
    "SYNTHETIC / GIẢ LẬP: derived from the Kon Tum 2023 example by "
    "tools/build_kon_tum_2022_synthetic.py; not a real report"
)

NOT_STATED = "not_reported"
PERTURBATIONS: dict[str, tuple[int | None, str]] = {
    # indicator: (2022 amount, qualifier or "not_reported"); 2023 value in the comment
    "mobilisation.launch_campaigns": (1095, "exact"),  # 1.160: lower in 2022
    "mobilisation.launch_participants": (138200, "exact"),  # hơn 145.410: lower, exact
    "mobilisation.wanted_outreach": (24, "exact"),  # 19: higher in 2022
    "tips.received": (680, "exact"),  # 726: lower in 2022
    "tips.valuable": (578, "exact"),  # 655: lower; the rate is 85.0% (578/680)
    "tips.suspects_arrested": (None, NOT_STATED),  # 288: missing in 2022
    "media.documents": (35000, "more_than"),  # 36.944: "hơn 35.000" in 2022
    "media.broadcasts": (72, "exact"),  # 60: higher in 2022
    "models.active": (35, "exact"),  # 38: lower in 2022
}
"""The figures changed for 2022, by indicator (cells without dimensions only)."""


def _value(obs: Observation) -> Value:
    change = PERTURBATIONS.get(obs.indicator) if not obs.dims else None
    if change is None:
        return obs.value
    amount, qualifier = change
    if qualifier == NOT_STATED:
        return NOT_REPORTED
    assert amount is not None
    assert isinstance(obs.value, Quantity)
    return Quantity(amount, obs.value.unit, Qualifier(qualifier))


def build_report(source: MovementReport | None = None) -> MovementReport:
    """The synthetic 2022 report, from the 2023 example (read from disk if not given)."""
    base = source if source is not None else load_report(SOURCE_FILE)
    observations = tuple(
        Observation(
            indicator=o.indicator,
            place=o.place,
            period=PERIOD,
            value=_value(o),
            dims=o.dims,
            source=SOURCE,
        )
        for o in base.observations
        if o.place == base.place
        and o.period == base.period
        and not o.indicator.startswith("commendations.")
    )
    return MovementReport(
        id="kon-tum-2022-synthetic",
        title=Label(
            vi="DỮ LIỆU GIẢ LẬP: báo cáo năm 2022 tỉnh Kon Tum (suy ra từ báo cáo năm 2023)",
            en="SYNTHETIC DATA: Kon Tum 2022 report (derived from the 2023 report)",
        ),
        issuer=f"{base.issuer} (GIẢ LẬP / SYNTHETIC)",
        place=base.place,
        period=PERIOD,
        as_of=AS_OF,
        publication=Publication(title="SYNTHETIC / GIẢ LẬP", source=SOURCE),
        observations=observations,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Write the file, or with ``--check`` report whether it is up to date."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="where to write the JSON")
    args = parser.parse_args(argv)
    text = report_json(build_report())
    target: Path = args.output
    if args.check:
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current != text:
            print(f"{target} is out of date: run python tools/build_kon_tum_2022_synthetic.py")
            return 1
        print(f"{target} is up to date")
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
