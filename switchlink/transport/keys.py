"""CurveZMQ key pairs, the client allow-list and the command-signing key, all in 0600 files.

Layout under the config directory (``$CALLFLOOR_CONFIG_DIR`` or the platform's user config
dir for "callfloor")::

    keys/server.key, keys/server.key_secret      the daemon's key pair
    keys/client.key, keys/client.key_secret      this machine's client key pair
    keys/authorized_clients/*.key                public keys allowed to connect (ZAP)
    signing.key                                  HMAC key for command envelopes
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import shutil
import struct
from dataclasses import dataclass
from pathlib import Path

import platformdirs
import zmq
import zmq.auth
from zmq.auth.thread import ThreadAuthenticator
from zmq.utils import z85

APP_NAME = "callfloor"
#: a key file name: letters, digits, '-' and '_' (no dots, slashes or spaces)
_KEY_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")
_Z85_ALPHABET = frozenset(
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#"
)

log = logging.getLogger(__name__)


def config_dir() -> Path:
    """Where keys and the config live; ``CALLFLOOR_CONFIG_DIR`` overrides (tests, sites)."""
    override = os.environ.get("CALLFLOOR_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME))


def data_dir() -> Path:
    """Where users, sessions and the audit log live until the database does."""
    override = os.environ.get("CALLFLOOR_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME))


def _private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    path.chmod(0o700)
    return path


def _restrict(path: Path) -> None:
    path.chmod(0o600)


@dataclass(frozen=True, slots=True)
class KeySet:
    """Everything the daemon and a local client need for CURVE and signing."""

    server_public: bytes
    server_secret: bytes
    client_public: bytes
    client_secret: bytes
    signing_key: bytes
    authorized_dir: Path


def _ensure_pair(key_dir: Path, name: str) -> tuple[bytes, bytes]:
    secret_file = key_dir / f"{name}.key_secret"
    if not secret_file.exists():
        public_file, secret_path = zmq.auth.create_certificates(key_dir, name)
        _restrict(Path(public_file))
        _restrict(Path(secret_path))
    public, secret = zmq.auth.load_certificate(secret_file)
    assert secret is not None
    return public, secret


def ensure_keys(base: Path | None = None) -> KeySet:
    """Load the keys, creating any that are missing (first run) with 0600 permissions."""
    base = _private_dir(base or config_dir())
    key_dir = _private_dir(base / "keys")
    server_public, server_secret = _ensure_pair(key_dir, "server")
    client_public, client_secret = _ensure_pair(key_dir, "client")
    authorized = _private_dir(key_dir / "authorized_clients")
    local = authorized / "local-client.key"
    if not local.exists():
        shutil.copyfile(key_dir / "client.key", local)
        _restrict(local)
    signing_file = base / "signing.key"
    if not signing_file.exists():
        fd = os.open(signing_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_hex(32))
    signing_key = signing_file.read_text().strip().encode()
    return KeySet(
        server_public, server_secret, client_public, client_secret, signing_key, authorized
    )


def parse_public_key(text: str) -> bytes:
    """A CURVE public key as Z85 text (40 chars, 32 bytes); :class:`ValueError` says why not."""
    text = text.strip()
    if len(text) != 40:
        raise ValueError(f"a public key is 40 Z85 characters, this one has {len(text)}")
    bad = sorted(set(text) - _Z85_ALPHABET)
    if bad:
        raise ValueError(f"a public key is Z85 text; {''.join(bad)!r} is not a Z85 character")
    try:
        raw = z85.decode(text.encode("ascii"))
    except (ValueError, struct.error):
        raise ValueError("not a valid Z85 key (a 5-character group is out of range)") from None
    if len(raw) != 32:  # pragma: no cover - 40 valid chars always decode to 32 bytes
        raise ValueError(f"a public key decodes to 32 bytes, this one to {len(raw)}")
    return text.encode("ascii")


def check_key_name(name: str) -> str:
    """The allow-list file name, or :class:`ValueError` (it becomes ``<name>.key``)."""
    if not _KEY_NAME.fullmatch(name):
        raise ValueError(
            f"key name {name!r} may hold only letters, digits, '-' and '_' (1-64 characters)"
        )
    return name


def authorized_clients(base: Path | None = None) -> dict[str, bytes]:
    """Allowed client names (file stems) and their public keys; unreadable files are skipped."""
    authorized = (base or config_dir()) / "keys" / "authorized_clients"
    found: dict[str, bytes] = {}
    for path in sorted(authorized.glob("*.key")):
        try:
            public, _ = zmq.auth.load_certificate(path)
        except (OSError, ValueError):
            continue
        found[path.stem] = public
    return found


def allowed_key_texts(authorized_dir: Path) -> frozenset[str]:
    """The Z85 texts of the allowed client keys: what ZAP gives a connection as its User-Id."""
    keys: set[str] = set()
    for path in authorized_dir.glob("*.key"):
        try:
            public, _ = zmq.auth.load_certificate(path)
        except (OSError, ValueError):
            continue
        keys.add(public.decode("ascii"))
    return frozenset(keys)


def authorize_client(public_key: bytes, name: str, base: Path | None = None) -> Path:
    """Add a client's public key to the allow-list; a running daemon picks it up within ~1 s.

    Written to a temporary name and renamed, so the daemon never reads half a file.
    """
    check_key_name(name)
    parse_public_key(public_key.decode("ascii", errors="replace"))
    authorized = _private_dir((base or config_dir()) / "keys" / "authorized_clients")
    path = authorized / f"{name}.key"
    tmp = authorized / f".{name}.key.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write("metadata\ncurve\n    public-key = \"" + public_key.decode("ascii") + "\"\n")
    _restrict(tmp)
    os.replace(tmp, path)
    return path


def start_authenticator(context: zmq.Context, authorized_dir: Path) -> ThreadAuthenticator:
    """A ZAP handler that admits only clients whose public key is in ``authorized_dir``."""
    auth = ThreadAuthenticator(context)
    auth.start()
    auth.configure_curve(domain="*", location=str(authorized_dir))
    return auth


def allow_list_stamp(authorized_dir: Path) -> tuple[object, ...]:
    """Changes whenever a key file is added, removed or replaced (mtimes, inodes, sizes)."""
    try:
        stamp: list[object] = [authorized_dir.stat().st_mtime_ns]
        for entry in sorted(os.scandir(authorized_dir), key=lambda e: e.name):
            if entry.name.endswith(".key"):
                st = entry.stat()
                stamp.append((entry.name, st.st_mtime_ns, st.st_ino, st.st_size))
    except OSError:
        return ()
    return tuple(stamp)


class AllowListWatch:
    """Re-reads the allow-list into a running ZAP handler when the directory changes.

    pyzmq's authenticator loads the keys once per ``configure_curve``; without this a newly
    allowed console would need a daemon restart.
    """

    def __init__(self, auth: ThreadAuthenticator, authorized_dir: Path) -> None:
        self.auth = auth
        self.authorized_dir = authorized_dir
        self.stamp = allow_list_stamp(authorized_dir)

    def check(self) -> bool:
        """Reload if the directory changed since the last look; True when it reloaded."""
        stamp = allow_list_stamp(self.authorized_dir)
        if stamp == self.stamp:
            return False
        self.stamp = stamp
        self.auth.configure_curve(domain="*", location=str(self.authorized_dir))
        names = sorted(p.stem for p in self.authorized_dir.glob("*.key"))
        log.info("allowed client keys reloaded from %s: %s", self.authorized_dir,
                 ", ".join(names) or "none")
        return True


def make_curve_server(sock: zmq.Socket, keys: KeySet) -> None:
    sock.curve_secretkey = keys.server_secret
    sock.curve_publickey = keys.server_public
    sock.curve_server = True


def make_curve_client(
    sock: zmq.Socket, server_public: bytes, client_public: bytes, client_secret: bytes
) -> None:
    sock.curve_serverkey = server_public
    sock.curve_publickey = client_public
    sock.curve_secretkey = client_secret
