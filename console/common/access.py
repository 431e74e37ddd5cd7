"""Who is logged in and what the role may do: the one answer every screen asks.

switchlink refuses regardless of what the UI shows; this only keeps the console from offering
what the role may not do, and says which roles may (greyed, with a tooltip). One
:class:`Access` per bridge (:func:`access_of`); it asks ``whoami`` once the link is live and
is told of every login and logout, then emits :attr:`Access.changed`.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from console.common.language import language_events
from models.security import ROLE_PERMISSIONS

#: lupdate reads translate("Context", "text") with a literal context
translate = QCoreApplication.translate

_C = "Access"
#: role -> label (untranslated, context ``Access``); unknown roles show their own name
ROLE_LABELS = {
    "supervisor": QT_TRANSLATE_NOOP("Access", "supervisor"),
    "team_leader": QT_TRANSLATE_NOOP("Access", "team leader"),
    "quality_inspector": QT_TRANSLATE_NOOP("Access", "quality inspector"),
    "floor_manager": QT_TRANSLATE_NOOP("Access", "floor manager"),
    "maintenance": QT_TRANSLATE_NOOP("Access", "maintenance"),
    "admin": QT_TRANSLATE_NOOP("Access", "administrator"),
    "wall": QT_TRANSLATE_NOOP("Access", "view-only wall"),
    "collection": QT_TRANSLATE_NOOP("Access", "collection group"),
    "agent": QT_TRANSLATE_NOOP("Access", "agent"),
    "department": QT_TRANSLATE_NOOP("Access", "complaint department"),
}
#: the order roles are named in ("Only supervisor, team leader or admin may …")
ROLE_ORDER = tuple(ROLE_LABELS)
#: codes of a command refused because the session is gone (not because of the command)
SESSION_GONE = "not_authenticated"
PASSWORD_CHANGE = "password_change_required"


def tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def role_label(role: str) -> str:
    """The role's translated name ("班长"); an unknown role keeps its own name."""
    label = ROLE_LABELS.get(role)
    return tr(label) if label else role


def join_roles(names: list[str]) -> str:
    """ "a, b or c" in the UI language."""
    if not names:
        return translate("Access", "nobody")
    if len(names) == 1:
        return names[0]
    return translate("Access", "{first} or {last}").format(
        first=translate("Access", ", ").join(names[:-1]), last=names[-1]
    )


class GuardedClient:
    """The switchlink client as the console's screens see it: every command stamps the
    time of use, and a refusal that means "the session is gone" (or "change your password
    first") is reported to the shell besides the command's own failure callback."""

    def __init__(self, client: Any, on_refused: Callable[[str, str, str], None]) -> None:
        self.__dict__["_client"] = client
        self.__dict__["_on_refused"] = on_refused
        self.__dict__["last_command"] = time.monotonic()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in self.__dict__:
            self.__dict__[name] = value
        else:
            setattr(self._client, name, value)

    def command(
        self,
        name: str,
        args: dict[str, Any],
        *,
        on_success: Any = None,
        on_failure: Any = None,
        timeout: float | None = None,
    ) -> str:
        self.__dict__["last_command"] = time.monotonic()
        session = getattr(self._client, "session", None)

        def failed(err: Any) -> None:
            code = str(getattr(err, "code", ""))
            # a refused login is a wrong password and a refused logout ends what is already
            # gone: neither is news; without a session there was nothing to lose (view only)
            news = name not in ("login", "logout") and session
            if news and code in (SESSION_GONE, PASSWORD_CHANGE):
                self._on_refused(code, str(getattr(err, "message", err)), name)
            if on_failure is not None:
                on_failure(err)

        return self._client.command(
            name, args, on_success=on_success, on_failure=failed, timeout=timeout
        )


class Access(QObject):
    """The logged-in user, role and permissions; greys registered actions and widgets."""

    #: the user, role or permissions changed (login, logout, whoami, password changed)
    changed = Signal()
    #: a command was refused because the session is gone: (code, message, command)
    session_refused = Signal(str, str, str)

    def __init__(self, bridge: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        if not isinstance(bridge.client, GuardedClient):
            bridge.client = GuardedClient(bridge.client, self.session_refused.emit)
        self.client: GuardedClient = bridge.client
        self.username = ""
        self.role = ""
        self.permissions: frozenset[str] = frozenset()
        self.teams: tuple[str, ...] = ()
        self.department = ""
        self.must_change_password = False
        self.idle_timeout_s = 0.0
        #: role -> permissions, from switchlink's ``roles`` (the models' table until then)
        self.role_table: dict[str, frozenset[str]] = {
            r.value: frozenset(p.value for p in perms) for r, perms in ROLE_PERMISSIONS.items()
        }
        self._guarded: list[tuple[weakref.ref[Any], str, str, str]] = []
        self._asked = False
        bridge.link_changed.connect(self._link)
        language_events().changed.connect(self.retranslate)
        if str(getattr(self.client, "link_status", "")) == "live":
            self._link("live", 0.0)

    # -- the questions screens ask ---------------------------------------------------------
    @property
    def logged_in(self) -> bool:
        return bool(self.username)

    def allowed(self, permission: str) -> bool:
        """May the logged-in role do this? False while a password change is pending."""
        return (not self.must_change_password) and str(permission) in self.permissions

    def roles_with(self, permission: str) -> list[str]:
        """Translated names of the roles that hold ``permission``, in the usual order."""
        holders = [r for r, perms in self.role_table.items() if str(permission) in perms]
        holders.sort(key=lambda r: ROLE_ORDER.index(r) if r in ROLE_ORDER else len(ROLE_ORDER))
        return [role_label(r) for r in holders]

    def why_not(self, permission: str, what: str = "") -> str:
        """ "" when allowed; else one line naming the roles that may (``what``: "change the
        blacklist", already translated; default "do this")."""
        if self.allowed(permission):
            return ""
        if self.must_change_password:
            return translate("Access", "Change your password first.")
        line = translate("Access", "Only {roles} may {what}.").format(
            roles=join_roles(self.roles_with(permission)),
            what=what or translate("Access", "do this"),
        )
        if not self.logged_in:
            return translate("Access", "Not logged in.") + " " + line
        return line

    # -- greying ---------------------------------------------------------------------------
    def guard(
        self, target: QAction | QWidget, permission: str, what: str = "", tip: str = ""
    ) -> None:
        """Grey ``target`` (with a tooltip saying who may) whenever the role lacks
        ``permission``; ``tip`` is its tooltip when allowed. Kept until ``target`` dies."""
        self._guarded.append((weakref.ref(target), str(permission), what, tip))
        self._apply_one(target, str(permission), what, tip)

    def _apply_one(self, target: Any, permission: str, what: str, tip: str) -> None:
        allowed = self.allowed(permission)
        target.setEnabled(allowed)
        target.setToolTip(tip if allowed else self.why_not(permission, what))

    def _apply_all(self) -> None:
        alive = []
        for ref, permission, what, tip in self._guarded:
            target = ref()
            if target is None:
                continue
            try:
                self._apply_one(target, permission, what, tip)
            except RuntimeError:  # the C++ object is gone
                continue
            alive.append((ref, permission, what, tip))
        self._guarded = alive

    # -- told by the shell -----------------------------------------------------------------
    def apply(self, info: Mapping[str, Any]) -> None:
        """A ``login`` or ``whoami`` answer."""
        self.username = str(info.get("username") or "")
        self.role = str(info.get("role") or "")
        self.permissions = frozenset(str(p) for p in info.get("permissions") or ())
        self.teams = tuple(str(t) for t in info.get("teams") or ())
        self.department = str(info.get("department") or "")
        self.must_change_password = bool(info.get("must_change_password"))
        self.idle_timeout_s = float(info.get("idle_timeout_s") or 0)
        self._apply_all()
        self.changed.emit()

    def clear(self) -> None:
        """Logged out (or the session is gone): nothing is allowed; the wall keeps showing."""
        self.client.session = None
        self.apply({})

    def set_role_table(self, table: Mapping[str, Iterable[str]]) -> None:
        self.role_table = {str(r): frozenset(str(p) for p in perms) for r, perms in table.items()}
        self._apply_all()
        self.changed.emit()

    def refresh(self) -> None:
        """Ask switchlink who we are (and the role table); the answer updates everything."""

        def refused(err: Any) -> None:
            code = str(getattr(err, "code", ""))
            if code == PASSWORD_CHANGE:
                self.must_change_password = True
                self._apply_all()
                self.changed.emit()
            elif code in ("timeout", "link_down", "busy"):
                # no answer is not "no session": keep what we know and ask again (a daemon
                # busy after a restart once greyed a logged-in admin's whole console)
                QTimer.singleShot(2000, self.refresh)
            else:  # no session (view only) or it is gone: nothing is allowed
                self.apply({})

        self.client.command("whoami", {}, on_success=self.apply, on_failure=refused)
        self.client.command("roles", {}, on_success=self._roles, on_failure=lambda _e: None)

    def _roles(self, table: Any) -> None:
        if isinstance(table, dict) and table:
            self.set_role_table(table)

    def _link(self, status: str, _since: float) -> None:
        if status == "live" and not self._asked:
            self._asked = True
            self.refresh()

    def retranslate(self) -> None:
        """The greyed tooltips follow the UI language."""
        self._apply_all()


def access_of(bridge: Any) -> Access:
    """The bridge's one :class:`Access` (made on first use)."""
    access = getattr(bridge, "_access", None)
    if access is None:
        access = Access(bridge, bridge if isinstance(bridge, QObject) else None)
        bridge._access = access
    return access
