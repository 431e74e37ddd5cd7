"""The S1 planning form: inputs, the CSR count it gives, and the ratio / hours checks."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.workforce.planning import (
    OVERTIME_HOURS,
    RATIO_RANGE,
    STANDARD_HOURS,
    PlanError,
    PlanInput,
    PlanResult,
    plan_staff,
)

OK_STYLE = "color: #2e7d32"
PROBLEM_STYLE = "color: #c62828; font-weight: bold"


def _spin(low: float, high: float, value: float, decimals: int, suffix: str = "",
          step: float = 1.0) -> QDoubleSpinBox:
    box = QDoubleSpinBox(minimum=low, maximum=high, decimals=decimals, singleStep=step)
    box.setValue(value)
    box.setSuffix(suffix)
    box.setGroupSeparatorShown(True)
    return box


class PlanningForm(QWidget):
    """CSR count = monthly volume × talk time × connection rate ÷ (hours per person ×
    attendance × utilisation); recomputed as any input changes."""

    computed = Signal(object)  # PlanResult, or None when an input is refused

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.volume = _spin(1, 1e8, 300_000, 0, step=1000)
        self.talk = _spin(1, 86_400, 180, 0)
        self.connection = _spin(1, 100, 90, 1, " %")
        self.hours = _spin(1, 744, STANDARD_HOURS, 1)
        self.attendance = _spin(1, 100, 95, 1, " %")
        self.utilisation = _spin(1, 100, 80, 1, " %")
        self.leaders = QSpinBox(minimum=0, maximum=100_000, value=0)
        self.inputs = QGroupBox(self)
        self.form = QFormLayout(self.inputs)
        self._labels = [QLabel(self) for _ in range(7)]
        for label, field in zip(self._labels, (self.volume, self.talk, self.connection,
                                               self.hours, self.attendance, self.utilisation,
                                               self.leaders), strict=True):
            self.form.addRow(label, field)
            field.valueChanged.connect(self.recompute)
        self.results = QGroupBox(self)
        results = QVBoxLayout(self.results)
        self.formula = QLabel(self, wordWrap=True, objectName="planFormula")
        self.csr = QLabel(self, objectName="planCsr")
        self.csr.setStyleSheet("font-size: 20pt; font-weight: bold")
        self.workload = QLabel(self, wordWrap=True)
        self.leaders_check = QLabel(self, wordWrap=True, objectName="planLeaders")
        self.hours_check = QLabel(self, wordWrap=True, objectName="planHours")
        for widget in (self.formula, self.csr, self.workload, self.leaders_check,
                       self.hours_check):
            results.addWidget(widget)
        results.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.inputs)
        layout.addWidget(self.results, 1)
        self.result: PlanResult | None = None
        self.retranslate_ui()

    def plan_input(self) -> PlanInput:
        return PlanInput(self.volume.value(), self.talk.value(), self.connection.value() / 100,
                         self.hours.value(), self.attendance.value() / 100,
                         self.utilisation.value() / 100, self.leaders.value())

    def recompute(self) -> None:
        locale = QLocale()
        try:
            result = plan_staff(self.plan_input())
        except PlanError as exc:  # the spin boxes keep inputs in range; say so if not
            self.result = None
            self.csr.setText(self.tr("Cannot compute: {problem}").format(problem=str(exc)))
            self.computed.emit(None)
            return
        self.result = result
        self.csr.setText(self.tr("CSRs needed: {n}").format(n=locale.toString(result.csr)))
        self.workload.setText(self.tr(
            "{hours} h of talk a month ÷ {capacity} h of talk per CSR = {exact}").format(
            hours=locale.toString(result.workload_h, "f", 0),
            capacity=locale.toString(result.workload_h / result.csr_exact, "f", 1),
            exact=locale.toString(result.csr_exact, "f", 2)))
        self._leaders_text(result, locale)
        self._hours_text(result, locale)
        self.computed.emit(result)

    def _leaders_text(self, result: PlanResult, locale: QLocale) -> None:
        low, high = RATIO_RANGE
        advice = self.tr("Team leaders for {low}–{high} CSRs each: {min} to {max}").format(
            low=low, high=high, min=locale.toString(result.leaders_min),
            max=locale.toString(result.leaders_max))
        if not result.leaders:
            self.leaders_check.setText(advice)
            self.leaders_check.setStyleSheet("")
            return
        ratio = locale.toString(result.ratio or 0.0, "f", 1)
        if "too_few_leaders" in result.problems:
            text = self.tr("Too few team leaders: {ratio} CSRs each (at most {high})").format(
                ratio=ratio, high=high)
        elif "too_many_leaders" in result.problems:
            text = self.tr("Too many team leaders: {ratio} CSRs each (at least {low})").format(
                ratio=ratio, low=low)
        else:
            text = self.tr("Team leaders: {ratio} CSRs each, within {low}–{high}").format(
                ratio=ratio, low=low, high=high)
        bad = text != "" and ("too_few_leaders" in result.problems
                              or "too_many_leaders" in result.problems)
        self.leaders_check.setText(f"{text}\n{advice}")
        self.leaders_check.setStyleSheet(PROBLEM_STYLE if bad else OK_STYLE)

    def _hours_text(self, result: PlanResult, locale: QLocale) -> None:
        standard = locale.toString(STANDARD_HOURS, "f", 0)
        limit = locale.toString(OVERTIME_HOURS, "f", 0)
        overtime = locale.toString(result.overtime_h, "f", 1)
        if "overtime_limit" in result.problems:
            text = self.tr("Over the legal limit: {overtime} h of overtime a month per "
                           "person, at most {limit} h above the standard {standard} h").format(
                overtime=overtime, limit=limit, standard=standard)
            style = PROBLEM_STYLE
        elif "overtime" in result.problems:
            text = self.tr("Includes {overtime} h of overtime a month per person (at most "
                           "{limit} h above the standard {standard} h)").format(
                overtime=overtime, limit=limit, standard=standard)
            style = "color: #ef6c00"
        else:
            text = self.tr("Within the standard {standard} h month").format(standard=standard)
            style = OK_STYLE
        self.hours_check.setText(text)
        self.hours_check.setStyleSheet(style)

    def retranslate_ui(self) -> None:
        self.talk.setSuffix(self.tr(" s"))
        self.hours.setSuffix(self.tr(" h"))
        self.inputs.setTitle(self.tr("Monthly plan (S1 staffing formula)"))
        self.results.setTitle(self.tr("Result"))
        for label, text in zip(self._labels, (
                self.tr("Calls a month"), self.tr("Average talk time"),
                self.tr("Connection rate"), self.tr("Work time per person a month"),
                self.tr("Attendance rate"), self.tr("Utilisation"),
                self.tr("Planned team leaders (0: advise only)")), strict=True):
            label.setText(text)
        self.formula.setText(self.tr(
            "CSRs = calls a month × talk time × connection rate ÷ (work time per person × "
            "attendance rate × utilisation)"))
        self.recompute()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
