"""Diagnostics: the daemon's status. ``status`` needs no login (a console shows it before one).

The maintenance commands (self-test, loopback, prompt and fax tests, reset, out-of-service,
fault rehearsal) are in :mod:`switchlink.services.maintenance`.
"""

from __future__ import annotations

from typing import Any

from switchlink.services.registry import Context, command


@command("status", auth=False)
def _status(ctx: Context, args: dict[str, Any]) -> dict[str, Any]:
    return ctx.status()
