"""Records besides figures: cooperation programmes, commendations and the draft report."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from antq_domain.errors import AntqError
from antq_domain.extract._text import Normalised, Scanned
from antq_domain.extract.results import DRAFT_ISSUER, ExtractedFigure
from antq_domain.records.commendations import Authority, Commendation, CommendationForm
from antq_domain.records.observation import Observation
from antq_domain.records.programmes import CooperationProgramme
from antq_domain.records.report import MovementReport
from antq_domain.values.document import DocumentKind, DocumentRef, Issuer
from antq_domain.values.period import Period
from antq_domain.values.unit import Qualifier

__all__ = ["build_draft", "read_programmes", "to_commendation"]

_PARTIES = {
    Issuer.MPS: "ministry_of_public_security",
    Issuer.VFF: "fatherland_front",
    Issuer.VFF_CENTRAL_COMMITTEE: "fatherland_front",
    Issuer.VFF_STANDING_BOARD: "fatherland_front",
    Issuer.LABOUR_FEDERATION: "labour_federation",
    Issuer.MOD: "army",
    Issuer.PROVINCIAL_POLICE: "provincial_police",
    Issuer.PEOPLES_COMMITTEE: "peoples_committee",
}
_DOC_DATE = re.compile(
    r"[ ]*,?[ ]*(?:ban hành[ ]+)?ngày[ ]+([0-9]{1,2})[ ]*"
    r"(?:tháng[ ]+([0-9]{1,2})[ ]+năm[ ]+([0-9]{4})|[/.-]([0-9]{1,2})[/.-]([0-9]{4}))"
)
_TITLE = re.compile(r"[ ]*(?:về[ ]+)?([^,;.\n(]{3,200})")
_ISSUER = re.compile(
    r"báo cáo của ((?:ban chỉ đạo|công an|ủy ban nhân dân|ubnd)[^;.\n]{0,80}?)"
    r"(?:,[ ](?=năm|trong|quý|[0-9])|[.;\n])"
)


def read_programmes(
    norm: Normalised, sc: Scanned, documents: list[tuple[int, int, DocumentRef]]
) -> list[CooperationProgramme]:
    out: list[CooperationProgramme] = []
    seen: set[str] = set()
    for _, doc_end, ref in documents:
        if ref.kind is not DocumentKind.PROGRAMME or str(ref) in seen:
            continue
        parties = list(dict.fromkeys(_PARTIES[i] for i in ref.known_issuers if i in _PARTIES))
        end = doc_end
        signed: date | None = None
        if (d := _DOC_DATE.match(sc.key, end)) is not None:
            day = int(d.group(1))
            month = int(d.group(2) or d.group(4))
            year = int(d.group(3) or d.group(5))
            try:
                signed = date(year, month, day)
            except ValueError:
                signed = None
            end = d.end()
        t = _TITLE.match(norm.text, end)
        title = t.group(1).strip() if t is not None else ""
        try:
            out.append(
                CooperationProgramme(
                    id="programme-" + re.sub(r"[^0-9a-z]+", "-", str(ref).casefold()).strip("-"),
                    document=ref,
                    signed=signed,
                    title=title or f"Chương trình {ref}",
                    parties=[{"kind": p} for p in parties],
                )
            )
        except (AntqError, ValueError):
            continue
        seen.add(str(ref))
    return out


_AUTHORITY = {a.value: a for a in Authority}
_AUTHORITY_ALIASES = {
    "central_fatherland_front_chair": Authority.VFF_CENTRAL_CHAIR,
    "minister_other": Authority.OTHER,
    "unspecified": Authority.OTHER,
}
_FORMS = {f.value: f for f in CommendationForm}


def to_commendation(fig: ExtractedFigure) -> Commendation | None:
    dims = dict(fig.dims)
    if fig.qualifier is not Qualifier.EXACT or not isinstance(fig.value, int) or fig.value <= 0:
        return None
    issuer = _AUTHORITY.get(dims.get("issuer", ""), _AUTHORITY_ALIASES.get(dims.get("issuer", "")))
    try:
        return Commendation(
            form=_FORMS.get(dims.get("form", ""), CommendationForm.UNSPECIFIED),
            issuer=issuer or Authority.OTHER,
            recipient_kind=dims.get("recipient_kind", "individual"),
            count=fig.value,
            status=dims.get("status", "conferred"),
        )
    except (AntqError, ValueError):
        return None


def build_draft(
    norm: Normalised,
    sc: Scanned,
    *,
    place: str,
    period: Period,
    found: Sequence[ExtractedFigure],
    commendations: Sequence[Commendation],
    programmes: Sequence[CooperationProgramme],
    notes: list[str],
) -> MovementReport | None:
    issuer_m = _ISSUER.search(sc.key)
    issuer = DRAFT_ISSUER
    if issuer_m is not None:
        s, e = norm.span(issuer_m.start(1), issuer_m.end(1))
        issuer = norm.original[s:e].strip() or DRAFT_ISSUER
    try:
        return MovementReport(
            issuer=issuer,
            place=place,
            period=period,
            as_of=period.end,
            observations=[
                Observation(
                    indicator=f.indicator or "",
                    place=place,
                    period=period,
                    value=f.quantity,
                    dims=f.dims,
                    quote=f.quote if f.quote.strip() else None,
                )
                for f in found
            ],
            commendations=commendations,
            programmes=programmes,
        )
    except (AntqError, ValueError) as err:
        notes.append(f"the draft report did not validate: {err}")
        return None
