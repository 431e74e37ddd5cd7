"""Periodic reports (定期通报, REQUIREMENTS.md §4 S3): pure functions over stored history.

``compute_report(ReportInputs)`` turns call records, the agent-state log, the alarm log, the
audit trail's forced actions and complaint work orders of one period into plain figures
(JSON-safe dicts) that the daemon stores, the console shows and the exports print. No I/O.
"""
