"""The daemon's start-up load of the blacklist (BlacklistRepository.all): every stored entry
comes back as written, without the per-row ORM object and generic codec that made a
1,000,000-entry list take ~35 s to load (tests/perf/test_blacklist_speed.py prints the time)."""

from __future__ import annotations

import pytest

import models.persistence.blacklist as blacklist_repo
from models.blacklist import BlacklistEntry, BlockAction
from models.calls import CustomerLevel
from models.persistence.blacklist import BlacklistRepository
from models.persistence.database import Database

T0 = 1_767_600_000.0


def test_all_returns_every_entry_as_written_without_converting_each_row(
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = BlacklistRepository(db)
    written = [
        repo.add(BlacklistEntry("13700000000", CustomerLevel.VIP, T0, T0 + 3600,
                                BlockAction.WARN, "骚扰", "li", T0), by="li", at=T0),
        repo.add(BlacklistEntry("087112345678", blocked_from=T0, action=BlockAction.RELEASE,
                                reason="spam", created_by="wang", created_at=T0 + 1),
                 by="wang", at=T0 + 1),
        repo.add(BlacklistEntry("+442071234567", blocked_from=T0, created_at=T0 + 2),
                 by="li", at=T0 + 2),
    ]
    repo.remove(written[2].id, by="wang", reason="apologised", at=T0 + 10)
    lifted = repo.find("+442071234567")[0]

    def per_row(*_args: object) -> None:
        raise AssertionError("all() converted a row with the generic codec")

    monkeypatch.setattr(blacklist_repo, "to_domain", per_row)
    loaded = repo.all()
    assert loaded == [written[0], written[1], lifted]
    assert lifted.active is False
    assert type(loaded[0].action) is BlockAction and type(loaded[0].customer_level) is CustomerLevel
    assert loaded[1].blocked_until is None
