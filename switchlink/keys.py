"""CurveZMQ key pairs, the client allow-list and the command-signing key, all in 0600 files.

Layout under the config directory (``$CALLFLOOR_CONFIG_DIR`` or the platform's user config
dir for "callfloor")::

    keys/server.key, keys/server.key_secret      the daemon's key pair
    keys/client.key, keys/client.key_secret      this machine's client key pair
    keys/authorized_clients/*.key                public keys allowed to connect (ZAP)
    signing.key                                  HMAC key for command envelopes
"""

from __future__ import annotations

import os
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

import platformdirs
import zmq
import zmq.auth
from zmq.auth.thread import ThreadAuthenticator

APP_NAME = "callfloor"


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


def authorize_client(public_key: bytes, name: str, base: Path | None = None) -> Path:
    """Add a client's public key to the allow-list (takes effect for new connections)."""
    if not name.replace("-", "").replace("_", "").isalnum():
        raise ValueError(f"key name {name!r} may hold only letters, digits, '-' and '_'")
    authorized = _private_dir((base or config_dir()) / "keys" / "authorized_clients")
    path = authorized / f"{name}.key"
    path.write_text(
        "metadata\ncurve\n    public-key = \"" + public_key.decode("ascii") + "\"\n"
    )
    _restrict(path)
    return path


def start_authenticator(context: zmq.Context, authorized_dir: Path) -> ThreadAuthenticator:
    """A ZAP handler that admits only clients whose public key is in ``authorized_dir``."""
    auth = ThreadAuthenticator(context)
    auth.start()
    auth.configure_curve(domain="*", location=str(authorized_dir))
    return auth


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
