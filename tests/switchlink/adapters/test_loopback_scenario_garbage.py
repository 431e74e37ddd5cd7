"""Property test of the scenario loader fed generated garbage.

Mutations of every bundled scenario file — a wrong type at any key path, a missing key, an
extra key, NaN / infinite / negative / huge numbers, spliced or random text — either load or
are refused with the loader's :class:`ScenarioError`: one line that starts with the file name.
No other exception (a ``TypeError`` traceback, a hang on a huge count) may come out.

CI runs a modest, derandomized number of examples. To hunt for crashes, run many (random):
``SCENARIO_GARBAGE_EXAMPLES=3000 pytest -q tests/switchlink/adapters/<this file>``
"""

from __future__ import annotations

import copy
import dataclasses
import math
import os
import random
import tomllib
from functools import cache
from importlib import resources
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from switchlink.adapters.loopback import ScenarioError
from switchlink.adapters.loopback.distributions import Distribution
from switchlink.adapters.loopback.scenario import (
    bundled_scenarios,
    parse_scenario,
    scenario_from_bytes,
)

EXAMPLES = int(os.environ.get("SCENARIO_GARBAGE_EXAMPLES", "200"))
GARBAGE_SETTINGS = settings(
    max_examples=EXAMPLES,
    derandomize="SCENARIO_GARBAGE_EXAMPLES" not in os.environ,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SOURCE = "garbage.toml"


@cache
def _bundled_text(name: str) -> str:
    return (resources.files("resources") / "scenarios" / f"{name}.toml").read_text("utf-8")


@cache
def _bundled_data(name: str) -> dict[str, Any]:
    return tomllib.loads(_bundled_text(name))


# the large floor is slow to copy per example; the smaller ones cover the same schema
NAMES = [n for n in bundled_scenarios() if n != "large"]

Path = tuple[str | int, ...]


def key_paths(node: Any, prefix: Path = ()) -> list[Path]:
    """Every key path in a decoded TOML document, tables and arrays included."""
    out: list[Path] = []
    if isinstance(node, dict):
        for key, value in node.items():
            out.append((*prefix, key))
            out.extend(key_paths(value, (*prefix, key)))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out.append((*prefix, i))
            out.extend(key_paths(value, (*prefix, i)))
    return out


def tables(node: Any, prefix: Path = ()) -> list[Path]:
    """Paths of every table (the top one is ``()``)."""
    out: list[Path] = []
    if isinstance(node, dict):
        out.append(prefix)
        for key, value in node.items():
            out.extend(tables(value, (*prefix, key)))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out.extend(tables(value, (*prefix, i)))
    return out


def _parent(doc: Any, path: Path) -> Any:
    for step in path[:-1]:
        doc = doc[step]
    return doc


NASTY_NUMBERS = st.sampled_from(
    [math.nan, math.inf, -math.inf, -1, -1.0, 0, 0.0, -0.0, 1e308, 2**63 - 1, -(2**63),
     10**12, 1e-320, 25.5, 100_000, 3]
)
SCALARS = st.one_of(
    NASTY_NUMBERS,
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.text(max_size=12),
    st.sampled_from(["fixed", "exponential", "lognormal", "uniform", "acd", "ivr", "trunk",
                     "fax", "billing", "vip", "pstn-1", "trunk-1", "cti-1", "link_drop",
                     "08:00", "24:00", "1.0", "", " ", "\n", "\x00"]),
    st.dates(), st.times(), st.datetimes(),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.text(max_size=8), inner, max_size=4),
    ),
    max_leaves=8,
)


@st.composite
def mutated_documents(draw: st.DrawFn) -> dict[str, Any]:
    doc = copy.deepcopy(_bundled_data(draw(st.sampled_from(NAMES))))
    for _ in range(draw(st.integers(1, 4))):
        paths = key_paths(doc)
        op = draw(st.sampled_from(["replace", "replace", "replace", "delete", "extra",
                                   "distribution"]))
        if op == "extra":
            where = draw(st.sampled_from(tables(doc)))
            table = _parent(doc, (*where, None))  # the table itself
            table[draw(st.text(min_size=1, max_size=10))] = draw(VALUES)
            continue
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = _parent(doc, path)
        if op == "delete":
            del parent[path[-1]]
        elif op == "distribution":
            # a table shaped like a distribution, with a wrong part (the issue-10 crash)
            parent[path[-1]] = draw(st.dictionaries(
                st.sampled_from(["kind", "mean", "sd", "low", "high", "value"]),
                st.one_of(VALUES, st.sampled_from(["fixed", "exponential", "lognormal",
                                                   "uniform"])),
                min_size=1, max_size=4,
            ))
        else:
            parent[path[-1]] = draw(VALUES)
    return doc


@st.composite
def garbage_text(draw: st.DrawFn) -> bytes:
    how = draw(st.sampled_from(["splice", "cut", "random", "bytes"]))
    if how == "bytes":
        return draw(st.binary(max_size=200))
    if how == "random":
        return draw(st.text(max_size=200)).encode("utf-8", "surrogatepass")
    text = _bundled_text(draw(st.sampled_from(NAMES)))
    at = draw(st.integers(0, len(text)))
    if how == "cut":
        end = draw(st.integers(at, min(len(text), at + 200)))
        text = text[:at] + text[end:]
    else:
        insert = draw(st.one_of(
            st.text(max_size=40),
            st.sampled_from(["[", "]", "{", "}", "=", '"', "\n[[queues]]\n", "\n[center]\n",
                             "nan", "inf", "-inf", "1e999", "[1]", "{kind=[1]}",
                             "9223372036854775807", "\nspec = 2\n", "[[[", "'''"]),
        ))
        text = text[:at] + insert + text[at:]
    return text.encode("utf-8", "surrogatepass")


def _refused_properly(exc: ScenarioError) -> None:
    message = str(exc)
    assert message.startswith(f"{SOURCE}: "), message
    assert "\n" not in message and "\r" not in message, message
    assert len(message) < 600, message


@GARBAGE_SETTINGS
@given(mutated_documents())
def test_mutated_scenarios_load_or_raise_scenario_error(doc: dict[str, Any]) -> None:
    try:
        scenario = parse_scenario(doc, SOURCE)
    except ScenarioError as exc:
        _refused_properly(exc)
        return
    # what loads is usable: every duration draws finite, non-negative seconds
    rng = random.Random(0)
    for dist in distributions(scenario):
        draw = dist.sampler(rng)
        for _ in range(3):
            value = draw()
            assert math.isfinite(value) and value >= 0, (dist, value)
    assert all(math.isfinite(v) for line in scenario.lines for v in line.profile)
    assert scenario.agent_count <= 100_000


def distributions(node: Any) -> list[Distribution]:
    """Every :class:`Distribution` inside a loaded scenario."""
    if isinstance(node, Distribution):
        return [node]
    if dataclasses.is_dataclass(node):
        return [d for f in dataclasses.fields(node)
                for d in distributions(getattr(node, f.name))]
    if isinstance(node, tuple):
        return [d for item in node for d in distributions(item)]
    return []


@GARBAGE_SETTINGS
@given(garbage_text())
def test_garbage_text_loads_or_raises_scenario_error(raw: bytes) -> None:
    try:
        scenario_from_bytes(raw, SOURCE)
    except ScenarioError as exc:
        _refused_properly(exc)


def test_the_issue_10_crash_is_a_one_line_error() -> None:
    doc = copy.deepcopy(_bundled_data("small"))
    doc["ivr"]["duration"] = {"kind": [1], "low": 1, "high": 2}
    try:
        parse_scenario(doc, SOURCE)
    except ScenarioError as exc:
        assert str(exc).startswith(f"{SOURCE}: ivr.duration: kind must be one of")
    else:
        raise AssertionError("a list as kind was accepted")


def test_key_paths_reach_every_leaf() -> None:
    assert ("queues", 0, "handle_time", "kind") in key_paths(_bundled_data("small"))
