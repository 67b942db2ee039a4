"""Units (counters) and qualifiers: the codelists every quantity carries."""

from __future__ import annotations

from collections.abc import Iterable
from functools import reduce

from antq_domain.values._codelist import Codelist, CodelistBase

__all__ = ["QUALIFIER_WORDS_VI", "Qualifier", "Unit", "join_qualifiers"]


class Unit(Codelist):
    """What a count counts: the counters of the indicator catalogue.

    Two quantities of different units never add up: a count of campaigns is not a count of
    participations, and ``lượt người`` (person-participations) is not people. Only `KILOGRAM`,
    `VND_MILLION`, `KILOMETRE`, `SQUARE_KILOMETRE` and `PERCENT` take decimal amounts; every other
    unit counts whole things. `PERCENT` is the unit of a percentage stated without its parts (a
    *reported ratio*); it never adds. Money is always `VND_MILLION`: "14 tỷ đồng" is 14 000
    million đồng, so sums in đồng never mix scales.

    Example:
        >>> from antq_domain.values import Unit
        >>> Unit("participation").label.vi
        'lượt người'
        >>> Unit.KILOGRAM.is_decimal, Unit.CAMPAIGN.is_decimal
        (True, False)
        >>> Unit.parse("bottle")
        Traceback (most recent call last):
        ...
        antq_domain.errors.UnknownCodeError: unit='bottle': expected one of campaign, session, ...
    """

    CAMPAIGN = ("campaign", "đợt, buổi phát động", "campaign round / launch event")
    SESSION = ("session", "buổi, hội nghị", "session / meeting")
    CONTACT = ("contact", "lượt (vận động, tuyên truyền)", "outreach contact")
    PARTICIPATION = ("participation", "lượt người", "person-participation (not unique persons)")
    PERSON = ("person", "người", "person")
    TIP = ("tip", "nguồn tin, tin báo", "tip")
    CASE = ("case", "vụ, vụ án, vụ việc", "case")
    DOCUMENT = ("document", "tài liệu, tờ rơi, áp phích", "document")
    NEWS_ITEM = ("news_item", "tin, bài", "news item / article")
    COLUMN = ("column", "chuyên mục", "media column")
    BROADCAST = ("broadcast", "tin truyền hình, phóng sự", "TV item / reportage")
    MODEL = ("model", "mô hình", "exemplary model")
    MODEL_TYPE = ("model_type", "loại mô hình", "kind of model")
    SITE = ("site", "điểm, điểm nhân rộng", "site / replication point")
    GROUP = ("group", "tổ, đội, nhóm, ban, câu lạc bộ", "group / team / board / club")
    UNIT = (
        "unit",
        "đơn vị (xã, phường, thị trấn, khu dân cư, cơ quan, doanh nghiệp, trường)",
        "administrative unit or establishment",
    )
    CAMERA = ("camera", "camera, mắt camera", "camera")
    PIECE = ("piece", "khẩu, quả, chiếc", "piece (weapon)")
    ROUND = ("round", "viên", "round of ammunition")
    KILOGRAM = ("kilogram", "kg", "kilogram")
    RECIPIENT = ("recipient", "tập thể / cá nhân", "award recipient")
    VND_MILLION = ("vnd_million", "triệu đồng", "million VND")
    OPINION = ("opinion", "ý kiến, lượt ý kiến", "opinion / comment")
    HOUSEHOLD = ("household", "hộ, hộ gia đình", "household")
    PATROL = ("patrol", "cuộc tuần tra, lượt tuần tra", "patrol")
    BUILDING = ("building", "công trình, ngôi nhà, căn nhà", "building / house")
    GIFT = ("gift", "suất quà, phần quà", "gift parcel")
    SCHOLARSHIP = ("scholarship", "suất học bổng", "scholarship")
    LAMP = ("lamp", "bóng đèn, cột đèn", "lamp")
    KILOMETRE = ("kilometre", "km", "kilometre")
    SQUARE_KILOMETRE = ("square_kilometre", "km²", "square kilometre")
    RECORD = ("record", "hồ sơ", "file / application record")
    PERCENT = ("percent", "phần trăm", "percent")

    @property
    def counter_vi(self) -> str:
        """The Vietnamese counter word used when a figure is written out.

        Example:
            >>> from antq_domain.values import Unit
            >>> Unit.PARTICIPATION.counter_vi
            'lượt người'
        """
        return _COUNTER_VI[self]

    @property
    def counter_en(self) -> str:
        """The short English counter used when a figure is written out.

        Example:
            >>> from antq_domain.values import Unit
            >>> Unit.PARTICIPATION.counter_en
            'participations'
        """
        return _COUNTER_EN[self]

    def counter_en_for(self, amount: object) -> str:
        """The English counter for ``amount``: singular for exactly one (``1 recipient``).

        Example:
            >>> from antq_domain.values import Unit
            >>> Unit.RECIPIENT.counter_en_for(1), Unit.RECIPIENT.counter_en_for(2)
            ('recipient', 'recipients')
            >>> Unit.ROUND.counter_en_for(1), Unit.KILOGRAM.counter_en_for(1)
            ('round of ammunition', 'kg')
        """
        if amount != 1:
            return _COUNTER_EN[self]
        return _COUNTER_EN_ONE.get(self, _COUNTER_EN[self])

    @property
    def is_decimal(self) -> bool:
        """Whether amounts in this unit may have decimals (kilograms, money).

        Example:
            >>> from antq_domain.values import Unit
            >>> Unit.VND_MILLION.is_decimal
            True
        """
        return self in _DECIMAL

    @property
    def is_additive(self) -> bool:
        """Whether amounts in this unit may be added (every unit but ``percent``).

        A stated percentage ("đạt 93%") is kept and shown, never summed or
        averaged: ratios are recomputed from their parts.

        Example:
            >>> from antq_domain.values import Unit
            >>> Unit.PERCENT.is_additive, Unit.TIP.is_additive
            (False, True)
        """
        return self is not Unit.PERCENT


_DECIMAL = frozenset(
    (Unit.KILOGRAM, Unit.VND_MILLION, Unit.KILOMETRE, Unit.SQUARE_KILOMETRE, Unit.PERCENT)
)


_COUNTER_VI: dict[Unit, str] = {
    Unit.CAMPAIGN: "đợt",
    Unit.SESSION: "buổi",
    Unit.CONTACT: "lượt",
    Unit.PARTICIPATION: "lượt người",
    Unit.PERSON: "người",
    Unit.TIP: "nguồn tin",
    Unit.CASE: "vụ",
    Unit.DOCUMENT: "tài liệu",
    Unit.NEWS_ITEM: "tin, bài",
    Unit.COLUMN: "chuyên mục",
    Unit.BROADCAST: "tin, phóng sự",
    Unit.MODEL: "mô hình",
    Unit.MODEL_TYPE: "loại mô hình",
    Unit.SITE: "điểm",
    Unit.GROUP: "tổ",
    Unit.UNIT: "đơn vị",
    Unit.CAMERA: "camera",
    Unit.PIECE: "khẩu",
    Unit.ROUND: "viên",
    Unit.KILOGRAM: "kg",
    Unit.RECIPIENT: "tập thể/cá nhân",
    Unit.VND_MILLION: "triệu đồng",
    Unit.OPINION: "ý kiến",
    Unit.HOUSEHOLD: "hộ",
    Unit.PATROL: "cuộc tuần tra",
    Unit.BUILDING: "công trình",
    Unit.GIFT: "suất quà",
    Unit.SCHOLARSHIP: "suất học bổng",
    Unit.LAMP: "bóng đèn",
    Unit.KILOMETRE: "km",
    Unit.SQUARE_KILOMETRE: "km²",
    Unit.RECORD: "hồ sơ",
    Unit.PERCENT: "%",
}


_COUNTER_EN: dict[Unit, str] = {
    Unit.CAMPAIGN: "rounds",
    Unit.SESSION: "sessions",
    Unit.CONTACT: "contacts",
    Unit.PARTICIPATION: "participations",
    Unit.PERSON: "persons",
    Unit.TIP: "tips",
    Unit.CASE: "cases",
    Unit.DOCUMENT: "documents",
    Unit.NEWS_ITEM: "news items",
    Unit.COLUMN: "columns",
    Unit.BROADCAST: "broadcasts",
    Unit.MODEL: "models",
    Unit.MODEL_TYPE: "kinds of model",
    Unit.SITE: "sites",
    Unit.GROUP: "groups",
    Unit.UNIT: "units",
    Unit.CAMERA: "cameras",
    Unit.PIECE: "pieces",
    Unit.ROUND: "rounds of ammunition",
    Unit.KILOGRAM: "kg",
    Unit.RECIPIENT: "recipients",
    Unit.VND_MILLION: "million VND",
    Unit.OPINION: "opinions",
    Unit.HOUSEHOLD: "households",
    Unit.PATROL: "patrols",
    Unit.BUILDING: "buildings",
    Unit.GIFT: "gift parcels",
    Unit.SCHOLARSHIP: "scholarships",
    Unit.LAMP: "lamps",
    Unit.KILOMETRE: "km",
    Unit.SQUARE_KILOMETRE: "km²",
    Unit.RECORD: "records",
    Unit.PERCENT: "%",
}


_COUNTER_EN_ONE: dict[Unit, str] = {
    unit: (
        {"kinds of model": "kind of model", "rounds of ammunition": "round of ammunition",
         "news items": "news item"}.get(plural)
        or (plural[:-1] if plural.endswith("s") else plural)
    )
    for unit, plural in _COUNTER_EN.items()
}  # fmt: skip


class Qualifier(CodelistBase):
    """How exact a stated figure is, and which side a bound is on.

    ``exact`` (a plain figure); lower bounds ``more_than`` ("hơn", "trên":
    strictly more) and ``at_least`` ("ít nhất", "tối thiểu": that much or
    more); upper bounds ``less_than`` ("gần", "dưới": strictly less) and
    ``at_most`` ("không quá", "tối đa": that much or less);
    ``approximately`` ("khoảng").

    Qualifiers form a lattice for sums with ``exact`` at the bottom and
    ``approximately`` at the top; on each side the strict bound is above the
    inclusive one, so [`combine`][antq_domain.values.unit.Qualifier.combine]
    (the join) gives the qualifier of a sum: strict wins when every part is a
    bound of the same side, and bounds of both sides give ``approximately``.
    The codes ``at_least`` and ``at_most`` of older data still load (as the
    inclusive bounds they name).

    Example:
        >>> from antq_domain.values import Qualifier
        >>> Qualifier.EXACT.combine(Qualifier.MORE_THAN)
        <Qualifier.MORE_THAN: 'more_than'>
        >>> Qualifier.AT_LEAST.combine(Qualifier.MORE_THAN)
        <Qualifier.MORE_THAN: 'more_than'>
        >>> Qualifier.AT_LEAST.combine(Qualifier.AT_MOST)
        <Qualifier.APPROXIMATELY: 'approximately'>
        >>> Qualifier.MORE_THAN.word("vi"), Qualifier.MORE_THAN.word("en")
        ('hơn', 'more than')
    """

    EXACT = "exact"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    APPROXIMATELY = "approximately"
    MORE_THAN = "more_than"
    LESS_THAN = "less_than"

    @property
    def side(self) -> str | None:
        """``"lower"`` for a lower bound, ``"upper"`` for an upper bound, else ``None``.

        Example:
            >>> from antq_domain.values import Qualifier
            >>> Qualifier.MORE_THAN.side, Qualifier.AT_MOST.side, Qualifier.EXACT.side
            ('lower', 'upper', None)
        """
        return _SIDES.get(self)

    @property
    def is_strict(self) -> bool:
        """Whether the bound excludes its own value (``more_than``, ``less_than``).

        Example:
            >>> from antq_domain.values import Qualifier
            >>> Qualifier.MORE_THAN.is_strict, Qualifier.AT_LEAST.is_strict
            (True, False)
        """
        return self in (Qualifier.MORE_THAN, Qualifier.LESS_THAN)

    @property
    def loose(self) -> Qualifier:
        """The qualifier in the older four-code scheme, which did not tell strict from inclusive.

        ``more_than`` reads as ``at_least``, ``less_than`` as ``at_most``: for
        comparing with data written before the distinction (e.g. a canon
        file).

        Example:
            >>> from antq_domain.values import Qualifier
            >>> Qualifier.MORE_THAN.loose
            <Qualifier.AT_LEAST: 'at_least'>
        """
        if self is Qualifier.MORE_THAN:
            return Qualifier.AT_LEAST
        if self is Qualifier.LESS_THAN:
            return Qualifier.AT_MOST
        return self

    def combine(self, other: Qualifier) -> Qualifier:
        """The qualifier of a sum of a figure qualified ``self`` and one ``other``.

        Rules: ``exact`` is the identity; two bounds of the same side give
        the strict one if either is strict, else the inclusive one; bounds of
        opposite sides give ``approximately``, which absorbs everything. The
        join is associative and commutative (laws 5 and 11).

        Example:
            >>> from antq_domain.values import Qualifier
            >>> Qualifier.APPROXIMATELY.combine(Qualifier.EXACT)
            <Qualifier.APPROXIMATELY: 'approximately'>
            >>> Qualifier.LESS_THAN.combine(Qualifier.AT_MOST)
            <Qualifier.LESS_THAN: 'less_than'>
        """
        if self is other or other is Qualifier.EXACT:
            return self
        if self is Qualifier.EXACT:
            return other
        side = self.side
        if side is not None and side == other.side:
            return self if self.is_strict else other
        return Qualifier.APPROXIMATELY

    def flipped(self) -> Qualifier:
        """The qualifier of a figure's reciprocal or negation: bounds swap sides.

        A lower bound on a denominator is an upper bound on the ratio; a
        strict bound stays strict.

        Example:
            >>> from antq_domain.values import Qualifier
            >>> Qualifier.AT_LEAST.flipped(), Qualifier.MORE_THAN.flipped()
            (<Qualifier.AT_MOST: 'at_most'>, <Qualifier.LESS_THAN: 'less_than'>)
        """
        return _FLIPPED.get(self, self)

    def word(self, lang: str) -> str:
        """The word put before a figure in ``lang`` (empty for ``exact``).

        Example:
            >>> from antq_domain.values import Qualifier
            >>> Qualifier.LESS_THAN.word("vi"), Qualifier.AT_MOST.word("vi")
            ('dưới', 'không quá')
        """
        return _QUALIFIER_WORDS[self][0 if lang == "vi" else 1]


_SIDES: dict[Qualifier, str] = {
    Qualifier.MORE_THAN: "lower",
    Qualifier.AT_LEAST: "lower",
    Qualifier.LESS_THAN: "upper",
    Qualifier.AT_MOST: "upper",
}
_FLIPPED: dict[Qualifier, Qualifier] = {
    Qualifier.MORE_THAN: Qualifier.LESS_THAN,
    Qualifier.LESS_THAN: Qualifier.MORE_THAN,
    Qualifier.AT_LEAST: Qualifier.AT_MOST,
    Qualifier.AT_MOST: Qualifier.AT_LEAST,
}
_QUALIFIER_WORDS: dict[Qualifier, tuple[str, str]] = {
    Qualifier.EXACT: ("", ""),
    Qualifier.MORE_THAN: ("hơn", "more than"),
    Qualifier.AT_LEAST: ("ít nhất", "at least"),
    Qualifier.LESS_THAN: ("dưới", "less than"),
    Qualifier.AT_MOST: ("không quá", "at most"),
    Qualifier.APPROXIMATELY: ("khoảng", "about"),
}

QUALIFIER_WORDS_VI: dict[str, Qualifier] = {
    "hơn": Qualifier.MORE_THAN,
    "trên": Qualifier.MORE_THAN,
    "ít nhất": Qualifier.AT_LEAST,
    "tối thiểu": Qualifier.AT_LEAST,
    "gần": Qualifier.LESS_THAN,
    "dưới": Qualifier.LESS_THAN,
    "không quá": Qualifier.AT_MOST,
    "tối đa": Qualifier.AT_MOST,
    "khoảng": Qualifier.APPROXIMATELY,
}
"""The Vietnamese words put before a figure, and the qualifier each gives.

"hơn", "trên" (more than) and "gần", "dưới" (nearly, under: less than) are
strict bounds; "ít nhất", "tối thiểu" (at least) and "không quá", "tối đa"
(at most) are inclusive; "khoảng" is approximate.
"""


def join_qualifiers(qualifiers: Iterable[Qualifier]) -> Qualifier:
    """The join of many qualifiers; ``exact`` for none (the identity).

    Example:
        >>> from antq_domain.values import Qualifier, join_qualifiers
        >>> join_qualifiers([])
        <Qualifier.EXACT: 'exact'>
        >>> join_qualifiers([Qualifier.EXACT, Qualifier.AT_LEAST, Qualifier.AT_LEAST])
        <Qualifier.AT_LEAST: 'at_least'>
    """
    return reduce(Qualifier.combine, qualifiers, Qualifier.EXACT)
