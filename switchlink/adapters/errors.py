"""The neutral error hierarchy every adapter raises, whatever the vendor's own errors are."""

from __future__ import annotations


class AdapterError(Exception):
    """Base of every adapter error; ``code`` is stable and goes on the wire."""

    code = "adapter_error"


class AdapterNotFound(AdapterError):
    """No adapter is registered under that name, or its module failed to import."""

    code = "adapter_not_found"


class AdapterNotStarted(AdapterError):
    code = "adapter_not_started"


class LinkDown(AdapterError):
    """The link to the switch is down; the operation was not sent."""

    code = "link_down"


class UnknownTarget(AdapterError):
    """The agent, call, channel, board or job named does not exist."""

    code = "unknown_target"


class InvalidOperation(AdapterError):
    """The operation is not allowed in the target's current state."""

    code = "invalid_operation"


class InvalidArgument(AdapterError):
    """An argument has the wrong type or value."""

    code = "invalid_argument"


class UnsupportedOperation(AdapterError):
    """This adapter (or its hardware) cannot do that."""

    code = "unsupported"


class LoginRefused(AdapterError):
    """The switch (or fax server) refused our credentials; retrying will not help."""

    code = "login_refused"


class ProtocolSurprise(AdapterError):
    """The switch answered something the adapter does not understand."""

    code = "protocol_error"
