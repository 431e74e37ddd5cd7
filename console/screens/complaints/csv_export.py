"""Every order matching the filters to a CSV file (UTF-8 with BOM, so Excel reads the Chinese),
fetched a page at a time without blocking the window."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from console.screens.complaints.table_model import COLUMNS, cells

#: the largest page ``complaints.list`` serves
FETCH = 500
#: fields after the table's columns, kept as data (not translated)
EXTRA = ("warning", "remaining_s", "cause", "responsible_department", "customer_level",
         "cross_region", "error_class", "due_at", "call_id", "satisfied", "version")


def tr(text: str) -> str:
    return QCoreApplication.translate("Complaints", text)


def csv_text(orders: list[dict[str, Any]]) -> str:
    """The table's columns as shown, then the raw fields a spreadsheet may sort on."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([tr(c) for c in COLUMNS] + list(EXTRA))
    for o in orders:
        writer.writerow(list(cells(o)) + ["" if o.get(k) is None else o.get(k) for k in EXTRA])
    return out.getvalue()


def export_orders(screen: Any, client: Any, filters: dict[str, Any],
                  path: str | None = None) -> None:
    """Ask for a file (unless given), fetch every matching order, write it; say how it went."""
    if path is None:
        path, _ = QFileDialog.getSaveFileName(
            screen, QCoreApplication.translate("Complaints", "Export complaints CSV"),
            "complaints.csv", QCoreApplication.translate("Complaints", "CSV files (*.csv)"))
        if not path:
            return
    rows: list[dict[str, Any]] = []

    def fetch(offset: int) -> None:
        client.command("complaints.list", {**filters, "offset": offset, "limit": FETCH},
                       on_success=got, on_failure=lambda err: screen.show_message(err.message))

    def got(data: dict[str, Any]) -> None:
        page = data.get("rows", [])
        rows.extend(page)
        if page and len(rows) < int(data.get("total", 0)):
            fetch(len(rows))
            return
        try:
            Path(path).write_text(csv_text(rows), encoding="utf-8-sig")
        except OSError as exc:
            failed = QCoreApplication.translate("Complaints", "Could not write %1: %2")
            screen.show_message(failed.replace("%1", str(path))
                                .replace("%2", exc.strerror or str(exc)))
            return
        written = QCoreApplication.translate("Complaints", "%1 orders written to %2")
        screen.show_message(written.replace("%1", str(len(rows))).replace("%2", str(path)))

    fetch(0)
