"""No dunning call to an account with an open complaint about its charges (issue 17).

The complaints capability owns work orders; dunning only needs a read-only view of them
(:class:`ComplaintOrder`) and asks whether one is an open charge complaint. A charge
complaint is an order not archived whose classification path contains the billing / charges
category (计费 / 话费 / 收费 …, or the English words)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

#: classification words that mean "about the charges"; matched per path element, any case
CHARGE_WORDS = ("billing", "charge", "charges", "fee", "fees", "计费", "话费", "收费", "资费",
                "账单", "扣费", "费用")
#: states after which a complaint no longer holds dunning
CLOSED_STATES = frozenset({"archived"})


class ComplaintOrder(Protocol):
    """The fields of a complaint work order dunning reads (a mapping works too)."""

    caller: str
    state: str
    classification: Sequence[str] | str


def _field(order: Any, name: str) -> Any:
    if isinstance(order, Mapping):
        return order.get(name)
    return getattr(order, name, None)


def classification_path(order: Any) -> list[str]:
    """The order's classification as a list of category names (path or "a/b/c" text)."""
    value = _field(order, "classification")
    if value is None:
        value = _field(order, "category")
    if value is None:
        return []
    if isinstance(value, str):
        return [p.strip() for p in value.replace(">", "/").split("/") if p.strip()]
    if isinstance(value, Mapping):
        value = value.get("path") or value.get("names") or []
    return [str(p.get("name", p.get("id", "")) if isinstance(p, Mapping) else p) for p in value]


def is_charge_complaint(order: Any) -> bool:
    """An open order whose classification path contains the billing / charges category."""
    state = str(_field(order, "state") or "")
    if state in CLOSED_STATES:
        return False
    for part in classification_path(order):
        low = part.lower()
        if any(word in low for word in CHARGE_WORDS):
            return True
    return False


def held_numbers(orders: Iterable[Any]) -> frozenset[str]:
    """Caller numbers with an open charge complaint."""
    return frozenset(str(_field(o, "caller") or "") for o in orders if is_charge_complaint(o))
