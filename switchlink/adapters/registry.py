"""Adapters by name: built-ins imported lazily, vendors added through an entry-point group."""

from __future__ import annotations

import importlib
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Any

from switchlink.adapters.errors import AdapterNotFound

if TYPE_CHECKING:
    from switchlink.adapters.base import SwitchAdapter

ENTRY_POINT_GROUP = "callfloor.adapters"

#: name -> (module, class); imported only when asked for, like python-can's BACKENDS.
BUILTIN_ADAPTERS: dict[str, tuple[str, str]] = {
    "loopback": ("switchlink.adapters.loopback", "LoopbackAdapter"),
    "ami": ("switchlink.adapters.ami", "AmiAdapter"),
    "hylafax": ("switchlink.adapters.hylafax", "HylafaxAdapter"),
    "composite": ("switchlink.adapters.composite", "CompositeAdapter"),
}


def available_adapters() -> list[str]:
    """Names of every adapter that can be asked for, built-in first."""
    names = list(BUILTIN_ADAPTERS)
    names += sorted(ep.name for ep in entry_points(group=ENTRY_POINT_GROUP) if ep.name not in names)
    return names


def adapter_class(name: str) -> type[SwitchAdapter]:
    """The adapter class registered under ``name``; :class:`AdapterNotFound` if none."""
    from switchlink.adapters.base import SwitchAdapter

    if name in BUILTIN_ADAPTERS:
        module_name, class_name = BUILTIN_ADAPTERS[name]
        try:
            cls = getattr(importlib.import_module(module_name), class_name)
        except (ImportError, AttributeError) as exc:
            raise AdapterNotFound(f"adapter {name!r} failed to load: {exc}") from None
    else:
        matches = [ep for ep in entry_points(group=ENTRY_POINT_GROUP) if ep.name == name]
        if not matches:
            known = ", ".join(available_adapters())
            raise AdapterNotFound(f"no adapter named {name!r} (known: {known})") from None
        try:
            cls = matches[0].load()
        except Exception as exc:  # a vendor package's import error is theirs, reported as ours
            raise AdapterNotFound(f"adapter {name!r} failed to load: {exc}") from None
    if not (isinstance(cls, type) and issubclass(cls, SwitchAdapter)):
        raise AdapterNotFound(f"adapter {name!r} is not a SwitchAdapter") from None
    return cls


def create_adapter(name: str, **options: Any) -> SwitchAdapter:
    """Instantiate the adapter registered under ``name`` with its options."""
    return adapter_class(name)(**options)
