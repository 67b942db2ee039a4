"""The columnar bulk path agrees with the reference: reading, rolling up, erroring."""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from antq_domain import bulk
from antq_domain.analysis.aggregation import Rollup, rollup, rollup_parts
from antq_domain.bulk import (
    ObservationTable,
    read_table,
    rollup_file,
    rollup_file_many,
    rollup_table,
    scan_rollups,
)
from antq_domain.bulk import _scan as bulk_scan
from antq_domain.bulk._read import over_limit
from antq_domain.errors import ConflictError, RecordError
from antq_domain.io.files import read_observations, write_observations
from antq_domain.limits import MAX_FIELD_CHARS
from antq_domain.records.observation import Observation
from antq_domain.records.places import PlaceLevel, Registry, registry
from antq_domain.strategies import registries
from antq_domain.strategies._analysis import observation_sets, share_tables
from antq_domain.values import NOT_REPORTED, Period, Quantity

LAW = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
INDICATORS = (
    "tips.received",
    "tips.valuable",
    "models.active",
    "weapons.explosives",
    "crime.cases_occurred",
    "forces.camera_data_sharing_rate",
)


def _every_bulk_reader_refuses_it_so(path: Path, reference: RecordError) -> None:
    """`read_table`, `rollup_file` and `scan_rollups` (even leaving bad rows out) raise the
    reference reader's error for the whole file, word for word."""
    kwargs: dict[str, Any] = {"period": "2023", "registry": registry(), "as_of": date(2023, 12, 31)}
    with pytest.raises(RecordError) as held:
        read_table(path)
    assert str(held.value) == str(reference)
    with pytest.raises(RecordError) as streamed:
        rollup_file(path, to="province", **kwargs)
    assert str(streamed.value) == str(reference)
    with pytest.raises(RecordError) as scanned:
        scan_rollups(path, to=["province"], bad_rows="leave_out", **kwargs)
    assert str(scanned.value) == str(reference)


def _attempt(work: Callable[[], Any]) -> tuple[Any, Exception | None]:
    try:
        return work(), None
    except (ValueError, KeyError, TypeError) as exc:
        return None, exc


def _write(obs: list[Observation], folder: Path, name: str = "rows.csv") -> Path:
    return write_observations(obs, folder / name)


@st.composite
def drawn_sets(draw: st.DrawFn) -> tuple[Registry, list[Observation], date]:
    reform = draw(st.booleans())
    reg = draw(registries(reform=reform))
    year = 2023
    through = (date(year, 1, 1), date(year, 12, 31))
    assume(any(p.level is PlaceLevel.COMMUNE and all(p.alive_on(d) for d in through) for p in reg))
    obs = draw(
        observation_sets(
            reg, year=year, indicators=("tips.received", "tips.valuable", "models.active")
        )
    )
    as_of = date(year, 12, 31)
    if reform:
        as_of = max(p.valid_from for p in reg if p.valid_from is not None)
    return reg, obs, as_of


def _extras(obs: list[Observation], data: st.DataObject, year: int = 2023) -> list[Observation]:
    """Rows as national files mix them: annual assessments (time aggregation
    ``none``) next to monthly rows, quarterly flows, stated percentages,
    repeated rows, rows straddling the year or lying outside it."""
    places = sorted({o.place for o in obs})
    if not places:
        return []
    out: list[Observation] = []
    for place in data.draw(st.lists(st.sampled_from(places), max_size=3, unique=True)):
        assessed = data.draw(st.integers(0, 9))
        meeting = data.draw(st.integers(0, assessed))
        annual = data.draw(st.sampled_from([str(year), f"{year}Q2", f"{year - 1}"]))
        out += [
            Observation(
                indicator="safety_standard.units_assessed",
                place=place,
                period=annual,
                value=Quantity(assessed, "unit"),
                dims={"unit_kind": "commune"},
            ),
            Observation(
                indicator="safety_standard.units_meeting",
                place=place,
                period=str(year),
                value=data.draw(st.sampled_from([Quantity(meeting, "unit"), NOT_REPORTED])),
                dims={"unit_kind": "commune"},
            ),
        ]
        if data.draw(st.booleans()):
            out += [
                Observation(
                    indicator="tips.resolved",
                    place=place,
                    period=f"{year}Q{q}",
                    value=Quantity(q, "tip"),
                )
                for q in data.draw(st.lists(st.integers(1, 4), max_size=4, unique=True))
            ]
        if data.draw(st.integers(0, 4)) == 0:
            out.append(
                Observation(
                    indicator="forces.camera_data_sharing_rate",
                    place=place,
                    period=str(year),
                    value=Quantity(Decimal("91.5"), "percent"),
                )
            )
    odd = data.draw(st.sampled_from(["none", "repeat", "straddle", "outside", "stock_year"]))
    first = obs[0]
    if odd == "repeat":
        out.append(first)
    elif odd == "straddle":
        straddling = Period.between(date(year - 1, 12, 1), date(year, 1, 31))
        out.append(first.model_copy(update={"period": straddling}))
    elif odd == "outside":
        out.append(first.model_copy(update={"period": Period.year(year + 1)}))
    elif odd == "stock_year":
        out.append(
            Observation(
                indicator="models.active",
                place=first.place,
                period=str(year),
                value=Quantity(data.draw(st.integers(0, 3)), "model"),
            )
        )
    event(f"extra rows: {odd}")
    return out


class TestAgreementLaw:
    """Law: the columnar path gives the reference's result, cell for cell."""

    @LAW
    @given(drawn_sets(), st.data())
    def test_read_and_rollup_agree(
        self, drawn: tuple[Registry, list[Observation], date], data: st.DataObject
    ) -> None:
        reg, obs, as_of = drawn
        obs = obs + _extras(obs, data)
        view = data.draw(st.sampled_from(["as_of", "restated"]))
        if as_of.year > 2023:
            view = "restated"
        shares = data.draw(share_tables(reg, as_of)) if view == "restated" else None
        kwargs: dict[str, Any] = {
            "to": data.draw(st.sampled_from([None, "nation", "province", "district"])),
            "period": data.draw(st.sampled_from(["2023", "2023Q1", "2023S2", "202306", None])),
            "registry": reg,
            "as_of": as_of,
            "view": view,
            "shares": shares,
            "missing": data.draw(st.sampled_from(["lower_bound", "strict", "ignore"])),
        }
        # small blocks: cells and refused rows split between blocks, places met twice,
        # the cells of the blocks merged as they come
        block = data.draw(st.sampled_from([None, 64, 500]))
        with tempfile.TemporaryDirectory() as tmp, pytest.MonkeyPatch.context() as patch:
            if block is not None:
                patch.setattr(bulk_scan, "BLOCK_BYTES", block)
                patch.setattr(bulk_scan, "MERGE_ROWS", data.draw(st.sampled_from([1, 10**6])))
            path = _write(obs, Path(tmp))
            table = read_table(path, registry=reg)
            reference_obs = read_observations(path, registry=reg)
            expected, error = _attempt(lambda: rollup(reference_obs, **kwargs))
            streamed, stream_error = _attempt(lambda: rollup_file(path, **kwargs))
        assert table.to_observations() == reference_obs
        if error is not None:
            with pytest.raises(type(error)) as caught:
                rollup_table(table, **kwargs)
            assert str(caught.value) == str(error)
            assert type(stream_error) is type(error)
            assert str(stream_error) == str(error)
            return
        assert stream_error is None
        for mine, theirs in zip(streamed.cells, expected.cells, strict=True):
            assert mine == theirs
        assert streamed == expected
        assert isinstance(expected, Rollup)
        calls: list[int] = []

        def counting(*args: Any, **kw: Any) -> Any:
            calls.append(1)
            return rollup(*args, **kw)

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(bulk, "rollup", counting)
            got = rollup_table(table, **kwargs)
        event("reference" if calls else "columnar")
        for mine, theirs in zip(got.cells, expected.cells, strict=True):
            assert mine == theirs
        assert got.ratios == expected.ratios
        assert got == expected

    def test_a_wrong_cell_is_caught(self) -> None:
        obs = [
            Observation(
                indicator="tips.received", place="608", period="202301", value=Quantity(3, "tip")
            )
        ]
        table = ObservationTable.from_observations(obs)
        kwargs: dict[str, Any] = {
            "to": "province",
            "period": "2023",
            "registry": registry(),
            "as_of": date(2023, 12, 31),
        }
        other = rollup([o.model_copy(update={"value": Quantity(4, "tip")}) for o in obs], **kwargs)
        assert rollup_table(table, **kwargs) != other


class TestColumnarPathIsTaken:
    """The agreement law would pass vacuously if everything fell back: it does not."""

    def test_no_fallback_for_monthly_flows_and_stocks(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        obs = [
            Observation(indicator=i, place=p, period=f"2023{m:02d}", value=Quantity(m, u))
            for i, u in (("tips.received", "tip"), ("models.active", "model"))
            for p in ("608", "616")
            for m in range(1, 13)
        ]
        table = read_table(_write(obs, tmp_path))

        def refuse(*args: Any, **kwargs: Any) -> Any:
            raise AssertionError("fell back to the reference")

        monkeypatch.setattr(bulk, "rollup", refuse)
        for to in ("province", "nation"):
            r = rollup_table(
                table, to=to, period="2023", registry=registry(), as_of=date(2023, 12, 31)
            )
            assert r.cell("models.active", r.cells[0].place).value == Quantity(
                24, "model", "at_least"
            )


class TestStreamingPathIsTaken:
    """rollup_file rolls a plain file up without holding the rows (no table, no reference)."""

    def test_no_table_for_monthly_flows_and_stocks(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        obs = [
            Observation(
                indicator=i,
                place=p,
                period=f"2023{m:02d}",
                value=Quantity(m, u, "at_least" if m == 5 else "exact"),
            )
            for i, u in (("tips.received", "tip"), ("models.active", "model"))
            for p in ("608", "616")
            for m in range(1, 13)
            if (p, m) != ("616", 3)
        ]
        path = _write(obs, tmp_path)
        kwargs: dict[str, Any] = {
            "period": "2023",
            "registry": registry(),
            "as_of": date(2023, 12, 31),
        }
        expected = [rollup(obs, to=to, **kwargs) for to in ("province", "nation", None)]

        def refuse(*args: Any, **kw: Any) -> Any:
            raise AssertionError("fell back to the held table")

        monkeypatch.setattr(bulk, "read_table", refuse)
        monkeypatch.setattr(bulk, "rollup", refuse)
        got = rollup_file_many(path, to=["province", "nation", None], **kwargs)
        assert list(got) == expected

    def test_mixed_kinds_only_the_odd_rows_go_to_the_reference(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Monthly flows and stocks, annual assessments (time aggregation ``none``),
        quarterly flows, a decimal unit, a dimension: all in columns; the one
        stated percentage is the only row the reference reads."""
        communes = ("608", "616")
        obs = [
            Observation(indicator=i, place=p, period=f"2023{m:02d}", value=Quantity(m, u))
            for i, u in (("tips.received", "tip"), ("models.active", "model"))
            for p in communes
            for m in range(1, 13)
            if (p, m) != ("616", 3)
        ]
        obs += [
            Observation(
                indicator=i,
                place=p,
                period="2023",
                value=Quantity(n, "unit"),
                dims={"unit_kind": "commune"},
            )
            for i, n in (
                ("safety_standard.units_assessed", 5),
                ("safety_standard.units_meeting", 4),
            )
            for p in communes
        ]
        obs += [
            Observation(
                indicator="tips.resolved", place="608", period=f"2023Q{q}", value=Quantity(q, "tip")
            )
            for q in (1, 2, 3, 4)
        ]
        obs += [
            Observation(
                indicator="crime.cases_occurred",
                place="616",
                period="202305",
                value=Quantity(2, "case"),
                dims={"category": "drugs"},
            ),
            Observation(
                indicator="weapons.explosives",
                place="608",
                period="2023Q1",
                value=Quantity(Decimal("1.25"), "kilogram"),
            ),
            Observation(
                indicator="forces.camera_data_sharing_rate",
                place="608",
                period="2023",
                value=Quantity(Decimal("91.5"), "percent"),
            ),
        ]
        path = _write(obs, tmp_path)
        kwargs: dict[str, Any] = {
            "period": "2023",
            "registry": registry(),
            "as_of": date(2023, 12, 31),
        }
        targets = ("province", "nation", None)
        expected = [rollup(obs, to=to, **kwargs) for to in targets]

        def refuse(*args: Any, **kw: Any) -> Any:
            raise AssertionError("fell back to the held table or the whole reference")

        read: list[Observation] = []

        def counting(observations: Any, **kw: Any) -> Any:
            read.extend(observations)
            return rollup_parts(observations, **kw)

        monkeypatch.setattr(bulk, "read_table", refuse)
        monkeypatch.setattr(bulk, "rollup", refuse)
        monkeypatch.setattr(bulk, "rollup_parts", counting)
        got = rollup_file_many(path, to=list(targets), **kwargs)
        assert list(got) == expected
        assert {o.indicator for o in read} == {"forces.camera_data_sharing_rate"}
        assert len(read) == len(targets)
        ratio = got[0].ratio("safety_standard.rate", "62", dims={"unit_kind": "commune"})
        assert str(ratio) == "about 80.0% (8/10)"  # other communes of 62 are missing

    def test_a_wrong_cell_is_caught(self, tmp_path: Path) -> None:
        obs = [
            Observation(
                indicator="tips.received", place="608", period="202301", value=Quantity(3, "tip")
            )
        ]
        kwargs: dict[str, Any] = {
            "to": "province",
            "period": "2023",
            "registry": registry(),
            "as_of": date(2023, 12, 31),
        }
        other = rollup([o.model_copy(update={"value": Quantity(4, "tip")}) for o in obs], **kwargs)
        assert rollup_file(_write(obs, tmp_path), **kwargs) != other


class TestMixedIndicators:
    """Decimal units, dimensions, stated percentages: all cells agree on a file."""

    def test_mixed_file(self, tmp_path: Path) -> None:
        rows = [
            "indicator,place,period,value,qualifier,status,unit,dim_category,source,quote,reason",
            "weapons.explosives,608,202301,1.5,exact,reported,kilogram,,,,",
            "weapons.explosives,608,202302,2.25,at_least,reported,kilogram,,,,",
            "weapons.explosives,616,202301,0.10,,,,,,,",
            "crime.cases_occurred,608,202301,4,,,,drugs,,,",
            "crime.cases_solved,608,202301,3,,,,drugs,,,",
            "crime.cases_occurred,616,202303,,,withheld,,drugs,,,secret",
            "forces.camera_data_sharing_rate,608,2023,91.09,,,,,,một câu,",
            "models.active,608,202303,7,,,,,,,",
            "models.active,608,202311,,,not_applicable,,,,,",
        ]
        path = tmp_path / "mixed.csv"
        path.write_text("\r\n".join(rows) + "\r\n", encoding="utf-8")
        table = read_table(path)
        assert table.to_observations() == read_observations(path)
        for to in (None, "province", "nation"):
            kwargs: dict[str, Any] = {
                "to": to,
                "period": "2023",
                "registry": registry(),
                "as_of": date(2023, 12, 31),
            }
            expected = rollup(read_observations(path), **kwargs)
            assert rollup_table(table, **kwargs) == expected
            assert rollup_file(path, **kwargs) == expected

    def test_cells_with_the_same_places_keep_their_own_places(self, tmp_path: Path) -> None:
        # the bulk path gives cells with the same contributing places one set: a cell
        # whose places report in months at one and quarters at another (two rows of the
        # columns' group-by) must not add the second place to the cells sharing the first
        rows = ["indicator,place,period,value"]
        rows += [f"tips.received,608,2023{m:02d},{m}" for m in range(1, 13)]
        rows += [f"tips.received,616,2023Q{q},{q}" for q in range(1, 5)]
        rows += [f"tips.valuable,608,2023{m:02d},1" for m in range(1, 13)]
        rows += [f"models.active,608,2023{m:02d},2" for m in range(1, 13)]
        path = tmp_path / "kinds.csv"
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        kwargs: dict[str, Any] = {
            "to": "province",
            "period": "2023",
            "registry": registry(),
            "as_of": date(2023, 12, 31),
        }
        expected = rollup(read_observations(path), **kwargs)
        assert expected.cell("tips.valuable", "62").contributors == ("608",)
        assert expected.cell("tips.received", "62").contributors == ("608", "616")
        assert rollup_file(path, **kwargs) == expected
        assert rollup_table(read_table(path), **kwargs) == expected

    @pytest.mark.parametrize("merge", [1, 5, None])
    def test_decimal_figures_over_many_blocks(
        self, merge: int | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        # decimal sums of cells met in many blocks, merged as they go or at the end
        monkeypatch.setattr(bulk_scan, "BLOCK_BYTES", 64)
        if merge is not None:
            monkeypatch.setattr(bulk_scan, "MERGE_ROWS", merge)
        rows = ["indicator,place,period,value"]
        for place in ("608", "616", "610"):
            for m in range(1, 13):
                rows.append(f"weapons.explosives,{place},2023{m:02d},{m}.{m:02d}5")
                rows.append(f"tips.received,{place},2023{m:02d},{m}")
        path = tmp_path / "kg.csv"
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        kwargs: dict[str, Any] = {
            "period": "2023",
            "registry": registry(),
            "as_of": date(2023, 12, 31),
        }
        for to in ("province", None):
            expected = rollup(read_observations(path), to=to, **kwargs)
            # m + m/100 + 0.005 kg a month, twelve months, three places in province 62
            kg = sum(Decimal(f"{m}.{m:02d}5") for m in range(1, 13)) * (3 if to else 1)
            value = expected.cell("weapons.explosives", "62" if to else "608").value
            assert isinstance(value, Quantity)
            assert value.amount == kg
            monkeypatch.setattr(bulk, "_held", _whole)
            assert rollup_file(path, to=to, **kwargs) == expected

    @pytest.mark.parametrize(
        ("second", "error"),
        [
            # the same figure twice: merged
            ("tips.received,608,202301,3", None),
            # two figures for one cell: a conflict
            ("tips.received,608,202301,4", ConflictError),
        ],
    )
    def test_duplicate_cells_are_the_reference_s(
        self, second: str, error: type[Exception] | None, tmp_path: Path
    ) -> None:
        path = tmp_path / "dup.csv"
        path.write_text(f"indicator,place,period,value\ntips.received,608,202301,3\n{second}\n")
        kwargs: dict[str, Any] = {
            "to": "province",
            "period": "2023",
            "registry": registry(),
            "as_of": date(2023, 12, 31),
        }
        if error is None:
            assert rollup_table(read_table(path), **kwargs) == rollup(
                read_observations(path), **kwargs
            )
        else:
            with pytest.raises(error):
                rollup_table(read_table(path), **kwargs)


HEADER = "indicator,place,period,value,qualifier,status,unit,dim_category,quote,reason"
BAD_ROWS = [
    # an unknown indicator
    "tips.recieved,62,2023,1,,,,,,",
    # a fraction in a count
    "tips.received,62,2023,1.5,,,,,,",
    # a negative decimal
    "weapons.explosives,62,2023,-1.5,,,,,,",
    # a unit that is not the indicator's
    "tips.received,62,2023,1,,,case,,,",
    # an unknown qualifier
    "tips.received,62,2023,1,more,,,,,",
    # an unknown status
    "tips.received,62,2023,,,missing,,,,",
    # a figure with a missing status
    "tips.received,62,2023,5,,not_reported,,,,",
    # no figure with status reported
    "tips.received,62,2023,,,,,,,",
    # a reason without withheld
    "tips.received,62,2023,3,,,,,,why",
    # withheld without a reason
    "tips.received,62,2023,,,withheld,,,,",
    # a dimension the indicator does not have
    "tips.received,62,2023,3,,,,drugs,,",
    # a dimension code outside the codelist
    "crime.cases_occurred,62,2023,3,,,,drugz,,",
    # a bad period
    "tips.received,62,2023Q5,3,,,,,,",
    # a place with surrounding spaces
    "tips.received, 62,2023,3,,,,,,",
    # a blank quote
    "tips.received,62,2023,3,,,,,   ,",
    # no place
    "tips.received,,2023,3,,,,,,",
    # a float-looking count
    "tips.received,62,2023,1e3,,,,,,",
]


class TestErrors:
    """Bad rows: the same RecordError, located by row, worded by the reference."""

    @pytest.mark.parametrize("bad", BAD_ROWS)
    def test_bad_row_is_reported_like_the_reference(self, bad: str, tmp_path: Path) -> None:
        good = "tips.received,62,2022,3,,,,,,"
        path = tmp_path / "bad.csv"
        path.write_text("\n".join([HEADER, good, bad, good.replace("2022", "2021")]) + "\n")
        with pytest.raises(RecordError) as reference:
            read_observations(path)
        with pytest.raises(RecordError) as mine:
            read_table(path)
        assert mine.value.problems == reference.value.problems
        assert mine.value.problems[0][0].startswith("row 2")
        with pytest.raises(RecordError) as streamed:
            rollup_file(path, period="2023", registry=registry(), as_of=date(2023, 12, 31))
        assert streamed.value.problems == reference.value.problems

    @pytest.mark.parametrize("block", [None, 40, 300])
    def test_bad_rows_left_out_are_listed_and_count_as_absent(
        self, block: int | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        if block is not None:  # a refused combination or place met in a later block
            monkeypatch.setattr(bulk_scan, "BLOCK_BYTES", block)
            monkeypatch.setattr(bulk_scan, "MERGE_ROWS", 1)
        good = [
            f"tips.received,{p},2023{m:02d},{m},,,,,," for p in ("608", "616") for m in range(1, 13)
        ]
        # a bad period at two places: worded once, row by row
        again = "tips.received,608,2023Q5,4,,,,,,"
        lines = [HEADER, *good[:5], *BAD_ROWS, again, *good[5:]]
        path = tmp_path / "bad.csv"
        path.write_text("\n".join(lines) + "\n")
        with pytest.raises(RecordError) as reference:
            read_observations(path)
        clean = tmp_path / "clean.csv"
        clean.write_text("\n".join([HEADER, *good]) + "\n")
        kwargs: dict[str, Any] = {
            "period": "2023",
            "registry": registry(),
            "as_of": date(2023, 12, 31),
        }
        scanned = scan_rollups(path, to=["province", None], bad_rows="leave_out", **kwargs)
        assert scanned.left_out == tuple((loc, msg) for loc, msg in reference.value.problems)
        expected = [rollup(read_observations(clean), to=to, **kwargs) for to in ("province", None)]
        assert list(scanned.rollups) == expected
        with pytest.raises(RecordError):
            scan_rollups(path, to=["province"], **kwargs)

    def test_every_bad_row_is_listed(self, tmp_path: Path) -> None:
        path = tmp_path / "bad.csv"
        path.write_text("\n".join([HEADER, *BAD_ROWS]) + "\n")
        with pytest.raises(RecordError) as mine:
            read_table(path)
        assert [loc.split(".")[0] for loc, _ in mine.value.problems] == [
            f"row {i}" for i in range(1, len(BAD_ROWS) + 1)
        ]

    @pytest.mark.parametrize(
        "text",
        [
            # more cells than header columns: the reference's structural error
            "indicator,place,period,value\ntips.received,62,2023,1,9\n",
            # an unknown column with a value
            "indicator,place,period,value,colour\ntips.received,62,2023,1,red\n",
        ],
    )
    def test_structural_errors_are_the_reference_s(self, text: str, tmp_path: Path) -> None:
        path = tmp_path / "odd.csv"
        path.write_text(text)
        with pytest.raises(RecordError) as reference:
            read_observations(path)
        with pytest.raises(RecordError) as mine:
            read_table(path)
        assert mine.value.problems == reference.value.problems

    @pytest.mark.parametrize(
        "text",
        [
            # a blank line, skipped by the reference
            "indicator,place,period,value\ntips.received,62,2023,1\n\ntips.received,62,2022,2\n",
            # a byte-order mark
            "\ufeffindicator,place,period,value\ntips.received,62,2023,1\n",
            # a count written with spaces (accepted by the reference)
            "indicator,place,period,value\ntips.received,62,2023, 12 \n",
            # an empty file with a header only
            "indicator,place,period,value\n",
        ],
    )
    def test_odd_but_valid_files_read_like_the_reference(self, text: str, tmp_path: Path) -> None:
        path = tmp_path / "odd.csv"
        path.write_text(text, encoding="utf-8")
        expected, error = _attempt(lambda: read_observations(path))
        if isinstance(error, RecordError):
            with pytest.raises(RecordError) as mine:
                read_table(path)
            assert mine.value.problems == error.problems
            return
        assert read_table(path).to_observations() == expected
        kwargs: dict[str, Any] = {
            "period": "2023",
            "registry": registry(),
            "as_of": date(2023, 12, 31),
        }
        assert rollup_file(path, **kwargs) == rollup(expected, **kwargs)

    @pytest.mark.parametrize("merge", [1, None])
    @pytest.mark.parametrize("block", [1, 7, 64, 10_000])
    def test_blocks_end_where_records_end(
        self, block: int, merge: int | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Quoted newlines, commas and quotes never split a record between two blocks;
        places out of order (each cell's rows apart) and bad rows in any block give the
        reference's result, the blocks' cells merged as they come or at the end."""
        monkeypatch.setattr(bulk_scan, "BLOCK_BYTES", block)
        if merge is not None:
            monkeypatch.setattr(bulk_scan, "MERGE_ROWS", merge)
        lines = [HEADER]
        for m in range(1, 13):
            for p in ("616", "608"):
                quote = f'"hơn {m} tin,\n""mới"" ({p})\r\nnữa"' if m % 3 == 0 else ""
                lines.append(f"tips.received,{p},2023{m:02d},{m},,,,,{quote},")
        lines[5] = "tips.received,608,202303,1O,,,,,,"
        path = tmp_path / "quoted.csv"
        path.write_bytes(("\r\n".join(lines) + "\r\n").encode())
        clean = tmp_path / "clean.csv"
        clean.write_bytes(("\r\n".join(lines[:5] + lines[6:]) + "\r\n").encode())
        with pytest.raises(RecordError) as reference:
            read_observations(path)
        kwargs: dict[str, Any] = {
            "period": "2023",
            "registry": registry(),
            "as_of": date(2023, 12, 31),
        }
        scanned = scan_rollups(path, to=["province", None], bad_rows="leave_out", **kwargs)
        assert list(scanned.left_out) == reference.value.problems
        expected = [rollup(read_observations(clean), to=to, **kwargs) for to in ("province", None)]
        assert list(scanned.rollups) == expected
        assert rollup_file(clean, to=None, **kwargs) == expected[1]

    @pytest.mark.parametrize("block", [None, 30])
    def test_rows_the_register_refuses_are_left_out_in_its_words(
        self, block: int | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A place the register does not have, or one that did not exist during the
        row's period, is refused in the pass as the reference reader refuses it."""
        if block is not None:
            monkeypatch.setattr(bulk_scan, "BLOCK_BYTES", block)
        good = [f"tips.received,{p},2023{m:02d},{m}" for p in ("23287", "23281") for m in (1, 2)]
        bad = [
            "tips.received,23281,202508,5",  # ended on 30 June 2025
            "tips.received,99999,202301,1",
            "tips.received,Kon Tum,2023,1",
            "tips.received,23281,202509,6",
        ]
        header = "indicator,place,period,value"
        path = tmp_path / "places.csv"
        path.write_text("\n".join([header, good[0], *bad[:2], *good[1:], *bad[2:]]) + "\n")
        clean = tmp_path / "clean.csv"
        clean.write_text("\n".join([header, *good]) + "\n")
        with pytest.raises(RecordError) as reference:
            read_observations(path)
        kwargs: dict[str, Any] = {
            "period": "2023",
            "registry": registry(),
            "as_of": date(2023, 12, 31),
        }
        scanned = scan_rollups(path, to=["province"], bad_rows="leave_out", **kwargs)
        assert list(scanned.left_out) == reference.value.problems
        assert [loc for loc, _ in scanned.left_out] == [
            "row 2.place",
            "row 3",
            "row 7",
            "row 8.place",
        ]
        assert list(scanned.rollups) == [rollup(read_observations(clean), to="province", **kwargs)]
        with pytest.raises(RecordError) as streamed:
            rollup_file(path, to="province", **kwargs)
        assert streamed.value.problems == reference.value.problems

    def test_json_lines_are_read_by_the_reference(self, tmp_path: Path) -> None:
        obs = [
            Observation(
                indicator="tips.received", place="62", period="2023", value=Quantity(5, "tip")
            )
        ]
        path = write_observations(obs, tmp_path / "rows.jsonl")
        assert read_table(path).to_observations() == obs


class TestPeriodsKept:
    """Without a target period every period is kept: parts per period, in columns."""

    @LAW
    @given(drawn_sets(), st.data())
    def test_agreement_law_without_a_period(
        self, drawn: tuple[Registry, list[Observation], date], data: st.DataObject
    ) -> None:
        reg, obs, as_of = drawn
        obs = obs + _extras(obs, data)
        view = (
            "restated" if as_of.year > 2023 else data.draw(st.sampled_from(["as_of", "restated"]))
        )
        kwargs: dict[str, Any] = {
            "to": data.draw(st.sampled_from([None, "nation", "province", "district"])),
            "period": None,
            "registry": reg,
            "as_of": as_of,
            "view": view,
            "shares": data.draw(share_tables(reg, as_of)) if view == "restated" else None,
            "missing": data.draw(st.sampled_from(["lower_bound", "strict", "ignore"])),
        }
        with tempfile.TemporaryDirectory() as tmp:
            path = _write(obs, Path(tmp))
            table = read_table(path, registry=reg)
            expected, error = _attempt(
                lambda: rollup(read_observations(path, registry=reg), **kwargs)
            )
            streamed, stream_error = _attempt(lambda: rollup_file(path, **kwargs))
        calls: list[int] = []

        def counting(*args: Any, **kw: Any) -> Any:
            calls.append(1)
            return rollup(*args, **kw)

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(bulk, "rollup", counting)
            got, got_error = _attempt(lambda: rollup_table(table, **kwargs))
        if error is not None:
            event("the reference refuses")
            assert type(got_error) is type(error)
            assert str(got_error) == str(error)
            assert type(stream_error) is type(error)
            assert str(stream_error) == str(error)
            return
        event("whole reference" if calls else "columns")
        assert not calls  # what the reference accepts, the columns roll up
        for mine, theirs in zip(got.cells, expected.cells, strict=True):
            assert mine == theirs
        assert got == expected
        assert streamed == expected

    def test_only_the_odd_families_go_to_the_reference(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Monthly flows and stocks, quarterly flows, a decimal unit, a dimension,
        not-reported and not-applicable figures: in columns; the stated percentage
        and the family (indicator, period, dims) with a repeated cell are the
        only rows the reference reads."""
        obs = [
            Observation(indicator=i, place=p, period=f"2023{m:02d}", value=Quantity(m, u))
            for i, u in (("tips.received", "tip"), ("models.active", "model"))
            for p in ("608", "616")
            for m in range(1, 13)
            if (p, m) != ("616", 3)
        ]
        obs += [
            Observation(
                indicator="tips.received", place="616", period="202303", value=NOT_REPORTED
            ),
            Observation(
                indicator="tips.resolved",
                place="608",
                period="2023Q1",
                value=Quantity(1, "tip", "at_least"),
            ),
            Observation(
                indicator="tips.resolved",
                place="616",
                period="2023Q1",
                value=Quantity(2, "tip", "more_than"),
            ),
            Observation(
                indicator="crime.cases_occurred",
                place="616",
                period="202305",
                value=Quantity(2, "case"),
                dims={"category": "drugs"},
            ),
            Observation(
                indicator="weapons.explosives",
                place="608",
                period="2023Q1",
                value=Quantity(Decimal("1.25"), "kilogram"),
            ),
            Observation(
                indicator="weapons.explosives",
                place="616",
                period="2023Q1",
                value=Quantity(Decimal("0.5"), "kilogram"),
            ),
            Observation(
                indicator="forces.camera_data_sharing_rate",
                place="608",
                period="2023",
                value=Quantity(Decimal("91.5"), "percent"),
            ),
        ]
        repeated = Observation(
            indicator="tips.valuable", place="608", period="202302", value=Quantity(4, "tip")
        )
        obs += [repeated, repeated]
        path = _write(obs, tmp_path)
        table = read_table(path)
        read: list[Observation] = []

        def refuse(*args: Any, **kw: Any) -> Any:
            raise AssertionError("fell back to the whole reference")

        def counting(observations: Any, **kw: Any) -> Any:
            read.extend(observations)
            return rollup_parts(observations, **kw)

        for to in ("province", "nation", None):
            kwargs: dict[str, Any] = {
                "to": to,
                "period": None,
                "registry": registry(),
                "as_of": date(2023, 12, 31),
            }
            expected = rollup(obs, **kwargs)
            read.clear()
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(bulk, "rollup", refuse)
                patch.setattr(bulk, "rollup_parts", counting)
                assert rollup_table(table, **kwargs) == expected
                assert rollup_file(path, **kwargs) == expected
            assert {(o.indicator, str(o.period)) for o in read} == {
                ("forces.camera_data_sharing_rate", "2023"),
                ("tips.valuable", "202302"),
            }
        r = rollup_table(
            table, to="province", period=None, registry=registry(), as_of=date(2023, 12, 31)
        )
        assert str(r.cell("tips.resolved", "62", "2023Q1").value) == ">3 tip"
        assert str(r.cell("weapons.explosives", "62", "2023Q1").value) == ">=1.75 kilogram"


def _stray_lines(*, quoted_newlines: bool) -> list[str]:
    """Rows with a quote inside unquoted fields (a plain character for the `csv` module),
    with or without quoted fields holding line ends after them."""
    lines = [HEADER]
    for m in range(1, 13):
        for p in ("616", "608"):
            quote = ""
            if (m, p) in {(2, "608"), (7, "616")}:
                quote = f'hơn {m} "tin'  # one quote: the count of quotes turns odd
            elif (m, p) == (4, "608"):
                quote = 'nói "rõ" và "đủ'  # three
            elif quoted_newlines and m % 3 == 0:
                quote = f'"tin {m},\n""mới"" ({p})\r\nnữa"'
            lines.append(f"tips.received,{p},2023{m:02d},{m},,,,,{quote},")
    return lines


def _whole(*args: Any, **kw: Any) -> Any:
    raise AssertionError("the file was handed to the reference whole")


class TestStrayQuotes:
    """A quote inside an unquoted field is a plain character (Python's `csv` module, which
    the reference reads with): it opens a quoted field only at the start of a field."""

    @pytest.mark.parametrize("back", [1, None])
    @pytest.mark.parametrize("quoted_newlines", [True, False])
    @pytest.mark.parametrize("block", [1, 7, 40, 64, 150, 10_000])
    def test_blocks_hold_whole_records(
        self,
        block: int,
        quoted_newlines: bool,
        back: int | None,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        if back is not None:  # a quoted field over more line ends than are tried by count
            monkeypatch.setattr(bulk_scan, "_BACK_LINES", back)
        path = tmp_path / "stray.csv"
        path.write_bytes(
            ("\r\n".join(_stray_lines(quoted_newlines=quoted_newlines)) + "\r\n").encode()
        )
        whole = path.read_bytes().split(b"\r\n", 1)[1]
        parts = list(bulk_scan.blocks(path, block))
        assert b"".join(parts) == whole

        def records(data: bytes) -> list[list[str]]:
            return list(csv.reader(io.StringIO(data.decode(), newline=""), strict=True))

        assert [r for part in parts for r in records(part)] == records(whole)

    @pytest.mark.parametrize("quoted_newlines", [True, False])
    @pytest.mark.parametrize("block", [None, 7, 40, 150])
    def test_rollups_and_errors_are_the_reference_s(
        self,
        block: int | None,
        quoted_newlines: bool,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """The same rollups, rows left out and errors; only the blocks with a stray quote
        are read by the `csv` module (the file is not handed to the reference whole)."""
        if block is not None:
            monkeypatch.setattr(bulk_scan, "BLOCK_BYTES", block)
        lines = _stray_lines(quoted_newlines=quoted_newlines)
        clean = tmp_path / "clean.csv"
        clean.write_bytes(("\r\n".join(lines) + "\r\n").encode())
        lines.insert(9, "tips.received,608,202305,1O,,,,,,")  # refused: a letter O
        path = tmp_path / "stray.csv"
        path.write_bytes(("\r\n".join(lines) + "\r\n").encode())
        with pytest.raises(RecordError) as reference:
            read_observations(path)
        kwargs: dict[str, Any] = {
            "period": "2023",
            "registry": registry(),
            "as_of": date(2023, 12, 31),
        }

        expected = [rollup(read_observations(clean), to=to, **kwargs) for to in ("province", None)]
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(bulk, "_held", _whole)
            scanned = scan_rollups(path, to=["province", None], bad_rows="leave_out", **kwargs)
            assert list(scanned.left_out) == reference.value.problems
            assert list(scanned.rollups) == expected
            assert rollup_file(clean, to=None, **kwargs) == expected[1]
            with pytest.raises(RecordError) as streamed:
                rollup_file(path, to="province", **kwargs)
        assert streamed.value.problems == reference.value.problems
        assert read_table(clean).to_observations() == read_observations(clean)

    @pytest.mark.parametrize("block", [None, 7, 40, 150])
    @pytest.mark.parametrize(
        "bad",
        [
            'tips.received,608,202305,5,,,,,"tin" mới,',  # text after a closing quote
            'tips.received,608,202305,5,,,,,"tin\r\nmới,',  # a quoted field never closed
            'tips.received,608,202305,5,,,,,tin "mới,x,',  # a cell more than the header
        ],
    )
    def test_malformed_quoting_is_the_reference_s_error(
        self, bad: str, block: int | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        if block is not None:
            monkeypatch.setattr(bulk_scan, "BLOCK_BYTES", block)
        lines = _stray_lines(quoted_newlines=True)
        lines.insert(9, bad)
        path = tmp_path / "bad.csv"
        path.write_bytes(("\r\n".join(lines) + "\r\n").encode())
        with pytest.raises(RecordError) as reference:
            read_observations(path)
        _every_bulk_reader_refuses_it_so(path, reference.value)


# a cell's raw text as it stands in the file: unquoted with quotes inside it (plain
# characters), quoted with commas, line ends and doubled quotes, or starting with a quote
# that opens a quoted field the rest may leave malformed
_RAW_CELLS = st.one_of(
    st.just(""),
    st.text(alphabet='a ư"', max_size=5).map(lambda t: "ư" + t),
    st.lists(st.sampled_from(["a", ",", "\n", "\r\n", '""', "ư"]), max_size=5).map(
        lambda parts: '"' + "".join(parts) + '"'
    ),
    st.text(alphabet='a,"', min_size=1, max_size=4).map(lambda t: '"' + t),
)


class TestStrayQuotesLaw:
    """Law: on raw CSV text with quotes anywhere, the columns give the reference's result."""

    @LAW
    @given(
        st.lists(st.tuples(st.sampled_from(["608", "616"]), _RAW_CELLS), min_size=1, max_size=12),
        st.sampled_from([None, 7, 40, 150]),
    )
    def test_raw_quotes_read_like_the_reference(
        self, rows: list[tuple[str, str]], block: int | None
    ) -> None:
        lines = [HEADER]
        lines += [f"tips.received,{p},2023{m:02d},{m},,,,,{q}," for m, (p, q) in enumerate(rows, 1)]
        kwargs: dict[str, Any] = {
            "to": "province",
            "period": "2023",
            "registry": registry(),
            "as_of": date(2023, 12, 31),
        }
        with tempfile.TemporaryDirectory() as tmp, pytest.MonkeyPatch.context() as patch:
            if block is not None:
                patch.setattr(bulk_scan, "BLOCK_BYTES", block)
            path = Path(tmp) / "raw.csv"
            path.write_bytes(("\r\n".join(lines) + "\r\n").encode())
            expected, error = _attempt(lambda: rollup(read_observations(path), **kwargs))
            event("refused" if error is not None else "read")
            if error is not None:
                _, stream_error = _attempt(lambda: rollup_file(path, **kwargs))
                assert type(stream_error) is type(error)
                assert str(stream_error) == str(error)
                return
            # a file the reference reads is read in blocks, never handed to it whole
            patch.setattr(bulk, "_held", _whole)
            assert rollup_file(path, **kwargs) == expected
            assert read_table(path).to_observations() == read_observations(path)


class TestCellLimit:
    """A cell longer than `MAX_FIELD_CHARS` is refused by the bulk readers in the
    reference's words (a file the columns read whole used to take it)."""

    @pytest.mark.parametrize("column", ["quote", "place"])
    @pytest.mark.parametrize("block", [None, 40])
    def test_a_cell_over_the_limit_is_the_reference_s_error(
        self, column: str, block: int | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        if block is not None:
            monkeypatch.setattr(bulk_scan, "BLOCK_BYTES", block)
        long = "x" * (MAX_FIELD_CHARS + 1)
        lines = [HEADER]
        for m in range(1, 13):
            place, quote = "616", ""
            if m == 7:
                place, quote = (long, "") if column == "place" else ("616", long)
            lines.append(f"tips.received,{place},2023{m:02d},{m},,,,,{quote},")
        path = tmp_path / "long.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        with pytest.raises(RecordError) as reference:
            read_observations(path)
        assert f"at most {MAX_FIELD_CHARS} characters" in str(reference.value)
        _every_bulk_reader_refuses_it_so(path, reference.value)

    @pytest.mark.parametrize("block", [None, 40])
    def test_a_cell_of_more_bytes_than_the_limit_but_not_more_characters_is_read(
        self, block: int | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        # the limit counts characters: 'ệ' is 3 bytes in UTF-8, so this cell has
        # MAX_FIELD_CHARS characters (accepted) and three times as many bytes
        if block is not None:
            monkeypatch.setattr(bulk_scan, "BLOCK_BYTES", block)
        wide = "ệ" * MAX_FIELD_CHARS
        lines = [HEADER]
        lines += [
            f"tips.received,616,2023{m:02d},{m},,,,,{wide if m == 7 else ''}," for m in range(1, 13)
        ]
        path = tmp_path / "wide.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        observations = read_observations(path)
        assert read_table(path).to_observations() == observations
        kwargs: dict[str, Any] = {
            "to": "province",
            "period": "2023",
            "registry": registry(),
            "as_of": date(2023, 12, 31),
        }
        expected = rollup(observations, **kwargs)
        # read in blocks (the bytes alone would have sent it to the reference)
        monkeypatch.setattr(bulk, "_held", _whole)
        assert rollup_file(path, **kwargs) == expected

    @pytest.mark.parametrize("dtype", [pl.String, pl.Categorical])
    def test_the_limit_counts_characters_not_bytes(self, dtype: pl.DataType) -> None:
        def frame(cell: str) -> pl.DataFrame:
            return pl.DataFrame(
                {"a": ["1", "2"], "b": ["x", cell]}, schema={"a": dtype, "b": dtype}
            )

        assert not over_limit(frame("ệ" * MAX_FIELD_CHARS))
        assert over_limit(frame("ệ" * (MAX_FIELD_CHARS + 1)))
        assert over_limit(frame("x" * (MAX_FIELD_CHARS + 1)))
        assert not over_limit(frame("x" * MAX_FIELD_CHARS))


class TestShortRows:
    """A row with fewer cells than the header is the reference's error for the whole file
    (polars would read the missing cells as empty)."""

    @pytest.mark.parametrize("quoted", [False, True])
    @pytest.mark.parametrize("short", ["tips.received,616", "tips.received,616,202304,4,,,,,"])
    @pytest.mark.parametrize("block", [None, 40])
    def test_a_short_row_is_the_reference_s_error(
        self,
        short: str,
        quoted: bool,
        block: int | None,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        if block is not None:
            monkeypatch.setattr(bulk_scan, "BLOCK_BYTES", block)
        lines = [HEADER] + [f"tips.received,616,2023{m:02d},{m},,,,,," for m in range(1, 13)]
        lines[4] = short
        if quoted:  # commas inside a quoted field are not separators
            lines[6] = 'tips.received,616,202306,6,,,,,"nói ""rõ"", đủ",'
        path = tmp_path / "short.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        with pytest.raises(RecordError) as reference:
            read_observations(path)
        assert "cells: expected 10" in str(reference.value)
        _every_bulk_reader_refuses_it_so(path, reference.value)

    @pytest.mark.parametrize("block", [None, 40])
    def test_whole_quoted_rows_read_in_columns(
        self, block: int | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        if block is not None:
            monkeypatch.setattr(bulk_scan, "BLOCK_BYTES", block)
        lines = [HEADER] + [
            f'tips.received,616,2023{m:02d},{m},,,,,"tin, ""mới"" {m}",' for m in range(1, 13)
        ]
        path = tmp_path / "quoted.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        monkeypatch.setattr(bulk, "_held", _whole)
        got = rollup_file(
            path, to="province", period="2023", registry=registry(), as_of=date(2023, 12, 31)
        )
        want = rollup(
            read_observations(path),
            to="province",
            period="2023",
            registry=registry(),
            as_of=date(2023, 12, 31),
        )
        assert got == want


class TestCollectorPaused:
    """The bulk rollups and the register's reading pause the cyclic garbage collector
    while they build cells (many objects, none in a cycle) and leave it as they found it,
    also on an error."""

    def test_the_collector_is_left_as_it_was(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        import gc

        from antq_domain.bulk import _parts as bulk_parts

        seen: list[bool] = []
        cells = bulk_parts._cells

        def spy(*args: Any, **kwargs: Any) -> Any:
            seen.append(gc.isenabled())
            return cells(*args, **kwargs)

        monkeypatch.setattr(bulk_parts, "_cells", spy)
        path = tmp_path / "kt.csv"
        path.write_text(
            "indicator,place,period,value\ntips.received,608,2023,1x\ntips.received,616,2023,4\n"
        )
        kwargs: dict[str, Any] = {
            "to": ["province"],
            "period": "2023",
            "registry": registry(),
            "as_of": date(2023, 12, 31),
        }
        assert gc.isenabled()
        try:
            for enabled in (True, False):
                if not enabled:
                    gc.disable()
                with pytest.raises(RecordError):
                    scan_rollups(path, **kwargs)
                assert gc.isenabled() is enabled
                left = scan_rollups(path, bad_rows="leave_out", **kwargs)
                assert left.left_out
                assert gc.isenabled() is enabled
        finally:
            gc.enable()
        assert seen == [False, False]  # paused while the cells were built


def test_canonical_ids_are_every_standard_period_written_canonically() -> None:
    # the scan registers these in its period categories: every standard period of the
    # years, as `str(Period)` writes it, in the order of year, halves, quarters, months,
    # ISO weeks, days (leap years, a century that is not one, 53-week years)
    ids = bulk_scan.canonical_ids()
    assert len(ids) == len(set(ids))
    assert len(ids) == sum(
        1
        + 2
        + 4
        + 12
        + date(y, 12, 28).isocalendar().week
        + (366 if y % 4 == 0 and (y % 100 or y % 400 == 0) else 365)
        for y in bulk_scan.CANONICAL_YEARS
    )
    for y in (1900, 2000, 2015, 2020, 2023, 2100):
        first = date(y, 1, 1).toordinal()
        expected = [
            Period.year(y),
            *(Period.half_year(y, h) for h in (1, 2)),
            *(Period.quarter(y, q) for q in range(1, 5)),
            *(Period.month(y, m) for m in range(1, 13)),
            *(Period.week(y, w) for w in range(1, date(y, 12, 28).isocalendar().week + 1)),
            *(
                Period.day(date.fromordinal(first + d))
                for d in range(date(y, 12, 31).toordinal() - first + 1)
            ),
        ]
        assert [i for i in ids if i[:4] == f"{y:04d}"] == [str(p) for p in expected]
