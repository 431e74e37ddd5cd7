"""``main.py ctl keys show|allow|list``: let a console on another machine in (local files)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_USAGE = 0, 2
ACTIONS = ("keys",)
LOCAL = True  #: ctl runs these without connecting: they only touch local key files


def add_parsers(sub: Any) -> None:
    """The ``keys`` action and its own sub-actions (they never talk to the daemon)."""
    keys = sub.add_parser("keys", help="this machine's keys and the daemon's allowed consoles")
    actions = keys.add_subparsers(dest="keys_command", metavar="KEYS_ACTION", required=True)
    p = actions.add_parser("show", help="print this machine's client public key (to allow it)")
    p.add_argument("--json", action="store_true", help="client and server public keys as JSON")
    p = actions.add_parser("allow", help="on the daemon's host: allow a console's public key")
    p.add_argument("name", help="a name for that console (letters, digits, '-', '_')")
    p.add_argument("public_key", help="the 40-character key `ctl keys show` printed there")
    p.add_argument("--replace", action="store_true", help="give NAME a different key")
    p.add_argument("--json", action="store_true")
    p = actions.add_parser("list", help="names of the allowed client keys")
    p.add_argument("--json", action="store_true")


def _base(args: argparse.Namespace) -> Path:
    from switchlink.transport.keys import config_dir

    return Path(args.config_dir) if args.config_dir else config_dir()


def _err(message: str) -> int:
    print(f"ctl keys: {message}", file=sys.stderr)
    return EXIT_USAGE


def run(args: argparse.Namespace) -> int:
    from switchlink.transport.keys import authorized_clients, ensure_keys

    base = _base(args)
    action = args.keys_command
    as_json = args.json
    if action == "allow":
        return allow(base, args.name, args.public_key, replace=args.replace, as_json=as_json)
    try:
        keys = ensure_keys(base) if action == "show" else None
    except OSError as exc:
        return _err(f"cannot read or create the keys in {base}: {exc}")
    if keys is not None:
        if as_json:
            print(json.dumps({"client_public": keys.client_public.decode(),
                              "server_public": keys.server_public.decode()}))
        else:
            print(keys.client_public.decode())
        return EXIT_OK
    names = sorted(authorized_clients(base))
    print(json.dumps(names) if as_json else "\n".join(names) or "(no allowed client keys)")
    return EXIT_OK


def allow(base: Path, name: str, public_key: str, *, replace: bool = False,
          as_json: bool = False) -> int:
    """Allow ``public_key`` as ``name`` and say which files the remote machine needs."""
    from switchlink.transport.keys import (
        authorize_client,
        authorized_clients,
        check_key_name,
        ensure_keys,
        parse_public_key,
    )

    try:
        check_key_name(name)
        key = parse_public_key(public_key)
    except ValueError as exc:
        return _err(f"not allowed: {exc}")
    try:
        keys = ensure_keys(base)  # the daemon's server.key and signing.key must exist to copy
        existing = authorized_clients(base).get(name)
        if existing is not None and existing != key and not replace:
            return _err(f"not allowed: {name!r} already has a different key in "
                        f"{keys.authorized_dir}; pick another name or pass --replace")
        path = authorize_client(key, name, base)
    except OSError as exc:
        return _err(f"cannot write the allow-list in {base}: {exc}")
    copy = [str(base / "keys" / "server.key"), str(base / "signing.key")]
    if as_json:
        print(json.dumps({"name": name, "path": str(path), "copy_to_remote": copy}))
        return EXIT_OK
    print(f"allowed {name}: {path}")
    print("a running switchlink admits it within a few seconds (no restart).")
    print("copy these to the remote machine's config dir (same names; keys/server.key there):")
    for item in copy:
        print(f"  {item}")
    return EXIT_OK
