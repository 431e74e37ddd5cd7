"""``main.py ctl``: the shell client of switchlink, one module of verbs per capability.

It is a client like the console: it uses :mod:`switchlink.client` and the local key files,
never a service, the engine, storage or an adapter.
"""

from switchlink.ctl.main import add_arguments, run

__all__ = ["add_arguments", "run"]
