"""Positions of tables and keys in TOML text, which tomllib does not report."""

from __future__ import annotations

import tomllib

from hypothesis import given, settings
from hypothesis import strategies as st

from ivr.positions import PositionIndex

TEXT = '''\
spec = "1.0" # a comment with [brackets] and key = "value"
[nodes.main]
type = "menu"
prompt = """two
[nodes.fake]
lines"""
options = { "1" = "a", 2 = 'b', "#x" = "c" }
list = [
  "x", # comment ]
  { k = 1 },
]
"quoted key" = 'it"s'

[[nodes.main.questions]]
id = "q1"
[[nodes.main.questions]]
id = "q2"
'''


def test_tables_keys_inline_tables_and_arrays_of_tables() -> None:
    p = PositionIndex(TEXT)
    assert p.positions[("spec",)] == (1, 1)
    assert p.positions[("nodes", "main")] == (2, 8)
    assert p.positions[("nodes", "main", "options", "1")] == (7, 13)
    assert p.positions[("nodes", "main", "options", "2")] == (7, 24)
    assert p.positions[("nodes", "main", "options", "#x")] == (7, 33)
    assert p.positions[("nodes", "main", "list", 1, "k")] == (10, 5)
    assert p.positions[("nodes", "main", "quoted key")] == (12, 1)
    assert p.positions[("nodes", "main", "questions", 1, "id")] == (17, 1)
    assert tomllib.loads(TEXT)["nodes"]["main"]["questions"][1]["id"] == "q2"
    assert ("nodes", "fake") not in p.positions  # inside a multi-line string


def test_find_falls_back_to_the_nearest_parent() -> None:
    p = PositionIndex(TEXT)
    assert p.find(("nodes", "main", "nothing")) == (2, 8)
    assert p.find(("nowhere",)) == (1, 1)


def test_broken_text_keeps_what_was_found() -> None:
    p = PositionIndex('a = 1\n[t]\nb = "unclosed\nc = 2\n')
    assert p.positions[("a",)] == (1, 1) and p.positions[("t", "b")] == (3, 1)


keys = st.text(alphabet="abc_-1", min_size=1, max_size=6)
printable = st.characters(blacklist_categories=("Cc", "Cs"))
values = st.one_of(st.integers(), st.text(printable, max_size=8), st.booleans(),
                   st.lists(st.integers(), max_size=3))


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(keys, st.dictionaries(keys, values, max_size=4), max_size=4))
def test_every_key_tomllib_sees_has_a_position(doc) -> None:
    lines = []
    for table, body in doc.items():
        lines.append(f"[{table}]")
        for key, value in body.items():
            lines.append(f"{key} = {_toml(value)}")
    text = "\n".join(lines) + "\n"
    parsed = tomllib.loads(text)
    p = PositionIndex(text)
    for table, body in parsed.items():
        line, _ = p.positions[(table,)]
        assert text.split("\n")[line - 1] == f"[{table}]"
        for key in body:
            line, col = p.positions[(table, key)]
            assert text.split("\n")[line - 1][col - 1:].startswith(f"{key} =")


def _toml(value) -> str:
    import json
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False)
