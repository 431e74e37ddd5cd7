"""The live floor: the key/value state the events build (state) and the metrics and alarms
computed from the same events (analytics).

Empty on purpose, so importing the state does not load the analytics (and the alarm service).
"""
