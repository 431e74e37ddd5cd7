"""Users, sessions, audit files, keys and config: safe defaults a site relies on."""

from __future__ import annotations

import argparse
import stat
from pathlib import Path

import pytest
from scripted_switch import FAST_HASHER, PASSWORD

from models.security import AuditEntry, Role
from switchlink.config import ConfigError, resolve
from switchlink.services.users.auth import Authenticator, AuthError, FileAuditLog, FileUserStore
from switchlink.transport.keys import authorize_client, ensure_keys


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def make_auth(tmp_path: Path) -> Authenticator:
    return Authenticator(FileUserStore(tmp_path / "users.json"), hasher=FAST_HASHER,
                         sessions_path=tmp_path / "sessions.json")


def test_passwords_are_stored_as_argon2id_hashes_in_a_private_file(tmp_path: Path) -> None:
    auth = make_auth(tmp_path)
    auth.set_password("li", PASSWORD, Role.SUPERVISOR)
    text = (tmp_path / "users.json").read_text()
    assert PASSWORD not in text and "$argon2id$" in text
    assert mode(tmp_path / "users.json") == 0o600


def test_login_gives_a_session_that_survives_a_restart(tmp_path: Path) -> None:
    auth = make_auth(tmp_path)
    auth.set_password("li", PASSWORD, Role.SUPERVISOR)
    token = auth.login("li", PASSWORD).token
    again = make_auth(tmp_path)
    assert again.session(token).username == "li"
    assert mode(tmp_path / "sessions.json") == 0o600


def test_wrong_password_unknown_user_and_disabled_user_cannot_log_in(tmp_path: Path) -> None:
    auth = make_auth(tmp_path)
    user = auth.set_password("li", PASSWORD, Role.SUPERVISOR)
    for name, pw in (("li", "nope nope nope"), ("ghost", PASSWORD)):
        with pytest.raises(AuthError, match="wrong user name or password"):
            auth.login(name, pw)
    token = auth.login("li", PASSWORD).token
    user.disabled = True
    auth.users.save(user)
    with pytest.raises(AuthError):
        auth.session(token)
    with pytest.raises(AuthError):
        auth.login("li", PASSWORD)


def test_idle_sessions_expire(tmp_path: Path) -> None:
    auth = Authenticator(FileUserStore(tmp_path / "u.json"), hasher=FAST_HASHER, idle_s=-1)
    auth.set_password("li", PASSWORD, Role.SUPERVISOR)
    token = auth.login("li", PASSWORD).token
    with pytest.raises(AuthError, match="expired"):
        auth.session(token)


def test_first_run_creates_admin_with_a_random_password_shown_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("CALLFLOOR_ADMIN_PASSWORD", raising=False)
    auth = make_auth(tmp_path)
    password = auth.bootstrap_admin()
    assert password and password in capsys.readouterr().err
    assert auth.login("admin", password).role is Role.ADMIN
    assert auth.bootstrap_admin() is None, "never again once users exist"
    other = make_auth(tmp_path / "b")
    assert other.bootstrap_admin() != password, "no fixed default password"


def test_admin_password_can_come_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CALLFLOOR_ADMIN_PASSWORD", "from-env-123")
    auth = make_auth(tmp_path)
    auth.bootstrap_admin()
    assert auth.login("admin", "from-env-123").username == "admin"


def test_audit_log_is_searchable_newest_first(tmp_path: Path) -> None:
    log = FileAuditLog(tmp_path / "audit.jsonl")
    for i, (user, action) in enumerate([("a", "x"), ("b", "x"), ("a", "y")]):
        log.record(AuditEntry(at=100.0 + i, user=user, role="admin", action=action))
    assert [e.action for e in log.search(user="a")] == ["y", "x"]
    assert [e.user for e in log.search(action="x")] == ["b", "a"]
    assert [e.at for e in log.search(since=101.0, until=101.5)] == [101.0]
    assert len(log.search(limit=1)) == 1
    assert mode(tmp_path / "audit.jsonl") == 0o600
    assert FileAuditLog(tmp_path / "audit.jsonl").search(limit=1)[0].id == 3


def test_keys_are_created_once_with_private_permissions(tmp_path: Path) -> None:
    keys = ensure_keys(tmp_path)
    assert ensure_keys(tmp_path) == keys
    for name in ("keys/server.key_secret", "keys/client.key_secret", "signing.key"):
        assert mode(tmp_path / name) == 0o600, name
    assert (keys.authorized_dir / "local-client.key").exists()
    assert len(keys.signing_key) == 64


def test_authorizing_a_client_key_checks_the_name(tmp_path: Path) -> None:
    path = authorize_client(b"x" * 40, "console-2", tmp_path)
    assert mode(path) == 0o600
    with pytest.raises(ValueError, match="letters"):
        authorize_client(b"x" * 40, "../evil", tmp_path)


def _ns(**kw: object) -> argparse.Namespace:
    return argparse.Namespace(**kw)


def test_flags_override_the_config_file(tmp_path: Path) -> None:
    cfg_file = tmp_path / "sl.toml"
    cfg_file.write_text('[switchlink]\nadapter = "acme"\nspeed = 5\nendpoint = "tcp://127.0.0.1:9000"\n')
    cfg = resolve(_ns(config=str(cfg_file), speed=2.0, adapter=None))
    assert (cfg.adapter, cfg.speed, cfg.endpoint) == ("acme", 2.0, "tcp://127.0.0.1:9000")


@pytest.mark.parametrize(
    ("text", "message"),
    [("adapter = 5\n", "wrong type"), ("colour = 'red'\n", "unknown setting 'colour'"),
     ("adapter = \n", "not valid TOML")],
)
def test_bad_config_files_name_the_file_and_the_problem(
    tmp_path: Path, text: str, message: str
) -> None:
    cfg_file = tmp_path / "sl.toml"
    cfg_file.write_text(text)
    with pytest.raises(ConfigError, match=message) as info:
        resolve(_ns(config=str(cfg_file)))
    assert str(cfg_file) in str(info.value)
