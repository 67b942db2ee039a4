"""antq_domain: typed records, exact indicator arithmetic and evaluation for ANTQ reports."""

from antq_domain.errors import AntqError

__all__ = ["AntqError"]
