"""docs/ivr.md names every field and rule the code knows, so the schema cannot drift."""

from __future__ import annotations

from ivr_helpers import ROOT

from ivr import schema
from ivr.findings import RULES

DOC = (ROOT / "docs" / "ivr.md").read_text(encoding="utf-8")


def test_every_node_type_and_field_is_documented() -> None:
    rows = {line.split("|")[1].strip(" `"): line for line in DOC.splitlines()
            if line.startswith("| `")}
    for node_type, fields in schema.NODE_TYPES.items():
        assert node_type in rows, node_type
        for field in fields:
            if field in ("type", "title", "recording_s"):
                continue
            assert f"`{field}`" in rows[node_type], (node_type, field)
    for section in (schema.TOP, schema.INPUT, schema.VIP, schema.EMERGENCY, schema.KEYS):
        for field in section:
            assert f"`{field}`" in DOC or f"`[{field}" in DOC, field


def test_every_rule_is_documented() -> None:
    for rule, (severity, _) in RULES.items():
        assert f"| `{rule}` | {severity} |" in DOC, rule
