"""Strategies for document numbers ([`DocumentRef`][antq_domain.DocumentRef])."""

from __future__ import annotations

from hypothesis import strategies as st

from antq_domain.values.document import (
    DocumentKind,
    DocumentRef,
    Issuer,
    IssuerPart,
    NumberingStyle,
)

__all__ = ["document_kinds", "document_refs", "issuer_parts"]

_RAW_ALPHABET = "ABCDEGHIKLMNOPQRSTUVXYĐ0123456789"


def document_kinds() -> st.SearchStrategy[DocumentKind]:
    """Document kinds of the codelist; shrinks towards ``QĐ`` (decision), the first.

    Example:
        >>> from hypothesis import find
        >>> from antq_domain.strategies._document import document_kinds
        >>> find(document_kinds(), lambda k: True)
        <DocumentKind.DECISION: 'QĐ'>
    """
    return st.sampled_from(list(DocumentKind))


def issuer_parts() -> st.SearchStrategy[IssuerPart]:
    """Issuer segments: known `Issuer` codes, or upper-case unknown ones.

    Unknown segments are drawn from upper-case letters (with Đ) and digits;
    a drawn text that spells a known code (``"BCD"``) stands for that code,
    as the constructor reads it. Shrinks towards ``BCA``.

    Example:
        >>> from hypothesis import find
        >>> from antq_domain.strategies._document import issuer_parts
        >>> find(issuer_parts(), lambda p: not isinstance(p, Issuer))
        '0'
    """
    raw = st.text(_RAW_ALPHABET, min_size=1, max_size=6)
    return st.one_of(st.sampled_from(list(Issuer)), raw)


@st.composite
def _refs(
    draw: st.DrawFn,
    kinds: st.SearchStrategy[DocumentKind],
    max_number: int,
) -> DocumentRef:
    # Every part is drawn on every path, so that no grammar has a shorter
    # choice sequence than another: shrinking then reaches the first kind in
    # the state style rather than whichever grammar draws least.
    kind = draw(kinds)
    number = draw(st.integers(min_value=1, max_value=max_number))
    style = draw(
        st.sampled_from([NumberingStyle.STATE, NumberingStyle.PARTY, NumberingStyle.LETTER])
    )
    issuers = draw(st.lists(issuer_parts(), min_size=1, max_size=3))
    first_known = draw(st.sampled_from(list(Issuer)))
    year = draw(st.none() | st.integers(min_value=1945, max_value=2100))
    law_year = draw(st.integers(min_value=1946, max_value=2100))
    term = draw(st.integers(min_value=1, max_value=30))
    if kind is DocumentKind.NATIONAL_ASSEMBLY_ACT:
        return DocumentRef(
            number, kind, [Issuer.NATIONAL_ASSEMBLY], year=law_year, legislature=term
        )
    if style is NumberingStyle.LETTER and kind is not DocumentKind.OFFICIAL_LETTER:
        style = NumberingStyle.STATE
    if style is NumberingStyle.LETTER:
        return DocumentRef(number, kind, [first_known, *issuers[1:]], style=style)
    if style is NumberingStyle.PARTY:
        return DocumentRef(number, kind, issuers, style=style)
    return DocumentRef(number, kind, issuers, year=year)


def document_refs(
    max_number: int = 9999, *, kinds: st.SearchStrategy[DocumentKind] | None = None
) -> st.SearchStrategy[DocumentRef]:
    """Valid document numbers across the four grammars.

    Args:
        max_number: the largest running number drawn (at least 1).
        kinds: the kinds to draw (default: every
            [`DocumentKind`][antq_domain.values.document.DocumentKind]); ``NATIONAL_ASSEMBLY_ACT``
            gives ``06/2022/QH15``-style numbers, ``OFFICIAL_LETTER`` may give the letter style
            ``123/CAT-PV05``.

    Shrinks towards ``01/QĐ-BCA`` (number 1, the first kind, state style,
    no year, one known issuer).

    Example:
        >>> from hypothesis import find
        >>> from antq_domain.strategies._document import document_refs
        >>> find(document_refs(), lambda r: True)
        DocumentRef('01/QĐ-BCA')
        >>> find(document_refs(), lambda r: r.style is NumberingStyle.PARTY)
        DocumentRef('01-QĐ/BCA')
    """
    if max_number < 1:
        raise ValueError(f"max_number={max_number!r}: expected 1 or more")
    return _refs(kinds if kinds is not None else document_kinds(), max_number)
