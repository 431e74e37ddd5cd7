"""Maintenance: equipment tests, resets, out-of-service, the nightly sweep, fault rehearsal and
the test history (docs/maintenance.md). Importing it registers the commands."""

from switchlink.services.maintenance import commands as commands
from switchlink.services.maintenance import results as results
from switchlink.services.maintenance.desk import SERVICE_KEY, MaintenanceDesk
from switchlink.services.maintenance.sweep import parse_sweep_at

__all__ = ["SERVICE_KEY", "MaintenanceDesk", "commands", "parse_sweep_at", "results"]
