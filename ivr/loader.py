"""Read flow files (TOML) into a :class:`Flow`, reporting every schema problem as a finding.

Loading never raises for a user's mistake: it returns the flow it could build and the
findings, so the linter can report all problems of a file at once. Included files (shared
sub-menus) are read relative to the including file; their nodes join the flow.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from ivr import schema
from ivr.findings import Finding, Position
from ivr.model import DTMF_KEYS, Edge, Flow, Node, Prompt
from ivr.positions import PositionIndex

_TOML_AT = re.compile(r"\(at line (\d+), column (\d+)\)")
_IDENT = re.compile(r"^[A-Za-z0-9_.-]+$")
MAX_FILE_BYTES = 1_000_000


class _File:
    """One source file: its name as reported, its data and its position index."""

    def __init__(self, name: str, data: dict[str, Any], index: PositionIndex) -> None:
        self.name, self.data, self.index = name, data, index

    def at(self, *path: str | int) -> Position:
        line, column = self.index.find(path)
        return Position(self.name, line, column)


class _Loader:
    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.nodes: dict[str, Node] = {}
        self.files: list[str] = []
        self.language = "zh"

    def fail(self, where: Position, message: str, rule: str = "schema", hint: str = "") -> None:
        self.findings.append(Finding(where, rule, message, hint))

    # --- files ---------------------------------------------------------------------------------

    def read(self, path: Path, shown: str, where: Position | None) -> _File | None:
        try:
            raw = path.read_bytes()
            if len(raw) > MAX_FILE_BYTES:
                raise ValueError(f"larger than {MAX_FILE_BYTES} bytes")
            text = raw.decode("utf-8")
        except (OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.fail(where or Position(shown), f"cannot read {shown}: {reason}",
                      "include" if where else "parse", "check the path and that it is UTF-8 text")
            return None
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            m = _TOML_AT.search(str(exc))
            line, col = (int(m.group(1)), int(m.group(2))) if m else (1, 1)
            message = _TOML_AT.sub("", str(exc)).strip()
            self.fail(Position(shown, line, col), f"not valid TOML: {message}", "parse")
            return None
        self.files.append(shown)
        return _File(shown, data, PositionIndex(text))

    def load(self, path: Path, shown: str) -> Flow | None:
        top = self.read(path, shown, None)
        if top is None:
            return None
        d = top.data
        values = self.table(top, (), d, schema.TOP)
        self.language = values.get("language") or "zh"
        languages = tuple(values.get("languages") or (self.language,))
        if self.language not in languages:
            self.fail(top.at("languages"), f"the default language {self.language!r} is not "
                      f"among languages {list(languages)}")
        self.include(top, path, values.get("include", ()), [path.resolve()])
        self.add_nodes(top, d.get("nodes"))
        inputs = self.section(top, "input", schema.INPUT)
        keys = self.section(top, "keys", schema.KEYS)
        vip = self.section(top, "vip", schema.VIP) if "vip" in d else {}
        emergency = self.section(top, "emergency", schema.EMERGENCY) if "emergency" in d else None
        if emergency is not None and isinstance(emergency.get("prompt"), Prompt):
            emergency["prompt"] = self.with_recording(emergency["prompt"],
                                                      emergency.pop("recording_s", None))
        entries = {}
        if isinstance(d.get("entries"), dict):
            for name, target in d["entries"].items():
                if isinstance(target, str):
                    entries[name] = target
                else:
                    self.fail(top.at("entries", name), f"entries.{name} must be a node id")
        where = {k: top.at(k) for k in d}
        for section in ("input", "keys", "vip", "emergency", "entries"):
            for k in d.get(section, {}) if isinstance(d.get(section), dict) else ():
                where[f"{section}.{k}"] = top.at(section, k)
        start = values.get("start")
        if start is not None and "main" not in values:
            values["main"] = start
        return Flow(name=values.get("name") or shown, file=shown, nodes=self.nodes,
                    start_node=start, main=values.get("main"), language=self.language,
                    languages=languages, trail_length=max(1, values.get("trail_length", 10)),
                    input=inputs, zero=keys.get("zero") or inputs.get("agent"), vip=vip,
                    emergency=emergency, entries=entries, where=where, files=tuple(self.files))

    def include(self, parent: _File, parent_path: Path, names: Any, chain: list[Path]) -> None:
        for i, name in enumerate(names or ()):
            where = parent.at("include", i)
            path = (parent_path.parent / name).resolve()
            if path in chain:
                self.fail(where, f"{name} includes itself (through {parent.name})", "include")
                continue
            shown = str(Path(parent.name).parent / name)
            if shown in self.files:
                continue  # included twice (diamond): its nodes are there already
            part = self.read(path, shown, where)
            if part is None:
                continue
            values = self.table(part, (), part.data, schema.TOP)
            for key in ("start", "main", "input", "keys", "vip", "emergency", "entries"):
                if key in part.data:
                    self.fail(part.at(key), f"{key!r} has no effect in an included file",
                              hint="set it in the flow that includes this file")
            self.include(part, path, values.get("include", ()), [*chain, path])
            self.add_nodes(part, part.data.get("nodes"))

    # --- tables and fields ---------------------------------------------------------------------

    def section(self, f: _File, name: str, fields: dict[str, schema.Field]) -> dict[str, Any]:
        raw = f.data.get(name, {})
        if not isinstance(raw, dict):
            self.fail(f.at(name), f"{name} must be a table")
            raw = {}
        return self.table(f, (name,), raw, fields)

    def table(self, f: _File, path: tuple, raw: dict[str, Any],
              fields: dict[str, schema.Field]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        shown = ".".join(map(str, path)) or "the top level"
        for key, value in raw.items():
            if key not in fields:
                self.fail(f.at(*path, key), f"unknown field {key!r} in {shown}",
                          hint=f"known fields: {', '.join(sorted(fields))}")
                continue
            kind = fields[key][0]
            if kind == "table":
                if not isinstance(value, dict):
                    self.fail(f.at(*path, key), f"{key} must be a table")
                continue
            checked = self.value(f, (*path, key), kind, value)
            if checked is not None:
                out[key] = checked
        for key, (_, required, default) in fields.items():
            if key not in raw and required:
                self.fail(f.at(*path), f"{shown} needs the field {key!r}")
            elif key not in out and default is not None and key not in raw:
                out[key] = default
        return out

    def value(self, f: _File, path: tuple, kind: str, v: Any) -> Any:
        where, name = f.at(*path), ".".join(map(str, path))

        def bad(why: str) -> None:
            self.fail(where, f"{name} {why}")

        if kind == "str" or kind == "target":
            if not isinstance(v, str) or not v:
                return bad("must be a non-empty string")
            return v
        if kind.startswith("enum:"):
            choices = kind[5:].split("|")
            if v not in choices:
                return bad(f"must be one of {', '.join(choices)}, not {v!r}")
            return v
        if kind == "int":
            if not isinstance(v, int) or isinstance(v, bool) or v < 0:
                return bad("must be a whole number ≥ 0")
            return v
        if kind == "number":
            if not isinstance(v, int | float) or isinstance(v, bool) or not 0 <= v < 1e6:
                return bad("must be a number of seconds ≥ 0")
            return float(v)
        if kind == "bool":
            if not isinstance(v, bool):
                return bad("must be true or false")
            return v
        if kind == "strlist":
            if not isinstance(v, list) or not all(isinstance(x, str) and x for x in v):
                return bad("must be a list of strings")
            return tuple(v)
        if kind == "prompt":
            if isinstance(v, str) and v.strip():
                return Prompt({self.language: v}, where=where)
            if isinstance(v, dict) and v and all(isinstance(t, str) and t.strip()
                                                 for t in v.values()):
                return Prompt(dict(v), where=where)
            return bad("must be a text, or a table of texts by language "
                       "({ zh = \"…\", en = \"…\" })")
        if kind == "recording":
            if isinstance(v, int | float) and not isinstance(v, bool) and v > 0:
                return {self.language: float(v)}
            if isinstance(v, dict) and v and all(
                    isinstance(s, int | float) and not isinstance(s, bool) and s > 0
                    for s in v.values()):
                return {k: float(s) for k, s in v.items()}
            return bad("must be seconds > 0, or a table of seconds by language")
        if kind in ("options", "languages", "routes"):
            if not isinstance(v, dict) or not v:
                return bad("must be a table (key = \"node\")")
            out = {}
            for key, target in v.items():
                if kind != "routes" and (len(key) != 1 or key not in DTMF_KEYS):
                    self.fail(f.at(*path, key), f"{name}: {key!r} is not a phone key (0-9, *, #)")
                elif not isinstance(target, str) or not target:
                    self.fail(f.at(*path, key), f"{name}.{key} must name a "
                              f"{'language' if kind == 'languages' else 'node'}")
                else:
                    out[key] = target
            return out
        if kind == "questions":
            if not isinstance(v, list) or not v or not all(isinstance(q, dict) for q in v):
                return bad("must be a list of tables ([[nodes.<id>.questions]])")
            out_q = []
            for i, q in enumerate(v):
                qv = self.table(f, (*path, i), q, schema.QUESTION)
                answers = q.get("answers")
                if isinstance(answers, dict):
                    ok = {k: a for k, a in answers.items()
                          if len(k) == 1 and k in DTMF_KEYS and isinstance(a, str)}
                    if len(ok) != len(answers) or not ok:
                        self.fail(f.at(*path, i, "answers"), f"{name}[{i}].answers must map "
                                  "phone keys to answer labels ({ \"1\" = \"satisfied\" })")
                    qv["answers"] = ok
                if "prompt" in qv and "id" in qv and "answers" in qv:
                    out_q.append(qv)
            return tuple(out_q)
        raise AssertionError(kind)

    def with_recording(self, prompt: Prompt, recording: dict[str, float] | None) -> Prompt:
        return Prompt(prompt.texts, recording or {}, prompt.where) if recording else prompt

    # --- nodes ---------------------------------------------------------------------------------

    def add_nodes(self, f: _File, raw: Any) -> None:
        if raw is None:
            return
        if not isinstance(raw, dict):
            self.fail(f.at("nodes"), "nodes must be a table of [nodes.<id>] tables")
            return
        for node_id, body in raw.items():
            where = f.at("nodes", node_id)
            if not isinstance(body, dict):
                self.fail(where, f"nodes.{node_id} must be a table")
                continue
            if not _IDENT.match(node_id) or node_id.startswith("@"):
                self.fail(where, f"node id {node_id!r} may use only letters, digits, _ . -")
            if node_id in self.nodes:
                first = self.nodes[node_id].where
                self.fail(where, f"node {node_id!r} is already defined at {first}",
                          "duplicate-node")
                continue
            kind = body.get("type")
            if kind not in schema.NODE_TYPES:
                self.fail(f.at("nodes", node_id, "type"), f"nodes.{node_id}.type must be one of "
                          f"{', '.join(schema.NODE_TYPES)}, not {kind!r}")
                continue
            fields = self.table(f, ("nodes", node_id), body, schema.NODE_TYPES[kind])
            if isinstance(fields.get("prompt"), Prompt):
                fields["prompt"] = self.with_recording(fields["prompt"], fields.get("recording_s"))
            node = Node(node_id, kind, fields, where,
                        field_where={k: f.at("nodes", node_id, k) for k in body})
            for k in body:
                if isinstance(body[k], dict):
                    for sub in body[k]:
                        node.field_where[f"{k}.{sub}"] = f.at("nodes", node_id, k, sub)
            node.edges = _edges(node)
            self.nodes[node_id] = node


def _edges(node: Node) -> list[Edge]:
    edges = []
    for name in ("next", "on_fail", "to"):
        if node.get(name):
            edges.append(Edge(name, node.get(name), node.at(name)))
    if node.type == "menu":
        for key, target in (node.get("options") or {}).items():
            edges.append(Edge(f"option {key}", target, node.at(f"options.{key}")))
    for outcome, target in (node.get("routes") or {}).items():
        edges.append(Edge(f"route {outcome}", target, node.at(f"routes.{outcome}")))
    return edges


def load_flow(path: str | Path, shown: str | None = None) -> tuple[Flow | None, list[Finding]]:
    """The flow in ``path`` (with its includes) and the schema findings met on the way."""
    loader = _Loader()
    flow = loader.load(Path(path), shown or str(path))
    return flow, loader.findings
