"""Walkthrough: Kon Tum province's 2023 report on the movement, through antq_domain.

Run it with ``make demo``. It reads figures from their Vietnamese text, adds
them where units allow (and refuses where they don't), computes the
valuable-tip rate exactly, then loads the whole report from
``examples/data/kon-tum-2023.json`` and prints a bilingual summary.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import antq_domain as aq
from antq_domain.values import Lang, Quantity, Unit, parse_fraction, parse_number, to_quantity

HERE = Path(__file__).parent


def rule(title: str) -> None:
    print()
    print(title)
    print("-" * len(title))


def figures_from_text() -> None:
    rule("1. Figures read from the report's Vietnamese text")
    phrases = [
        ("1.160", Unit.CAMPAIGN, "đợt phát động phong trào"),
        ("hơn 145.410", Unit.PARTICIPATION, "lượt người tham gia phát động"),
        ("hơn 81.417", Unit.PARTICIPATION, "lượt người tham gia giữ gìn TTATGT"),
        ("hơn 274.045", Unit.PARTICIPATION, "lượt người tham gia PCCC và CNCH"),
        ("726", Unit.TIP, "nguồn tin về ANTT"),
        ("655", Unit.TIP, "nguồn tin có giá trị"),
        ("02", Unit.MODEL, "mô hình nhân rộng toàn quốc"),
    ]
    quantities: dict[str, Quantity] = {}
    for text, unit, what in phrases:
        q = to_quantity(parse_number(text), unit)
        quantities[what] = q
        print(f"  {text!r:>16} -> {q!s:<28} {q.format('vi')}  ({what})")

    rule("2. Sums where units allow")
    participations = [q for q in quantities.values() if q.unit is Unit.PARTICIPATION]
    total = aq.Quantity.zero(Unit.PARTICIPATION)
    for q in participations:
        total = total + q
    print(f"  participations, all three campaigns: {total.format('vi')} / {total.format('en')}")
    print("  (a 'hơn' part makes the total 'hơn': the qualifier travels)")
    try:
        quantities["đợt phát động phong trào"] + total
    except aq.UnitMismatchError as err:
        print(f"  campaigns + participations refused: {err}")

    rule("3. The valuable-tip rate, exact inside")
    rate = aq.Ratio(quantities["nguồn tin có giá trị"], quantities["nguồn tin về ANTT"])
    print(f"  exact value: {rate.value}  (a Fraction, never a float)")
    print(f"  vi: {rate.format('vi')}    en: {rate.format('en')}")
    covered, whole = parse_fraction("85/85")
    coverage = aq.Ratio(Quantity(covered, Unit.UNIT), Quantity(whole, Unit.UNIT))
    print(f"  regular commune police, xã: {coverage.format('vi', decimals=0)}")


def the_whole_report() -> None:
    report = aq.load_report(HERE / "data" / "kon-tum-2023.json")
    place = aq.registry().get(report.place)
    rule("4. The whole report, loaded and validated")
    print(f"  {report.issuer}")
    period = f"{report.period} — {report.period.format('vi')}"
    print(f"  place: {place.name} ({place.code}), period: {period}")
    print(
        f"  figures: {len(report.observations)}, programmes: {len(report.programmes)}, "
        f"commendation records: {len(report.commendations)}, "
        f"limitations: {len(report.limitations)}, directions: {len(report.directions)}"
    )
    cat = report.catalogue
    languages: tuple[tuple[Lang, str], ...] = (("vi", "Tóm tắt"), ("en", "Summary"))
    for lang, heading in languages:
        print(f"\n  {heading}:")
        for obs in report.observations[:12]:
            label = cat.get(obs.indicator).label.text(lang)
            value = obs.value.format(lang) if isinstance(obs.value, Quantity) else str(obs.value)
            dims = f" [{obs.dims}]" if obs.dims else ""
            print(f"    {label}{dims}: {value}")
        print(f"    … {len(report.observations) - 12} more")
    rate = report.ratio("tips.valuable_rate")
    print(f"\n  tips.valuable_rate recomputed from the report's parts: {rate.format('vi')}")
    print("\n  Directions (Phương hướng):")
    for d in report.directions:
        print(f"    {d.ordinal}. {d.text('en')}")
    rows = aq.tidy(report)
    keys = sorted(k for k, v in rows[0].items() if v is not None)
    print(f"\n  tidy rows: {len(rows)}, keys of the first: {keys}")


def evaluation() -> None:
    report = aq.load_report(HERE / "data" / "kon-tum-2023.json")
    # a SYNTHETIC 2022 report, built from the 2023 one (see tools/), as the previous year
    previous = aq.load_report(HERE / "data" / "kon-tum-2022-synthetic.json")
    rule("5. Validation and evaluation (as of 2024-01-15, against a synthetic 2022)")
    findings = aq.validate(report)
    print(f"  validate: {len(findings)} findings, errors: {findings.has_errors}")
    result = aq.evaluate(report, as_of=date(2024, 1, 15), previous=previous)
    languages: tuple[Lang, ...] = ("vi", "en")
    for lang in languages:
        print()
        print(result.render(lang))


def main() -> None:
    print("antq_domain — Kon Tum 2023 walkthrough")
    figures_from_text()
    the_whole_report()
    evaluation()


if __name__ == "__main__":
    main()
