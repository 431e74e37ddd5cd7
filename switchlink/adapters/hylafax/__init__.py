"""A real HylaFAX fax server as the site's fax board (hfaxd's client protocol)."""

from switchlink.adapters.hylafax.adapter import HylafaxAdapter

__all__ = ["HylafaxAdapter"]
