"""A fault announcement from a complaint spike into the IVR's emergency notice: the text is
written for the callers, the expiry chosen, one click sends ``complaints.announce``; the reply
says which menu carries it and the calls through that menu before and after."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from console.screens.complaints.labels import fmt_time
from console.screens.complaints.table_model import classification_text

#: expiry choices in minutes; two hours by default (a fault fixed sooner is cleared by hand)
EXPIRIES = (30, 60, 120, 240, 480)
DEFAULT_EXPIRY = 120
MAX_TEXT = 500


def announcement_text(spike: dict[str, Any]) -> str:
    """What callers hear: Chinese, like every prompt of the hotline (not the UI language)."""
    what = classification_text(spike.get("classification")).split(" › ")[-1] or "业务"
    area = str(spike.get("area") or "")
    where = area or "部分地区"
    return (f"尊敬的客户，{where}{what}出现故障，我们正在全力抢修，"
            "给您带来不便敬请谅解，无需再次来电报修。")


def switch_time(mirror: Any) -> float | None:
    """The switch's clock as the floor last showed it (simulated time on the emulator)."""
    at = (mirror.get("metrics/center") or {}).get("at")
    if not isinstance(at, int | float):
        at = (mirror.get("daemon/info") or {}).get("switch_time")
    return float(at) if isinstance(at, int | float) else None


def volume_sum(rows: Any) -> int:
    return sum(int(r[1]) for r in rows or [] if isinstance(r, list | tuple) and len(r) > 1)


class AnnounceDialog(QDialog):
    """Prefilled; "Announce" is the second click. Errors show inline; nothing is half-done."""

    #: switchlink's answer to ``complaints.announce`` (flow, node, notice, volume)
    announced = Signal(object)

    def __init__(self, bridge: Any, spike: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge, self.spike = bridge, spike
        self.result_data: dict[str, Any] | None = None
        self.setWindowTitle(self.tr("Announce a fault in the IVR"))
        self.setMinimumWidth(560)
        self.what = QLabel(self)
        self.what.setWordWrap(True)
        self.what.setText(self.tr("%1 complaints about %2 (usually %3).")
                          .replace("%1", str(spike.get("count", "")))
                          .replace("%2", classification_text(spike.get("classification"))
                                   + (f" @ {spike['area']}" if spike.get("area") else ""))
                          .replace("%3", f"{float(spike.get('baseline') or 0):.1f}"))
        self.text = QPlainTextEdit(announcement_text(spike), self)
        self.text.setTabChangesFocus(True)
        self.expiry = QComboBox(self)
        for minutes in EXPIRIES:
            text = self.tr("%1 min").replace("%1", str(minutes)) if minutes < 60 else \
                self.tr("%1 h").replace("%1", f"{minutes / 60:g}")
            self.expiry.addItem(text, minutes)
        self.expiry.setCurrentIndex(self.expiry.findData(DEFAULT_EXPIRY))
        self.error = QLabel(self, objectName="complaintMessage")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828; font-weight: bold;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Announce"))
        self.ok.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Announcement"), self.text)
        form.addRow(self.tr("Ends after"), self.expiry)
        layout = QVBoxLayout(self)
        layout.addWidget(self.what)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def switch_now(self) -> float | None:
        return switch_time(self.bridge.mirror)

    def args(self) -> dict[str, Any] | str:
        text = self.text.toPlainText().strip()
        if not text:
            return self.tr("Write what callers will hear.")
        if len(text) > MAX_TEXT:
            return self.tr("The announcement is %1 characters; at most %2.").replace(
                "%1", str(len(text))).replace("%2", str(MAX_TEXT))
        now = self.switch_now()
        if now is None:
            return self.tr("The switch's time is not known yet; try again in a moment.")
        args: dict[str, Any] = {"text": text,
                                "expires_at": now + 60 * int(self.expiry.currentData())}
        if self.spike.get("alarm"):
            args["alarm"] = self.spike["alarm"]
        else:
            args["classification"] = self.spike.get("classification")
        return args

    def send(self) -> None:
        args = self.args()
        if isinstance(args, str):
            self.show_error(args)
            return
        self.ok.setEnabled(False)
        self.bridge.client.command("complaints.announce", args, on_success=self._done,
                                   on_failure=lambda err: self.show_error(err.message))

    def _done(self, data: dict[str, Any]) -> None:
        self.result_data = data if isinstance(data, dict) else {}
        notice = self.result_data.get("notice") or {}
        volume = self.result_data.get("volume") or {}
        before = volume.get("before") or []
        minutes = len(before) * float(volume.get("interval_s") or 0) / 60
        message = self.tr("Announced on %1 (%2) until %3. Calls through that menu: %4 in the "
                          "%5 min before.").replace("%1", str(self.result_data.get("flow", ""))) \
            .replace("%2", str(self.result_data.get("node", ""))) \
            .replace("%3", fmt_time(notice.get("until"))) \
            .replace("%4", str(volume_sum(before))).replace("%5", f"{minutes:g}")
        window = self.parent().window() if self.parent() is not None else None
        if window is not None and hasattr(window, "statusBar"):
            window.statusBar().showMessage(message, 15_000)
        self.accept()
        self.announced.emit(self.result_data)  # the effect view opens from here

    def show_error(self, text: str) -> None:
        self.ok.setEnabled(True)
        self.error.setText(text)
        self.error.show()
