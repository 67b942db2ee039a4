"""Layer 2: domain records (pydantic, frozen, unknown fields forbidden)."""

from antq_domain.records._base import Record

__all__ = ["Record"]
