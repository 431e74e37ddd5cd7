"""Complaint work orders (issue 16, docs/complaints.md): importing registers complaints.*."""

from switchlink.services.complaints import announce as announce
from switchlink.services.complaints import commands as commands
from switchlink.services.complaints.desk import SERVICE_KEY, ComplaintDesk, load_site_settings

__all__ = ["SERVICE_KEY", "ComplaintDesk", "announce", "commands", "load_site_settings"]
