"""Fax jobs: bills by fax and fax-on-demand (S0, S4 5.3.7)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class FaxStatus(StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    DONE = "done"
    FAILED = "failed"


@dataclass(slots=True)
class FaxJob:
    id: str
    number: str
    document: str
    pages: int = 1
    status: FaxStatus = FaxStatus.QUEUED
    submitted_at: float = 0.0
    finished_at: float | None = None
    channel: str | None = None
    error: str = ""
    attempts: int = 0
