"""Results of line, link, fax and IVR tests run by maintenance staff."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class LinkTestResult:
    """One finished test on a board, trunk, channel or link."""

    target: str
    kind: str
    passed: bool
    at: float
    detail: str = ""
    by: str = ""
    id: int | None = None
