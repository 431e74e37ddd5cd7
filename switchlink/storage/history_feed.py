"""The daemon's history writer and the event feed into it.

Everything the event loop produces for history (finished calls with their interval deltas,
alarm transitions, link-test results) goes through ONE
:class:`~switchlink.storage.batch_writer.BatchWriter` thread, so SQLite sees a single writer
and the loop never waits for a commit. A batch of mixed items is written in one transaction:
all or nothing. The alarm log's sink and the alarm rules' table are in alarm_store.py.
"""

from __future__ import annotations

from models.alarmlog import AlarmLogEntry
from models.events import AgentStateChanged, Event, TestCompleted
from models.linktests import LinkTestResult
from models.persistence.alarms import AlarmRepository
from models.persistence.calls import CallRepository
from models.persistence.database import Database
from models.persistence.linktests import LinkTestRepository
from models.persistence.reports import AgentStateRepository
from models.records import CallRecord, IntervalStat
from models.reports.records import AgentStateEntry
from switchlink.engine.state import Change, FloorState
from switchlink.storage.batch_writer import BatchWriter
from switchlink.storage.call_history import CallRecorder, Recorded

HistoryItem = Recorded | AlarmLogEntry | LinkTestResult | AgentStateEntry


def history_writer(
    db: Database,
    *,
    batch_size: int = 500,
    max_delay_s: float = 0.5,
    capacity: int = 100_000,
) -> BatchWriter[HistoryItem]:
    """The daemon's single writer thread for calls, intervals, alarm log, link tests and agent
    states."""
    calls, alarms, tests = CallRepository(db), AlarmRepository(db), LinkTestRepository(db)
    agent_states = AgentStateRepository(db)  # the reports' per-agent figures (issue 18)

    def write(batch: list[HistoryItem]) -> None:
        records: list[CallRecord] = []
        deltas: list[IntervalStat] = []
        entries: list[AlarmLogEntry] = []
        results: list[LinkTestResult] = []
        states: list[AgentStateEntry] = []
        for item in batch:
            if isinstance(item, AlarmLogEntry):
                entries.append(item)
            elif isinstance(item, AgentStateEntry):
                states.append(item)
            elif isinstance(item, LinkTestResult):
                results.append(item)
            else:
                record, delta = item
                records.append(record)
                if delta is not None:
                    deltas.append(delta)
        with db.begin() as session:
            calls.write_in(session, records, deltas)
            alarms.log_in(session, entries)
            tests.record_in(session, results)
            agent_states.record_in(session, states)

    return BatchWriter(
        write, batch_size=batch_size, max_delay_s=max_delay_s, capacity=capacity,
        name="history-writer",
    )


class HistoryFeed:
    """A server processor: finished calls and test results go to the writer, nothing published."""

    def __init__(
        self, writer: BatchWriter[HistoryItem], sl_thresholds: dict[str, float] | None = None,
        *, record_tests: bool = True,
    ) -> None:
        self.writer = writer
        self.recorder = CallRecorder(self._call_finished, dict(sl_thresholds or {}))
        #: False when the maintenance desk records test results (it knows who ran them)
        self.record_tests = record_tests

    @classmethod
    def for_floor(cls, writer: BatchWriter[HistoryItem], floor: FloorState,
                  *, record_tests: bool = True) -> HistoryFeed:
        """Service-level thresholds taken from the floor's queues (``queue/<id>`` values)."""
        thresholds = {
            str(q["id"]): float(q["sl_threshold_s"])
            for _, q in floor.items("queue/")
            if q.get("sl_threshold_s") is not None
        }
        return cls(writer, thresholds, record_tests=record_tests)

    def _call_finished(self, record: CallRecord, delta: IntervalStat | None) -> None:
        self.writer.submit((record, delta))

    def __call__(self, events: list[Event], floor: FloorState) -> list[Change]:
        feed = self.recorder.feed
        for event in events:
            if isinstance(event, TestCompleted):
                if not self.record_tests:
                    continue
                self.writer.submit(
                    LinkTestResult(
                        target=event.target, kind=event.kind, passed=event.passed,
                        at=event.t, detail=event.detail,
                    )
                )
            else:
                if type(event) is AgentStateChanged:
                    self.writer.submit(AgentStateEntry(
                        agent=event.agent, state=str(event.state), at=event.t,
                        reason=event.reason, forced=event.forced, by=event.by))
                feed(event)
        return []
