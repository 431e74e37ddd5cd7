"""Where flows come from: the bundled ones in ``resources/ivr`` by name, or a file by path.

Loading always lints: a flow with an error is refused with the linter's findings, so the
emulator, the daemon's reload and ``ctl ivr reload`` all refuse the same flows.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ivr.findings import Finding, has_errors
from ivr.lint import lint_file
from ivr.model import Flow


class FlowRefused(ValueError):
    """A flow that cannot be loaded: missing, or the linter found errors (``findings``)."""

    def __init__(self, message: str, findings: list[Finding] | None = None) -> None:
        super().__init__(message)
        self.findings = list(findings or [])


def bundled_folder() -> Path:
    return Path(str(resources.files("resources") / "ivr"))


def bundled_flows() -> list[str]:
    """Names of the flows shipped in ``resources/ivr`` (fragments under ``shared/`` excluded)."""
    return sorted(p.stem for p in bundled_folder().glob("*.toml"))


def flow_path(name_or_path: str, relative_to: Path | None = None) -> Path:
    """A bundled flow by name (``hotline-10000``) or a file, relative to ``relative_to``."""
    if name_or_path in bundled_flows():
        return bundled_folder() / f"{name_or_path}.toml"
    path = Path(name_or_path)
    if not path.is_absolute() and relative_to is not None:
        path = relative_to / path
    if not path.is_file():
        raise FlowRefused(f"{name_or_path}: no such flow file, and not a bundled flow "
                          f"(bundled: {', '.join(bundled_flows())})")
    return path


def load_checked(path: Path, shown: str | None = None) -> tuple[Flow, list[Finding]]:
    """The linted flow and its findings (warnings); :class:`FlowRefused` on any error."""
    flow, findings = lint_file(path, shown)
    if flow is None or has_errors(findings):
        errors = [f for f in findings if f.severity == "error"]
        first = f": {errors[0]}" if errors else ""
        raise FlowRefused(f"{shown or path}: the linter found {len(errors)} error(s){first}",
                          findings)
    return flow, findings
