"""The Qt-free client library: what the console and ``ctl`` may use of switchlink.

It speaks the wire protocol (:mod:`switchlink.transport.protocol`) and keeps a mirror of the
floor; it imports no service, storage, engine or adapter, so a console machine needs none.
"""

from switchlink.client.connection import (
    ClientError,
    CommandError,
    LinkStatus,
    SwitchlinkClient,
    load_default_keys,
)
from switchlink.client.mirror import StateMirror

__all__ = [
    "ClientError",
    "CommandError",
    "LinkStatus",
    "StateMirror",
    "SwitchlinkClient",
    "load_default_keys",
]
