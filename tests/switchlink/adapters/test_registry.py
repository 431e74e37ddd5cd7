"""Adapters are found by name; unknown names and broken vendors fail with our own error."""

from importlib.metadata import EntryPoint

import pytest

from switchlink.adapters import registry
from switchlink.adapters.errors import AdapterNotFound


def test_loopback_is_always_available() -> None:
    assert registry.available_adapters()[0] == "loopback"


def test_unknown_adapter_names_the_known_ones() -> None:
    with pytest.raises(AdapterNotFound, match=r"no adapter named 'acme'.*loopback"):
        registry.adapter_class("acme")


def test_vendor_adapter_is_found_through_the_entry_point_group(monkeypatch) -> None:
    ep = EntryPoint("vendorx", "models.agents:Agent",
                    registry.ENTRY_POINT_GROUP)
    monkeypatch.setattr(registry, "entry_points", lambda group: [ep])
    assert "vendorx" in registry.available_adapters()
    with pytest.raises(AdapterNotFound, match="not a SwitchAdapter"):
        registry.adapter_class("vendorx")


def test_a_vendor_that_fails_to_import_is_reported_not_raised(monkeypatch) -> None:
    ep = EntryPoint("broken", "no_such_vendor_module:Adapter", registry.ENTRY_POINT_GROUP)
    monkeypatch.setattr(registry, "entry_points", lambda group: [ep])
    with pytest.raises(AdapterNotFound, match="'broken' failed to load"):
        registry.adapter_class("broken")
