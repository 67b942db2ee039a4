"""Reading real reports: a draft movement report from Vietnamese prose, with quotes.

The edge layer that turns published text into the library's records.
[`extract_report`][antq_domain.extract_report] returns an
[`Extraction`][antq_domain.Extraction]: the figures it read (each an
[`ExtractedFigure`][antq_domain.extract.results.ExtractedFigure] with its exact quote and span), the
figures no indicator fits (``unmatched``), the numbers that are not figures with the reason
([`UnusedNumber`][antq_domain.extract.results.UnusedNumber],
[`UnusedReason`][antq_domain.extract._scan.UnusedReason]), the place and period with their evidence,
and a validated draft [`MovementReport`][antq_domain.MovementReport] when place and
period are known. See ``docs/explanation/extraction.md`` for the rules.

Example:
    >>> from antq_domain.extract import extract_report
    >>> ex = extract_report("Năm 2023, tỉnh Kon Tum có 38 mô hình tiên tiến.")
    >>> [(f.indicator, f.value, f.quote) for f in ex.figures]
    [('models.active', 38, '38 mô hình tiên tiến')]
"""

from __future__ import annotations

from antq_domain.extract._scan import UnusedReason
from antq_domain.extract.report import (
    DRAFT_ISSUER,
    Evidence,
    ExtractedFigure,
    Extraction,
    FigureRole,
    UnusedNumber,
    extract_report,
)

__all__ = [
    # the entry point
    "extract_report",
    # what it returns
    "Extraction",
    "ExtractedFigure",
    "FigureRole",
    "Evidence",
    "UnusedNumber",
    "UnusedReason",
    "DRAFT_ISSUER",
]
