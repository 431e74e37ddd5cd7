"""One report from one period's history: the figures stored, shown and exported."""

from __future__ import annotations

from models.reports.agent_figures import acw_lookup, agent_rows, centre_occupancy, integrate
from models.reports.call_figures import (
    SL_DEFINITION,
    SL_DEFINITION_ZH,
    belongs_at,
    inbound,
    queue_figures,
    series,
)
from models.reports.other_figures import alarm_figures, complaint_figures
from models.reports.periods import PeriodKind
from models.reports.records import ReportInputs

#: bumped when a figure's meaning changes; stored with every report
FIGURES_VERSION = 1
#: the charts' bucket per period kind
SERIES_STEP_S = {
    PeriodKind.HOURLY: 600.0, PeriodKind.DAILY: 3600.0,
    PeriodKind.WEEKLY: 86400.0, PeriodKind.MONTHLY: 86400.0,
}


def compute_report(inputs: ReportInputs) -> dict:
    """The report's figures (plain, JSON-safe); the same inputs give the same figures."""
    period = inputs.period
    start, end = period.start, period.end
    calls = [c for c in inbound(inputs.calls) if start <= belongs_at(c) < end]
    calls.sort(key=lambda c: (belongs_at(c), c.call_id))

    def threshold(queue: str) -> float:
        return float(inputs.thresholds.get(queue, inputs.default_threshold_s))

    times = integrate(inputs.states, inputs.opening, start, end)
    acw_of = acw_lookup(times)
    centre, queues = queue_figures(calls, threshold, inputs.short_abandon_s, acw_of)
    centre.update(centre_occupancy(times))
    # answered calls from every direction count for the agents (an outbound call is work too)
    agent_calls = [c for c in inputs.calls if start <= belongs_at(c) < end]
    return {
        "version": FIGURES_VERSION,
        "period": period.as_dict(),
        "definitions": {
            "service_level": SL_DEFINITION,
            "service_level_zh": SL_DEFINITION_ZH,
            "default_threshold_s": inputs.default_threshold_s,
            "short_abandon_s": inputs.short_abandon_s,
        },
        "centre": centre,
        "queues": queues,
        "series": series(calls, start, end, SERIES_STEP_S[period.kind], threshold,
                         inputs.short_abandon_s),
        "agents": agent_rows(times, agent_calls, inputs.forced, acw_of),
        "alarms": alarm_figures(inputs.alarm_log, start, end),
        "complaints": complaint_figures(inputs.work_orders, end),
    }
