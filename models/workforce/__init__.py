"""Workforce planning: queueing formulas that say how many agents a forecast needs.

Pure functions (no I/O, no Qt, no ZeroMQ), so staffing tools, reports and the emulator's
tests can share one definition of Erlang C and Erlang A.
"""

from models.workforce.erlang import (
    ErlangA,
    erlang_a,
    erlang_a_agents_required,
    erlang_a_asa,
    erlang_a_p_abandon,
    erlang_a_p_wait,
    erlang_a_service_level,
    erlang_b,
    erlang_c,
    erlang_c_agents_required,
    erlang_c_asa,
    erlang_c_service_level,
    occupancy,
)

__all__ = [
    "ErlangA",
    "erlang_a",
    "erlang_a_agents_required",
    "erlang_a_asa",
    "erlang_a_p_abandon",
    "erlang_a_p_wait",
    "erlang_a_service_level",
    "erlang_b",
    "erlang_c",
    "erlang_c_agents_required",
    "erlang_c_asa",
    "erlang_c_service_level",
    "occupancy",
]
