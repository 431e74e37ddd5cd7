"""Scenarios, IVR flows, default rules, styles, icons and translations."""
