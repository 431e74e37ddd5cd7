"""Supervisor control from the wall-board (issue 12): select agents, act on them and their calls."""
