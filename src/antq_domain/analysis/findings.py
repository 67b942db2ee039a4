# Size: the findings model (Severity, CodeSpec, Ref, Finding, Findings) and the registry of
# finding codes with their bilingual labels, a data table; half the lines are docstrings and their
# examples.
"""Findings: what validation and evaluation report, as typed bilingual data.

A [`Finding`][antq_domain.analysis.findings.Finding] is one thing a check found: a stable dotted
``code`` (``rule.violated``, ``conflict.values_differ``…), a
[`Severity`][antq_domain.analysis.findings.Severity], a bilingual ``message``, the observations and
records ``involved`` (as [`Ref`][antq_domain.analysis.findings.Ref] values), and optionally the rule
and the legal basis behind it. Checks never raise on a bad report: whatever they cannot decide
becomes a finding too.

Codes are data. [`FINDING_CODES`][antq_domain.analysis.findings.FINDING_CODES] maps every code the
library emits to its default severity and description
([`CodeSpec`][antq_domain.analysis.findings.CodeSpec]); the
[`FindingCode`][antq_domain.analysis.findings.FindingCode] codelist names them in code. A later
module (or a user) adds codes with [`finding_codes`][antq_domain.analysis.findings.finding_codes],
which returns a *new* registry: nothing global is mutated.

[`Findings`][antq_domain.Findings] is the ordered, immutable collection every
check returns: errors first, then warnings, then information, each group by code.

Example:
    >>> from antq_domain.analysis.findings import Finding, Findings, Ref
    >>> from antq_domain.values.label import Label
    >>> f = Finding.of(
    ...     "rule.violated",
    ...     Label(vi="655 > 600", en="655 > 600"),
    ...     involved=[Ref.cell("tips.valuable", "62", "2023")],
    ...     rule="tips.valuable_le_received",
    ... )
    >>> f.severity.value, str(f.involved[0])
    ('error', 'tips.valuable@62/2023')
    >>> Findings([f]).ok
    False
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import overload

import attrs

from antq_domain.display import data_frame, indicator_text, place_name
from antq_domain.errors import AntqTypeError, InvariantError, ParseError, UnknownCodeError
from antq_domain.markup import Html, bilingual, html_table
from antq_domain.records.indicators import catalogue
from antq_domain.records.observation import Dims, Observation, as_dims
from antq_domain.values import identifiers
from antq_domain.values._checks import code_of, tuple_of
from antq_domain.values._codelist import Codelist
from antq_domain.values.document import DocumentRef
from antq_domain.values.label import Label, Lang
from antq_domain.values.period import Period

__all__ = [
    "FINDING_CODES",
    "CodeSpec",
    "Finding",
    "FindingCode",
    "Findings",
    "Ref",
    "Severity",
    "code_spec",
    "finding_codes",
]

_CODE = identifiers.CODE


class Severity(Codelist):
    """How serious a finding is: ``error``, ``warning`` or ``info``.

    * ``error``: the report contradicts itself or a rule that always holds;
    * ``warning``: something is probably wrong or incomplete;
    * ``info``: worth knowing, not a fault (an undecidable comparison, a
      duplicate figure).

    Example:
        >>> from antq_domain.analysis.findings import Severity
        >>> Severity.ERROR.label.vi, Severity.INFO.rank
        ('lỗi', 2)
    """

    ERROR = ("error", "lỗi", "error")
    WARNING = ("warning", "cảnh báo", "warning")
    INFO = ("info", "thông tin", "info")

    @property
    def rank(self) -> int:
        """Sort rank: 0 for errors, 1 for warnings, 2 for information.

        Example:
            >>> from antq_domain.analysis.findings import Severity
            >>> sorted(Severity, key=lambda s: -s.rank)[0].value
            'info'
        """
        return _RANK[self]


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def _severity(value: object) -> Severity:
    return code_of("severity", value, Severity, "a Severity or one of error, warning, info")


def _code(value: object) -> str:
    if not isinstance(value, str) or not _CODE.fullmatch(value):
        raise ParseError("code", value, "a dotted lower-case code such as 'rule.violated'")
    return value


@attrs.frozen
class CodeSpec:
    """What a finding code means: its default severity and bilingual description.

    A value.

    Args:
        code: the dotted code, e.g. ``rule.violated``.
        severity: the severity a finding of this code has unless the check
            says otherwise (a rule's importance overrides it).
        label: what the code means, in Vietnamese and English.

    Example:
        >>> from antq_domain.analysis.findings import CodeSpec
        >>> from antq_domain.values.label import Label
        >>> spec = CodeSpec("local.late", "warning", Label(vi="nộp muộn", en="filed late"))
        >>> spec.severity.value
        'warning'
    """

    code: str = attrs.field(converter=_code)
    severity: Severity = attrs.field(converter=_severity)
    label: Label


class FindingCode(enum.StrEnum):
    """The finding codes validation emits (see `FINDING_CODES` for their meaning).

    The codelist is open: evaluation and users add codes through
    [`finding_codes`][antq_domain.analysis.findings.finding_codes]; a
    [`Finding`][antq_domain.analysis.findings.Finding] accepts any dotted code.

    Example:
        >>> from antq_domain.analysis.findings import FindingCode
        >>> FindingCode.RULE_VIOLATED.spec.label.en
        'a validation rule is broken'
        >>> FindingCode("conflict.values_differ").spec.severity.value
        'error'
    """

    RULE_VIOLATED = "rule.violated"
    RULE_UNDETERMINED = "rule.undetermined"
    RULE_MISSING_OPERAND = "rule.missing_operand"
    RULE_INVALID = "rule.invalid"
    TOTAL_MISMATCH = "total.mismatch"
    TOTAL_UNDETERMINED = "total.undetermined"
    CONFLICT_VALUES_DIFFER = "conflict.values_differ"
    CONFLICT_VALUES_OVERLAP = "conflict.values_overlap"
    CONFLICT_STATUS_DIFFERS = "conflict.status_differs"
    DUPLICATE_SAME_VALUE = "duplicate.same_value"
    RECORD_MISMATCH = "record.mismatch"
    PLACE_UNKNOWN = "place.unknown"

    @property
    def spec(self) -> CodeSpec:
        """The default severity and description of the code.

        Example:
            >>> from antq_domain.analysis.findings import FindingCode
            >>> FindingCode.DUPLICATE_SAME_VALUE.spec.severity.value
            'info'
        """
        return FINDING_CODES[self.value]


def _spec(code: FindingCode, severity: Severity, vi: str, en: str) -> CodeSpec:
    return CodeSpec(code.value, severity, Label(vi=vi, en=en))


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

FINDING_CODES: Mapping[str, CodeSpec] = MappingProxyType(
    {
        s.code: s
        for s in (
            _spec(
                FindingCode.RULE_VIOLATED,
                _E,
                "quy tắc kiểm tra bị vi phạm",
                "a validation rule is broken",
            ),
            _spec(
                FindingCode.RULE_UNDETERMINED,
                _I,
                "không xác định được quy tắc có thỏa hay không (số liệu ước lượng, 'hơn', 'gần')",
                "the rule can be neither confirmed nor refuted (approximate figures)",
            ),
            _spec(
                FindingCode.RULE_MISSING_OPERAND,
                _I,
                "thiếu số liệu để kiểm tra quy tắc",
                "a figure the rule needs is missing",
            ),
            _spec(
                FindingCode.PLACE_UNKNOWN,
                _E,
                "địa bàn không có trong danh mục hoặc không tồn tại trong kỳ",
                "the place is not in the register or did not exist in the period",
            ),
            _spec(
                FindingCode.RULE_INVALID,
                _W,
                "quy tắc không áp dụng được với danh mục chỉ tiêu",
                "the rule cannot be applied with this indicator catalogue",
            ),
            _spec(
                FindingCode.TOTAL_MISMATCH,
                _E,
                "tổng các phần khác số tổng được nêu",
                "the parts do not add up to the stated total",
            ),
            _spec(
                FindingCode.TOTAL_UNDETERMINED,
                _I,
                "không xác định được các phần có khớp tổng (số liệu ước lượng)",
                "whether the parts add up to the total cannot be decided (approximate figures)",
            ),
            _spec(
                FindingCode.CONFLICT_VALUES_DIFFER,
                _E,
                "hai nguồn nêu hai số liệu khác nhau cho cùng một ô",
                "two sources give incompatible figures for the same cell",
            ),
            _spec(
                FindingCode.CONFLICT_VALUES_OVERLAP,
                _W,
                "hai nguồn nêu số liệu khác nhau nhưng có thể cùng đúng",
                "two sources give different but compatible figures for the same cell",
            ),
            _spec(
                FindingCode.CONFLICT_STATUS_DIFFERS,
                _W,
                "một nguồn nêu số liệu, nguồn khác không nêu hoặc không công bố",
                "one source gives a figure, another marks it missing",
            ),
            _spec(
                FindingCode.DUPLICATE_SAME_VALUE,
                _I,
                "cùng một số liệu được nêu nhiều lần",
                "the same figure is stated more than once",
            ),
            _spec(
                FindingCode.RECORD_MISMATCH,
                _W,
                "danh sách chi tiết không khớp số liệu tổng hợp",
                "the listed records do not match the stated figure",
            ),
        )
    }
)
"""Registry of the codes the library emits: code →
[`CodeSpec`][antq_domain.analysis.findings.CodeSpec].

Example:
    >>> from antq_domain.analysis.findings import FINDING_CODES
    >>> FINDING_CODES["record.mismatch"].label.vi
    'danh sách chi tiết không khớp số liệu tổng hợp'
"""


def finding_codes(
    *specs: CodeSpec, base: Mapping[str, CodeSpec] = FINDING_CODES
) -> Mapping[str, CodeSpec]:
    """A new read-only registry: ``base`` plus ``specs`` (``base`` is unchanged).

    Raises:
        InvariantError: a code is already in ``base`` (field ``code``).

    Example:
        >>> from antq_domain.analysis.findings import CodeSpec, FINDING_CODES, finding_codes
        >>> from antq_domain.values.label import Label
        >>> late = CodeSpec("report.late", "warning", Label(vi="nộp muộn", en="filed late"))
        >>> reg = finding_codes(late)
        >>> "report.late" in reg, "report.late" in FINDING_CODES
        (True, False)
        >>> finding_codes(late, base=reg)
        Traceback (most recent call last):
        ...
        antq_domain.errors.InvariantError: code='report.late': expected a code not already ...
    """
    out = dict(base)
    for spec in specs:
        if spec.code in out:
            raise InvariantError("code", spec.code, "a code not already in the registry")
        out[spec.code] = spec
    return MappingProxyType(out)


def code_spec(code: str, registry: Mapping[str, CodeSpec] = FINDING_CODES) -> CodeSpec:
    """The `CodeSpec` of ``code`` in ``registry``, or `UnknownCodeError`.

    Example:
        >>> from antq_domain.analysis.findings import code_spec
        >>> code_spec("rule.invalid").severity.value
        'warning'
        >>> code_spec("rule.broken")
        Traceback (most recent call last):
        ...
        antq_domain.errors.UnknownCodeError: code='rule.broken': expected a registered ...
    """
    try:
        return registry[code]
    except KeyError:
        raise UnknownCodeError(
            "code", code, "a registered finding code (see FINDING_CODES)"
        ) from None


def _opt_text(field: str, value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, Period):
        return str(value)
    if not isinstance(value, str) or not value.strip():
        raise AntqTypeError(field, value, "a non-empty str or None")
    return value


def _opt_indicator(value: object) -> str | None:
    return _opt_text("indicator", value)


def _opt_place(value: object) -> str | None:
    return _opt_text("place", value)


def _opt_period(value: object) -> str | None:
    return _opt_text("period", value)


def _opt_path(value: object) -> str | None:
    return _opt_text("path", value)


def _opt_source(value: object) -> str | None:
    return _opt_text("source", value)


def _opt_rule(value: object) -> str | None:
    return _opt_text("rule", value)


@attrs.frozen(repr=False)
class Ref:
    """What a finding points at: an observation cell, a record path, or both.

    A value. A *cell* reference names ``indicator``, ``place``, ``period``
    (its canonical id) and ``dims``; a *record* reference names a dotted
    ``path`` inside the report (``models.2``, ``commendations.0``,
    ``observations.5``). ``source`` keeps the observation's source, so a
    conflict finding shows both sources. A place alone (``Ref(place="62")``)
    is valid too: completeness checks point at places.

    The text form is for display: ``tips.valuable@62/2023``,
    ``admin.units[unit_kind=commune]@62/2023``, ``models.2``.

    Example:
        >>> from antq_domain.analysis.findings import Ref
        >>> str(Ref.cell("admin.units", "62", "2023", {"unit_kind": "commune"}))
        'admin.units[unit_kind=commune]@62/2023'
        >>> str(Ref.record("models.2"))
        'models.2'
        >>> Ref()
        Traceback (most recent call last):
        ...
        antq_domain.errors.InvariantError: ref=None: expected an indicator, a place or a path
    """

    indicator: str | None = attrs.field(default=None, converter=_opt_indicator)
    place: str | None = attrs.field(default=None, converter=_opt_place)
    period: str | None = attrs.field(default=None, converter=_opt_period)
    dims: Dims = attrs.field(default=Dims(), converter=as_dims)
    path: str | None = attrs.field(default=None, converter=_opt_path)
    source: str | None = attrs.field(default=None, converter=_opt_source)

    def __attrs_post_init__(self) -> None:
        if self.indicator is None and self.place is None and self.path is None:
            raise InvariantError("ref", None, "an indicator, a place or a path")

    @classmethod
    def cell(
        cls,
        indicator: str,
        place: str,
        period: Period | str,
        dims: Mapping[str, str] | None = None,
        *,
        source: str | None = None,
        path: str | None = None,
    ) -> Ref:
        """A reference to one observation cell.

        Example:
            >>> from antq_domain.analysis.findings import Ref
            >>> Ref.cell("tips.received", "62", "2023", source="congan.kontum.gov.vn").source
            'congan.kontum.gov.vn'
        """
        return cls(indicator, place, str(period), as_dims(dims), path, source)

    @classmethod
    def record(cls, path: str) -> Ref:
        """A reference to a record of the report by its dotted path.

        Example:
            >>> from antq_domain.analysis.findings import Ref
            >>> Ref.record("commendations.0").path
            'commendations.0'
        """
        return cls(path=path)

    @classmethod
    def of_observation(cls, obs: Observation, *, path: str | None = None) -> Ref:
        """The cell of an observation, with its source (and its path if given).

        Example:
            >>> from antq_domain.analysis.findings import Ref
            >>> from antq_domain.records.observation import Observation
            >>> from antq_domain.values.quantity import Quantity
            >>> obs = Observation(indicator="tips.received", place="62", period="2023",
            ...                   value=Quantity(726, "tip"), source="báo cáo BCĐ 138")
            >>> str(Ref.of_observation(obs, path="observations.0"))
            'observations.0: tips.received@62/2023 (báo cáo BCĐ 138)'
        """
        return cls(obs.indicator, obs.place, str(obs.period), obs.dims, path, obs.source)

    @property
    def is_cell(self) -> bool:
        """Whether the reference names a whole cell (indicator, place and period).

        Example:
            >>> from antq_domain.analysis.findings import Ref
            >>> Ref.cell("tips.received", "62", "2023").is_cell, Ref(place="62").is_cell
            (True, False)
        """
        return None not in (self.indicator, self.place, self.period)

    def __str__(self) -> str:
        what = ""
        if self.indicator is not None:
            what = self.indicator + (f"[{self.dims}]" if self.dims else "")
        if self.place is not None or self.period is not None:
            where = "/".join(p for p in (self.place, self.period) if p is not None)
            what += "@" + where
        text = ": ".join(p for p in (self.path, what) if p)
        if self.source is not None:
            text += f" ({self.source})"
        return text

    def text(self, lang: Lang = "vi") -> str:
        """What is involved, in words: the indicator's label and cell, the place's name.

        An indicator outside the standard catalogue is shown by its code.

        Example:
            >>> from antq_domain.analysis.findings import Ref
            >>> Ref.cell("tips.received", "62", "2023").text("en")
            'security and order tips from the public (Tỉnh Kon Tum, 2023)'
            >>> Ref.cell("forces.clubs", "62", "2023", {"club_kind": "women"},
            ...          path="observations.4").text("vi")
            'observations.4: câu lạc bộ [loại câu lạc bộ: phụ nữ] (Tỉnh Kon Tum, 2023)'
        """
        what = ""
        if self.indicator is not None:
            what = indicator_text(catalogue(), self.indicator, self.dims, lang)
        where = [p for p in (self.place, self.period) if p is not None]
        if where:
            if self.place is not None:
                where[0] = place_name(self.place, lang)
            what += (" " if what else "") + f"({', '.join(where)})"
        text = ": ".join(p for p in (self.path, what) if p)
        if self.source is not None:
            text += f" ({self.source})"
        return text

    def __repr__(self) -> str:
        return f"Ref({str(self)!r})"


def _refs(value: object) -> tuple[Ref, ...]:
    return tuple_of("involved", value, Ref, "a Ref")


def _legal(value: object) -> DocumentRef | str | None:
    if value is None or isinstance(value, DocumentRef):
        return value
    if isinstance(value, str) and value.strip():
        return value
    raise AntqTypeError("legal_basis", value, "a DocumentRef, a non-empty text or None")


def _label(value: object) -> Label:
    if not isinstance(value, Label):
        raise AntqTypeError("message", value, "a Label (vi and en)")
    return value


@attrs.frozen
class Finding:
    """One thing a check found, with its code, severity, message and what it involves.

    A value. Used by validation now and by evaluation: ``code`` is any dotted code (see
    [`FINDING_CODES`][antq_domain.analysis.findings.FINDING_CODES] for those the library emits),
    ``severity`` an explicit [`Severity`][antq_domain.analysis.findings.Severity], ``message`` a
    bilingual sentence with the figures, ``involved`` the cells and records at stake,
    ``legal_basis`` the document (or text) behind the rule, and ``rule`` the id of the rule that
    produced it.

    Example:
        >>> from antq_domain.analysis.findings import Finding, Ref
        >>> from antq_domain.values.label import Label
        >>> f = Finding("duplicate.same_value", "info", Label(vi="trùng", en="duplicate"),
        ...             involved=[Ref.record("observations.1")])
        >>> f.render("en")
        'info duplicate.same_value: duplicate [observations.1]'
        >>> Finding("Rule violated", "error", Label(vi="x", en="x"))
        Traceback (most recent call last):
        ...
        antq_domain.errors.ParseError: code='Rule violated': expected a dotted lower-case code ...
    """

    code: str = attrs.field(converter=_code)
    severity: Severity = attrs.field(converter=_severity)
    message: Label = attrs.field(converter=_label)
    involved: tuple[Ref, ...] = attrs.field(default=(), converter=_refs)
    legal_basis: DocumentRef | str | None = attrs.field(default=None, converter=_legal)
    rule: str | None = attrs.field(default=None, converter=_opt_rule)

    @classmethod
    def of(
        cls,
        code: str,
        message: Label,
        *,
        involved: Iterable[Ref] = (),
        severity: Severity | str | None = None,
        legal_basis: DocumentRef | str | None = None,
        rule: str | None = None,
        registry: Mapping[str, CodeSpec] = FINDING_CODES,
    ) -> Finding:
        """A finding whose severity defaults to the one registered for ``code``.

        Raises:
            UnknownCodeError: no severity is given and ``code`` is not in
                ``registry``.

        Example:
            >>> from antq_domain.analysis.findings import Finding
            >>> from antq_domain.values.label import Label
            >>> Finding.of("record.mismatch", Label(vi="x", en="x")).severity.value
            'warning'
        """
        if severity is None:
            severity = code_spec(code, registry).severity
        return cls(code, severity, message, tuple(involved), legal_basis, rule)

    @property
    def sort_key(self) -> tuple[int, str, str, tuple[str, ...], str]:
        """The order of findings: severity (errors first), code, rule, involved, message.

        Example:
            >>> from antq_domain.analysis.findings import Finding
            >>> from antq_domain.values.label import Label
            >>> Finding.of("rule.invalid", Label(vi="x", en="x")).sort_key[:2]
            (1, 'rule.invalid')
        """
        return (
            self.severity.rank,
            self.code,
            self.rule or "",
            tuple(str(r) for r in self.involved),
            self.message.en,
        )

    def render(self, lang: Lang = "en") -> str:
        """One line: severity, code, message and what is involved.

        Example:
            >>> from antq_domain.analysis.findings import Finding
            >>> from antq_domain.values.label import Label
            >>> f = Finding.of("rule.violated", Label(vi="sai", en="wrong"), rule="r.one")
            >>> f.render("vi")
            'lỗi rule.violated (r.one): sai'
        """
        head = f"{self.severity.text(lang)} {self.code}"
        if self.rule is not None:
            head += f" ({self.rule})"
        text = f"{head}: {self.message.text(lang)}"
        if self.involved:
            text += " [" + "; ".join(r.text(lang) for r in self.involved) + "]"
        if self.legal_basis is not None:
            basis = "căn cứ" if lang == "vi" else "basis"
            text += f" ({basis}: {self.legal_basis})"
        return text

    def __str__(self) -> str:
        return self.render("en")


def _sorted(value: object) -> tuple[Finding, ...]:
    items = tuple_of("findings", value, Finding, "a Finding")
    return tuple(sorted(items, key=lambda f: f.sort_key))


@attrs.frozen(repr=False)
class Findings(Sequence[Finding]):
    """An ordered, immutable list of findings: errors first, then warnings, then info.

    A value. Within a severity, findings are ordered by code, rule, what
    they involve and message, so the same checks on the same report always
    give the same list. ``ok`` is true when there is no error.

    Example:
        >>> from antq_domain.analysis.findings import Finding, Findings
        >>> from antq_domain.values.label import Label
        >>> fs = Findings([
        ...     Finding.of("duplicate.same_value", Label(vi="trùng", en="duplicate")),
        ...     Finding.of("conflict.values_differ", Label(vi="khác", en="differ")),
        ... ])
        >>> [f.code for f in fs]
        ['conflict.values_differ', 'duplicate.same_value']
        >>> fs.ok, len(fs.by_severity("info"))
        (False, 1)
        >>> print(fs.render("vi"))
        lỗi conflict.values_differ: khác
        thông tin duplicate.same_value: trùng
    """

    items: tuple[Finding, ...] = attrs.field(default=(), converter=_sorted)

    @overload
    def __getitem__(self, index: int) -> Finding: ...
    @overload
    def __getitem__(self, index: slice) -> Findings: ...
    def __getitem__(self, index: int | slice) -> Finding | Findings:
        if isinstance(index, slice):
            return Findings(self.items[index])
        return self.items[index]

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.items)

    def __add__(self, other: Iterable[Finding]) -> Findings:
        return Findings((*self.items, *other))

    def __repr__(self) -> str:
        counts = self.counts
        shown = ", ".join(f"{counts[s]} {s.value}" for s in Severity if counts[s])
        return f"<Findings: {shown or 'none'}>"

    @property
    def has_errors(self) -> bool:
        """Whether any finding is an error.

        Example:
            >>> from antq_domain.analysis.findings import Findings
            >>> Findings().has_errors
            False
        """
        return any(f.severity is Severity.ERROR for f in self.items)

    @property
    def ok(self) -> bool:
        """Whether there is no error (warnings and information are allowed).

        Example:
            >>> from antq_domain.analysis.findings import Findings
            >>> Findings().ok
            True
        """
        return not self.has_errors

    @property
    def counts(self) -> Counter[Severity]:
        """How many findings of each severity.

        Example:
            >>> from antq_domain.analysis.findings import Findings
            >>> Findings().counts["error"]
            0
        """
        counts: Counter[Severity] = Counter(dict.fromkeys(Severity, 0))
        counts.update(f.severity for f in self.items)
        return counts

    def by_severity(self, severity: Severity | str) -> Findings:
        """The findings of one severity.

        Example:
            >>> from antq_domain.analysis.findings import Findings
            >>> len(Findings().by_severity("error"))
            0
        """
        wanted = _severity(severity)
        return Findings(f for f in self.items if f.severity is wanted)

    def by_code(self, code: str) -> Findings:
        """The findings of ``code``, or of every code under a prefix ending in ``.``.

        Example:
            >>> from antq_domain.analysis.findings import Finding, Findings
            >>> from antq_domain.values.label import Label
            >>> fs = Findings([Finding.of("rule.invalid", Label(vi="x", en="x"))])
            >>> len(fs.by_code("rule.")), len(fs.by_code("rule.violated"))
            (1, 0)
        """
        if code.endswith("."):
            return Findings(f for f in self.items if f.code.startswith(code))
        return Findings(f for f in self.items if f.code == code)

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes present, in order, each once.

        Example:
            >>> from antq_domain.analysis.findings import Findings
            >>> Findings().codes
            ()
        """
        return tuple(dict.fromkeys(f.code for f in self.items))

    def render(self, lang: Lang = "en") -> str:
        """One line per finding (see `Finding.render`); empty text when none.

        Example:
            >>> from antq_domain.analysis.findings import Findings
            >>> Findings().render("vi")
            ''
        """
        return "\n".join(f.render(lang) for f in self.items)

    def html(self, lang: Lang = "vi") -> Html:
        """The findings as an HTML table; messages in both languages, names in ``lang``.

        Example:
            >>> from antq_domain.analysis.findings import Findings
            >>> Findings().html().markup
            '<p>Không có phát hiện nào.<br><small>No findings.</small></p>'
        """
        if not self.items:
            return Html("<p>Không có phát hiện nào.<br><small>No findings.</small></p>")
        rows = [
            [
                bilingual(f.severity.label),
                f.code,
                bilingual(f.message),
                "; ".join(r.text(lang) for r in f.involved),
                "" if f.legal_basis is None else str(f.legal_basis),
            ]
            for f in self.items
        ]
        return html_table(_FINDING_HEADERS, rows)

    def _repr_html_(self) -> str:
        return self.html().markup

    def text(self, lang: Lang = "vi") -> str:
        """One line per finding in ``lang``, or a line saying there are none.

        Example:
            >>> from antq_domain.analysis.findings import Findings
            >>> Findings().text("vi"), Findings().text("en")
            ('Không có phát hiện nào.', 'No findings.')
        """
        if not self.items:
            return "Không có phát hiện nào." if lang == "vi" else "No findings."
        return self.render(lang)

    def __str__(self) -> str:
        return self.text("en")

    def rows(self, lang: Lang = "vi") -> list[dict[str, object]]:
        """One row per finding: severity, code, message and what is involved, in ``lang``.

        Example:
            >>> from antq_domain.analysis.findings import Finding, Findings, Ref
            >>> from antq_domain.values.label import Label
            >>> f = Finding.of("rule.violated", Label(vi="sai", en="wrong"),
            ...                involved=[Ref.cell("tips.received", "62", "2023")])
            >>> Findings([f]).rows("en")[0]["involved"]
            'security and order tips from the public (Tỉnh Kon Tum, 2023)'
        """
        return [
            {
                "severity": f.severity.value,
                "severity_text": f.severity.text(lang),
                "code": f.code,
                "message": f.message.text(lang),
                "involved": "; ".join(r.text(lang) for r in f.involved),
                "rule": f.rule,
                "legal_basis": None if f.legal_basis is None else str(f.legal_basis),
            }
            for f in self.items
        ]

    def to_pandas(self, lang: Lang = "vi") -> object:
        """A pandas DataFrame of `rows` (needs the ``pandas`` extra).

        Raises:
            MissingExtraError: pandas is not installed.

        Example:
            >>> from antq_domain.analysis.findings import Finding, Findings
            >>> from antq_domain.values.label import Label
            >>> found = Findings([Finding.of("rule.violated", Label(vi="sai", en="wrong"))])
            >>> found.to_pandas()["message"].tolist()
            ['sai']
        """
        return data_frame(self.rows(lang), "Findings.to_pandas")


_FINDING_HEADERS = (
    Label(vi="Mức độ", en="Severity"),
    Label(vi="Mã", en="Code"),
    Label(vi="Nội dung", en="Message"),
    Label(vi="Liên quan", en="Involved"),
    Label(vi="Căn cứ", en="Legal basis"),
)
