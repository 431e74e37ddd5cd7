"""Users (argon2id hashes), sessions and the audit trail, file-backed until the database lands.

:class:`UserStore` and :class:`AuditLog` are the small interfaces the persistence layer
replaces with database-backed ones; :class:`Authenticator` only talks to those interfaces.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import math
import os
import secrets
import sys
import threading
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Protocol

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from models.security import AuditEntry, Role, User
from switchlink.services.users.lockout import Lockout, LoginGuard

log = logging.getLogger(__name__)

#: sessions expire after this long without use (the daemon's ``session_idle_minutes``)
SESSION_IDLE_S = 30 * 60.0
#: roles whose sessions never idle-expire (a wall display nobody touches)
NEVER_IDLE_ROLES = frozenset({Role.WALL})


def token_hash(token: str) -> str:
    """What is kept of a session token: a stolen sessions.json opens no session."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class UserStore(Protocol):
    def get(self, username: str) -> User | None: ...
    def save(self, user: User) -> None: ...
    def list(self) -> list[User]: ...


class AuditLog(Protocol):
    def record(self, entry: AuditEntry) -> None: ...
    def search(
        self,
        user: str | None = None,
        action: str | None = None,
        since: float | None = None,
        until: float | None = None,
        limit: int = 100,
        target: str | None = None,
        result: str | None = None,
        offset: int = 0,
    ) -> list[AuditEntry]: ...


def _write_private(path: Path, text: str) -> None:
    """Write atomically with 0600 permissions (a crash leaves the old file intact)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


class FileUserStore:
    """Users in one JSON file (0600)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._users: dict[str, User] = {}
        if path.exists():
            for raw in json.loads(path.read_text(encoding="utf-8")):
                user = User(
                    username=raw["username"],
                    role=Role(raw["role"]),
                    password_hash=raw.get("password_hash", ""),
                    display_name=raw.get("display_name", ""),
                    disabled=bool(raw.get("disabled", False)),
                    teams=tuple(raw.get("teams", ())),
                    department=raw.get("department", ""),
                    must_change_password=bool(raw.get("must_change_password", False)),
                )
                self._users[user.username] = user

    def get(self, username: str) -> User | None:
        return self._users.get(username)

    def save(self, user: User) -> None:
        with self._lock:
            self._users[user.username] = user
            rows = [dict(asdict(u), role=u.role.value) for u in self._users.values()]
            _write_private(self.path, json.dumps(rows, ensure_ascii=False, indent=1))

    def list(self) -> list[User]:
        return sorted(self._users.values(), key=lambda u: u.username)


class FileAuditLog:
    """Audit entries appended as JSON lines (0600); searched by reading the file back."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
        self._next_id = sum(1 for _ in path.open(encoding="utf-8")) + 1

    def record(self, entry: AuditEntry) -> None:
        with self._lock:
            entry.id = self._next_id
            self._next_id += 1
            with self.path.open("a", encoding="utf-8") as f:
                f.write(json.dumps(asdict(entry), ensure_ascii=False, default=str) + "\n")

    def search(
        self,
        user: str | None = None,
        action: str | None = None,
        since: float | None = None,
        until: float | None = None,
        limit: int = 100,
        target: str | None = None,
        result: str | None = None,
        offset: int = 0,
    ) -> list[AuditEntry]:
        """Newest first."""
        out: list[AuditEntry] = []
        with self.path.open(encoding="utf-8") as f:
            lines = f.readlines()
        for line in reversed(lines):
            try:
                entry = AuditEntry(**json.loads(line))
            except (ValueError, TypeError):
                continue
            if user is not None and entry.user != user:
                continue
            if action is not None and entry.action != action:
                continue
            if since is not None and entry.at < since:
                continue
            if until is not None and entry.at > until:
                continue
            if target is not None and entry.target != target:
                continue
            if result is not None and (entry.result == "ok") != (result == "ok"):
                continue
            if offset > 0:
                offset -= 1
                continue
            out.append(entry)
            if len(out) >= limit:
                break
        return out


@dataclass(slots=True)
class Session:
    """An open session; refreshed from its user (role, teams …) on every use."""

    token: str
    username: str
    role: Role
    created: float
    last_used: float
    teams: tuple[str, ...] = ()
    department: str = ""
    display_name: str = ""
    must_change_password: bool = False
    #: the embedded console's automatic local-admin session: never idle-expires and is not
    #: held back by a pending password change (docs/decisions.md, issue 12)
    local: bool = False

    def refresh(self, user: User) -> None:
        self.role, self.teams, self.department = user.role, tuple(user.teams), user.department
        self.display_name = user.display_name
        self.must_change_password = user.must_change_password and not self.local

    def expires(self) -> bool:
        return not self.local and self.role not in NEVER_IDLE_ROLES

    def stored(self) -> dict[str, object]:
        """The sessions.json row: the token's hash, never the token."""
        return {"token_hash": token_hash(self.token) if self.token else "",
                "username": self.username, "role": self.role.value, "created": self.created,
                "last_used": self.last_used, "local": self.local}


class AuthError(Exception):
    def __init__(self, code: str, message: str, lockouts: tuple[Lockout, ...] = ()) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        #: lockouts this failure started (the login command audits them)
        self.lockouts = lockouts


class Authenticator:
    """Passwords checked against argon2id hashes; sessions as random bearer tokens.

    Thread-safe: logins and password changes run on worker threads (argon2 takes ~0.1 s)
    while the event loop checks sessions. Users are cached after the first read so a
    session check never waits on the database; every change goes through this object.
    """

    def __init__(
        self,
        users: UserStore,
        *,
        hasher: PasswordHasher | None = None,
        sessions_path: Path | None = None,
        idle_s: float = SESSION_IDLE_S,
        guard: LoginGuard | None = None,
    ) -> None:
        self.users = users
        self.hasher = hasher or PasswordHasher()
        self.idle_s = idle_s
        self.guard = guard or LoginGuard()
        self._lock = threading.RLock()
        self._user_cache: dict[str, User] = {}
        self._sessions: dict[str, Session] = {}
        self._sessions_path = sessions_path
        if sessions_path is not None and sessions_path.exists():
            try:
                for raw in json.loads(sessions_path.read_text(encoding="utf-8")):
                    key = raw.get("token_hash") or token_hash(raw["token"])  # older files
                    self._sessions[key] = Session(
                        "", raw["username"], Role(raw["role"]), float(raw["created"]),
                        float(raw["last_used"]), local=bool(raw.get("local", False)))
            except (ValueError, TypeError, KeyError, AttributeError):
                log.warning("ignoring unreadable sessions file %s", sessions_path)

    def hash_password(self, password: str) -> str:
        return self.hasher.hash(password)

    def user(self, username: str) -> User | None:
        """The user (cached after the first read; refreshed by every change made here)."""
        with self._lock:
            cached = self._user_cache.get(username)
        if cached is not None:
            return cached
        user = self.users.get(username)
        if user is not None:
            with self._lock:
                self._user_cache[username] = user
        return user

    def _save_user(self, user: User) -> None:
        self.users.save(user)
        with self._lock:
            self._user_cache[user.username] = user

    def set_password(
        self, username: str, password: str, role: Role | None = None,
        *, keep_session: str | None = None, must_change: bool = False,
    ) -> User:
        """Create the user (given a role) or change their password.

        A changed password ends every open session of that user but ``keep_session`` (the
        session of a user changing their own password). ``must_change``: set by someone else
        (an administrator), so the user must choose their own at the next login.
        """
        if len(password) < 8:
            raise AuthError("bad_request", "a password needs at least 8 characters")
        user = self.user(username)
        if user is None:
            if role is None:
                raise AuthError("unknown_target", f"no user named {username!r}")
            user = User(username=username, role=role)
        else:
            user = replace(user, role=role or user.role)
        user.password_hash = self.hash_password(password)
        user.must_change_password = must_change
        self._save_user(user)
        self.end_sessions(username, keep=keep_session)
        return user

    def save_user(self, user: User) -> None:
        """Store a changed user (role, teams …); open sessions see it at their next command."""
        self._save_user(user)

    def set_disabled(self, username: str, disabled: bool) -> User:
        """Disable (ending every open session) or enable a user."""
        user = self.user(username)
        if user is None:
            raise AuthError("unknown_target", f"no user named {username!r}")
        user = replace(user, disabled=disabled)
        self._save_user(user)
        if disabled:
            self.end_sessions(username)
        return user

    def login(self, username: str, password: str, key: str = "") -> Session:
        """A new session, or :class:`AuthError` (``locked_out`` before any hashing).

        ``key`` is the client's CURVE public key: failures count per user name and per key.
        """
        wait = self.guard.locked_for(username, key)
        if wait > 0:
            raise AuthError(
                "locked_out",
                f"too many failed logins: try again in {math.ceil(wait)} s "
                "(or ask an administrator to unlock)",
            )
        user = self.user(username)
        ok = False
        if user is not None and user.password_hash and not user.disabled:
            try:
                ok = self.hasher.verify(user.password_hash, password)
            except (VerificationError, InvalidHashError):
                ok = False
        else:  # spend the same time so user names cannot be probed by timing
            with contextlib.suppress(VerificationError, InvalidHashError):
                self.hasher.verify(_dummy_hash(self.hasher), password)
        if not ok or user is None:
            started = self.guard.failed(username, key)
            raise AuthError("not_authenticated", "wrong user name or password", tuple(started))
        self.guard.succeeded(username)
        return self.open_session(user)

    def open_session(self, user: User, *, local: bool = False) -> Session:
        """A new session; ``local``: the embedded console's own (see :class:`Session`)."""
        now = time.time()
        session = Session(secrets.token_urlsafe(32), user.username, user.role, now, now,
                          local=local)
        session.refresh(user)
        with self._lock:
            self._sessions[token_hash(session.token)] = session
            self._save_sessions()
        return session

    def idle_timeout(self, session: Session) -> float | None:
        """Seconds of idleness that end ``session``; None: it never idle-expires."""
        return self.idle_s if session.expires() else None

    def session(self, token: str | None) -> Session:
        """The live session for ``token``, refreshed; :class:`AuthError` if none."""
        if not token:
            raise AuthError("not_authenticated", "log in first (no session)")
        key = token_hash(token)
        with self._lock:
            s = self._sessions.get(key)
        now = time.time()
        if s is None or (s.expires() and now - s.last_used > self.idle_s):
            with self._lock:
                self._sessions.pop(key, None)
            raise AuthError("not_authenticated", "the session has expired or is unknown; log in")
        user = self.user(s.username)
        if user is None or user.disabled:
            self.logout(token)
            raise AuthError("not_authenticated", f"user {s.username!r} is no longer active")
        s.token = token
        s.refresh(user)
        if s.expires() and now - s.last_used > self.idle_s:  # the role changed to one that ages
            self.logout(token)
            raise AuthError("not_authenticated", "the session has expired or is unknown; log in")
        s.last_used = now
        return s

    def logout(self, token: str) -> bool:
        with self._lock:
            found = self._sessions.pop(token_hash(token), None) is not None
            if found:
                self._save_sessions()
        return found

    def end_sessions(self, username: str, keep: str | None = None) -> int:
        """End every open session of ``username`` (but ``keep``); returns how many ended."""
        kept = token_hash(keep) if keep else None
        with self._lock:
            ended = [t for t, s in self._sessions.items() if s.username == username and t != kept]
            for token in ended:
                del self._sessions[token]
            if ended:
                self._save_sessions()
        if ended:
            log.info("ended %d open session(s) of %r", len(ended), username)
        return len(ended)

    def _save_sessions(self) -> None:
        if self._sessions_path is not None:
            with self._lock:
                rows = [dict(s.stored(), token_hash=key) for key, s in self._sessions.items()]
            _write_private(self._sessions_path, json.dumps(rows))

    def bootstrap_admin(self) -> str | None:
        """First run: create ``admin`` with ``$CALLFLOOR_ADMIN_PASSWORD`` or a random password.

        A random password is printed once to stderr; returns it (None if users exist).
        """
        if self.users.list():
            return None
        password = os.environ.get("CALLFLOOR_ADMIN_PASSWORD") or ""
        generated = not password
        if generated:
            password = secrets.token_urlsafe(12)
        # a one-time password must be changed at the first login; one an installer chose is theirs
        self.set_password("admin", password, Role.ADMIN, must_change=generated)
        if generated:
            print(
                f"switchlink: first run: created user 'admin' with password {password}\n"
                "switchlink: change it with `main.py ctl call passwd '{\"password\": ...}'`; "
                "it is not shown again.",
                file=sys.stderr,
            )
        return password


_dummy_cache: dict[int, str] = {}


def _dummy_hash(hasher: PasswordHasher) -> str:
    key = id(hasher)
    if key not in _dummy_cache:
        _dummy_cache[key] = hasher.hash(secrets.token_hex(8))
    return _dummy_cache[key]
