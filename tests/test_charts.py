"""Charts: files written, labels in the chosen language, qualifiers shown, gaps not zeros."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

import antq_domain as aq
from antq_domain.charts import commendation_tallies, compare_places, replication_funnel, trend
from antq_domain.errors import AntqTypeError, InvariantError
from antq_domain.frames import MissingExtraError
from antq_domain.records.observation import Observation
from antq_domain.records.report import MovementReport
from antq_domain.values import NOT_REPORTED, Quantity

ROOT = Path(__file__).resolve().parents[1]
KON_TUM = ROOT / "examples" / "data" / "kon-tum-2023.json"


@pytest.fixture(scope="module")
def report() -> MovementReport:
    return aq.load_report(KON_TUM)


def _obs(indicator: str, value: Any, period: str = "2023", place: str = "62") -> Observation:
    return Observation(indicator=indicator, place=place, period=period, value=value)


def _series() -> list[Observation]:
    ind = "mobilisation.launch_participants"
    return [
        _obs(ind, Quantity(120000, "participation"), "2021"),
        _obs(ind, NOT_REPORTED, "2022"),
        _obs(ind, Quantity(145410, "participation", "more_than"), "2023"),
    ]


def _saved(fig: Figure, path: Path) -> int:
    fig.savefig(path)
    assert path.exists()
    return path.stat().st_size


def _texts(ax: Axes) -> list[str]:
    return [t.get_text() for t in ax.texts]


def _bars(ax: Axes) -> list[Rectangle]:
    return [p for p in ax.patches if isinstance(p, Rectangle)]


class TestFiles:
    def test_every_chart_writes_a_non_trivial_png(
        self, report: MovementReport, tmp_path: Path
    ) -> None:
        figures = {
            "trend": trend(_series(), "mobilisation.launch_participants"),
            "compare": compare_places(report, "tips.received", places=["62", "64"]),
            "funnel": replication_funnel(report),
            "tallies": commendation_tallies(report),
        }
        for name, fig in figures.items():
            assert _saved(fig, tmp_path / f"{name}.png") > 5 * 1024, name

    def test_svg_too(self, report: MovementReport, tmp_path: Path) -> None:
        assert _saved(replication_funnel(report), tmp_path / "funnel.svg") > 5 * 1024


class TestTrend:
    def test_labels_follow_the_language(self) -> None:
        vi = trend(_series(), "mobilisation.launch_participants", lang="vi").axes[0]
        en = trend(_series(), "mobilisation.launch_participants", lang="en").axes[0]
        assert vi.get_title() == "lượt người tham gia phát động"
        assert en.get_xlabel() == "period"
        assert vi.get_xlabel() == "kỳ báo cáo"
        assert en.get_title() != vi.get_title()

    def test_a_missing_period_is_a_gap_not_a_zero(self) -> None:
        ax = trend(_series(), "mobilisation.launch_participants", lang="en").axes[0]
        line = ax.get_lines()[0]
        data: Any = line.get_ydata()
        ys = [float(y) for y in data]
        assert ys[0] == 120000.0
        assert ys[1] != ys[1]  # NaN: the line breaks
        assert 0.0 not in ys
        assert "— (not reported)" in _texts(ax)

    def test_a_lower_bound_is_marked(self) -> None:
        ax = trend(_series(), "mobilisation.launch_participants", lang="vi").axes[0]
        assert "> 145.410" in _texts(ax)
        assert any(line.get_marker() == "^" for line in ax.get_lines())
        legend = ax.get_legend()
        assert legend is not None
        assert any("hơn" in t.get_text() for t in legend.get_texts())

    def test_periods_in_time_order(self) -> None:
        obs = [_obs("tips.received", Quantity(n, "tip"), p) for n, p in [(3, "2023"), (1, "2021")]]
        ax = trend(obs, "tips.received").axes[0]
        assert [t.get_text() for t in ax.get_xticklabels()] == ["2021", "2023"]

    def test_one_line_per_place_and_a_place_filter(self) -> None:
        obs = [*_series(), _obs("mobilisation.launch_participants", NOT_REPORTED, place="64")]
        fig = trend(obs, "mobilisation.launch_participants", place="62")
        assert "Kon Tum" in fig.axes[0].get_title()

    def test_a_ratio_is_recomputed_from_its_parts(self, report: MovementReport) -> None:
        ax = trend(report, "tips.valuable_rate", lang="vi").axes[0]
        assert "90,2" in _texts(ax)

    def test_not_observations_are_refused(self) -> None:
        with pytest.raises(AntqTypeError) as info:
            trend(42, "tips.received")
        assert info.value.field == "observations"


class TestComparePlaces:
    def test_a_place_without_a_figure_has_no_bar(self, report: MovementReport) -> None:
        ax = compare_places(report, "tips.received", places=["62", "64"], lang="en").axes[0]
        assert len(_bars(ax)) == 1
        assert "— (no figure)" in _texts(ax)
        labels = [t.get_text() for t in ax.get_yticklabels()]
        assert labels == ["Tỉnh Kon Tum", "Tỉnh Gia Lai"]

    def test_a_lower_bound_is_hatched(self, report: MovementReport) -> None:
        ax = compare_places(report, "mobilisation.launch_participants", lang="vi").axes[0]
        assert [b.get_hatch() for b in _bars(ax)] == ["//"]
        assert "> 145.410" in _texts(ax)

    def test_period_defaults_to_the_latest(self) -> None:
        ax = compare_places(_series(), "mobilisation.launch_participants", lang="en").axes[0]
        assert ax.get_title().endswith("(2023)")

    def test_no_figures_at_all_is_an_error(self) -> None:
        with pytest.raises(InvariantError) as info:
            compare_places([], "tips.received")
        assert info.value.field == "indicator"


class TestRestatedAndIncomplete:
    """A restated rollup's bars say "restated"; an incomplete figure says what is missing."""

    @pytest.fixture
    def restated(self, report: MovementReport) -> Any:
        from datetime import date

        tips = [o for o in report.observations if o.indicator.startswith("tips.")]
        return aq.rollup(
            tips, to="province", registry=aq.registry(), as_of=date(2025, 7, 1), view="restated"
        )

    def test_bars_of_a_restated_rollup_say_so(self, restated: Any) -> None:
        ax = compare_places(restated, "tips.received", lang="vi").axes[0]
        label = ax.get_yticklabels()[0].get_text()
        assert label.startswith("Tỉnh Quảng Ngãi (tính lại)")
        assert "chưa đủ số liệu: 1/2 đơn vị cấp tỉnh" in label

    def test_a_ratio_of_incomplete_parts_has_no_bar(self, restated: Any) -> None:
        ax = compare_places(restated, "tips.valuable_rate", lang="en").axes[0]
        assert _bars(ax) == []
        assert any("incomplete: 1 of 2 province level units" in t for t in _texts(ax))
        assert not any(t.startswith("~") for t in _texts(ax))

    def test_trend_points_say_what_is_missing(self, restated: Any) -> None:
        ax = trend(restated, "tips.received", lang="en").axes[0]
        assert any("incomplete" in t for t in _texts(ax))
        assert "(restated)" in str(ax.get_lines()[0].get_label())


class TestReplicationFunnel:
    def test_scopes_from_district_to_national(self, report: MovementReport) -> None:
        ax = replication_funnel(report, lang="vi").axes[0]
        labels = [t.get_text() for t in ax.get_yticklabels()]
        assert labels == [
            "nhân rộng trên địa bàn huyện",
            "nhân rộng trên địa bàn tỉnh",
            "nhân rộng toàn quốc",
        ]
        assert sorted(b.get_width() for b in _bars(ax)) == [2.0, 3.0]
        assert "— (không có số liệu)" in _texts(ax)  # no district figure: a gap

    def test_district_scope_is_not_applicable_after_the_reform(self) -> None:
        obs = [
            Observation(
                indicator="models.replicated",
                place="51",
                period="2026",
                dims={"scope": "provincial"},
                value=Quantity(4, "model"),
            )
        ]
        ax = replication_funnel(obs, lang="en").axes[0]
        assert "— (not applicable)" in _texts(ax)

    def test_several_places_need_a_choice(self) -> None:
        obs = [
            Observation(
                indicator="models.replicated",
                place=p,
                period="2023",
                dims={"scope": "national"},
                value=Quantity(1, "model"),
            )
            for p in ("62", "64")
        ]
        with pytest.raises(InvariantError) as info:
            replication_funnel(obs)
        assert info.value.field == "place"
        assert replication_funnel(obs, place="64").axes[0].get_title().startswith("mô hình")


class TestCommendationTallies:
    def test_conferred_and_proposed_never_share_a_bar(self, report: MovementReport) -> None:
        fig = commendation_tallies(report, lang="en")
        conferred, proposed = fig.axes
        assert conferred.get_title() == "Conferred"
        assert proposed.get_title() == "Proposed"
        assert [t.get_text() for t in proposed.get_yticklabels()] == [
            "certificate of merit — Minister of Public Security"
        ]
        total = sum(b.get_width() for b in _bars(conferred))
        assert total == 3 + 5 + 1 + 2 + 6 + 6

    def test_from_figures_when_there_are_no_records(self, report: MovementReport) -> None:
        figures_only = report.model_copy(update={"commendations": (), "programmes": ()})
        fig = commendation_tallies(figures_only, lang="vi")
        assert [ax.get_title() for ax in fig.axes] == ["Đã khen thưởng", "Đề nghị khen thưởng"]
        assert sum(b.get_width() for b in _bars(fig.axes[1])) == 2

    def test_no_commendations_is_one_empty_panel(self) -> None:
        fig = commendation_tallies([], lang="en")
        assert len(fig.axes) == 1
        assert "— (no figure)" in _texts(fig.axes[0])


def test_missing_matplotlib_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [m for m in sys.modules if m.startswith("matplotlib")]:
        monkeypatch.setitem(sys.modules, name, None)
    with pytest.raises(MissingExtraError, match=r"antq-domain\[charts\]"):
        trend(_series(), "tips.received")
