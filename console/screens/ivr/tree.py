"""The flow as a tree for the maintenance view: nodes from the start (and the other entries),
a node already shown on the path as a leaf pointing back, and each node's lint findings."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

NODE_ROLE = Qt.ItemDataRole.UserRole + 1
NODE, TYPE, FINDINGS = 0, 1, 5
#: node types as the view names them (translated in the IvrScreen context)
TYPE_NAMES = (
    QT_TRANSLATE_NOOP("IvrScreen", "announce"), QT_TRANSLATE_NOOP("IvrScreen", "menu"),
    QT_TRANSLATE_NOOP("IvrScreen", "language"), QT_TRANSLATE_NOOP("IvrScreen", "collect"),
    QT_TRANSLATE_NOOP("IvrScreen", "lookup"), QT_TRANSLATE_NOOP("IvrScreen", "verify"),
    QT_TRANSLATE_NOOP("IvrScreen", "transfer"), QT_TRANSLATE_NOOP("IvrScreen", "agent"),
    QT_TRANSLATE_NOOP("IvrScreen", "connect"), QT_TRANSLATE_NOOP("IvrScreen", "survey"),
    QT_TRANSLATE_NOOP("IvrScreen", "hangup"), QT_TRANSLATE_NOOP("IvrScreen", "jump"),
)
ROOT_LABELS = (QT_TRANSLATE_NOOP("IvrScreen", "start"), QT_TRANSLATE_NOOP("IvrScreen", "VIP entry"),
               QT_TRANSLATE_NOOP("IvrScreen", "help"), QT_TRANSLATE_NOOP("IvrScreen", "agent"))
MAX_ITEMS = 3000


def findings_by_node(detail: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Each finding under the node whose table holds its line (same file); others under ''."""
    tree = detail.get("tree") or {"nodes": {}}
    starts = sorted(((v["file"].rsplit("/", 1)[-1], v["line"], n)
                     for n, v in tree["nodes"].items()))
    out: dict[str, list[dict[str, Any]]] = {}
    for f in detail.get("findings", []):
        name = str(f["file"]).rsplit("/", 1)[-1]
        owner = ""
        for file, line, node in starts:
            if file == name and line <= f["line"]:
                owner = node
        out.setdefault(owner, []).append(f)
    return out


def build_tree(widget: QTreeWidget, tree: dict[str, Any] | None,
               findings: dict[str, list[dict[str, Any]]],
               tr: Callable[[str], str]) -> dict[str, list[QTreeWidgetItem]]:
    """Fill ``widget``; returns node id -> its items (a node reached twice shows twice)."""
    items: dict[str, list[QTreeWidgetItem]] = {}
    for f in findings.get("", []):
        loose = QTreeWidgetItem(widget, [f"{f['file']}:{f['line']}", "", "", "", "",
                                         _finding_text(f)])
        loose.setData(NODE, NODE_ROLE, None)
    if not tree:
        return items
    nodes = tree["nodes"]
    roots = [(tree.get("start"), tr(ROOT_LABELS[0])), (tree.get("vip"), tr(ROOT_LABELS[1])),
             *((n, e) for e, n in sorted(tree.get("entries", {}).items())),
             (tree.get("help"), tr(ROOT_LABELS[2])), (tree.get("agent"), tr(ROOT_LABELS[3]))]
    shown: set[str] = set()
    count = 0

    def add(parent: Any, node: str, label: str, path: tuple[str, ...]) -> None:
        nonlocal count
        count += 1
        if count > MAX_ITEMS or node not in nodes:
            return
        v = nodes[node]
        title = f"{label}: {node}" if label else node
        if v["title"]:
            title += f" — {v['title']}"
        texts = [title, v["type"], "", "", "", "; ".join(_finding_text(f)
                                                          for f in findings.get(node, []))]
        item = QTreeWidgetItem(parent, texts)
        item.setData(NODE, NODE_ROLE, node)
        item.setToolTip(NODE, v.get("prompt") or "")
        item.setToolTip(FINDINGS, "\n".join(f"{f['message']} — {f['hint']}"
                                            for f in findings.get(node, [])))
        items.setdefault(node, []).append(item)
        if node in path or node in shown:
            item.setText(NODE, f"↩ {title}")  # shown elsewhere: a leaf, not a loop
            return
        shown.add(node)
        for edge in v["edges"]:
            target = edge["target"]
            if target.startswith("@"):
                leaf = QTreeWidgetItem(item, [f"{edge['label']}: {target}", "", "", "", "",
                                              ""])
                leaf.setData(NODE, NODE_ROLE, None)
            else:
                add(item, target, edge["label"], (*path, node))

    for node, label in roots:
        if node and node not in shown:
            add(widget, node, label, ())
    for node in nodes:  # fragments' nodes reached only from elsewhere
        if node not in shown:
            add(widget, node, "", ())
    return items


def _finding_text(f: dict[str, Any]) -> str:
    return f"{f['severity']} [{f['rule']}] {f['message']}"
