"""A draft movement report read from Vietnamese prose, every figure with its quote.

[`extract_report`][antq_domain.extract_report] finds every number in a text, sets
aside the ones that are not figures (dates, years, document numbers, period lengths, anniversaries,
digits in names, list markers; each with its reason), reads the rest the Vietnamese way ("." groups
thousands, "," marks decimals, "hơn/trên" is a lower bound, "gần" an upper bound, "khoảng"
approximate, "85/85 xã" two figures) and chooses each figure's indicator from the catalogue's
Vietnamese labels and synonyms, the counter word after the number and the words of its clause. A
figure no indicator fits is reported as *unmatched*, never forced. Place and period are read from
the text when not given; with both known the result carries a validated
[`MovementReport`][antq_domain.MovementReport].

Spans index the text as given (NFC or NFD): ``text[start:end] == quote``.

Example:
    >>> from antq_domain.extract.report import extract_report
    >>> ex = extract_report(
    ...     "Năm 2023, trên địa bàn tỉnh Kon Tum, người dân đã cung cấp 726 nguồn tin "
    ...     "về ANTT, trong đó 655 nguồn tin có giá trị; tổ chức 10 năm thực hiện."
    ... )
    >>> [(f.indicator, f.value) for f in ex.figures]
    [('tips.received', 726), ('tips.valuable', 655)]
    >>> ex.place, str(ex.period), [u.reason.value for u in ex.unused]
    ('62', '2023', ['year', 'period_length'])
    >>> ex.report.ratio("tips.valuable_rate").format("vi")
    '90,2% (655/726)'
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from decimal import Decimal
from itertools import pairwise

from antq_domain.errors import AntqError, AntqTypeError
from antq_domain.extract._authority import read_authorities
from antq_domain.extract._cells import (
    as_unmatched,
    headline_repeats,
    merge_repeats,
    one_value_per_cell,
)
from antq_domain.extract._dimensions import (
    carry_dims,
    cases_and_persons,
    clause_keys,
    coordinated,
    finish_dims,
    groups_of_a_force,
    in_aside,
    own_dims,
    pair_participants,
    percent_ratios,
    persons_with,
    propagate,
)
from antq_domain.extract._figures import Fig, choose, context, match_context, read_value
from antq_domain.extract._kinds import (
    ADMIN_KINDS,
    head_kind,
    listed_kinds,
    named_kinds,
    not_offences,
    readable_dims,
    residential_areas,
)
from antq_domain.extract._match import PhraseIndex, phrase_index
from antq_domain.extract._period import find_period
from antq_domain.extract._place import Shared, evidence, find_place
from antq_domain.extract._records import build_draft, read_programmes, to_commendation
from antq_domain.extract._relations import (
    models_at_sites,
    models_spread_to,
    of_the_country,
    proposals,
    tips_results,
    unsplit_parts,
    whole_of_parts,
)
from antq_domain.extract._scan import UnusedReason, find_documents, scan_tokens
from antq_domain.extract._text import Normalised, Scanned
from antq_domain.extract.results import (
    DRAFT_ISSUER,
    Evidence,
    ExtractedFigure,
    Extraction,
    FigureRole,
    UnusedNumber,
)
from antq_domain.extract.vocabulary import catalogue_without, rule_on
from antq_domain.records.indicators import Catalogue
from antq_domain.records.indicators import catalogue as standard_catalogue
from antq_domain.records.observation import Dims
from antq_domain.records.places import Registry
from antq_domain.records.places import registry as standard_registry
from antq_domain.records.report import MovementReport
from antq_domain.values.document import DocumentRef
from antq_domain.values.period import Period
from antq_domain.values.quantity import Quantity
from antq_domain.values.unit import Qualifier, Unit

__all__ = [
    "DRAFT_ISSUER",
    "Evidence",
    "ExtractedFigure",
    "Extraction",
    "FigureRole",
    "UnusedNumber",
    "extract_report",
]


def _span_quote(norm: Normalised, start: int, end: int) -> tuple[tuple[int, int], str]:
    span = norm.span(start, end)
    return span, norm.original[span[0] : span[1]]


def _dims_of(cache: dict[tuple[tuple[str, str], ...], Dims], dims: Mapping[str, str]) -> Dims:
    key = tuple(sorted(dims.items()))
    found = cache.get(key)
    if found is None:
        found = cache[key] = Dims.of(dict(key))
    return found


def _figure(
    norm: Normalised,
    cat: Catalogue,
    fig: Fig,
    dims_cache: dict[tuple[tuple[str, str], ...], Dims],
    *,
    indicator: str | None,
    value: int | Decimal,
    role: FigureRole,
    dims: Mapping[str, str],
    rule: str = "",
    reason: str = "",
) -> ExtractedFigure:
    said: list[Evidence] = []
    start, end = fig.qstart, max(fig.end, fig.counter_end, fig.noun_end)
    used = [fig.chosen] if fig.chosen is not None and indicator == fig.indicator else []
    used += [fig.dim_matches[k] for k in dims if k in fig.dim_matches]
    for m in used:
        start, end = min(start, m.start), max(end, m.end)
        role_name = "indicator" if m.entry.dim_value is None else f"dim.{m.entry.code}"
        said.append(evidence(norm, role_name, m.entry.phrase, m.start, m.end))
    if fig.counter is not None and fig.counter_end > fig.end:
        said.append(evidence(norm, "counter", " ".join(fig.counter), fig.end + 1, fig.counter_end))
    number_span = norm.span(fig.start, fig.number_end)
    at = (number_span[0], number_span[0])  # where a rule or a default applies
    if rule:
        said.append(Evidence("rule", rule, "", at))
    for name, how in fig.dim_rules.items():
        if name in dims:
            said.append(Evidence(f"dim.{name}", how, "", at))
    span, quote = _span_quote(norm, start, end)
    unit: Unit | None = None
    if indicator is not None:
        ind = cat[indicator]
        unit = Unit.PERCENT if ind.is_ratio else ind.unit
    elif fig.counter_units is not None and len(fig.counter_units) == 1:
        [unit] = fig.counter_units
    return ExtractedFigure(
        quote=quote,
        span=span,
        number=norm.original[number_span[0] : number_span[1]],
        number_span=number_span,
        value=value,
        qualifier=fig.qualifier if role is not FigureRole.WHOLE else Qualifier.EXACT,
        unit=unit,
        indicator=indicator,
        dims=_dims_of(dims_cache, dims),
        role=role,
        evidence=tuple(said),
        reason=reason,
    )


def _no_match_reason(fig: Fig) -> str:
    if fig.reason:
        return fig.reason
    if fig.whole is not None:
        return "the covered part of a fraction: no indicator names what it counts"
    if fig.counter_units is None:
        return "no counter word after the number and no indicator phrase at it"
    units = ", ".join(sorted(u.value for u in fig.counter_units))
    return f"no indicator in unit(s) {units} is named around the figure"


def _outputs(
    norm: Normalised, sc: Scanned, cat: Catalogue, idx: PhraseIndex, figs: list[Fig]
) -> tuple[list[ExtractedFigure], list[ExtractedFigure]]:
    found: list[ExtractedFigure] = []
    unmatched: list[ExtractedFigure] = []
    dims_cache: dict[tuple[tuple[str, str], ...], Dims] = {}

    def problem(out: ExtractedFigure, code: str) -> str:
        try:  # the catalogue remembers the cells it has passed
            cat.check_dims(code, out.dims)
        except (AntqError, ValueError) as err:
            return str(err)
        if out.unit is None:
            return str(AntqTypeError("unit", None, "a unit"))
        try:
            Quantity(out.value, out.unit, out.qualifier)
        except (AntqError, ValueError) as err:
            return str(err)
        return ""

    def emit(out: ExtractedFigure) -> None:
        if out.indicator is None:
            unmatched.append(out)
        elif reason := problem(out, out.indicator):
            unmatched.append(as_unmatched(out, reason))
        else:
            found.append(out)

    for fig in figs:
        role = FigureRole.PERCENT if fig.percent else FigureRole.COUNT
        if fig.whole is not None:
            role = FigureRole.PART
        if fig.indicator is None or fig.reason:
            emit(
                _figure(
                    norm,
                    cat,
                    fig,
                    dims_cache,
                    indicator=None,
                    value=fig.value,
                    role=role,
                    dims={},
                    reason=_no_match_reason(fig),
                )
            )
        else:
            emit(
                _figure(
                    norm,
                    cat,
                    fig,
                    dims_cache,
                    indicator=fig.indicator,
                    value=fig.value,
                    role=role,
                    dims=fig.dims,
                    rule=fig.rule,
                )
            )
        if fig.all_of and fig.indicator != "admin.units" and "admin.units" in cat:
            kind = head_kind(fig, sc.key)
            if kind in ADMIN_KINDS:
                emit(
                    _figure(
                        norm,
                        cat,
                        fig,
                        dims_cache,
                        indicator="admin.units",
                        value=fig.value,
                        role=FigureRole.COUNT,
                        dims={"unit_kind": kind or "mixed"},
                        rule="'tất cả N' units: all there are",
                    )
                )
        if fig.whole is None:
            continue
        ratio = idx.numerators.get(fig.indicator or "")
        spec = cat[ratio].ratio if ratio is not None else None
        if spec is not None and not fig.reason:
            dims = {k: v for k, v in fig.dims.items() if k in spec.match}
            emit(
                _figure(
                    norm,
                    cat,
                    fig,
                    dims_cache,
                    indicator=spec.denominator,
                    value=fig.whole,
                    role=FigureRole.WHOLE,
                    dims=dims,
                    rule=f"whole of a fraction whose part is '{fig.indicator}' ({ratio})",
                )
            )
            continue
        kind = head_kind(fig, sc.key)
        # A part above its whole ("13/3, huyện …") is a day and month, not a fraction.
        if kind in ADMIN_KINDS and "admin.units" in cat and fig.value <= fig.whole:
            emit(
                _figure(
                    norm,
                    cat,
                    fig,
                    dims_cache,
                    indicator="admin.units",
                    value=fig.whole,
                    role=FigureRole.WHOLE,
                    dims={"unit_kind": kind or "mixed"},
                    rule="whole of a fraction of administrative units",
                )
            )
        else:
            emit(
                _figure(
                    norm,
                    cat,
                    fig,
                    dims_cache,
                    indicator=None,
                    value=fig.whole,
                    role=FigureRole.WHOLE,
                    dims={},
                    reason="the whole of a fraction whose part names no ratio",
                )
            )
    return found, unmatched


def _read_figures(
    norm: Normalised,
    sc: Scanned,
    cat: Catalogue,
    documents: list[tuple[int, int, DocumentRef]],
    *,
    registry: Callable[[], Registry],
    leave_out: Collection[str],
    local: bool,
) -> tuple[list[ExtractedFigure], list[ExtractedFigure], list[UnusedNumber]]:
    idx = phrase_index(cat)
    tokens = scan_tokens(norm.text, sc.key, documents)
    unused: list[UnusedNumber] = []
    figs: list[Fig] = []
    for_persons = rule_on("persons an activity was for", leave_out)
    for i, tok in enumerate(tokens):
        fig = read_value(sc, tok) if tok.reason is None else None
        if fig is None:
            span, quote = _span_quote(norm, tok.start, tok.end)
            unused.append(UnusedNumber(quote, span, tok.reason or UnusedReason.UNREADABLE))
            continue
        match_context(fig, context(sc, tokens, i, fig), idx, sc.key)
        choose(fig, idx, sc.key, for_persons=for_persons)
        figs.append(fig)
    keys = clause_keys(sc, figs)
    pair_participants(sc, figs, keys, idx)
    members = rule_on("members of the groups before", leave_out)
    groups_of_a_force(sc, figs, cat)
    persons_with(sc, figs, keys, cat, members=members)
    tips_results(sc, figs, cat)
    # Whether each figure is listed with the one before it ("03 tập thể, 05 cá nhân").
    links = [coordinated(sc, figs[k - 1], figs[k]) for k in range(1, len(figs))]
    # What a list shares passes over a percentage in brackets glossing one of its items.
    listed = [f for f in figs if not in_aside(sc, f)]
    propagate(sc, listed, [coordinated(sc, a, b) for a, b in pairwise(listed)], cat)
    parts = whole_of_parts(sc, figs, idx)
    sentence_keys = clause_keys(sc, figs, asides=True)
    # Dimensions: words before the figure, then the figures it is listed with,
    # then words after it, then the listed figures again, then its clause.
    for after_words in (False, True):
        for fig in figs:
            if fig.indicator is not None:
                own_dims(fig, readable_dims(fig, cat, idx), sc.key, after=after_words)
        carry_dims(figs, sentence_keys, links, idx, clause=after_words)
    cases_and_persons(figs, idx)
    unsplit_parts(figs, parts)
    listed_kinds(figs, sc.key, cat)
    named_kinds(figs, sc.key, cat)
    not_offences(figs, sc.key)
    models_at_sites(sc, figs)
    proposals(sc, figs, cat)
    residential_areas(figs, sc.key, cat)
    models_spread_to(sc, figs)
    if local:  # a report about a place other than the country
        of_the_country(sc, figs)
    read_authorities(norm, sc, figs, cat, registry=registry, leave_out=leave_out)
    percent_ratios(sc, figs, sentence_keys, cat, idx)
    for fig in figs:
        if fig.indicator is not None:
            finish_dims(fig, cat[fig.indicator])
    found, unmatched = _outputs(norm, sc, cat, idx, figs)
    found, unmatched = headline_repeats(norm.original, merge_repeats(found), unmatched)
    found, unmatched = one_value_per_cell(found, unmatched)
    return found, unmatched, unused


def extract_report(
    text: str,
    *,
    place: str | None = None,
    period: Period | str | None = None,
    registry: Registry | None = None,
    catalogue: Catalogue | None = None,
    leave_out: Collection[str] = (),
) -> Extraction:
    """Read a draft movement report from Vietnamese prose, every figure with its quote.

    Never raises on text: what cannot be read is reported (``unmatched``,
    ``unused``, ``notes``). Linear in the length of the text.

    Args:
        text: the report, NFC or NFD; spans index it as given.
        place: the place code of the report; read from the text when ``None``
            ("trên địa bàn tỉnh Kon Tum" → the register's ``62``).
        period: the period (or its id); read from the text when ``None``
            ("Năm 2023", "7 tháng đầu năm 2023", "quý II/2020").
        registry: the register of places (default: the bundled one, loaded only
            when the place is read from the text).
        catalogue: the indicator catalogue (default: the standard one); its
            labels and synonyms are what figures are matched with.
        leave_out: corpus texts whose own words are not to be used: the entries of the extractor's
            lists ([`antq_domain.extract.vocabulary`][antq_domain.extract.vocabulary]) that name one
            of them as their source are left out (for measuring a text as if unseen).

    Raises:
        AntqTypeError: ``text`` is not a ``str``.
        ParseError: ``period`` is a string that is not a period.

    Example:
        >>> from antq_domain.extract.report import extract_report
        >>> ex = extract_report("Bố trí Công an xã chính quy tại 85/85 xã", place="62",
        ...                     period="2023")
        >>> [(f.indicator, dict(f.dims), f.value) for f in ex.figures]
        [('forces.regular_police_units', {'unit_kind': 'commune'}, 85), \
('admin.units', {'unit_kind': 'commune'}, 85)]
        >>> ex.report.ratio("forces.regular_police_coverage", {"unit_kind": "commune"}).format()
        '100,0% (85/85)'
    """
    if not isinstance(text, str):
        raise AntqTypeError("text", text, "a str")
    given_period = Period.parse(period) if isinstance(period, str) else period
    cat = catalogue if catalogue is not None else standard_catalogue()
    if leave_out:
        cat = catalogue_without(cat, frozenset(leave_out))
    norm = Normalised(text)
    sc = Scanned(norm.text)
    documents = find_documents(norm.text)
    given_registry = registry

    def the_registry() -> Registry:  # loaded only when a place name has to be looked up
        return given_registry if given_registry is not None else standard_registry()

    read_period, period_evidence = (given_period, None)
    if read_period is None:
        read_period, period_evidence = find_period(norm, sc, leave_out)
    read_place, place_evidence = (place, None)
    shared: Shared | None = None  # a place name that fits several units, when none is read
    if place is not None:  # a given place is a register code of the period, as in a report
        the_registry().check(place, during=read_period)
    since = read_period.start if read_period is not None else None
    if read_place is None:
        # The register is loaded only when the place has to be read.
        reg = the_registry()
        read_place, place_evidence, shared = find_place(
            norm,
            sc,
            reg,
            read_period.end if read_period is not None else None,
            leave_out,
            also_at=since,
        )
    found, unmatched, unused = _read_figures(
        norm,
        sc,
        cat,
        documents,
        registry=the_registry,
        leave_out=leave_out,
        local=read_place not in (None, "VN"),
    )
    notes: list[str] = []
    candidates: tuple[str, ...] = ()
    if read_place is None:
        if shared is not None:
            name, candidates = shared
            notes.append(
                f"no place: '{name}' names several units ({', '.join(candidates)}): pass place=..."
                " or name the one meant in the text (with its province)"
            )
        else:
            notes.append("no place: pass place=... or name it in the text")
    if read_period is None:
        notes.append("no period: pass period=... or state it in the text")
    commendations = [
        c
        for f in found
        if f.indicator == "commendations.recipients"
        for c in [to_commendation(f)]
        if c is not None
    ]
    programmes = read_programmes(norm, sc, documents)
    report: MovementReport | None = None
    if read_place is not None and read_period is not None:
        report = build_draft(
            norm,
            sc,
            place=read_place,
            period=read_period,
            found=found,
            commendations=commendations,
            programmes=programmes,
            notes=notes,
        )
    return Extraction(
        place=read_place,
        period=read_period,
        figures=tuple(found),
        unmatched=tuple(unmatched),
        unused=tuple(unused),
        place_evidence=place_evidence,
        period_evidence=period_evidence,
        commendations=tuple(commendations),
        programmes=tuple(programmes),
        report=report,
        notes=tuple(notes),
        place_candidates=candidates,
    )
