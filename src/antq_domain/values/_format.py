"""Number formatting in Vietnamese and English style (display only)."""

from __future__ import annotations

from decimal import Decimal

__all__ = ["format_amount"]


def format_amount(amount: int | Decimal, lang: str, *, group: bool = True) -> str:
    """Write an amount with the digit grouping of ``lang``.

    Vietnamese groups thousands with "." and marks decimals with ","; English
    uses "," and ".". The digits themselves are never rounded here.

    >>> format_amount(145410, "vi"), format_amount(145410, "en")
    ('145.410', '145,410')
    >>> format_amount(Decimal("13.85"), "vi")
    '13,85'
    """
    text = format(amount, "f") if isinstance(amount, Decimal) else str(amount)
    sign = ""
    if text.startswith("-"):
        sign, text = "-", text[1:]
    whole, _, frac = text.partition(".")
    if group:
        groups = []
        while len(whole) > 3:
            groups.append(whole[-3:])
            whole = whole[:-3]
        groups.append(whole)
        whole = ("." if lang == "vi" else ",").join(reversed(groups))
    if frac:
        return sign + whole + ("," if lang == "vi" else ".") + frac
    return sign + whole
