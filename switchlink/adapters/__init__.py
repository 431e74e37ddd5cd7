"""Vendor-neutral adapters to the switch; see :mod:`switchlink.adapters.base`."""

from switchlink.adapters.base import Inventory, SwitchAdapter
from switchlink.adapters.errors import AdapterError, AdapterNotFound
from switchlink.adapters.registry import available_adapters, create_adapter

__all__ = [
    "AdapterError",
    "AdapterNotFound",
    "Inventory",
    "SwitchAdapter",
    "available_adapters",
    "create_adapter",
]
