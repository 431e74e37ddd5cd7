"""One application-wide "the UI language changed" signal, for objects that are not widgets.

Widgets hear ``LanguageChange`` in ``changeEvent``; the permission helper and the Session menu
are plain ``QObject``s and do not. They used to install a Python event filter on the
``QApplication``, which is called for every event of every object and makes PySide wrap each
watched object — also objects half-way through their destructor. The test run crashed inside
the event loop (segfault, CI) with such a filter installed; other PySide6 projects report the
same. The language switch now says so itself, through this signal.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class LanguageEvents(QObject):
    """Emits ``changed`` after the translators were swapped (the new language is in effect)."""

    changed = Signal()


_events: LanguageEvents | None = None


def language_events() -> LanguageEvents:
    """The process's one :class:`LanguageEvents` (made on first use, never deleted)."""
    global _events
    if _events is None:
        _events = LanguageEvents()
    return _events
