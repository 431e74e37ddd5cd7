"""Wall-board widgets: tiles, tables, agent grid, charts, alarms and banners."""
