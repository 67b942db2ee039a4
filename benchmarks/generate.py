"""Deterministic synthetic national register and commune-month tidy data for the bulk benchmark.

The register has the shape of Vietnam's before the 2025 reform (about 63
provinces, 700 districts, 10,600 communes at full size) with the 2025
successor map: every old province, district and commune ends on 30 June
2025; 34 new provinces and about 3,300 new communes begin on 1 July 2025;
every old commune names the new commune it was merged into (about 1 in 200
names a second one: a split). The register is written in the
:func:`antq_domain.records.places.load_registry` format.

The data are tidy rows (the :func:`antq_domain.io.files.read_observations`
CSV format, as :func:`~antq_domain.io.files.write_observations` writes it):
every commune × 12 months of 2024 × 30 indicators (flows, stocks, the parts
of ``tips.valuable_rate`` and ``tips.resolution_rate``, a decimal amount in
kilograms, a dimension ``category`` on the crime figures), with about 1% not
reported, 0.2% withheld, 0.1% not applicable, 0.5% of rows absent and 2%
qualified ``at_least``.

Everything comes from one seeded :class:`random.Random`: the same size and
seed give byte-identical files.

Usage::

    python benchmarks/generate.py OUT_DIR --full        # 10,600 communes, ~3.8 M rows
    python benchmarks/generate.py OUT_DIR --quarter     # 2,650 communes, ~0.95 M rows
    python benchmarks/generate.py OUT_DIR --communes 200
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

FULL_COMMUNES = 10_600
YEAR = 2024
SEED = 20240101

# (code, unit, decimal?, dims): 30 indicators
INDICATORS: tuple[tuple[str, str, bool, str], ...] = (
    ("mobilisation.launch_campaigns", "campaign", False, ""),
    ("mobilisation.launch_participants", "participation", False, ""),
    ("mobilisation.propaganda_sessions", "session", False, ""),
    ("mobilisation.propaganda_participants", "participation", False, ""),
    ("mobilisation.prestige_outreach", "contact", False, ""),
    ("mobilisation.wanted_outreach", "contact", False, ""),
    ("mobilisation.weapons_outreach", "contact", False, ""),
    ("mobilisation.traffic_campaigns", "campaign", False, ""),
    ("mobilisation.traffic_pledges", "person", False, ""),
    ("mobilisation.fire_campaigns", "campaign", False, ""),
    ("mobilisation.loudspeaker_runs", "contact", False, ""),
    ("mobilisation.dialogue_forums", "session", False, ""),
    ("tips.received", "tip", False, ""),
    ("tips.valuable", "tip", False, ""),
    ("tips.in_jurisdiction", "tip", False, ""),
    ("tips.resolved", "tip", False, ""),
    ("tips.cases_solved", "case", False, ""),
    ("media.documents", "document", False, ""),
    ("media.news_items", "news_item", False, ""),
    ("media.broadcasts", "broadcast", False, ""),
    ("crime.cases_occurred", "case", False, "drugs"),
    ("crime.cases_solved", "case", False, "drugs"),
    ("weapons.guns", "piece", False, ""),
    ("weapons.explosives", "kilogram", True, ""),
    ("forces.civil_guards", "person", False, ""),
    ("forces.fire_teams", "group", False, ""),
    ("forces.mediation_teams", "group", False, ""),
    ("forces.security_cameras", "camera", False, ""),
    ("models.members", "person", False, ""),
    ("forces.grassroots_security_teams", "group", False, ""),
)

HEADER = "indicator,place,period,value,qualifier,status,unit,dim_category,source,quote,reason"
REGISTER_HEADER = "code,name,kind,parent,valid_from,valid_to,successors"
END = "2025-06-30"
NEW = "2025-07-01"


@dataclass(frozen=True)
class Sizes:
    """How many units of each level a generated register has."""

    provinces: int
    districts: int
    communes: int
    new_provinces: int
    new_communes: int

    @classmethod
    def for_communes(cls, communes: int) -> Sizes:
        """Scale the national proportions to ``communes`` old communes."""
        scale = communes / FULL_COMMUNES
        provinces = max(1, round(63 * scale))
        districts = max(provinces, round(700 * scale))
        new_provinces = max(1, round(34 * scale))
        new_communes = max(new_provinces, round(3321 * scale))
        return cls(provinces, districts, communes, new_provinces, new_communes)


def write_register(sizes: Sizes, path: Path, rng: random.Random) -> list[str]:
    """Write the register CSV; return the old commune codes (alive through 2024)."""
    lines = [REGISTER_HEADER, "VN,Việt Nam,nation,,,,"]
    new_prov = [f"Q{i:02d}" for i in range(1, sizes.new_provinces + 1)]
    old_prov = [f"P{i:02d}" for i in range(1, sizes.provinces + 1)]
    prov_successor = {p: new_prov[i % len(new_prov)] for i, p in enumerate(old_prov)}
    for p in old_prov:
        kind = "central_city" if rng.random() < 0.1 else "province"
        word = "Thành phố" if kind == "central_city" else "Tỉnh"
        lines.append(f"{p},{word} Cũ {p},{kind},VN,,{END},{prov_successor[p]}")
    lines.extend(f"{q},Tỉnh Mới {q},province,VN,{NEW},," for q in new_prov)
    new_communes = [f"N{i:04d}" for i in range(1, sizes.new_communes + 1)]
    new_by_province: dict[str, list[str]] = {q: [] for q in new_prov}
    for i, n in enumerate(new_communes):
        new_by_province[new_prov[i % len(new_prov)]].append(n)
    for q, codes in new_by_province.items():
        for n in codes:
            kind, word = ("ward", "Phường") if rng.random() < 0.2 else ("commune", "Xã")
            lines.append(f"{n},{word} Mới {n},{kind},{q},{NEW},,")
    districts = [f"D{i:03d}" for i in range(1, sizes.districts + 1)]
    district_province = {
        d: old_prov[i * len(old_prov) // len(districts)] for i, d in enumerate(districts)
    }
    lines.extend(f"{d},Huyện Cũ {d},district,{district_province[d]},,{END}," for d in districts)
    communes = [f"C{i:05d}" for i in range(1, sizes.communes + 1)]
    for i, c in enumerate(communes):
        d = districts[i * len(districts) // len(communes)]
        targets = new_by_province[prov_successor[district_province[d]]]
        first = targets[rng.randrange(len(targets))]
        successors = [first]
        if len(targets) > 1 and rng.random() < 0.005:
            second = targets[(targets.index(first) + 1) % len(targets)]
            successors.append(second)
        r = rng.random()
        kind, word = (
            ("ward", "Phường")
            if r < 0.15
            else ("township", "Thị trấn")
            if r < 0.2
            else ("commune", "Xã")
        )
        lines.append(f"{c},{word} Cũ {c},{kind},{d},,{END},{';'.join(successors)}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return communes


def _value(rng: random.Random, decimal: bool, base: int) -> str:
    if decimal:
        return f"{rng.randrange(base * 100)}.{rng.randrange(100):02d}"
    return str(rng.randrange(base))


def write_rows(communes: list[str], path: Path, rng: random.Random) -> int:
    """Write the tidy CSV (CRLF line ends, as write_observations does); return the row count."""
    months = [f"{YEAR}{m:02d}" for m in range(1, 13)]
    bases = [rng.choice((5, 20, 100, 1000)) for _ in INDICATORS]
    count = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER + "\r\n")
        for place in communes:
            chunk: list[str] = []
            for (code, unit, decimal, category), base in zip(INDICATORS, bases, strict=True):
                for period in months:
                    r = rng.random()
                    if r < 0.005:
                        continue  # absent: a gap
                    if r < 0.015:
                        tail = f",,not_reported,,{category},,,"
                    elif r < 0.017:
                        tail = f",,withheld,,{category},,,secret"
                    elif r < 0.018:
                        tail = f",,not_applicable,,{category},,,"
                    else:
                        qualifier = "at_least" if r > 0.98 else "exact"
                        value = _value(rng, decimal, base)
                        tail = f"{value},{qualifier},reported,{unit},{category},,,"
                    chunk.append(f"{code},{place},{period},{tail}")
                    count += 1
            fh.write("\r\n".join(chunk) + "\r\n")
    return count


MIXED_HEADER = (
    "indicator,place,period,value,qualifier,status,unit,dim_category,dim_unit_kind,"
    "source,quote,reason"
)
# one row in a hundred is bad, each in one of the ways offices get rows wrong
BAD_ROWS = (
    "{code},{place},{period},1O,,,,{category},,,,",  # a letter O for a zero
    "{code},{place},{year}Q5,3,,,,{category},,,,",  # no such quarter
    "{code},{place},{period},3,,,kilometre,{category},,,,",  # a unit that is not the indicator's
    "{code},{place},{period},,,,,{category},,,,",  # no figure, and no status saying why
    "{code}x,{place},{period},3,,,,{category},,,,",  # an indicator code with a typo
)


BAD_MARK = "\x00"  # prefixed to a bad row while it is built, removed when written


def _mixed_row(
    rng: random.Random,
    indicator: tuple[str, str, bool, str],
    base: int,
    place: str,
    period: str,
) -> str | None:
    """One monthly row (or None: absent); a bad one starts with BAD_MARK."""
    code, unit, decimal, category = indicator
    r = rng.random()
    if r < 0.005:
        return None
    if rng.random() < 0.01:
        template = BAD_ROWS[rng.randrange(len(BAD_ROWS))]
        return BAD_MARK + template.format(
            code=code, place=place, period=period, year=period[:4], category=category
        )
    if r < 0.015:
        return f"{code},{place},{period},,,not_reported,,{category},,,,"
    if r < 0.017:
        return f"{code},{place},{period},,,withheld,,{category},,,,secret"
    if r < 0.018:
        return f"{code},{place},{period},,,not_applicable,,{category},,,,"
    qualifier = "at_least" if r > 0.98 else "exact"
    value = _value(rng, decimal, base)
    return f"{code},{place},{period},{value},{qualifier},reported,{unit},{category},,,,"


def write_mixed_rows(
    communes: list[str], path: Path, rng: random.Random, years: tuple[int, ...] = (YEAR,)
) -> tuple[int, int]:
    """Write a national file as offices send it; return (rows, bad rows).

    Per commune and year: the monthly rows of :func:`write_rows` (flows,
    stocks, ratio parts, one decimal unit, one dimension, missing values),
    plus one annual row per commune for each part of the safety-standard
    assessment (``safety_standard.units_assessed`` and ``units_meeting``,
    time aggregation ``none``, dimension ``unit_kind``), and one row in a
    hundred replaced by a bad row (:data:`BAD_ROWS`).
    """
    bases = [rng.choice((5, 20, 100, 1000)) for _ in INDICATORS]
    count = bad = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(MIXED_HEADER + "\r\n")
        for year in years:
            months = [f"{year}{m:02d}" for m in range(1, 13)]
            for place in communes:
                chunk: list[str] = []
                for (code, unit, decimal, category), base in zip(INDICATORS, bases, strict=True):
                    for period in months:
                        row = _mixed_row(rng, (code, unit, decimal, category), base, place, period)
                        if row is None:
                            continue  # absent: a gap
                        chunk.append(row)
                        count += 1
                        bad += row.startswith(BAD_MARK)
                assessed = rng.randrange(1, 12)
                meeting = rng.randrange(assessed + 1)
                for code, n in (
                    ("safety_standard.units_assessed", assessed),
                    ("safety_standard.units_meeting", meeting),
                ):
                    if rng.random() < 0.01:
                        chunk.append(f"{code},{place},{year},,,not_reported,,,commune,,,")
                    else:
                        chunk.append(f"{code},{place},{year},{n},,,unit,,commune,,,")
                    count += 1
                fh.write("\r\n".join(chunk).replace(BAD_MARK, "") + "\r\n")
    return count, bad


def generate_mixed(
    out: Path, communes: int, years: tuple[int, ...] = (YEAR,), seed: int = SEED
) -> tuple[Path, Path, int, int]:
    """Write ``register.csv`` and ``mixed.csv`` under ``out``; return paths, rows, bad rows."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    codes = write_register(Sizes.for_communes(communes), out / "register.csv", rng)
    n, bad = write_mixed_rows(codes, out / "mixed.csv", rng, years)
    return out / "register.csv", out / "mixed.csv", n, bad


def generate(out: Path, communes: int, seed: int = SEED) -> tuple[Path, Path, int]:
    """Write ``register.csv`` and ``rows.csv`` under ``out``; return paths and row count."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    codes = write_register(Sizes.for_communes(communes), out / "register.csv", rng)
    n = write_rows(codes, out / "rows.csv", rng)
    return out / "register.csv", out / "rows.csv", n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--full", action="store_true", help="10,600 communes (default)")
    size.add_argument("--quarter", action="store_true", help="2,650 communes")
    size.add_argument("--communes", type=int, help="this many old communes")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument(
        "--mixed", action="store_true", help="the mixed national file (mixed.csv) instead"
    )
    parser.add_argument("--years", type=int, default=1, help="with --mixed: years ending in 2024")
    args = parser.parse_args()
    communes = (
        args.communes if args.communes else FULL_COMMUNES // 4 if args.quarter else FULL_COMMUNES
    )
    if args.mixed:
        years = tuple(range(YEAR - args.years + 1, YEAR + 1))
        register, rows, n, bad = generate_mixed(args.out, communes, years, args.seed)
        print(f"{register}: {Sizes.for_communes(communes)}")
        print(f"{rows}: {n} rows ({bad} bad), {rows.stat().st_size / 1e6:.0f} MB")
        return
    register, rows, n = generate(args.out, communes, args.seed)
    print(f"{register}: {Sizes.for_communes(communes)}")
    print(f"{rows}: {n} rows, {rows.stat().st_size / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
