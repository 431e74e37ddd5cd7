"""The wall-board screen: tiles, queue table, charts, agent grid and alarms of the floor."""
