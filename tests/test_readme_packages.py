"""The README's set-up is one packages line and two commands, and the packages are exactly the
ones CI installs on a clean Debian 12 — so what passes in CI passes for a newcomer."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def ci_packages() -> list[str]:
    text = (ROOT / ".ci" / "run").read_text()
    lists = re.findall(r"^packages=\((.*?)\)", text, re.S | re.M)
    assert len(lists) == 1, "keep one packages=(...) list in .ci/run"
    return lists[0].split()


def setup_blocks() -> list[str]:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Set up on a fresh machine", 1)[1].split("\n## ", 1)[0]
    return [b.strip() for b in re.findall(r"```sh\n(.*?)```", section, re.S)]


def test_the_readme_names_exactly_the_packages_ci_installs() -> None:
    apt = [b for b in setup_blocks() if "apt-get install" in b]
    assert len(apt) == 1 and "\n" not in apt[0], "one packages line"
    words = shlex.split(apt[0])
    packages = [w for w in words[words.index("install") + 1:] if not w.startswith("-")]
    assert packages == ci_packages()


def test_the_desktop_needs_are_in_the_list() -> None:
    needed = {"xvfb", "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libpulse0",
              "fonts-wqy-microhei", "postgresql"}
    assert needed <= set(ci_packages())


def test_the_readme_keeps_two_set_up_commands_plus_the_packages_line() -> None:
    blocks = setup_blocks()
    assert len(blocks) == 3
    assert blocks[1].endswith("main.py")
    ci_command = (ROOT / ".ci" / "run").read_text().strip().splitlines()[-1]
    assert blocks[2] == ci_command  # the test command, exactly as CI runs it
