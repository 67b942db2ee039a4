"""The groups of items a report holds, with the words every display calls them."""

from __future__ import annotations

from antq_domain.values._codelist import Codelist

__all__ = ["RecordGroup"]


class RecordGroup(Codelist):
    """The groups of items a report holds, with their words for displays.

    The value is the report's field name (``getattr(report, group.value)``);
    the label is what every display calls the group.

    Example:
        >>> from antq_domain.records.groups import RecordGroup
        >>> RecordGroup.CAMPAIGNS.text("vi"), RecordGroup.CAMPAIGNS.text("en")
        ('đợt phát động, tuyên truyền', 'campaigns')
        >>> [g.value for g in RecordGroup.records()][:2]
        ['organisations', 'committees']
    """

    OBSERVATIONS = ("observations", "số liệu", "figures")
    ORGANISATIONS = ("organisations", "cơ quan, tổ chức", "organisations")
    COMMITTEES = ("committees", "ban chỉ đạo", "steering committees")
    CAMPAIGNS = ("campaigns", "đợt phát động, tuyên truyền", "campaigns")
    MODELS = ("models", "mô hình", "exemplary models")
    FORCES = ("forces", "lực lượng", "force records")
    PROGRAMMES = ("programmes", "chương trình phối hợp", "cooperation programmes")
    COMMENDATIONS = ("commendations", "khen thưởng", "commendations")
    LIMITATIONS = ("limitations", "hạn chế", "limitations")
    DIRECTIONS = ("directions", "phương hướng", "directions")

    @classmethod
    def records(cls) -> tuple[RecordGroup, ...]:
        """The groups of records proper: neither figures nor narrative.

        Example:
            >>> from antq_domain.records.groups import RecordGroup
            >>> len(RecordGroup.records())
            7
        """
        skip = (cls.OBSERVATIONS, cls.LIMITATIONS, cls.DIRECTIONS)
        return tuple(g for g in cls if g not in skip)
