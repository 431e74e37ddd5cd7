"""Dunning (欠费催交, issue 17): the dialer the daemon runs, its commands, the manual seat."""

from switchlink.services.dunning import commands as commands  # registers dunning.*
from switchlink.services.dunning.dialer import FLOOR_KEY, SERVICE_KEY, DunningDialer

__all__ = ["FLOOR_KEY", "SERVICE_KEY", "DunningDialer", "commands"]
