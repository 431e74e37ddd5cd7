"""What the daemon keeps in the database, fed from the event stream and the services.

batch_writer: the one writer thread; call_history: events -> call records and interval
deltas; history_feed: the daemon's history writer and its event processor; alarm_store: the
alarm log and the alarm rules; user_store: users and the audit trail.
"""
