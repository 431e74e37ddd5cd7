"""Asterisk app_queue through the Asterisk Manager Interface (AMI)."""

from switchlink.adapters.ami.adapter import AmiAdapter

__all__ = ["AmiAdapter"]
