"""Qt item models over the client mirror: queues, agents and alarms."""
